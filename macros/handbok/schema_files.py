"""The JSON Schemas published with the site at stable URLs (schemas/<name>.schema.json).

PLACEHOLDER until the data layer lands (issue 4).
"""

from __future__ import annotations

from pathlib import Path

from handbok.generated import GeneratedFile


def published_schema_files(schema_dir: Path) -> list[GeneratedFile]:
    return []
