"""The JSON Schemas published with the site at stable URLs (schemas/<name>.schema.json)."""

from __future__ import annotations

from pathlib import Path

from handbok.generated import GeneratedFile


def published_schema_files(schema_dir: Path) -> list[GeneratedFile]:
    """Every schema file, byte for byte, at `schemas/<name>.schema.json` in the site."""
    return [
        GeneratedFile(f"schemas/{path.name}", path.read_bytes(), f"schemas/{path.name}")
        for path in sorted(schema_dir.glob("*.schema.json"))
    ]
