"""Swedish search in the browser: å/ä/ö, generated pages and inflected forms (stemming)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

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


def test_worker_uses_the_local_swedish_stemmer(start_page, site_url):
    search(start_page, "förändring")
    workers = [w for w in start_page.workers if "/workers/sok.js" in w.url]
    assert workers, f"sökarbetaren sok.js körs inte: {[w.url for w in start_page.workers]}"
    worker = workers[0]
    assert worker.url.startswith(site_url)
    stem = worker.evaluate("lunr.sv.stemmer(new lunr.Token('förändringar')).toString()")
    assert stem == "förändring"
    assert worker.evaluate("typeof lunr.sv.stopWordFilter") == "function"
