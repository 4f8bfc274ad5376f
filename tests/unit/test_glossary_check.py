"""Issue 23: the glossary and includes/forkortningar.md agree, checked with located Swedish lines."""

from __future__ import annotations

from pathlib import Path

from handbok.glossary import check_glossary, parse_glossary
from handbok.problems import format_problem
from handbok.project import check_project
from tests.unit.data_repo import REPO_ROOT, TODAY, write_repo

GLOSSARY = """---
ansvarig: Redaktionen
senast_granskad: 2026-11-23
---

# Ordlista

## Förkortningar {#forkortningar}

TLO
:   Tidig lokal omställning.
    *Källa: redaktionen.*

### Tekniska förkortningar {#tekniska-forkortningar}

YAML
:   Ett textformat för data.

## Ord och begrepp {#ord-och-begrepp}

Beredning
:   Analys av ett ärende.
"""
ABBREVIATIONS = "*[TLO]: tidig lokal omställning\n*[YAML]: ett textformat för data\n"


def _lines(root: Path, glossary: str = GLOSSARY, abbreviations: str = ABBREVIATIONS) -> list[str]:
    (root / "docs").mkdir(exist_ok=True)
    (root / "includes").mkdir(exist_ok=True)
    (root / "docs" / "ordlista.md").write_text(glossary, encoding="utf-8")
    (root / "includes" / "forkortningar.md").write_text(abbreviations, encoding="utf-8")
    return [format_problem(p) for p in sorted(check_glossary(root))]


def test_agreeing_files_have_no_problems(tmp_path: Path) -> None:
    assert _lines(tmp_path) == []


def test_the_terms_with_their_sections_lines_and_explanations() -> None:
    terms = [(t.name, t.line, t.section, t.definition, t.is_abbreviation) for t in parse_glossary(GLOSSARY)]
    assert terms == [
        ("TLO", 10, "forkortningar", "Tidig lokal omställning. *Källa: redaktionen.*", True),
        ("YAML", 16, "forkortningar", "Ett textformat för data.", True),
        ("Beredning", 21, "ord-och-begrepp", "Analys av ett ärende.", False),
    ]


def test_abbreviation_without_a_glossary_term(tmp_path: Path) -> None:
    assert _lines(tmp_path, abbreviations=ABBREVIATIONS + "*[SIP]: samordnad individuell plan\n") == [
        "includes/forkortningar.md:3:3: fel: förkortningen 'SIP' förklaras inte i ordlistan; "
        "lägg till termen 'SIP' under rubriken 'Förkortningar' i docs/ordlista.md",
    ]


def test_misspelt_abbreviation_gets_the_glossary_term_as_suggestion(tmp_path: Path) -> None:
    assert _lines(tmp_path, abbreviations="*[Tlo]: tidig lokal omställning\n*[YAML]: data\n") == [
        "docs/ordlista.md:10:1: fel: förkortningen 'TLO' saknas i includes/forkortningar.md, så den "
        "förklaras inte där den står i texten; lägg till raden '*[TLO]: förklaring' där"
        " — menade du 'Tlo'?",
        "includes/forkortningar.md:1:3: fel: förkortningen 'Tlo' förklaras inte i ordlistan; "
        "lägg till termen 'Tlo' under rubriken 'Förkortningar' i docs/ordlista.md — menade du 'TLO'?",
    ]


def test_glossary_abbreviation_missing_from_the_list(tmp_path: Path) -> None:
    glossary = GLOSSARY.replace("YAML\n", "SIP\n:   Samordnad individuell plan.\n\nYAML\n")
    assert _lines(tmp_path, glossary) == [
        "docs/ordlista.md:16:1: fel: förkortningen 'SIP' saknas i includes/forkortningar.md, så den "
        "förklaras inte där den står i texten; lägg till raden '*[SIP]: förklaring' där",
    ]


def test_term_in_capitals_under_the_other_heading(tmp_path: Path) -> None:
    glossary = GLOSSARY + "\nSIP\n:   Samordnad individuell plan.\n"
    assert _lines(tmp_path, glossary) == [
        "docs/ordlista.md:24:1: fel: förkortningen 'SIP' saknas i includes/forkortningar.md, så den "
        "förklaras inte där den står i texten; lägg till raden '*[SIP]: förklaring' där, och flytta "
        "termen till rubriken 'Förkortningar'",
    ]
    assert _lines(tmp_path, glossary, ABBREVIATIONS + "*[SIP]: samordnad individuell plan\n") == [
        "docs/ordlista.md:24:1: fel: 'SIP' är en förkortning (den står i includes/forkortningar.md) "
        "men står under rubriken 'Ord och begrepp'; flytta den till rubriken 'Förkortningar'",
    ]


def test_a_line_that_is_not_a_definition(tmp_path: Path) -> None:
    assert _lines(tmp_path, abbreviations=ABBREVIATIONS + "\n*[SIP] samordnad individuell plan\n") == [
        "includes/forkortningar.md:4:1: fel: raden är ingen förkortning; skriv den som "
        "'*[FÖRKORTNING]: förklaring', till exempel '*[VGR]: Västra Götalandsregionen'",
    ]


def test_an_abbreviation_defined_twice(tmp_path: Path) -> None:
    assert _lines(tmp_path, abbreviations=ABBREVIATIONS + "*[TLO]: tidig omställning\n") == [
        "includes/forkortningar.md:3:3: fel: förkortningen 'TLO' står redan på rad 1; behåll en av raderna",
    ]


def test_the_project_check_reports_it(tmp_path: Path) -> None:
    write_repo(tmp_path)
    _lines(tmp_path, abbreviations=ABBREVIATIONS + "*[SIP]: samordnad individuell plan\n")
    _, problems = check_project(tmp_path, today=TODAY)
    assert [format_problem(p) for p in problems if p.rule == "ordlista"] == [
        "includes/forkortningar.md:3:3: fel: förkortningen 'SIP' förklaras inte i ordlistan; "
        "lägg till termen 'SIP' under rubriken 'Förkortningar' i docs/ordlista.md",
    ]


def test_the_editor_guides_quote_the_check_s_own_messages(tmp_path: Path) -> None:
    """CONTRIBUTING.md and "Så bidrar du" show these two lines; they must be what the check says."""
    added = ABBREVIATIONS + "*[SIP]: samordnad individuell plan\n"
    expected = [*_lines(tmp_path, abbreviations=added),
                *_lines(tmp_path, GLOSSARY.replace("YAML\n", "SIP\n:   Samordnad individuell plan.\n\nYAML\n"))]
    assert len(expected) == 2
    for guide in (REPO_ROOT / "CONTRIBUTING.md", REPO_ROOT / "docs" / "om" / "sa-bidrar-du.md"):
        text = guide.read_text(encoding="utf-8")
        assert [line for line in expected if line not in text] == [], guide.name
        assert "includes/forkortningar.md" in text and "docs/ordlista.md" in text


def test_a_word_in_capitals_that_nothing_explains_is_found_where_it_stands(tmp_path: Path) -> None:
    """`make validate` warns about what the built site's abbreviation test would find (issue 23):
    an editor learns it before the pull request, with what to do."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "sida.md").write_text(
        "---\nansvarig: R\nsenast_granskad: 2026-11-23\n---\n\n# Sida\n\n"
        "Se TLO och `KOD` i [länken](https://exempel.se/ABC) {#id .KLASS}.\n\n"
        "```\nKODBLOCK\n```\n\nSIP-arbetet och SIP igen. A4-papper.\n", encoding="utf-8")
    (tmp_path / "data" / "insatser").mkdir(parents=True)
    (tmp_path / "data" / "insatser" / "x.yaml").write_text("# HEJ\nid: x\ntitel: 'TEST: ny insats'\n", encoding="utf-8")
    hint = ("i includes/forkortningar.md och termen under rubriken 'Förkortningar' i docs/ordlista.md, "
            "eller skriv ordet med små bokstäver om det inte är en förkortning")
    from handbok.glossary import unexplained_capitals

    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "forkortningar.md").write_text(ABBREVIATIONS, encoding="utf-8")
    assert [format_problem(p, warning=True) for p in sorted(unexplained_capitals(tmp_path))] == [
        f"data/insatser/x.yaml:3:9: varning: 'TEST' ser ut som en förkortning men förklaras inte; lägg till raden "
        f"'*[TEST]: förklaring' {hint}",
        f"docs/sida.md:14:17: varning: 'SIP' ser ut som en förkortning men förklaras inte; lägg till raden "
        f"'*[SIP]: förklaring' {hint}"]
