"""Issue 17: suggestions that match how editors write, and none when nothing is close."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_repo import BASE, located

from handbok.suggestions import closest, enum_labels, fold

INSATS = "data/insatser/i.yaml"


def _with(kind: str, field: str, value: str) -> dict:
    key = (kind, "i" if kind == "insats" else "b")
    lines = [f"{field}: {value}" if line.startswith(f"{field}:") else line
             for line in BASE[key].splitlines()]
    return {key: "\n".join(lines) + "\n"}


@pytest.mark.parametrize(("kind", "field", "written", "meant"), [
    ("insats", "status", "pågår", "pagar"),
    ("insats", "status", "Pågår", "pagar"),
    ("insats", "fas", "Införa", "infora"),
    ("insats", "fas", "ta emot ärende", "ta-emot-arende"),
    ("behov", "status", "åtgärdas", "atgardas"),
    ("insats", "status", "avslutat", "avslutad"),
])
def test_swedish_label_gets_the_token(tmp_path: Path, kind: str, field: str, written: str,
                                      meant: str) -> None:
    problems = located(tmp_path, _with(kind, field, written))
    assert len(problems) == 1
    assert problems[0][3].endswith(f" — menade du '{meant}'?")
    assert problems[0][3].startswith(f"fältet '{field}' har värdet '{written}', tillåtna värden är: ")


def test_no_suggestion_when_nothing_is_close(tmp_path: Path) -> None:
    [(path, line, column, message)] = located(tmp_path, _with("insats", "status", "klar"))
    assert (path, line, column) == (INSATS, 7, 9)
    assert message == ("fältet 'status' har värdet 'klar', tillåtna värden är: planerad, pagar, "
                       "pausad, avslutad")


def test_unknown_unit_points_to_the_organisation_folder_not_a_lookalike(tmp_path: Path) -> None:
    changes = {("enhet", "fouu-avdelningen"): BASE[("enhet", "u")].replace("id: u", "id: fouu-avdelningen")}
    changes.update(_with("insats", "forvaltningar", "\n  - hr-avdelningen"))
    [(path, line, column, message)] = located(tmp_path, changes)
    assert (path, line, column) == (INSATS, 9, 5)
    assert "menade du" not in message
    assert message == ("referensen 'hr-avdelningen' i 'forvaltningar' finns inte bland "
                       "organisationsenheterna; enheterna finns i data/organisation/ (id:t är "
                       "filnamnet utan .yaml), och saknas enheten lägger du till den som en ny "
                       "fil där")


def test_unit_typo_is_still_suggested(tmp_path: Path) -> None:
    """Issue 23: after the question a new sentence begins (no '?;')."""
    [(path, line, column, message)] = located(tmp_path, _with("insats", "forvaltningar", "\n  - uu"))
    assert (path, line, column) == (INSATS, 9, 5)
    assert message == ("referensen 'uu' i 'forvaltningar' finns inte bland organisationsenheterna "
                       "— menade du 'u'? Enheterna finns i data/organisation/ (id:t är filnamnet "
                       "utan .yaml), och saknas enheten lägger du till den som en ny fil där")


def test_closest_folds_and_matches_labels() -> None:
    assert fold("Förvalta och följa upp") == "forvalta-och-folja-upp"
    assert closest("Enligt plan", ["enligt-plan", "risk"]) == "enligt-plan"
    assert closest("Tillgodosett", ["tillgodosett"]) == "tillgodosett"
    assert closest("hög", ["hog", "medel", "lag"], enum_labels()) == "hog"
    assert closest("hr-avdelningen", ["fouu-avdelningen", "it-avdelningen"]) is None
    assert closest("", ["a"]) is None
    assert enum_labels()["pagar"] == "Pågår"
