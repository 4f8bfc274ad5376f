"""The output check (issue 28): the built HTML, parsed as a browser parses it, against one allow-list."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbok.nav_check import check_nav_and_links
from handbok.output_check import output_problems, script_hashes, theme_script_patterns

SOURCE = "---\ntitle: X\n---\n\nText.\n\n<img alt=\"a>b\" src=\"x\" ONERROR=\"alert(1)\">\n"
THEME = theme_script_patterns(['<script>__md_scope=new URL("{{ base_url }}",location)</script>'])


def _lines(html: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in output_problems("docs/x.md", SOURCE, html, THEME)]


@pytest.mark.parametrize(("html", "expected"), [
    ('<p><img alt="a>b" src="x" onerror="alert(1)"></p>',
     (7, "attributet 'onerror' kör kod i läsarens webbläsare och är inte tillåtet (upptäckt i den byggda "
         "sidan); ta bort det")),
    ('<a href="java\nscript:alert(1)">x</a>',
     (1, "adressen i attributet 'href' börjar med 'javascript:'; bara http, https, mailto och relativa "
         "adresser är tillåtna (upptäckt i den byggda sidan); ta bort det")),
    ('<svg><x:script>alert(1)</x:script></svg>',
     (1, "HTML-elementet <x:script> är inte tillåtet i handboken (upptäckt i den byggda sidan); ta bort det")),
    ('<p data-pagefind-weight="9">x</p>',
     (1, "attributet 'data-pagefind-weight' styr sökningen och får inte komma från innehållet (upptäckt i den "
         "byggda sidan); ta bort det")),
    ('<script>__md_scope=new URL("x",location);alert(1)</script>',
     (1, "ett <script> som inte kommer från temat är inte tillåtet (upptäckt i den byggda sidan); ta bort det")),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">',
     (1, "<meta http-equiv> är inte tillåtet i handboken (upptäckt i den byggda sidan); ta bort det")),
])
def test_what_a_browser_would_run_is_located(html: str, expected: tuple[int, str]) -> None:
    assert _lines(html) == [expected]


def test_the_theme_and_the_handbook_markup_pass() -> None:
    html = ('<meta http-equiv="Content-Security-Policy" content="x"><script>__md_scope=new URL("../..",location)'
            '</script><script id="__config" type="application/json">{"a": 1}</script>'
            '<script src="../assets/javascripts/bundle.js"></script><article data-pagefind-body>'
            '<a href="mailto:a@b.se">a</a> <a href="../x/#y">b</a> <a href="https://example.org">c</a>'
            '<svg viewBox="0 0 2 2"><path d="M0"/></svg></article>')
    assert _lines(html) == []


def test_the_csp_hashes_the_inline_scripts() -> None:
    assert script_hashes("<script>alert(1)</script>") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_a_script_address_in_the_nav_is_located(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nnav:\n  - Start: index.md\n  - Extern: https://example.org/\n"
                                         "  - Klicka: ' JavaScript:alert(1)'\n", encoding="utf-8")
    assert [(p.path, p.line, p.column, p.message) for p in check_nav_and_links(tmp_path)] == [
        ("mkdocs.yml", 5, 13, "navigationen (nav) har en adress som börjar med 'javascript:'; bara http, https, "
                              "mailto och sidor i docs/ är tillåtna")]


def test_search_marks_from_content_are_refused_but_the_themes_are_not() -> None:
    """The one indexed block and its weight (overrides/main.html) pass; a second body, a second
    weight or a meta/filter mark that would rewrite what search shows does not (issues 26, 28)."""
    from handbok.output_check import output_problems

    page = ('<html><body><div data-pagefind-body data-pagefind-weight="7"><p data-pagefind-ignore>x</p>'
            '<p data-pagefind-weight="10">y</p><p data-pagefind-meta="title:Falsk">z</p></div></body></html>')
    messages = [p.message for p in output_problems("docs/x.md", "", page, ())]
    assert messages == [
        "attributet 'data-pagefind-meta' styr sökningen och får inte komma från innehållet (upptäckt i den "
        "byggda sidan); ta bort det",
        "attributet 'data-pagefind-weight' styr sökningen och får inte komma från innehållet (upptäckt i den "
        "byggda sidan); ta bort det"]


def test_a_redirect_page_passes_and_a_refresh_to_script_does_not() -> None:
    """The redirect pages (handbok/redirects.py) pass as the build writes them; a refresh whose
    address is a script, or a script the template does not write, is refused (issue 28)."""
    from handbok.output_check import output_problems, theme_script_patterns
    from handbok.redirects import REDIRECT_TEMPLATE, render_redirect_page

    known = theme_script_patterns([REDIRECT_TEMPLATE.read_text(encoding="utf-8")])
    page = render_redirect_page("insatser/gammal/", "insatser/ny/", "Ny", "")
    assert output_problems("data/insatser/ny.yaml", "", page, known) == []
    forged = page.replace("url=../../insatser/ny/", "url=javascript:alert(1)").replace(
        'location.replace("', 'alert(1);location.replace("')
    assert sorted(p.message.split(" (upptäckt")[0] for p in output_problems("x", "", forged, known)) == [
        "<meta http-equiv> är inte tillåtet i handboken",
        "ett <script> som inte kommer från temat är inte tillåtet"]
