"""Renderers: model objects -> Markdown/HTML/SVG/JSON/CSV strings, pure and deterministic."""
