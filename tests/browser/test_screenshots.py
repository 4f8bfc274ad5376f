"""Screenshots for reviewers (test-artifacts/screenshots/, not committed) at both widths.

The page kinds a new reader meets (issue 16) are also shot in the dark palette.
"""

from __future__ import annotations

import pytest

from tests.browser.site_pages import PALETTES, WIDTHS, representatives

pytestmark = pytest.mark.browser

SHOWN = {"start": "start", "processteg": "processteg", "insats": "insats",
         "portfölj": "portfolj", "kom igång": "kom-igang", "ordlista": "ordlista", "mall": "mall",
         "hela handboken": "hela-handboken"}
BOTH_PALETTES = {"start", "portfölj", "kom igång", "ordlista", "mall", "hela handboken"}


@pytest.mark.parametrize("kind", list(SHOWN))
def test_screenshots_are_written(kind, site_pages, site_url, new_context, artifact_dir):
    found = representatives(site_pages)
    if kind not in found:
        pytest.fail(f"Ingen sida av typen {kind!r} är byggd ännu.")
    palettes = PALETTES if kind in BOTH_PALETTES else PALETTES[:1]
    for palette in palettes:
        for width in WIDTHS:
            page = new_context(palette=palette, width=width).new_page()
            page.goto(site_url + found[kind].path)
            page.wait_for_load_state("networkidle")
            suffix = "" if palette == "light" else "-mork"
            target = artifact_dir / f"{SHOWN[kind]}-{width}{suffix}.png"
            page.screenshot(path=str(target), full_page=kind != "hela handboken")  # the book is ~100 000 px
            assert target.stat().st_size > 5_000, f"{target} är nästan tom"
