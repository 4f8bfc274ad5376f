"""WCAG 2.1 AA with axe-core on every built page: light and dark palette, 1280 and 390 px."""

from __future__ import annotations

import pytest

from tests.browser.axe_check import axe_violations, format_violations
from tests.browser.site_pages import PAGE_KINDS, PALETTES, WIDTHS, representatives

pytestmark = pytest.mark.browser


def test_every_page_kind_is_built(site_pages):
    """The suite only proves something if each kind of page is there to be checked."""
    found = representatives(site_pages)
    missing = [kind for kind in PAGE_KINDS if kind not in found]
    assert not missing, (
        "Sidtyper som saknas i den byggda webbplatsen (inget att testa): " + ", ".join(missing)
        + "\nByggda sidor: " + ", ".join(str(p) for p in site_pages)
    )


def _scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


# "övriga": every built page of no named kind (section indexes, principer/, om/ …).
@pytest.mark.parametrize("kind", [*PAGE_KINDS, "övriga"])
def test_no_axe_violations(kind, site_pages, site_url, new_context, axe_source):
    pages = [p for p in site_pages if (p.kind or "övriga") == kind]
    if not pages:
        pytest.fail(f"Ingen sida av typen {kind!r} är byggd ännu.")
    problems = []
    for palette in PALETTES:
        page = new_context(palette=palette).new_page()
        for site_page in pages:
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            page.goto(site_url + site_page.path)
            expected = "slate" if palette == "dark" else "default"
            assert _scheme(page) == expected, f"{site_page}: palette {palette} was not applied"
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                found = axe_violations(page, axe_source)
                if found:
                    where = f"{site_url}{site_page.path} [{palette}, {width} px]"
                    problems.append(format_violations(where, found))
    assert not problems, "axe hittade brister (WCAG 2.1 AA):\n" + "\n".join(problems)


def test_axe_reports_an_image_without_alt_text(scratch_site, new_context, axe_source):
    """Negative control: a known violation must be found and described."""
    folder, url = scratch_site
    (folder / "index.html").write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head>'
        '<body><main><h1>Prov</h1><img src="bild.png"></main></body></html>', encoding="utf-8")
    page = new_context().new_page()
    page.goto(url)
    found = axe_violations(page, axe_source)
    message = format_violations(url, found)
    assert [v["id"] for v in found] == ["image-alt"], message
    assert "image-alt (critical)" in message and "img" in message


def test_dark_palette_toggle_is_stored(site_url, new_context):
    """The palette toggle switches the scheme, and the choice survives a reload."""
    page = new_context(palette="light").new_page()
    page.goto(site_url)
    assert _scheme(page) == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.reload()
    assert _scheme(page) == "slate"
