"""Macros for the editor guide (docs/om/sa-bidrar-du.md): a live error example, the field reference.

Each takes the repository root first; the adapter (macros/main.py) binds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from handbok.error_example import render_error_example
from handbok.field_reference import field_reference
from handbok.kinds import SCHEMA_DIR


def sa_ser_ett_fel_ut(repo_root: Path) -> str:
    """A broken example file and the real validator's output for it."""
    return render_error_example(repo_root / SCHEMA_DIR, repo_root)


def faltreferens(repo_root: Path, typ: str) -> str:
    """The field reference for one record type, generated from its JSON Schema."""
    schema_dir = repo_root / SCHEMA_DIR
    known = sorted(p.name.removesuffix(".schema.json") for p in schema_dir.glob("*.schema.json"))
    if typ not in known:  # a name, never a path (issue 28)
        raise ValueError(f"okänd posttyp {typ!r}; kända: {', '.join(known)}")
    path = schema_dir / f"{typ}.schema.json"
    return field_reference(json.loads(path.read_text(encoding="utf-8")))


MACROS: dict[str, Callable[..., str]] = {
    "sa_ser_ett_fel_ut": sa_ser_ett_fel_ut,
    "faltreferens": faltreferens,
}
