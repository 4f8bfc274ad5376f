"""The reader's side of search: bytes transferred and time from the last keystroke to the first result.

A built site is served on 127.0.0.1 and opened in Debian's Chromium (Playwright, fresh
profile). The start page is opened, "/" pressed and the query typed key by key into the search
field (Pagefind's Component UI on the handbook, Material's own search on the plain floor), and
the measurement stops when the first result's link is in the list. Every response body in the
network log counts (the page's own worker and its fetches included), compressed with gzip
level 6 as a web server would send it; a body that does not shrink (Pagefind's files are
gzip already) counts as is.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench.measure import GZIP_LEVEL
from bench.static_site import serve_directory

if TYPE_CHECKING:
    from playwright.sync_api import Response

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# A word plain Material also finds (its prefix search misses Swedish inflections).
QUERY = "förändring"
# The first result's link: Pagefind's Component UI, or plain Material's search.
RESULT = "pagefind-results a.pf-result-link, .md-search-result__item"
FIELD = "pagefind-input input, input.md-search__input"
# Installed before the page's scripts: when the last key went up, and when the first result
# appeared, on the page's own clock.
_TIMING_SCRIPT = """
window.__sok = {key: null, result: null};
addEventListener("keyup", () => { window.__sok.key = performance.now(); }, true);
new MutationObserver(() => {
  if (window.__sok.result === null &&
      document.querySelector("pagefind-results a.pf-result-link, .md-search-result__item"))
    window.__sok.result = performance.now();
}).observe(document, {childList: true, subtree: true});
"""


@dataclass(frozen=True)
class ReaderSearch:
    """Bytes (gzip estimate) and requests until the first result; ms from last keystroke to it."""

    kilobytes: float
    requests: int
    result_ms: float


def sent_size(body: bytes) -> int:
    """What a gzip-enabled server would send for `body`: compressed, unless that is larger."""
    return min(len(body), len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)))


def measure_reader_search(site_dir: Path, query: str = QUERY) -> ReaderSearch:
    """Open the start page of `site_dir`, type `query`, stop at the first result."""
    from playwright.sync_api import sync_playwright

    server, url = serve_directory(site_dir)
    responses = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(locale="sv-SE", service_workers="block")
            context.add_init_script(_TIMING_SCRIPT)
            context.on("response", lambda response: responses.append(response))
            page = context.new_page()
            page.goto(url, wait_until="load")
            page.keyboard.press("/")
            page.locator(FIELD).locator("visible=true").press_sequentially(query)
            page.locator(RESULT).first.wait_for(timeout=120_000)
            timing = page.evaluate("window.__sok")
            done = list(responses)
            total = sum(sent_size(_body(r)) for r in done)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    # A search may list results for a prefix before the last key; that counts as 0 ms.
    return ReaderSearch(total / 1000, len(done), max(0.0, timing["result"] - timing["key"]))


def _body(response: Response) -> bytes:
    try:
        body: bytes = response.body()
        return body
    except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
        return b""
