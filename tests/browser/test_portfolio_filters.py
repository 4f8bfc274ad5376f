"""The portfolio table's filters and sorting in headless Chromium (issue 5).

Expected counts come straight from the YAML files, not from the renderer.
"""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.browser

ROWS = "#portfolj-tabell tbody tr"


def _insatser() -> list[dict]:
    return [yaml.load(p.read_text(encoding="utf-8-sig"), Loader=yaml.BaseLoader)
            for p in sorted((REPO_ROOT / "data" / "insatser").glob("*.yaml"))]


def _organisations() -> dict[str, str]:
    """Unit id -> its organisation: its `region`, else the top of its `overordnad` chain."""
    units = {p.stem: yaml.load(p.read_text(encoding="utf-8-sig"), Loader=yaml.BaseLoader)
             for p in (REPO_ROOT / "data" / "organisation").glob("*.yaml")}

    def top(unit: str) -> str:
        while "overordnad" in units[unit]:
            unit = units[unit]["overordnad"]
        return unit
    return {u: data.get("region") or top(u) for u, data in units.items()}


@pytest.fixture
def portfolio_page(new_context, site_url: str):
    page = new_context().new_page()
    page.goto(f"{site_url}/portfolj/")
    page.wait_for_selector(".handbok-portfoljfilter:not([hidden])")
    return page


def _visible(page) -> int:
    return page.locator(f"{ROWS}:not([hidden])").count()


def _titles(page) -> list[str]:
    return page.locator(f"{ROWS}:not([hidden]) th").all_inner_texts()


def test_filters_reduce_rows_to_the_matching_initiatives(portfolio_page) -> None:
    page, insatser = portfolio_page, _insatser()
    total = len(insatser)
    assert _visible(page) == total
    assert page.locator("#pf-antal").inner_text() == f"Visar {total} av {total} insatser."

    unit, unit_count = Counter(u for r in insatser for u in r["forvaltningar"]).most_common(1)[0]
    page.select_option("#pf-forvaltning", unit)
    assert _visible(page) == unit_count
    page.select_option("#pf-forvaltning", "")

    # Issue 24: the organisation (region or equivalent) each initiative's units belong to.
    organisations = _organisations()
    for organisation in ("region-skane", "vgr", "region-ej-namngiven"):
        expected = sum(1 for r in insatser if organisation in {organisations[u] for u in r["forvaltningar"]})
        assert expected, organisation
        page.select_option("#pf-organisation", organisation)
        assert _visible(page) == expected, organisation
    page.select_option("#pf-organisation", "")

    # "saknas" is the option for "Uppgift saknas": a value the source does not give (issue 12).
    for select, field, value in (("#pf-fas", "fas", "saknas"), ("#pf-status", "status", "pagar"),
                                 ("#pf-status", "status", "saknas"), ("#pf-halsa", "halsa", "saknas")):
        page.select_option(select, value)
        expected = sum(1 for r in insatser if r.get(field, "saknas") == value)
        assert expected, (field, value)
        assert _visible(page) == expected, (field, value)
        assert page.locator("#pf-antal").inner_text() == f"Visar {expected} av {total} insatser."
        page.select_option(select, "")

    page.select_option("#pf-fas", "saknas")
    page.select_option("#pf-status", "pagar")
    assert _visible(page) == sum(1 for r in insatser if "fas" not in r and r.get("status") == "pagar")
    page.click(".handbok-portfoljfilter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('{ROWS}:not([hidden])').length === {total}")


def test_text_search_matches_titles_case_insensitively(portfolio_page) -> None:
    page, insatser = portfolio_page, _insatser()
    expected = sorted(r["titel"] for r in insatser if "körkort" in r["titel"].casefold())
    assert expected, "the real data has initiatives about körkort"
    page.fill("#pf-text", "KÖRKORT")
    assert sorted(_titles(page)) == expected
    page.fill("#pf-text", "ordsomintefinns")
    assert _visible(page) == 0
    assert page.locator("#pf-antal").inner_text().startswith("Visar 0 av")


def test_sorting_by_click_and_by_keyboard(portfolio_page) -> None:
    page, insatser = portfolio_page, _insatser()
    title_header = page.locator("#portfolj-tabell thead th").nth(0)
    assert title_header.get_attribute("aria-sort") == "ascending"

    status_button = page.get_by_role("button", name="Status", exact=True)
    status_button.click()
    status_header = page.locator("#portfolj-tabell thead th").nth(4)
    assert status_header.get_attribute("aria-sort") == "ascending"
    assert title_header.get_attribute("aria-sort") is None
    ranks = page.locator(f"{ROWS} td:nth-of-type(4)").evaluate_all("cells => cells.map(c => +c.dataset.sort)")
    assert ranks == sorted(ranks) and len(set(ranks)) > 1

    title_button = page.get_by_role("button", name="Insats")
    title_button.focus()
    page.keyboard.press("Enter")  # first press: ascending by title
    page.keyboard.press("Enter")  # second press: descending
    assert title_header.get_attribute("aria-sort") == "descending"
    titles = _titles(page)
    assert titles[0] == max((r["titel"] for r in insatser), key=lambda t: t.casefold())
    assert page.locator("#pf-antal").inner_text() == "Sorterat efter Insats, fallande."


def test_without_javascript_the_whole_table_reads(new_context, site_url: str) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{site_url}/portfolj/")
    assert page.locator(".handbok-portfoljfilter").is_hidden()
    assert page.locator(ROWS).count() == len(_insatser())
    assert page.locator(f"{ROWS}:visible").count() == len(_insatser())
