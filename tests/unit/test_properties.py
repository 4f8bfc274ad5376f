"""Property tests: generated valid records pass; any single mutation is reported at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbok import validate
from handbok.load import load_document

REPO_ROOT = Path(__file__).resolve().parents[2]
VALIDATORS, _ = validate.load_validators(REPO_ROOT / "schemas", REPO_ROOT)
# The pipeline's fast path: the compiled check decides which records get the full walk.
FAST = validate.fast_check(VALIDATORS["insats"])
PATH = "data/insatser/x.yaml"
HEADER = validate.schema_header("insats") + "\n"

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
texts = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")),
                min_size=1, max_size=40).map(str.strip).filter(bool)
days = st.dates(dt.date(2000, 1, 1), dt.date(2026, 11, 23))


@st.composite
def initiatives(draw) -> dict:
    start = draw(days)
    record = {
        "id": "x",
        "titel": draw(texts),
        "sammanfattning": draw(texts),
        "typ": draw(st.sampled_from(["flera-forvaltningar", "forvaltningsspecifik",
                                     "regiongemensam"])),
        "fas": draw(st.sampled_from(["ta-emot-arende", "bereda", "infora",
                                     "forvalta-och-folja-upp"])),
        "status": draw(st.sampled_from(["planerad", "pagar", "pausad", "avslutad"])),
        "forvaltningar": draw(st.lists(slugs, min_size=1, max_size=3, unique=True)),
        "period": {"start": draw(st.sampled_from([start.year, start.strftime("%Y-%m"),
                                                  start.isoformat()])),
                   "slut": (start + dt.timedelta(days=draw(st.integers(0, 900)))).isoformat()},
        "risker": draw(st.lists(st.fixed_dictionaries({
            "beskrivning": texts, "sannolikhet": st.integers(1, 4),
            "konsekvens": st.integers(1, 4)}), max_size=2)),
        "kalla": draw(slugs),
        "uppgifterna_galler": draw(st.sampled_from([start.year, start.strftime("%Y-%m"), start.isoformat()])),
        "senast_granskad": draw(days).isoformat(),
    }
    if draw(st.booleans()):
        record["halsa"] = "risk"
        record["halsokommentar"] = draw(texts)
    return record


def dump(record: dict) -> bytes:
    return (HEADER + yaml.safe_dump(record, allow_unicode=True, sort_keys=False)).encode()


def problems_of(raw: bytes) -> list:
    document, found = load_document(PATH, raw)
    if document is None:
        return found
    return found + validate.schema_problems(document, VALIDATORS["insats"], FAST) + \
        validate.header_problems(document, "insats")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(initiatives())
def test_generated_valid_records_pass(record: dict) -> None:
    assert problems_of(dump(record)) == []


MUTATIONS = {
    "wrong type": lambda value: [value] if not isinstance(value, list) else "text",
    "bad enum or pattern": lambda value: "Inte Giltigt!",
}
SCALAR_FIELDS = ("titel", "typ", "fas", "status", "kalla", "senast_granskad")


def line_of_key(raw: bytes, key: str) -> int:
    lines = raw.decode().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(f"{key}:"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(initiatives(), st.sampled_from(SCALAR_FIELDS + ("forvaltningar", "period")),
       st.sampled_from(sorted(MUTATIONS)))
def test_a_single_mutation_is_reported_at_that_fields_line(record: dict, field: str,
                                                           mutation: str) -> None:
    if field == "titel" and mutation == "bad enum or pattern":
        mutation = "wrong type"  # any text is a valid title
    record[field] = MUTATIONS[mutation](record[field])
    raw = dump(record)
    found = problems_of(raw)
    assert found, f"mutation {mutation} of {field} was not reported"
    assert {p.line for p in found} == {line_of_key(raw, field)}, found


@settings(max_examples=40, deadline=None)
@given(initiatives(), st.sampled_from(["titl", "statu", "faas", "okant_falt"]))
def test_an_unknown_key_is_reported_at_its_line(record: dict, key: str) -> None:
    record[key] = "x"
    raw = dump(record)
    found = problems_of(raw)
    assert [(p.line, p.column) for p in found] == [(line_of_key(raw, key), 1)]
    assert found[0].message.startswith(f"okänt fält '{key}'")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(initiatives(), st.sampled_from(SCALAR_FIELDS + ("forvaltningar", "period", "risker")),
       st.sampled_from(sorted(MUTATIONS) + ["impossible date", "unchanged"]))
def test_fast_check_agrees_with_jsonschema(record: dict, field: str, mutation: str) -> None:
    if mutation == "impossible date":
        record[field] = "2023-02-30"
    elif mutation != "unchanged":
        record[field] = MUTATIONS[mutation](record[field])
    assert FAST(record) == VALIDATORS["insats"].is_valid(record), record
