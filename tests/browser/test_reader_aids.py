"""Reader aids (issue 16): abbreviation tooltips by keyboard and touch, page feedback links."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "erfarenheter/tlo-samordning-vgr/"


def _tooltip_shown(page, text: str) -> bool:
    tooltip = page.locator(".md-tooltip2--active", has_text=text)
    tooltip.first.wait_for(state="visible", timeout=3000)
    return tooltip.count() == 1


def test_abbreviation_tooltip_opens_with_the_keyboard(site_url, new_context):
    page = new_context().new_page()
    page.goto(site_url + PAGE)
    abbr = page.locator("article abbr[tabindex='0']", has_text="TLO").first
    for _ in range(200):  # Tab through the page until the abbreviation has focus
        page.keyboard.press("Tab")
        if abbr.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("förkortningen går inte att nå med tabbtangenten")
    assert _tooltip_shown(page, "tidig lokal omställning")


def test_abbreviation_tooltip_opens_on_touch(site_url, new_context):
    page = new_context(width=390, has_touch=True, is_mobile=True).new_page()
    page.goto(site_url + PAGE)
    page.locator("article abbr[tabindex='0']", has_text="VGR").first.tap()
    assert _tooltip_shown(page, "Västra Götalandsregionen")
