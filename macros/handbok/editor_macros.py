"""Macros for the editor guide (docs/om/sa-bidrar-du.md): a live error example, the field reference."""

from __future__ import annotations

import json
from pathlib import Path

from handbok.error_example import render_error_example
from handbok.field_reference import field_reference

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO_ROOT / "schemas"


def sa_ser_ett_fel_ut(_data: object) -> str:
    """A broken example file and the real validator's output for it."""
    return render_error_example(SCHEMA_DIR, REPO_ROOT)


def faltreferens(_data: object, typ: str) -> str:
    """The field reference for one record type, generated from its JSON Schema."""
    path = SCHEMA_DIR / f"{typ}.schema.json"
    if not path.is_file():
        known = ", ".join(sorted(p.name.removesuffix(".schema.json")
                                 for p in SCHEMA_DIR.glob("*.schema.json")))
        raise ValueError(f"okänd posttyp {typ!r}; kända: {known}")
    return field_reference(json.loads(path.read_text(encoding="utf-8")))
