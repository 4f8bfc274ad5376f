"""Issue 23: front matter messages lead to the fix, at the right line, and following one
literally can never publish front matter as page text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbok.authored import check_authored_pages
from handbok.problems import format_problem

TODAY = dt.date(2026, 12, 8)  # fixture pages, pinned
PAGE = "docs/om/sida.md"
FRONT = "---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n---\n"
UNCLOSED = ("fel: front matter som börjar på rad 1 saknar sin avslutande rad '---': skriv en rad "
            "med bara '---' här, direkt under sista fältet (annars publiceras fälten som text på sidan)")
SECOND = ("fel: här börjar ett andra block med front matter, som skulle publiceras som text på "
          "sidan; en sida har bara ett block, överst: flytta fälten dit och ta bort det här blocket")
STRAY = ("fel: raden '{}: …' står i sidans text och skulle publiceras; fältet hör hemma i front "
         "matter överst (mellan de två raderna '---'): flytta det dit")


def messages(tmp_path: Path, text: str, today: dt.date = TODAY) -> list[str]:
    path = tmp_path / "docs" / "om" / "sida.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [format_problem(p) for p in check_authored_pages(tmp_path / "docs", tmp_path, today=today)]


@pytest.mark.parametrize("text", [
    # The closing line forgotten; the page text follows the fields.
    "---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n\n# Sida\n\nText.\n",
    # ... and a rule further down, which MkDocs would take as the closing line.
    "---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n\n# Sida\n\nText.\n\n---\n\nMer.\n",
    # ... with a list-valued field and a comment in the block.
    "---\nhide:\n  - toc\n# kommentar\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\nText.\n",
])
def test_missing_closing_line_is_named_where_it_belongs(tmp_path: Path, text: str) -> None:
    line = text.split("\n").index("senast_granskad: 2026-11-23") + 2
    assert messages(tmp_path, text) == [f"{PAGE}:{line}:1: {UNCLOSED}"]


def test_following_the_old_advice_literally_is_an_error(tmp_path: Path) -> None:
    # The review's walkthrough: a new block added above the unclosed one (issue 23).
    text = FRONT + "---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n\n# Sida\n"
    assert messages(tmp_path, text) == [f"{PAGE}:5:1: {SECOND}"]


def test_a_closed_second_block_is_an_error(tmp_path: Path) -> None:
    assert messages(tmp_path, FRONT + "\n---\ntitle: Sida\n---\n\n# Sida\n") == [f"{PAGE}:6:1: {SECOND}"]


def test_front_matter_fields_in_the_page_text_are_errors(tmp_path: Path) -> None:
    text = FRONT + "ansvarig: Redaktionen\n\n# Sida\n\nsenast_granskad: 2026-11-23\n"
    assert messages(tmp_path, text) == [f"{PAGE}:5:1: {STRAY.format('ansvarig')}",
                                        f"{PAGE}:9:1: {STRAY.format('senast_granskad')}"]


def test_front_matter_shown_in_a_code_block_is_fine(tmp_path: Path) -> None:
    text = FRONT + "\n# Sida\n\n```yaml\n---\nansvarig: Redaktionen\n---\n```\n\n~~~\nansvarig: x\n~~~\n"
    assert messages(tmp_path, text) == []


def test_misspelled_field_gets_a_suggestion_at_its_line(tmp_path: Path) -> None:
    text = "---\nansvarig: Redaktionen\nsenast_granskat: 2026-11-23\n---\n\n# Sida\n"
    assert messages(tmp_path, text) == [
        f"{PAGE}:3:1: fel: okänt fält 'senast_granskat' i front matter — menade du 'senast_granskad'?"]


def test_misspelled_owner_and_unrelated_fields(tmp_path: Path) -> None:
    text = "---\nAnsvarig: Redaktionen\nsenast_granskad: 2026-11-23\nkommentar: fri text\n---\n"
    assert messages(tmp_path, text) == [
        f"{PAGE}:2:1: fel: okänt fält 'Ansvarig' i front matter — menade du 'ansvarig'?"]


def test_missing_field_points_at_the_closing_line(tmp_path: Path) -> None:
    assert messages(tmp_path, "---\nansvarig: Redaktionen\n---\n\n# Sida\n") == [
        f"{PAGE}:3:1: fel: fältet 'senast_granskad' saknas i front matter: ange datum som ÅÅÅÅ-MM-DD"]
    assert messages(tmp_path, "---\nansvarig:\nsenast_granskad: 2026-11-23\n---\n") == [
        f"{PAGE}:2:1: fel: fältet 'ansvarig' saknas i front matter: ange en roll eller enhet (inte en person)"]


def test_invalid_review_date_is_located_at_its_value(tmp_path: Path) -> None:
    assert messages(tmp_path, FRONT.replace("2026-11-23", "2026-02-30")) == [
        f"{PAGE}:3:18: fel: fältet 'senast_granskad' har värdet '2026-02-30', som inte är ett "
        "giltigt datum (ÅÅÅÅ-MM-DD)"]


def test_review_date_after_today_is_rejected_as_on_records(tmp_path: Path) -> None:
    assert messages(tmp_path, FRONT.replace("2026-11-23", "2026-12-09")) == [
        f"{PAGE}:3:18: fel: fältet 'senast_granskad' (2026-12-09) ligger efter dagens datum 2026-12-08"]
    assert messages(tmp_path, FRONT.replace("2026-11-23", "2026-12-08")) == []
    assert messages(tmp_path, FRONT.replace("2026-11-23", "2026-12-09"), today=dt.date(2026, 12, 9)) == []


def test_yaml_mistake_in_front_matter_is_located_in_swedish(tmp_path: Path) -> None:
    text = "---\nansvarig: Redaktionen: kommunikation\nsenast_granskad: 2026-11-23\n---\n"
    assert messages(tmp_path, text) == [
        f"{PAGE}:2:22: fel: front matter är inte giltig YAML: ett kolon (':') står där inget fält "
        "kan börja (kontrollera indraget, eller sätt texten inom citattecken)"]


def test_multi_line_values_and_blank_lines_inside_the_block_are_fine(tmp_path: Path) -> None:
    text = ("---\ndescription: >\n  Första raden.\n\n  Andra stycket.\nhide:\n\n  - toc\n"
            "ansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n---\n\n# Sida\n")
    assert messages(tmp_path, text) == []


def test_front_matter_below_a_blank_line_is_named(tmp_path: Path) -> None:
    assert messages(tmp_path, "\n" + FRONT + "\n# Sida\n") == [
        f"{PAGE}:2:1: fel: front matter ska börja på rad 1: ta bort de tomma raderna ovanför '---' "
        "(annars publiceras fälten som text på sidan)"]


@pytest.mark.parametrize(("block", "expected"), [
    ("title: &a x\ndescription: *a\n", "docs/om/sida.md:4:8: fel: ankare och alias (&namn, *namn) används inte i "
                                       "datafilerna; skriv ut värdet"),
    ("hide: 5\n", "docs/om/sida.md:4:1: fel: fältet 'hide' ska vara en lista med några av navigation, toc, "
                  "footer, path, tags, feedback, t.ex. 'hide: [toc]'"),
    ("template: finns-inte.html\n", "docs/om/sida.md:4:1: fel: fältet 'template' stöds inte (sidorna använder "
                                    "handbokens mall); ta bort raden"),
    ('title: "<img src=x \\x6Fnerror=alert(1)>"\n', "docs/om/sida.md:4:1: fel: fältet 'title' får bara innehålla "
                                                    "vanlig text, inte tecknen < > \" `"),
])
def test_fields_material_reads_are_checked_as_the_data_files_are(tmp_path: Path, block: str, expected: str) -> None:
    assert messages(tmp_path, FRONT.removesuffix("---\n") + block + "---\n\nText.\n") == [expected]


def test_a_page_with_windows_line_ends_is_read(tmp_path: Path) -> None:
    assert messages(tmp_path, (FRONT + "\n# Sida\n").replace("\n", "\r\n")) == []
