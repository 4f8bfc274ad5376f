"""Lighter pages (issue 27): one project stylesheet blocks rendering; the portfolio's own sheet
loads on the portfolio alone and the print rules only for print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

LINK = re.compile(r'<link rel="stylesheet" href="([^"]*assets/css/[^"]+)"([^>]*)>')


def _project_sheets(page: Path) -> list[tuple[str, str]]:
    return [(href.rsplit("/", 1)[1], rest.strip()) for href, rest in LINK.findall(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page, expected", [
    ("index.html", [("handbok.css", ""), ("print.css", 'media="print"')]),
    ("process/bereda/index.html", [("handbok.css", ""), ("print.css", 'media="print"')]),
    ("insatser/hifa/index.html", [("handbok.css", ""), ("print.css", 'media="print"')]),
    ("portfolj/index.html", [("handbok.css", ""), ("portfolj.css", ""), ("print.css", 'media="print"')]),
    ("404.html", [("handbok.css", ""), ("print.css", 'media="print"')]),
])
def test_each_page_links_only_the_sheets_it_needs(built_site: Path, page: str, expected: list[tuple[str, str]]) -> None:
    assert _project_sheets(built_site / page) == expected


def test_no_other_page_loads_the_portfolio_sheet(built_site: Path) -> None:
    loading = [str(p.relative_to(built_site)) for p in sorted(built_site.rglob("*.html"))
               if "portfolj.css" in p.read_text(encoding="utf-8")]
    assert loading == ["portfolj/index.html"]


def test_print_rules_live_in_the_print_sheet_alone(built_site: Path) -> None:
    sheets = {p.name: p.read_text(encoding="utf-8") for p in (built_site / "assets" / "css").glob("*.css")}
    assert sorted(sheets) == ["handbok.css", "portfolj.css", "print.css"]
    assert [name for name, text in sheets.items() if "@media print" in text] == []
