"""The portfolio is readable (issue 16): full width, whole words, a scroll region with a sticky name column
(on a tablet; on a phone one block per initiative, tests/browser/test_phone.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NAMES = "#portfolj-tabell tbody th[scope=row]"


def test_full_width_without_sidebars(site_url, new_context):
    page = new_context(width=1280).new_page()
    page.goto(site_url + "portfolj/")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
    table = page.locator("#portfolj-tabell").bounding_box()
    assert table and table["width"] > 1000, table


@pytest.mark.parametrize("width", [1280, 390])
def test_names_never_break_inside_a_word(width, site_url, new_context):
    page = new_context(width=width).new_page()
    page.goto(site_url + "portfolj/")
    broken = page.eval_on_selector_all(NAMES + " a", """links => links.filter(a => {
        const style = getComputedStyle(a);
        const cell = a.closest('th');
        return style.wordBreak !== 'normal' || style.overflowWrap !== 'normal'
            || cell.scrollWidth > cell.clientWidth;
    }).map(a => a.textContent)""")
    assert not broken, f"namn som bryts mitt i ett ord vid {width} px: {broken}"


def test_narrow_screen_scrolls_the_table_and_keeps_the_names(site_url, new_context):
    """A tablet (800 px); below 45em (720 px) the table is one block per initiative (test_phone.py)."""
    page = new_context(width=800).new_page()
    page.goto(site_url + "portfolj/")
    region = page.locator(".handbok-portfolj-block .handbok-tabell")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    assert region.evaluate("el => el.scrollWidth > el.clientWidth + 100")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    first_name = page.locator(NAMES).first
    before = first_name.bounding_box()["x"]
    region.evaluate("el => { el.scrollLeft = 300; }")
    page.wait_for_timeout(100)
    after = first_name.bounding_box()["x"]
    assert abs(after - before) < 2, f"namnkolumnen följde med vid rullning ({before} → {after})"
