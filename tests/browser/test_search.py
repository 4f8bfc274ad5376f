"""Swedish search in the browser: å/ä/ö, generated pages and inflected forms (stemming).

Search is Material's interface answered from a Pagefind index (issue 15): the inflected-form,
highlighting and "Saknas" checks run on the real site and on a 2,000 + 2,000 synthetic one.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bench.static_site import serve_directory
from handbok import search_index
from tests.conftest import REPO_ROOT, build_site
from tests.real_date import REAL_DATE

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__item"


def search(page, query: str) -> list[str]:
    """Site-relative paths of the result pages, best first, after typing `query`."""
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    # Material searches on keyup, so clear and type like a reader instead of setting the value;
    # waiting for the empty-query text first keeps the previous query's results out.
    field.press("Control+a")
    field.press("Backspace")
    _wait_for_meta(page, "Skriv sökord")
    # One keyup for the whole word: typing letter by letter would race the earlier prefixes.
    field.fill(query)
    field.press("End")
    _wait_for_meta(page, "sökresultat")
    hrefs = page.eval_on_selector_all(
        f"{RESULT} > a.md-search-result__link", "els => els.map(a => a.href)")
    base = page.evaluate("new URL('/', location.href).href")
    return [href.split("#")[0].split("?")[0].removeprefix(base) for href in hrefs]


def _wait_for_meta(page, text: str) -> None:
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.includes(t)",
        arg=text, timeout=10_000)


def _initiative_about(word: str) -> str | None:
    """The generated page of the initiative whose data file mentions `word`, if any."""
    for path in sorted((REPO_ROOT / "data" / "insatser").glob("*.yaml")):
        if word in path.read_text(encoding="utf-8").lower():
            return f"insatser/{path.stem}/"
    return None


@pytest.fixture(scope="module")
def start_page(site_url, browser):
    """One page for all searches: the worker builds its index once."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("förändring", ""),
    ("förändringsarbete", "principer/"),
    ("införa", "process/infora/"),
    ("uppdragsägare", "roller/uppdragsagare/"),
])
def test_swedish_words_find_their_page(start_page, query, expected):
    found = search(start_page, query)
    top = list(dict.fromkeys(found))[:10]
    assert expected in top, f"Sökning på {query!r} gav {top}, väntade {expected!r}"


def test_search_finds_generated_initiative_pages(start_page):
    expected = _initiative_about("körkort")
    assert expected, "ingen insats i data/insatser/ handlar om körkort"
    found = search(start_page, "körkort")
    assert expected in found, f"Sökning på 'körkort' gav {found}, väntade {expected!r}"


@pytest.mark.parametrize(("query", "expected_prefix"), [
    ("förändringar", ""),
    ("förändringen", ""),
    ("insatserna", "insatser/"),
    ("uppdragsägaren", "roller/uppdragsagare/"),
])
def test_inflected_forms_find_pages(start_page, query, expected_prefix):
    """Forms that are not a prefix of the indexed word need Swedish stemming of the query."""
    top = list(dict.fromkeys(search(start_page, query)))[:10]
    hits = [p for p in top if p.startswith(expected_prefix)] if expected_prefix else (
        [p for p in top if p == ""])
    assert hits, f"Sökning på böjningsformen {query!r} gav {top}, väntade {expected_prefix!r}"


def test_nonsense_finds_nothing(start_page):
    """Negative control: a word that is nowhere gives no results and the search says so."""
    assert search(start_page, "xyzzyplugh") == []
    assert start_page.locator(".md-search-result__meta").inner_text().strip()


def test_index_is_configured_for_swedish_stemming(built_site: Path):
    config = json.loads((built_site / "search" / "search_index.json").read_text())["config"]
    assert config["lang"] == ["sv"]
    assert "stemmer" in config["pipeline"]
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["sv"], entry
    assert entry["languages"]["sv"]["wasm"] == "sv", "Pagefind stemmar inte svenska"


def test_material_index_holds_no_documents(built_site: Path):
    """Material's page script fetches search_index.json on every page: configuration only."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    assert index["docs"] == []
    assert (built_site / "search" / "search_index.json").stat().st_size < 1000


def test_worker_uses_the_local_swedish_index(start_page, site_url):
    requested = []
    start_page.context.on("request", lambda request: requested.append(request.url))
    search(start_page, "förändringarna")
    workers = [w for w in start_page.workers if "/workers/sok.js" in w.url]
    assert workers, f"sökarbetaren sok.js körs inte: {[w.url for w in start_page.workers]}"
    assert workers[0].url.startswith(site_url)
    # Loaded once per page; this test may run after others have loaded it already.
    assert workers[0].evaluate("typeof lunr") == "undefined", "Materials lunr-index används fortfarande"
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


def _results(page) -> list[dict]:
    """Every rendered result: its link, highlight terms (?h=) and the words shown as missing."""
    return page.eval_on_selector_all(f"{RESULT} a.md-search-result__link", """els => els.map(a => ({
        href: a.href,
        missing: [...a.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent)
    }))""")


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


@pytest.mark.build
def test_the_synthetic_site_is_searched_through_a_merged_index(synthetic_site):
    """At 2,000 + 2,000 the index is built in parts and merged (search_bundle.py), so the search
    tests below exercise the merged bundle, not one Pagefind run."""
    articles = [search_index.indexable_html(page.read_text(encoding="utf-8")) for page in synthetic_site.rglob("*.html")]
    size = sum(len(article.encode("utf-8")) for article in articles if article)
    assert size > 2 * search_index.PART_BYTES, f"{size} byte artiklar ryms i en del"


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
    first = _results(search_site.page)[0]["href"]
    terms = parse_qs(urlsplit(first).query).get("h", [""])[0].split()
    assert terms, f"Träfflänken för {query!r} markerar inget: {first}"
    opened = new_context().new_page()
    opened.goto(first)
    marks = opened.locator("mark[data-md-highlight]")
    marks.first.wait_for(timeout=10_000)
    texts = [t.lower() for t in marks.all_inner_texts()]
    assert any(stem in t or t in stem for t in texts), f"{first}: markerat {texts}, väntade {stem!r}"


@pytest.mark.parametrize("query", [q for q, _ in INFLECTED] + SEVERAL_WORDS)
def test_no_word_is_called_missing_that_the_page_contains(search_site, query):
    """Material's "Saknas: ~~ord~~" may only name a word the page lacks."""
    search(search_site.page, query)
    results = _results(search_site.page)
    assert results
    wrong = [(search_site.path(r["href"]), word) for r in results for word in r["missing"]
             if word.lower() in _page_text(search_site.site_dir, search_site.path(r["href"]).split("#")[0])]
    assert not wrong, f"Sökning på {query!r}: ord kallas saknade fast sidan har dem: {wrong}"
    if " " not in query:
        assert not [r for r in results if r["missing"]], f"{query!r}: ett ord kan inte saknas i en träff"
