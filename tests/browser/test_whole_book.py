""""Hela handboken" (issue 16): every chapter in nav order, printed to PDF by Chromium."""

from __future__ import annotations

import re

import pytest

from tests.site.test_content import AUTHORED_PAGES

pytestmark = pytest.mark.browser

BOOK = "hela-handboken/"


def _outline_titles(pdf: bytes) -> list[str]:
    """The PDF's bookmark titles: UTF-16 hex strings, or literal strings when plain ASCII."""
    hex_titles = re.findall(rb"/Title\s*<FEFF([0-9A-Fa-f]*)>", pdf)
    literal = re.findall(rb"/Title\s*\(((?:[^()\\]|\\.)*)\)", pdf)
    return ([bytes.fromhex(h.decode()).decode("utf-16-be") for h in hex_titles]
            + [re.sub(rb"\\(.)", rb"\1", s).decode("latin-1") for s in literal])


def _chapter_titles(page) -> list[str]:
    return page.eval_on_selector_all(
        "section.handbok-kapitel", "els => els.map(s => s.querySelector('h2').textContent.trim())")


def test_every_authored_page_is_a_chapter_in_nav_order(site_url, new_context):
    page = new_context().new_page()
    page.goto(site_url + BOOK)
    titles = _chapter_titles(page)
    assert len(titles) == len(AUTHORED_PAGES)
    toc = page.eval_on_selector_all(".handbok-innehall li a", "els => els.map(a => a.getAttribute('href'))")
    assert toc == [f"#kapitel-{n}" for n in range(1, len(titles) + 1)]
    assert titles[0] == "Förändringshandboken" and "Ordlista" in titles and "Mall: Riskanalys" in titles


def test_links_between_chapters_stay_within_the_page(site_url, new_context):
    page = new_context().new_page()
    page.goto(site_url + BOOK)
    hrefs = page.eval_on_selector_all(".handbok-kapitel a[href]", "els => els.map(a => a.getAttribute('href'))")
    to_chapters = [h for h in hrefs if h.startswith("#")]
    assert len(to_chapters) > 100
    missing = [h for h in set(to_chapters) if not page.locator(f"[id='{h[1:]}']").count()]
    assert not missing, missing[:10]
    to_pages = [h for h in hrefs if re.fullmatch(r"\.\./(process|roller|mallar|om)/([a-z-]+/)?(#.*)?", h)]
    assert not to_pages, f"länkar till kapitelsidor i stället för till kapitlen: {to_pages[:5]}"


def test_printed_pdf_has_every_chapter_on_its_own_pages(site_url, new_context):
    page = new_context().new_page()
    page.goto(site_url + BOOK)
    page.wait_for_load_state("networkidle")
    titles = _chapter_titles(page)
    pdf = page.pdf(format="A4", outline=True, tagged=True, print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert len(titles) + 1 <= pages <= 400, f"{pages} sidor för {len(titles)} kapitel"
    outline = _outline_titles(pdf)
    missing = [t for t in titles if t not in outline]
    assert not missing, f"kapitelrubriker som saknas i PDF:en: {missing}"


def test_print_button_prints_the_book_and_is_not_printed(site_url, new_context):
    page = new_context().new_page()
    page.goto(site_url + BOOK)
    # A function: Playwright calls what a string evaluates to when it is one.
    page.evaluate("() => { window.print = () => { window.utskrifter = (window.utskrifter || 0) + 1; }; }")
    button = page.get_by_role("button", name="Skriv ut handboken")
    assert button.count() == 1 and button.is_visible()
    button.click()
    assert page.evaluate("window.utskrifter") == 1
    page.emulate_media(media="print")
    assert not button.is_visible()


def test_without_javascript_no_print_button_that_does_nothing(site_url, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + BOOK)
    assert page.locator("[data-handbok-utskrift]").count() == 1
    assert page.get_by_role("button", name="Skriv ut handboken").count() == 0
