"""The editor guide's field reference: one Swedish Markdown table per schema, from the schema."""

from __future__ import annotations

from typing import Any

_TYPE_WORDS = {"string": "text", "integer": "heltal", "number": "tal", "array": "lista",
               "object": "grupp av fält", "boolean": "sant/falskt"}


def field_reference(schema: dict[str, Any]) -> str:
    """A Markdown table (fält, obligatoriskt, värde, beskrivning) for every property, nested
    properties as `förälder.fält`; text is escaped so that it cannot break the table."""
    rows = ["| Fält | Obligatoriskt | Värde | Beskrivning |", "| --- | --- | --- | --- |"]
    rows += _rows(schema, prefix="")
    return "\n".join(rows) + "\n"


def _rows(schema: dict[str, Any], prefix: str) -> list[str]:
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        label = f"`{prefix}{name}`"
        title = _cell(prop.get("title", ""))
        rows.append(f"| {label} | {'ja' if name in required else 'nej'} | {_value_kind(prop)} | "
                    f"**{title}.** {_cell(prop.get('description', ''))} |")
        nested = prop.get("items", {}) if prop.get("type") == "array" else prop
        if nested.get("type") == "object" and "properties" in nested:
            suffix = "[]." if prop.get("type") == "array" else "."
            rows += _rows(nested, prefix=f"{prefix}{name}{suffix}")
    return rows


def _value_kind(prop: dict[str, Any]) -> str:
    if "enum" in prop:
        return "ett av: " + ", ".join(f"`{value}`" for value in prop["enum"])
    if "anyOf" in prop:
        return "datum: `ÅÅÅÅ`, `ÅÅÅÅ-MM` eller `ÅÅÅÅ-MM-DD`"
    if prop.get("format") == "date":
        return "datum `ÅÅÅÅ-MM-DD`"
    kind = prop.get("type", "")
    if kind == "array":
        item = prop.get("items", {})
        inner = "id" if "pattern" in item else _TYPE_WORDS.get(item.get("type", ""), "värden")
        return f"lista med {inner}"
    if kind == "string" and "pattern" in prop:
        return "id (a–z, 0–9, -)"
    if kind == "integer" and "minimum" in prop and "maximum" in prop:
        return f"heltal {prop['minimum']}–{prop['maximum']}"
    return _TYPE_WORDS.get(kind, kind)


def _cell(text: str) -> str:
    """Schema text shown literally: no HTML, no table breaks, no Markdown emphasis or links."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")
