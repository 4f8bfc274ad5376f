"""The built site as the browser suite sees it: page discovery and page kinds.

Pages are discovered from the built site's sitemap (plus the 404 page), so new pages and new
page kinds are covered as soon as they are built. `PAGE_KINDS` names the kinds the handbook
must have; `representatives` picks one page of each kind by its URL pattern. The local server
is bench/static_site.py (shared with `make bench`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import REPO_ROOT
from tests.moved_pages import current_url

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1280, 390)
PALETTES = ("light", "dark")
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"

# Kind name → URL pattern (site-relative, directory URLs). Order is the report order.
PAGE_KINDS: dict[str, str] = {
    "start": r"",
    "kom igång": r"kom-igang/",
    "ordlista": r"ordlista/",
    "hela handboken": r"hela-handboken/",
    "processöversikt": r"process/",
    "processteg": r"process/[a-z0-9-]+/",
    "roll": r"roller/[a-z0-9-]+/",
    # Before "mall" and "processteg": `make flytta` may move the checklist into such a folder.
    "checklista": re.escape(current_url("checklista.md")),
    "mall": r"mallar/[a-z0-9-]+/",
    "erfarenhet": r"erfarenheter/[a-z0-9-]+/",
    "insats": r"insatser/[a-z0-9-]+/",
    "behov": r"behov/[a-z0-9-]+/",
    "enhet": r"organisation/[a-z0-9-]+/",
    "portfölj": r"portfolj/",
    "404": r"404\.html",
}


@dataclass(frozen=True)
class SitePage:
    """One built page: its site-relative URL path ("" for the start page)."""

    path: str

    @property
    def kind(self) -> str | None:
        return page_kind(self.path)

    def __str__(self) -> str:
        return "/" + self.path


def page_kind(path: str) -> str | None:
    for kind, pattern in PAGE_KINDS.items():
        if re.fullmatch(pattern, path):
            return kind
    return None


def discover_pages(site_dir: Path) -> list[SitePage]:
    """Every page listed in the site's sitemap, plus the 404 page, in a stable order."""
    tree = ET.parse(site_dir / "sitemap.xml")
    locations = [el.text or "" for el in tree.iter() if el.tag.endswith("loc")]
    paths = {urlsplit(loc).path.lstrip("/") for loc in locations}
    pages = [SitePage(p) for p in sorted(paths) if (site_dir / p / "index.html").exists()
             or (site_dir / p).is_file()]
    if (site_dir / "404.html").exists():
        pages.append(SitePage("404.html"))
    return pages


def representatives(pages: list[SitePage]) -> dict[str, SitePage]:
    """The first page (in URL order) of each kind that exists."""
    found: dict[str, SitePage] = {}
    for page in pages:
        if page.kind and page.kind not in found:
            found[page.kind] = page
    return found


