"""Front matter for generated pages that need the theme's options, e.g. the full-width portfolio."""

from __future__ import annotations

FULL_WIDTH = ("navigation", "toc")


def with_hidden_sidebars(markdown: str, hide: tuple[str, ...] = FULL_WIDTH) -> str:
    """The page with Material's `hide:` front matter, so its wide tables get the whole width (issue 16)."""
    if markdown.startswith("---\n"):
        raise ValueError("the page already has front matter; add `hide:` there instead")
    items = "".join(f"  - {name}\n" for name in hide)
    return f"---\nhide:\n{items}---\n\n{markdown}"
