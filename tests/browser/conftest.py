"""Browser suite fixtures: the built real site served on 127.0.0.1 and one headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.static_site import serve_directory
from tests.browser.site_pages import (
    AXE_JS,
    SCREENSHOT_DIR,
    WIDTHS,
    SitePage,
    discover_pages,
)
from tests.conftest import require_tool


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[SitePage]:
    return discover_pages(built_site)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    server, url = serve_directory(built_site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    require_tool(str(AXE_JS), "axe-core behövs för tillgänglighetstesterna (npm ci)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def new_context(browser):
    """A factory for fresh browser contexts (empty profile: no storage, no cookies)."""
    opened = []

    def _open(palette: str = "light", width: int = WIDTHS[0], **options):
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            color_scheme="dark" if palette == "dark" else "light",
            locale="sv-SE", **options,
        )
        opened.append(context)
        return context

    yield _open
    for context in opened:
        context.close()


@pytest.fixture
def artifact_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture
def scratch_site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """An empty folder served on 127.0.0.1, for tests that must see a known-bad page fail."""
    server, url = serve_directory(tmp_path)
    yield tmp_path, url
    server.shutdown()
    server.server_close()


def palette_scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.fixture(scope="module")
def start_page(site_url, browser):
    """One page for all searches of a module: Pagefind loads its language files once."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()
