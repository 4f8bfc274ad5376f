"""Screenshots for reviewers (test-artifacts/screenshots/, not committed) at both widths."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import WIDTHS, representatives

pytestmark = pytest.mark.browser

SHOWN = {"start": "start", "processteg": "processteg", "insats": "insats",
         "portfölj": "portfolj"}


@pytest.mark.parametrize("kind", list(SHOWN))
def test_screenshots_are_written(kind, site_pages, site_url, new_context, artifact_dir):
    found = representatives(site_pages)
    if kind not in found:
        pytest.fail(f"Ingen sida av typen {kind!r} är byggd ännu.")
    for width in WIDTHS:
        page = new_context(width=width).new_page()
        page.goto(site_url + found[kind].path)
        page.wait_for_load_state("networkidle")
        target = artifact_dir / f"{SHOWN[kind]}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 5_000, f"{target} är nästan tom"
