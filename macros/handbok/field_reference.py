"""The editor guide's field reference: one Swedish Markdown table per schema, from the schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handbok.render.templating import render

_TYPE_WORDS = {"string": "text", "integer": "heltal", "number": "tal", "array": "lista",
               "object": "underfält, se raderna under", "boolean": "sant/falskt"}


@dataclass(frozen=True)
class ValueKind:
    """What a field holds: enum values, a fixed form (date, id, integer range) or type words."""

    enum: tuple[object, ...] | None = None
    form: str = ""  # "partial_date" | "date" | "id" | "range" | "" (words)
    words: str = ""
    minimum: object = None
    maximum: object = None


@dataclass(frozen=True)
class FieldRow:
    name: str  # nested properties as `förälder.fält`, array items as `lista[].fält`
    required: bool
    kind: ValueKind
    title: str
    description: str


def field_reference(schema: dict[str, Any]) -> str:
    """A Markdown table (fält, obligatoriskt, värde, beskrivning) for every property; schema
    text, names and enum values are escaped so that they cannot break the table."""
    return render("field_reference.md.j2", rows=_rows(schema, prefix=""))


def _rows(schema: dict[str, Any], prefix: str) -> list[FieldRow]:
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        rows.append(FieldRow(f"{prefix}{name}", name in required, _value_kind(prop),
                             prop.get("title", ""), prop.get("description", "")))
        nested = prop.get("items", {}) if prop.get("type") == "array" else prop
        if nested.get("type") == "object" and "properties" in nested:
            suffix = "[]." if prop.get("type") == "array" else "."
            rows += _rows(nested, prefix=f"{prefix}{name}{suffix}")
    return rows


def _value_kind(prop: dict[str, Any]) -> ValueKind:
    if "enum" in prop:
        return ValueKind(enum=tuple(prop["enum"]))
    if "anyOf" in prop:
        return ValueKind(form="partial_date")
    if prop.get("format") == "date":
        return ValueKind(form="date")
    kind = prop.get("type", "")
    if kind == "array":
        item = prop.get("items", {})
        inner = "id" if "pattern" in item else _TYPE_WORDS.get(item.get("type", ""), "värden")
        return ValueKind(words=f"lista med {inner}")
    if kind == "string" and "pattern" in prop:
        return ValueKind(form="id")
    if kind == "integer" and "minimum" in prop and "maximum" in prop:
        return ValueKind(form="range", minimum=prop["minimum"], maximum=prop["maximum"])
    return ValueKind(words=_TYPE_WORDS.get(kind, kind))
