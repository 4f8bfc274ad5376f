"""The editor guide's field reference escapes schema text, field names and enum values (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbok.editor_macros import faltreferens
from handbok.field_reference import field_reference

SCHEMA = {
    "required": ["a_b"],
    "properties": {
        "a_b": {"type": "string", "title": "Fält *ett*", "description": "Se [länk](x) | <b>fet</b>"},
        "val|<i>": {"enum": ["ok", "<script>", "a|b", "*x*", "`kod`"], "title": "Val", "description": ""},
        "lista": {"type": "array", "title": "Lista", "description": "",
                  "items": {"type": "object", "properties": {"[x]": {"type": "integer", "minimum": 1,
                                                                    "maximum": 5, "title": "X"}}}},
    },
}


def test_names_and_enum_values_cannot_break_the_table_or_inject_markup() -> None:
    table = field_reference(SCHEMA)
    rows = table.splitlines()
    assert rows[:2] == ["| Fält | Obligatoriskt | Värde | Beskrivning |", "| --- | --- | --- | --- |"]
    assert rows[2] == ("| <code>a\\_b</code> | ja | text | **Fält \\*ett\\*.** "
                       "Se \\[länk\\](x) \\| &lt;b&gt;fet&lt;/b&gt; |")
    assert rows[3] == ("| <code>val\\|&lt;i&gt;</code> | nej | ett av: <code>ok</code>, "
                       "<code>&lt;script&gt;</code>, <code>a\\|b</code>, <code>\\*x\\*</code>, "
                       "<code>\\`kod\\`</code> | **Val.**  |")
    assert rows[5] == "| <code>lista\\[\\].\\[x\\]</code> | nej | heltal 1–5 | **X.**  |"
    assert all(row.count("|") - row.count("\\|") == 5 for row in rows)
    assert "<script>" not in table and "<i>" not in table


def test_faltreferens_takes_only_a_known_schema_name(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "insats.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "x.schema.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^okänd posttyp '\.\./x'; kända: insats$"):
        faltreferens(tmp_path, "../x")
