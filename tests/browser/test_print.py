"""Printing: navigation, header, search and sidebars hidden; links show their address."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import representatives

pytestmark = pytest.mark.browser

HIDDEN_WHEN_PRINTED = [".md-header", ".md-tabs", ".handbok-sok", ".md-sidebar--primary",
                       ".md-sidebar--secondary", ".md-footer", ".md-content__button"]


@pytest.mark.parametrize("kind", ["checklista", "mall", "insats"])
def test_page_prints_cleanly(kind, site_pages, site_url, new_context):
    found = representatives(site_pages)
    if kind not in found:
        pytest.fail(f"Ingen sida av typen {kind!r} är byggd ännu.")
    page = new_context().new_page()
    page.goto(site_url + found[kind].path)
    page.emulate_media(media="print")
    shown = [sel for sel in HIDDEN_WHEN_PRINTED
             if page.locator(sel).count() and page.locator(sel).first.is_visible()]
    assert not shown, f"Syns vid utskrift av {found[kind]}: {shown}"
    links = page.eval_on_selector_all(
        ".md-content article a[href]:not([href^='#']):not(.headerlink):not(.md-content__button)",
        "els => els.filter(a => a.checkVisibility()).map(a => [a.getAttribute('href'),"
        " getComputedStyle(a, '::after').content])")
    if kind == "insats":  # always links to its process step, so the rule is exercised
        assert links, f"inga länkar i innehållet på {found[kind]}"
    bare = [href for href, after in links if href not in after]
    assert not bare, f"Länkar utan utskriven adress på {found[kind]}: {bare[:10]}"


def test_screen_view_shows_no_printed_addresses(site_pages, site_url, new_context):
    """Negative control: on screen the addresses are not added."""
    page = new_context().new_page()
    page.goto(site_url + representatives(site_pages)["start"].path)
    afters = page.eval_on_selector_all(
        ".md-content article a[href]:not([href^='#'])",
        "els => els.map(a => getComputedStyle(a, '::after').content)")
    assert afters and all("(" not in a for a in afters), afters[:5]
