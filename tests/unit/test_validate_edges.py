"""Issue 14: values that used to pass the schema and crash later, and broken schema files.

Every case asserts the exact located Swedish problem; none may raise.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from data_repo import BASE, REPO_ROOT, TODAY, insats, located, write_repo

from handbok.pipeline import load_portfolio

INSATS = "data/insatser/i.yaml"
SLUG = ("ska bestå av små bokstäver a–z, siffror och bindestreck (å/ä blir a, ö blir o), "
        "t.ex. 'skaraborgs-sjukhus'")
PARTIAL = "som inte är tillåtet: Datum så exakt som källan anger: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD."


@pytest.mark.parametrize(("body", "expected"), [
    (insats(id='"i\\n"'), (INSATS, 2, 5, f"fältet 'id' har värdet 'i\\n', men {SLUG}")),
    (insats(kalla='"k\\n"'), (INSATS, 12, 8, f"fältet 'kalla' har värdet 'k\\n', men {SLUG}")),
    (insats().replace("  - u\n", '  - "u\\n"\n'),
     (INSATS, 9, 5, f"punkt 1 i fältet 'forvaltningar' har värdet 'u\\n', men {SLUG}")),
    (insats('senast_granskad: "2026-11-23\\n"\n'),
     (INSATS, 14, 18, "fältet 'senast_granskad' har värdet '2026-11-23\\n', som inte är ett giltigt "
                 "datum (ÅÅÅÅ-MM-DD)")),
    (insats('period:\n  start: "2025\\n"\n'), (INSATS, 15, 10, f"fältet 'start' har värdet '2025\\n', {PARTIAL}")),
    (insats('tidigare_id:\n  - "gammal\\n"\n'),
     (INSATS, 15, 5, f"punkt 1 i fältet 'tidigare_id' har värdet 'gammal\\n', men {SLUG}")),
])
def test_values_ending_in_a_newline_are_rejected(tmp_path: Path, body: str, expected: tuple) -> None:
    assert located(tmp_path, {("insats", "i"): body}) == [expected]


def test_invisible_characters_are_shown_as_escapes(tmp_path: Path) -> None:
    assert located(tmp_path, {("insats", "i"): insats(id='"i\\u200f"')}) == [
        (INSATS, 2, 5, f"fältet 'id' har värdet 'i\\u200f', men {SLUG}")]


@pytest.mark.parametrize(("extra", "expected"), [
    ('period:\n  start: "9999"\n', [(INSATS, 15, 10, "fältet 'start' har värdet '9999': året ska ligga mellan 1900 och 2100")]),
    ("period:\n  start: 2020\n  slut: 0000-01\n",
     [(INSATS, 16, 9, "fältet 'slut' har värdet '0000-01': året ska ligga mellan 1900 och 2100")]),
    ("period:\n  start: 9999-12-31\n",
     [(INSATS, 15, 10, "fältet 'start' har värdet '9999-12-31': året ska ligga mellan 1900 och 2100")]),
    ("statusrapporter:\n  - datum: 0001-01-01\n    halsa: risk\n    text: T\n",
     [(INSATS, 15, 12, "fältet 'datum' har värdet '0001-01-01': året ska ligga mellan 1900 och 2100")]),
    ("period:\n  start: 99999\n", [(INSATS, 15, 10, f"fältet 'start' har värdet 99999, {PARTIAL}")]),
])
def test_years_outside_the_range_say_the_range(tmp_path: Path, extra: str, expected: list) -> None:
    assert located(tmp_path, {("insats", "i"): insats(extra)}) == expected


def test_review_date_year_is_bounded(tmp_path: Path) -> None:
    body = BASE[("behov", "b")] + "senast_granskad: 1850-01-01\n"
    assert located(tmp_path, {("behov", "b"): body}) == [
        ("data/behov/b.yaml", 10, 18, "fältet 'senast_granskad' har värdet '1850-01-01': året ska "
                                     "ligga mellan 1900 och 2100")]


@pytest.mark.parametrize(("changes", "expected"), [
    ({("insats", "i"): insats("finansiering:\n  kalla: egen-budget\n  belopp_kr: 500000.0\n")},
     (INSATS, 16, 14, "fältet 'belopp_kr' ska vara ett heltal, men är talet 500000.0")),
    ({("kalla", "k"): "id: k\ntitel: T\nbeskrivning: B\nar: 2020.0\n"},
     ("data/kallor/k.yaml", 5, 5, "fältet 'ar' ska vara ett heltal, men är talet 2020.0")),
    ({("insats", "i"): insats("period:\n  start: 2020.0\n")},
     (INSATS, 15, 10, f"fältet 'start' har värdet 2020.0, {PARTIAL}")),
    ({("insats", "i"): insats("risker:\n  - beskrivning: R\n    sannolikhet: 2.0\n    konsekvens: 1\n")},
     (INSATS, 16, 18, "fältet 'sannolikhet' ska vara ett heltal, men är talet 2.0")),
    ({("behov", "b"): BASE[("behov", "b")] + "kostnad_kr: 8.0\n"},
     ("data/behov/b.yaml", 10, 13, "fältet 'kostnad_kr' ska vara ett heltal, men är talet 8.0")),
])
def test_floats_are_not_whole_numbers(tmp_path: Path, changes: dict, expected: tuple) -> None:
    assert located(tmp_path, changes) == [expected]


def test_a_list_where_an_id_is_expected(tmp_path: Path) -> None:
    body = "id: [u]\nnamn: U\ntyp: sjukhus\noverordnad: [r]\nregion: r\nkalla: k\n"
    assert located(tmp_path, {("enhet", "u"): body}) == [
        ("data/organisation/u.yaml", 2, 1, "fältet 'id' ska vara text, men är en lista"),
        ("data/organisation/u.yaml", 5, 1, "fältet 'overordnad' ska vara text, men är en lista")]


def chain(units: int) -> dict:
    return {("enhet", f"e{n}"): f"id: e{n}\nnamn: E{n}\ntyp: avdelning\noverordnad: "
            f"{f'e{n - 1}' if n else 'r'}\nkalla: k\n" for n in range(units)}


def test_a_long_chain_of_parent_units_is_checked_in_linear_time(tmp_path: Path) -> None:
    started = time.perf_counter()
    portfolio, problems = load_portfolio(write_repo(tmp_path, chain(3000)) / "data",
                                               REPO_ROOT / "schemas", today=TODAY)
    assert portfolio is None and time.perf_counter() - started < 10
    assert [(p.path, p.line, p.column, p.message) for p in problems] == [
        ("data/organisation/e15.yaml", 5, 13, "enheten ligger 16 nivåer under sin översta enhet genom "
         "'overordnad'; högst 15 nivåer är tillåtna")]


def test_fifteen_levels_below_the_top_unit_are_allowed(tmp_path: Path) -> None:
    assert located(tmp_path, chain(15)) == []


def test_a_long_cycle_of_parent_units_is_reported_once_per_unit(tmp_path: Path) -> None:
    units = 400
    changes: dict = {("enhet", f"e{n}"): f"id: e{n}\nnamn: E{n}\ntyp: avdelning\noverordnad: "
                     f"e{(n + 1) % units}\nkalla: k\n" for n in range(units)}
    found = located(tmp_path, changes)
    assert len(found) == units and all("bildar en cirkel (" in f[3] for f in found)
    assert found[0][3].startswith("fältet 'overordnad' bildar en cirkel (e0 → e1 → e2")


# ---------------------------------------------------------------- broken schema files


def schema_problems(tmp_path: Path, name: str, text: str) -> list[tuple]:
    schemas = tmp_path / "schemas"
    shutil.copytree(REPO_ROOT / "schemas", schemas)
    (schemas / name).write_text(text, encoding="utf-8")
    write_repo(tmp_path)
    portfolio, problems = load_portfolio(tmp_path / "data", schemas, today=TODAY)
    assert portfolio is None
    return [(p.path, p.line, p.column, p.message) for p in problems]


def test_schema_with_a_json_syntax_error_is_located(tmp_path: Path) -> None:
    text = (REPO_ROOT / "schemas" / "kalla.schema.json").read_text(encoding="utf-8")
    broken = text.replace('"title": "Källa",', '"title": "Källa"', 1)
    assert schema_problems(tmp_path, "kalla.schema.json", broken) == [
        ("schemas/kalla.schema.json", 5, 3, "schemat är inte giltig JSON: ett kommatecken saknas")]


@pytest.mark.parametrize(("text", "message"), [
    ("[]", "schemat ska vara ett JSON-objekt ({ … })"),
    ('{"type": "objekt"}', "schemat är ogiltigt vid type: 'objekt' is not valid under any of the given schemas"),
    ('{"type": "string", "pattern": "["}', "schemat är ogiltigt vid pattern: '[' is not a 'regex'"),
])
def test_schema_that_is_not_a_valid_schema(tmp_path: Path, text: str, message: str) -> None:
    assert schema_problems(tmp_path, "kalla.schema.json", text) == [
        ("schemas/kalla.schema.json", 1, 1, message)]


def test_schema_enum_value_unknown_to_the_code_is_located(tmp_path: Path) -> None:
    schema = json.loads((REPO_ROOT / "schemas" / "insats.schema.json").read_text(encoding="utf-8"))
    schema["properties"]["status"]["enum"].append("klar")
    text = json.dumps(schema, ensure_ascii=False, indent=2)
    line = text.splitlines().index('        "klar"') + 1
    assert schema_problems(tmp_path, "insats.schema.json", text) == [
        ("schemas/insats.schema.json", line, 1, "värdet 'klar' i fältet 'status' finns inte i koden "
         "(macros/handbok/model.py: Status); lägg till det där först")]


@pytest.mark.parametrize("value", ["'1850'", "9999-01-01"])
def test_information_date_year_is_bounded(tmp_path: Path, value: str) -> None:
    body = BASE[("behov", "b")].replace("2017-06-13", value)
    assert located(tmp_path, {("behov", "b"): body}) == [
        ("data/behov/b.yaml", 9, 21, f"fältet 'uppgifterna_galler' har värdet '{value.strip(chr(39))}': "
                                     "året ska ligga mellan 1900 och 2100")]
