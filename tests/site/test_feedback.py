"""Page feedback (issue 16): every page ends with an e-mail link and its edit link, nothing else."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.conftest import TEST_CONTACT

pytestmark = pytest.mark.build

SITE_URL = "https://forandringshandboken.example.se/"
FEEDBACK = re.compile(r'<section class="handbok-sidrespons"[^>]*>(.*?)</section>', re.S)


def content_pages(site: Path) -> list[Path]:
    """Every themed page with an article; the 404 page has no page of its own to comment on."""
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"
            and '<article class="md-content__inner' in p.read_text(encoding="utf-8")]


def feedback_of(page: Path) -> str:
    match = FEEDBACK.search(page.read_text(encoding="utf-8"))
    assert match, f"{page}: ingen ruta 'Hittade du det du sökte?'"
    return match.group(1)


def test_every_content_page_has_the_feedback_links(built_site: Path) -> None:
    pages = content_pages(built_site)
    assert len(pages) > 50
    for page in pages:
        block = feedback_of(page)
        assert "Hittade du det du sökte?" in block
        assert f'href="mailto:{TEST_CONTACT}?' in block, page
        assert "<form" not in block and "<script" not in block and "<img" not in block


def test_mail_has_the_page_title_and_address(built_site: Path) -> None:
    page = built_site / "process" / "bereda" / "index.html"
    href = re.search(r'href="(mailto:[^"]+)"', feedback_of(page)).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == ["Förändringshandboken: Bereda"]
    body = query["body"][0]
    assert "Sida: Bereda" in body and f"Adress: {SITE_URL}process/bereda/" in body
    assert unquote(href).startswith(f"mailto:{TEST_CONTACT}?subject=Förändringshandboken: Bereda")


@pytest.mark.parametrize("page, source", [
    ("process/bereda/index.html", "docs/process/bereda.md"),
    ("insatser/hifa/index.html", "data/insatser/hifa.yaml"),
])
def test_feedback_links_to_the_page_source(built_site: Path, page: str, source: str) -> None:
    assert re.search(rf'För redaktörer: <a href="https://[^"]+/edit/main/{re.escape(source)}">Föreslå en ändring'
                     r' på GitHub</a> \(kräver GitHub-konto\)', feedback_of(built_site / page))


@pytest.mark.parametrize("page", ["index.html", "portfolj/index.html", "insatser/index.html",
                                  "organisation/index.html", "hela-handboken/index.html"])
def test_pages_without_a_source_file_end_with_the_mail_route(built_site: Path, page: str) -> None:
    """The portfolio, the record indexes and the whole book are generated: no edit link, but the
    e-mail route that needs no account is there (issue 27)."""
    block = feedback_of(built_site / page)
    assert re.search(rf'<a href="mailto:{re.escape(TEST_CONTACT)}\?[^"]+">Skriv till redaktionen</a>\s*'
                     r'\(e-post, inget konto behövs\)\.', block), block
    assert "GitHub" not in block or page == "index.html"


def test_the_pencil_says_where_it_leads(built_site: Path) -> None:
    page = (built_site / "process" / "bereda" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Redigera sidan på GitHub (för redaktörer, kräver konto)" class="md-content__button' in page
