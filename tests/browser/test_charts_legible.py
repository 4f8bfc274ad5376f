"""Key-figure charts are legible in both palettes and in print (issue 16).

Charts appear only once editors have confirmed records (issue 24), so the test builds a copy of
the real site with every initiative and need confirmed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.static_site import serve_directory
from tests.browser.site_pages import PALETTES
from tests.conftest import build_site, copy_project
from tests.real_date import REAL_DATE

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def confirmed_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("bekraftad") / "projekt")
    for path in [*(project / "data" / "insatser").glob("*.yaml"), *(project / "data" / "behov").glob("*.yaml")]:
        # Confirmed today (the real date), replacing any confirmation an editor already made.
        text = re.sub(r"^senast_granskad:.*\n", "", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        path.write_text(text.rstrip("\n") + f'\nsenast_granskad: "{REAL_DATE}"\n', encoding="utf-8")
    site: Path = tmp_path_factory.mktemp("bekraftad-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.output
    server, url = serve_directory(site)
    yield url
    server.shutdown()
    server.server_close()


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("palette", PALETTES)
def test_chart_text_and_bars_contrast_with_the_page(palette, media, confirmed_site_url, new_context):
    page = new_context(palette=palette).new_page()
    page.goto(confirmed_site_url + "portfolj/")
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
