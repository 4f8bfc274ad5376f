"""The printed handbook (issue 27): `make pdf`'s PDF of "Hela handboken", read back with poppler."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, build_site, require_tool

pytestmark = pytest.mark.build

ORGANISATION = "Region Provland"  # a test value, set as CI sets HANDBOK_ORGANISATION
PDF = "hela-handboken/forandringshandboken.pdf"
_TOC_LINE = re.compile(r"^\s*(\d+)\.\s+(.+?)\s*\.{3,}\s*(\d+)\s*$")


@pytest.fixture(scope="module")
def printed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built as `make pdf` builds it (HANDBOK_PDF=ja), once for this module."""
    site = tmp_path_factory.mktemp("printed-site")
    result = build_site(REPO_ROOT, site, {"HANDBOK_PDF": "ja", "HANDBOK_ORGANISATION": ORGANISATION})
    assert result.returncode == 0, f"make pdf's build failed:\n{result.output}"
    return site


def _run(tool: str, *args: str) -> str:
    path = require_tool(tool, "poppler-utils läser PDF:en (make pdf-deps)")
    return subprocess.run([path, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pages(printed_site: Path) -> list[list[str]]:
    """Each page's non-blank lines as pdftotext lays them out (the running title first)."""
    text = _run("pdftotext", "-layout", str(printed_site / PDF), "-")
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]]


def _chapter_headings(site: Path) -> dict[str, str]:
    """Chapter anchor -> its heading, from the web page the PDF is printed from."""
    book = (site / "hela-handboken" / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<section class="handbok-kapitel" id="(kapitel-\d+)">\s*<h2[^>]*>(.*?)</h2>', book, re.S)
    return {anchor: re.sub(r"<[^>]+>", "", heading).strip() for anchor, heading in found}


def _toc(pages: list[list[str]]) -> list[tuple[int, str, int]]:
    return [(int(m[1]), m[2], int(m[3])) for page in pages if page[0].endswith("Innehåll")
            for line in page if (m := _TOC_LINE.match(line))]


def test_a4_pages_in_the_expected_range(printed_site: Path, pages: list[list[str]]) -> None:
    info = _run("pdfinfo", str(printed_site / PDF))
    count = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    assert 50 <= count <= 100 and len(pages) == count
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    assert pages[5][-1] == f"Sida 6 av {count}"  # page numbers in the footer


def test_cover_names_the_organisation_and_the_build_date(printed_site: Path, pages: list[list[str]]) -> None:
    built = set(re.findall(r"<lastmod>([0-9-]+)</lastmod>", (printed_site / "sitemap.xml").read_text(encoding="utf-8")))
    assert len(built) == 1  # the build's one date, as the sitemap gives it
    cover = pages[0]
    assert cover[0] == "Förändringshandboken"
    assert re.sub(r"\s+", " ", cover[2]) == f"Organisation {ORGANISATION}"
    assert re.sub(r"\s+", " ", cover[3]) == f"Byggd {built.pop()}"
    assert cover[4].startswith("Version") and "Sida" not in " ".join(cover)  # no running titles


def test_table_of_contents_page_numbers_lead_to_the_chapters(printed_site: Path, pages: list[list[str]]) -> None:
    headings = _chapter_headings(printed_site)
    toc = _toc(pages)
    assert [n for n, _, _ in toc] == list(range(1, len(headings) + 1)) and len(headings) > 25
    for number, title, page in toc:
        heading = headings[f"kapitel-{number}"]
        # A long title may wrap onto two lines in the PDF's text.
        assert heading in " ".join(pages[page - 1][1:]), f"{title}: {heading!r} står inte på sidan {page}"
    bereda = next(page for _, title, page in toc if title == "Bereda")
    assert pages[bereda - 1][0].endswith("Bereda")  # its running title


def test_every_chapter_is_dated_with_owner_and_review(printed_site: Path, pages: list[list[str]]) -> None:
    headings = _chapter_headings(printed_site)
    lines = [line for page in pages for line in page]
    dated = [n for n, line in enumerate(lines)
             if re.fullmatch(r"Ansvarig: .+ · Senast granskad: \d{4}-\d{2}-\d{2}", line)]
    assert len(dated) == len(headings)
    # Right under the chapter's title, which may wrap onto two lines.
    assert all(any(" ".join(lines[n - k:n]) in headings.values() for k in (1, 2)) for n in dated)


def test_links_print_as_addresses_in_footnotes(pages: list[list[str]]) -> None:
    text = "\n".join(line for page in pages for line in page)
    assert re.search(r"^\d+\. https?://\S+/portfolj/$", text, re.M)
    assert "(../" not in text and "href" not in text
    assert re.search(r"\(s\. \d+\)", text)  # links within the book name the page


def test_templates_print_as_forms_with_a_landscape_risk_table(printed_site: Path, pages: list[list[str]]) -> None:
    text = "\n".join(line for page in pages for line in page)
    assert "Riskanalys: uppdragets namn" in text and "Datum: ÅÅÅÅ-MM-DD" in text
    assert "```" not in text and "# Riskanalys" not in text and "--8<--" not in text
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", _run(
        "pdfinfo", "-f", "1", "-l", str(len(pages)), str(printed_site / PDF)), re.M)
    landscape = [int(n) for n, w, h in sizes if float(w) > float(h)]
    assert landscape and all("Risk eller hot" in " ".join(pages[n - 1]) for n in landscape)


def test_no_nearly_empty_pages(pages: list[list[str]]) -> None:
    # Between the cover and the last page every page has at least eight lines besides its
    # running title and page number (WeasyPrint's line per table row counts as one).
    short = [n for n, page in enumerate(pages[1:-1], start=2) if len(page) - 2 < 8]
    assert not short, short


def test_fonts_embedded_and_tagged_as_pdf_ua(printed_site: Path) -> None:
    fonts = _run("pdffonts", str(printed_site / PDF)).splitlines()[2:]
    assert fonts and all(row.split()[-5] == "yes" for row in fonts), fonts  # the "emb" column
    info = _run("pdfinfo", "-meta", str(printed_site / PDF))
    assert 'pdfuaid:part="1"' in info and re.search(r"^Tagged:\s+yes$", _run("pdfinfo", str(printed_site / PDF)), re.M)


def test_book_page_offers_the_pdf_only_when_it_was_made(printed_site: Path, built_site: Path) -> None:
    printed = (printed_site / "hela-handboken" / "index.html").read_text(encoding="utf-8")
    assert '<a class="md-button" href="forandringshandboken.pdf" download="forandringshandboken.pdf">' in printed
    plain = (built_site / "hela-handboken" / "index.html").read_text(encoding="utf-8")
    assert "data-handbok-utskrift" in plain and "forandringshandboken.pdf" not in plain
    assert not (built_site / PDF).exists()
