"""Start-up check: every value a schema's enum allows is one the code's enums know.

A value added to a schema but not to `model.py` would pass validation and then fail while the
model is built (issue 14), so a mismatch is reported at the schema line instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from handbok.model import (
    BehovStatus,
    EnhetTyp,
    Fas,
    Finansieringskalla,
    Halsa,
    InsatsTyp,
    LabelledEnum,
    Prioritet,
    Rapportintervall,
    Status,
)
from handbok.problems import Problem

# (schema name, field path through properties/items) -> the enum the model builds from it
CODE_ENUMS: dict[tuple[str, tuple[str, ...]], type[LabelledEnum]] = {
    ("insats", ("typ",)): InsatsTyp,
    ("insats", ("fas",)): Fas,
    ("insats", ("status",)): Status,
    ("insats", ("halsa",)): Halsa,
    ("insats", ("statusrapporter", "halsa")): Halsa,
    ("insats", ("rapportintervall",)): Rapportintervall,
    ("insats", ("finansiering", "kalla")): Finansieringskalla,
    ("behov", ("status",)): BehovStatus,
    ("behov", ("prioritet",)): Prioritet,
    ("enhet", ("typ",)): EnhetTyp,
}


def enum_problems(schemas: Mapping[str, object], schema_dir: Path, repo_root: Path) -> list[Problem]:
    """Schema enum values the code does not know, each at its line in the schema file."""
    problems = []
    for (name, path), enum in CODE_ENUMS.items():
        if name not in schemas:
            continue
        schema_file = schema_dir / f"{name}.schema.json"
        rel = _relative(schema_file, repo_root)
        lines = schema_file.read_text(encoding="utf-8").splitlines()
        field = _field_schema(schemas[name], path)
        allowed = field.get("enum") if isinstance(field, dict) else None
        if not isinstance(allowed, list):
            problems.append(Problem(rel, _line_of(lines, f'"{path[-1]}"', 0), 1, f"fältet "
                                    f"'{'.'.join(path)}' ska ha en lista 'enum' med värdena "
                                    f"{', '.join(m.value for m in enum)}", "schema-enum"))
            continue
        known = {member.value for member in enum}
        field_line = _line_of(lines, f'"{path[-1]}"', 0)
        for value in allowed:
            if value not in known:
                problems.append(Problem(rel, _line_of(lines, f'"{value}"', field_line), 1,
                                        f"värdet {value!r} i fältet '{'.'.join(path)}' finns inte i "
                                        f"koden (macros/handbok/model.py: {enum.__name__}); lägg till "
                                        "det där först", "schema-enum"))
    return problems


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _field_schema(schema: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        if isinstance(schema, dict) and isinstance(schema.get("items"), dict):
            schema = schema["items"]
        schema = schema.get("properties", {}).get(step) if isinstance(schema, dict) else None
    return schema


def _line_of(lines: list[str], needle: str, after: int) -> int:
    """1-based line of the first line at or after line `after` holding `needle` (1 if none)."""
    return next((n for n, line in enumerate(lines, start=1) if n >= after and needle in line), 1)
