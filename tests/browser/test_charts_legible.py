"""Key-figure charts are legible in both palettes and in print (issue 16)."""

from __future__ import annotations

import re

import pytest

from tests.browser.site_pages import PALETTES

pytestmark = pytest.mark.browser


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("palette", PALETTES)
def test_chart_text_and_bars_contrast_with_the_page(palette, media, site_url, new_context):
    page = new_context(palette=palette).new_page()
    page.goto(site_url + "portfolj/")
    page.emulate_media(media=media)
    charts = page.locator("svg.handbok-diagram")
    assert charts.count() >= 4
    colours = charts.first.evaluate("""svg => ({
        text: getComputedStyle(svg.querySelector('.handbok-diagram__tal')).fill,
        label: getComputedStyle(svg.querySelector('.handbok-diagram__etikett')).fill,
        bar: getComputedStyle(svg.querySelector('.handbok-diagram__stapel')).fill,
        background: getComputedStyle(document.body).backgroundColor })""")
    background = "rgb(255, 255, 255)" if media == "print" else colours["background"]
    assert _contrast(colours["text"], background) >= 4.5, colours
    assert _contrast(colours["label"], background) >= 4.5, colours
    assert _contrast(colours["bar"], background) >= 3, colours
