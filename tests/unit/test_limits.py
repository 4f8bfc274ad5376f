"""Issue 28: limits on data and pages — text length, file size, invisible control characters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from data_repo import insats, located

from handbok.authored import check_authored_pages
from handbok.problems import format_problem

CONTROL = "som inte får förekomma i handboken; ta bort det"


def test_a_title_longer_than_the_schema_allows(tmp_path: Path) -> None:
    assert located(tmp_path, {("insats", "i"): insats(titel="x" * 5001)}) == [
        ("data/insatser/i.yaml", 3, 8, "fältet 'titel' har 5001 tecken, men får ha högst 5000")]


def test_escaped_bidi_override_and_escape_in_a_record(tmp_path: Path) -> None:
    assert located(tmp_path, {("insats", "i"): insats(titel='"a\\u202Eb"', sammanfattning='"\\e[31m"')}) == [
        ("data/insatser/i.yaml", 3, 8, f"värdet innehåller ett osynligt styrtecken (U+202E), {CONTROL}"),
        ("data/insatser/i.yaml", 4, 17, f"värdet innehåller ett osynligt styrtecken (U+001B), {CONTROL}")]


def test_an_oversized_data_file(tmp_path: Path) -> None:
    assert located(tmp_path, {("insats", "i"): insats("# " + "x" * 1_000_000 + "\n")}) == [
        ("data/insatser/i.yaml", 1, 1, "filen är 1000236 byte, men en källfil får vara högst 1000000 byte; "
                                       "dela upp den")]


def test_a_control_character_in_a_page(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "sida.md"
    page.parent.mkdir()
    page.write_text("---\nansvarig: R\nsenast_granskad: 2026-11-23\n---\n\nText \u202e här.\n", encoding="utf-8")
    assert [format_problem(p) for p in check_authored_pages(tmp_path / "docs", tmp_path, today=dt.date(2026, 12, 8))] == [
        f"docs/sida.md:6:6: fel: texten innehåller ett osynligt styrtecken (U+202E), {CONTROL}"]
