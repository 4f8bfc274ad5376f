"""Swedish search in the browser: å/ä/ö, generated pages, inflected forms (stemming), honest
counts, keyboard and screen readers, and the way in from the 404 page.

Search is Pagefind's Component UI (overrides/partials/search.html) over the Pagefind index
(handbok/search_index.py): the inflected-form and highlighting checks run on the real site and
on a 2,000 + 2,000 synthetic one.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.static_site import serve_directory
from tests.browser.axe_check import axe_violations, format_violations
from tests.browser.test_search_relevance import RESULT_LINK, SUMMARY
from tests.browser.test_search_relevance import search as search_with_count
from tests.conftest import REPO_ROOT, build_site
from tests.real_date import REAL_DATE

pytestmark = pytest.mark.browser

DIALOG = "pagefind-modal dialog"
FIELD = "pagefind-modal pagefind-input input"
HINT = ".handbok-sok__tips"


def search(page, query: str) -> list[str]:
    """Site-relative paths of the shown result pages, best first, after typing `query`."""
    return search_with_count(page, query)[0]


def _initiative_about(word: str) -> str | None:
    """The generated page of the initiative whose data file mentions `word`, if any."""
    for path in sorted((REPO_ROOT / "data" / "insatser").glob("*.yaml")):
        if word in path.read_text(encoding="utf-8").lower():
            return f"insatser/{path.stem}/"
    return None



@pytest.mark.parametrize(("query", "expected"), [
    ("förändring", "principer/"),
    ("förändringsarbete", "principer/"),
    ("införa", "process/infora/"),
    ("uppdragsägare", "roller/uppdragsagare/"),
])
def test_swedish_words_find_their_page(start_page, query, expected):
    top = search(start_page, query)[:3]
    assert expected in top, f"Sökning på {query!r} gav {top}, väntade {expected!r}"


def test_search_finds_generated_initiative_pages(start_page):
    expected = _initiative_about("körkort")
    assert expected, "ingen insats i data/insatser/ handlar om körkort"
    found = search(start_page, "körkort")[:3]
    assert expected in found, f"Sökning på 'körkort' gav {found}, väntade {expected!r}"


@pytest.mark.parametrize(("query", "expected_prefix"), [
    ("förändringar", "principer/"),
    ("förändringen", "principer/"),
    ("insatserna", "insatser/"),
    ("uppdragsägaren", "roller/uppdragsagare/"),
])
def test_inflected_forms_find_pages(start_page, query, expected_prefix):
    """Forms that are not a prefix of the indexed word need Swedish stemming of the query."""
    top = search(start_page, query)[:3]
    hits = [p for p in top if p.startswith(expected_prefix)]
    assert hits, f"Sökning på böjningsformen {query!r} gav {top}, väntade {expected_prefix!r}"


def test_nonsense_finds_nothing_and_the_dialog_says_so_with_a_way_on(start_page):
    """Negative control: a word that is nowhere gives no results, and the dialog says so and
    points to the glossary and Kom igång."""
    found, count = search_with_count(start_page, "xyzzyplugh")
    assert (found, count) == ([], 0)
    assert start_page.locator(SUMMARY).inner_text() == "xyzzyplugh gav inga träffar"
    hint = start_page.locator(HINT)
    hint.wait_for(state="visible")
    assert [a.get_attribute("href") for a in hint.locator("a").all()] == ["ordlista/", "kom-igang/"]
    search(start_page, "förändring")
    assert start_page.locator(HINT).is_hidden()


def test_the_count_is_true_and_every_match_is_listed(start_page):
    """The dialog states how many pages match and lists them all: each result loads its
    excerpt when it scrolls into view, down to the last."""
    _, count = search_with_count(start_page, "riskbedömning")
    assert count > 20, f"{count} träffar: välj ett ord med fler än de 20 som listan förr stannade vid"
    items = start_page.locator("pagefind-results ul.pf-results > li")
    assert items.count() == count
    items.last.scroll_into_view_if_needed()
    items.last.locator("a.pf-result-link").wait_for()
    shown = start_page.eval_on_selector_all(RESULT_LINK, "els => els.map(a => a.pathname)")
    assert len(shown) == len(set(shown))
    assert start_page.locator(SUMMARY).inner_text() == f"riskbedömning gav {count} träffar"


def test_search_works_from_the_keyboard_alone(site_url, new_context):
    """A keyboard user opens search with "/", types, moves to the first result and opens it."""
    page = new_context().new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    page.locator(FIELD).wait_for(state="visible")
    assert page.evaluate("document.activeElement.matches('pagefind-input input')")
    page.keyboard.type("uppdragsägare")
    page.locator(RESULT_LINK).first.wait_for()
    first = page.locator(RESULT_LINK).first.evaluate("a => a.pathname")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('pagefind-results a')")
    assert page.evaluate("document.activeElement.pathname") == first
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == first)


# What live regions say, as a screen reader would hear it: their text each time it changes.
_RECORD_ANNOUNCEMENTS = """
window.__announced = [];
new MutationObserver(records => {
  for (const r of records) {
    const live = (r.target.nodeType === 1 ? r.target : r.target.parentElement).closest("[aria-live]");
    if (live && live.textContent.trim()) window.__announced.push(live.textContent.trim());
  }
}).observe(document, {childList: true, subtree: true, characterData: true});
"""


def test_the_open_search_dialog_passes_axe_and_announces_its_results(site_url, new_context, axe_source):
    context = new_context()
    context.add_init_script(_RECORD_ANNOUNCEMENTS)
    page = context.new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    page.locator(FIELD).fill("förändring")
    page.locator(RESULT_LINK).first.wait_for()
    assert page.locator(DIALOG).get_attribute("aria-label")
    page.wait_for_function("window.__announced.some(t => t.includes('träff'))", timeout=5_000)
    found = axe_violations(page, axe_source)
    assert not found, format_violations("sökdialogen", found)


def test_the_404_page_searches_the_handbook(site_url, new_context):
    """The 404 page's form opens the start page with the query in the search dialog."""
    page = new_context().new_page()
    page.goto(site_url + "finns-inte/")
    page.locator("#handbok-404-fraga").fill("uppdragsägare")
    page.keyboard.press("Enter")
    page.locator(RESULT_LINK).first.wait_for()
    assert page.locator(FIELD).input_value() == "uppdragsägare"
    assert "roller/uppdragsagare/" in [h.lstrip("/") for h in page.eval_on_selector_all(
        RESULT_LINK, "els => els.map(a => a.pathname)")]


def test_index_is_configured_for_swedish_stemming(built_site: Path):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["sv"], entry
    assert entry["languages"]["sv"]["wasm"] == "sv", "Pagefind stemmar inte svenska"
    assert not (built_site / "search").exists(), "Materials sökindex byggs fortfarande"


def test_search_loads_only_from_the_site(start_page, site_url):
    requested = []
    start_page.context.on("request", lambda request: requested.append(request.url))
    search(start_page, "förändringarna")
    assert any("/pagefind/" in url for url in requested) or start_page.evaluate(
        "!!window.PagefindComponents"), requested
    assert all(url.startswith(site_url) for url in requested), requested


@pytest.mark.parametrize(("query", "stem"), [
    ("uppdragsägarnas", "uppdragsäg"),
    ("projektledarnas", "projektledar"),
])
def test_stemming_finds_forms_absent_from_the_site(start_page, built_site, query, stem):
    """Stemming, not prefix matching: the typed form occurs nowhere, its other forms do."""
    assert not any(query in _page_text(built_site, p) for p in _all_pages(built_site))
    found = search(start_page, query)
    assert found, f"Sökning på {query!r} gav inga träffar"
    assert stem in _page_text(built_site, found[0]), f"{found[0]} saknar {stem!r}"


# Issue 15: the forms readers type, on the real site and at 2,000 + 2,000 records.
INFLECTED = [
    ("förändringar", "förändring"),
    ("behoven", "behov"),
    ("sjuksköterskor", "sjukskötersk"),
    ("uppdragshandlingen", "uppdragshandling"),
    ("projektledaren", "projektledare"),
]
SEVERAL_WORDS = ["förändringar körkort", "projektledaren sjuksköterskor", "behoven uppdragshandlingen"]
SYNTHETIC_SIZE = 2000


def _page_file(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path


def _all_pages(site_dir: Path) -> list[str]:
    return [p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html")
            if "pagefind" not in p.parts]


def _page_text(site_dir: Path, path: str) -> str:
    """The lower-cased text of a built page's article (what search indexes)."""
    source = _page_file(site_dir, path.removeprefix("./")).read_text(encoding="utf-8")
    article = re.search(r"<article\b.*?</article>", source, re.S)
    text = re.sub(r"<[^>]+>", " ", article.group(0) if article else source)
    return html.unescape(text).lower()


class SearchSite:
    """A built site served locally, with one page that searches it."""

    def __init__(self, site_dir: Path, url: str, page) -> None:
        self.site_dir, self.url, self.page = site_dir, url, page

    def path(self, href: str) -> str:
        return urlsplit(href).path.removeprefix(urlsplit(self.url).path)


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> Path:
    """A 2,000 + 2,000 synthetic project (bench/generate.py), built once for this module."""
    from bench.generate import write_project_copy

    root = tmp_path_factory.mktemp("sok-syntetisk")
    copy = write_project_copy(root / "projekt", SYNTHETIC_SIZE, today=REAL_DATE)
    result = build_site(copy.root, root / "site")
    assert result.returncode == 0, f"det syntetiska projektet byggs inte:\n{result.output[-3000:]}"
    return result.site_dir


@pytest.fixture(scope="module", params=["verklig", pytest.param("syntetisk", marks=pytest.mark.build)])
def search_site(request, browser):
    site_dir = request.getfixturevalue("built_site" if request.param == "verklig" else "synthetic_site")
    server, url = serve_directory(site_dir)
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(url)
    yield SearchSite(site_dir, url, page)
    context.close()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("query", "stem"), INFLECTED)
def test_inflected_form_finds_pages_with_the_word(search_site, query, stem):
    found = search(search_site.page, query)
    assert found, f"Sökning på {query!r} gav inga träffar"
    lacking = [p for p in found[:10] if stem not in _page_text(search_site.site_dir, p)]
    assert not lacking, f"Träffar för {query!r} utan någon form av {stem!r}: {lacking}"


@pytest.mark.parametrize(("query", "stem"), INFLECTED)
def test_hit_is_highlighted_on_the_page_it_opens(search_site, new_context, query, stem):
    search(search_site.page, query)
    first = search_site.page.locator(RESULT_LINK).first.get_attribute("href")
    assert "markera=" in first, f"Träfflänken för {query!r} markerar inget: {first}"
    opened = new_context().new_page()
    opened.goto(search_site.url.rstrip("/") + first)
    marks = opened.locator("article mark.pagefind-highlight")
    marks.first.wait_for(timeout=10_000)
    texts = [t.lower() for t in marks.all_inner_texts()]
    assert any(stem in t or t in stem for t in texts), f"{first}: markerat {texts}, väntade {stem!r}"


@pytest.mark.parametrize("query", SEVERAL_WORDS)
def test_several_words_find_pages_with_all_of_them(search_site, query):
    found = search(search_site.page, query)
    assert found, f"Sökning på {query!r} gav inga träffar"
