"""The reader's search index: one Pagefind run over the built site.

Material's own search sends the whole index (13 MB at 2,000 + 2,000 records) to every reader
before the first result. Pagefind splits it into word chunks and per-page fragments, so a query
downloads only what it needs; it stems Swedish (Snowball) on both index and query. Readers search
through Pagefind's documented Component UI (overrides/partials/search.html).

Only the block of each page marked `data-pagefind-body` (overrides/main.html) is indexed;
generated labels and empty-state sentences carry `data-pagefind-ignore` in their templates.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable  # type: ignore[import-untyped]  # ships no type information

BUNDLE_DIR = "pagefind"
_THREAD_NAME = "handbok-sokindex"
# Site furniture inside the indexed block that says nothing about the page: breadcrumbs, heading
# permalinks (¶), the review notice, the process-step links every record repeats (they would
# make every record a hit for "införa"), the edit button, the facts box's field names and the
# generated line saying how current a record's data is.
IGNORED = (".handbok-brodsmulor", ".headerlink", ".handbok-granskningsnotis", ".handbok-processlage",
           ".md-content__button", ".handbok-sammanfattning dt", ".handbok-uppgifter-galler")
# Pagefind's other interfaces and its language-less stemmer: never loaded by this site.
# Pagefind's data files are gzip with this marker in front.
_DATA_PREFIX = b"pagefind_dcd"
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "wasm.unknown.pagefind")


@dataclass(frozen=True)
class SearchIndexSummary:
    """What was indexed: the size of the written bundle in bytes."""

    bundle_bytes: int


def build_search_index(site_dir: Path) -> SearchIndexSummary:
    """Write the Pagefind bundle into `site_dir/pagefind/`, replacing any earlier one."""
    bundle = site_dir / BUNDLE_DIR
    # Built beside the site, on its file system, so that swapping it in is a rename: under
    # `make serve` the search is never without a bundle for long.
    with tempfile.TemporaryDirectory(prefix=f".{site_dir.name}.handbok-sok-", dir=site_dir.resolve().parent) as new:
        fresh = Path(new) / BUNDLE_DIR
        _run_pagefind(site_dir, fresh)
        for name in _UNUSED:
            (fresh / name).unlink(missing_ok=True)
        size = sum(p.stat().st_size for p in fresh.rglob("*") if p.is_file())
        shutil.rmtree(bundle, ignore_errors=True)
        fresh.rename(bundle)
    return SearchIndexSummary(bundle_bytes=size)


def build_search_index_in_background(site_dir: Path, then: Callable[[], None] = lambda: None) -> None:
    """Under `make serve`: the same index, built while the rebuilt pages are already served.

    Pagefind reads every page (about a second at 200 + 200 records), so the editor's page
    need not wait for it. A marker beside the site folder exists until the newest indexing
    is done; each indexing waits for the one before it, so they never overlap. `then` runs
    in the same thread afterwards, before the marker goes.
    """
    marker = pending_marker(site_dir)
    token = f"{time.monotonic_ns()}"
    marker.write_text(token, encoding="utf-8")
    earlier = [t for t in threading.enumerate() if t.name == _THREAD_NAME]

    def index() -> None:
        for thread in earlier:
            thread.join()
        try:
            build_search_index(site_dir)
        finally:
            then()
            if marker.exists() and marker.read_text(encoding="utf-8") == token:
                marker.unlink(missing_ok=True)

    threading.Thread(target=index, name=_THREAD_NAME, daemon=True).start()


def pending_marker(site_dir: Path) -> Path:
    """Exists while a background index of `site_dir` is being built (outside the site folder)."""
    site = site_dir.resolve()
    return site.parent / f".{site.name}.handbok-sok-pagar"


def pagefind_command(site_dir: Path, bundle: Path) -> list[str]:
    """Pagefind's own binary from the virtualenv (pagefind_bin): no network, no Node."""
    command = [str(get_executable()), "--site", str(site_dir.resolve()), "--output-path", str(bundle.resolve()),
               "--force-language", "sv", "--silent"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    return command


def _run_pagefind(site_dir: Path, bundle: Path) -> None:
    completed = subprocess.run(pagefind_command(site_dir, bundle), capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"Pagefind kunde inte bygga sökindexet:\n{completed.stdout}{completed.stderr}")


def read_pagefind_file(path: Path) -> bytes:
    """A Pagefind data file's bytes (a page fragment's JSON, for tests and the bench)."""
    return gzip.decompress(path.read_bytes()).removeprefix(_DATA_PREFIX)
