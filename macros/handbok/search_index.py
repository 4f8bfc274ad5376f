"""The reader's search index: a chunked Pagefind index of the built site (issue 15).

Material's own search sends the whole index (13 MB at 2,000 + 2,000 records) to every reader
before the first result. Pagefind splits it into word chunks and per-page fragments, so a query
downloads only what it needs; it stems Swedish (Snowball) on both index and query. Material's
search interface stays: overrides/assets/javascripts/workers/sok.js answers its worker protocol
from this index, and search/search_index.json keeps only the configuration Material's page-side
highlighting reads.

Only the article of pages marked `data-pagefind-body` (overrides/main.html) is indexed, and only
that part of each file is sent to Pagefind: the nav around it is most of the bytes. A large site
is indexed in parts of at most PART_BYTES of articles, one Pagefind run each, merged into one
bundle (search_bundle.py): a single run over 4,000 record pages needs about 505 MB.
"""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable  # type: ignore[import-untyped]  # ships no type information

from .search_bundle import merge_bundles

BUNDLE_DIR = "pagefind"
_THREAD_NAME = "handbok-sokindex"
MATERIAL_INDEX = Path("search") / "search_index.json"
BODY_MARK = "data-pagefind-body"
# Site furniture inside the article that says nothing about the page: breadcrumbs, heading
# permalinks (¶), the feedback box, the review notice and the process-step links every record
# repeats (they would make every record a hit for "införa").
IGNORED = (".handbok-brodsmulor", ".headerlink", ".handbok-sidrespons", ".handbok-granskningsnotis",
           ".handbok-processlage", ".md-content__button")
# Only the browser API is served; the bundled UIs and Pagefind's own worker are not used.
KEPT_FILES = re.compile(r"^(pagefind\.js|pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.sv\.pagefind)$")
# Article bytes per Pagefind run. Pagefind 1.5.2 peaks at 14-17 MB of memory per MB of article
# (505 MB for the 36 MB of articles at 2,000 + 2,000 records), so a part stays near 200 MB.
PART_BYTES = 12_000_000
# Scratch files (each part's articles and bundle) go to memory when it has room for twice the
# built HTML: creating and deleting 4,000 small files on a virtual disk cost more CPU than the
# indexing (at 2,000 + 2,000: 7-8 s of system time in /tmp, 2-4 s in /dev/shm).
MEMORY_SCRATCH = Path("/dev/shm")
_ARTICLE = re.compile(r"<article\b[^>]*\bdata-pagefind-body\b[^>]*>.*</article>", re.S)
_TITLE = re.compile(r"<title>.*?</title>", re.S)
# Pagefind joins the text of adjacent elements it does not treat as blocks ("Typ" + "Gemensam"
# → "TypGemensam" in a <dl>); a space after each closing block tag keeps words apart.
_BLOCK_END = re.compile(r"(</(?:dt|dd|th|td|tr|li|p|div|h[1-6]|caption|figcaption|summary|pre|blockquote)>)")


@dataclass(frozen=True)
class SearchIndexSummary:
    """What was indexed: page count and the size of the written bundle in bytes."""

    pages: int
    bundle_bytes: int


def indexable_html(html: str) -> str | None:
    """The part of a built page Pagefind should read, or None for a page outside search."""
    if BODY_MARK not in html:
        return None
    article = _ARTICLE.search(html)
    if article is None:
        return None
    title = _TITLE.search(html)
    body = _BLOCK_END.sub(r"\1 ", article.group(0))
    return (f'<!doctype html><html lang="sv"><head>{title.group(0) if title else ""}</head>'
            f"<body>{body}</body></html>")


def material_config_only(index_json: str) -> str:
    """Material's search_index.json without its documents: the configuration alone."""
    config = json.loads(index_json)["config"]
    return json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))


def build_search_index(site_dir: Path) -> SearchIndexSummary:
    """Write the Pagefind bundle into `site_dir/pagefind/` and shrink Material's index file."""
    material = site_dir / MATERIAL_INDEX
    if material.exists():
        material.write_text(material_config_only(material.read_text(encoding="utf-8")), encoding="utf-8")
    with _collector_paused():
        return _index_pages(site_dir)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the index is merged (a one-off build only).

    Merging decodes millions of small lists, none in a cycle; with the build's large heap each
    collection they set off walks all of it (at 2,000 + 2,000 the merge took 4.9 s instead of
    1.6 s). `make serve` already pauses the collector around its rebuilds (serve_gc.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_search_index_in_background(site_dir: Path, then: Callable[[], None] = lambda: None) -> None:
    """Under `make serve`: the same index, built while the rebuilt pages are already served.

    Pagefind reads every page (about a second at 200 + 200 records), so the editor's page
    need not wait for it. A marker beside the site folder exists until the newest indexing
    is done; each indexing waits for the one before it, so they never overlap. `then` runs
    in the same thread afterwards, before the marker goes.
    """
    material = site_dir / MATERIAL_INDEX
    if material.exists():
        material.write_text(material_config_only(material.read_text(encoding="utf-8")), encoding="utf-8")
    marker = pending_marker(site_dir)
    token = f"{time.monotonic_ns()}"
    marker.write_text(token, encoding="utf-8")
    earlier = [t for t in threading.enumerate() if t.name == _THREAD_NAME]

    def index() -> None:
        for thread in earlier:
            thread.join()
        try:
            _index_pages(site_dir)
        finally:
            then()
            if marker.exists() and marker.read_text(encoding="utf-8") == token:
                marker.unlink(missing_ok=True)

    threading.Thread(target=index, name=_THREAD_NAME, daemon=True).start()


def pending_marker(site_dir: Path) -> Path:
    """Exists while a background index of `site_dir` is being built (outside the site folder)."""
    site = site_dir.resolve()
    return site.parent / f".{site.name}.handbok-sok-pagar"


def _index_pages(site_dir: Path, part_bytes: int = PART_BYTES) -> SearchIndexSummary:
    """Index the built pages into a new bundle, then swap it in for the old one."""
    bundle = site_dir / BUNDLE_DIR
    pages = sorted(site_dir.rglob("*.html"))
    scratch_in = scratch_parent(pages)
    # The new bundle is put together beside the site, on its file system, so that swapping it
    # in is a rename: under `make serve` the search is never without a bundle for long.
    beside = site_dir.resolve().parent
    for parent, prefix in ((scratch_in, "handbok-sok-"), (beside, f".{site_dir.name}.handbok-sok-")):
        remove_abandoned(parent, prefix)
    with (tempfile.TemporaryDirectory(prefix=f"handbok-sok-{os.getpid()}-", dir=scratch_in) as scratch,
          tempfile.TemporaryDirectory(prefix=f".{site_dir.name}.handbok-sok-{os.getpid()}-", dir=beside) as assembly):
        parts, count = _write_articles(site_dir, pages, Path(scratch), part_bytes)
        bundles = []
        for number, articles in enumerate(parts):
            bundles.append(Path(scratch) / f"delindex-{number}")
            _run_pagefind(articles, bundles[-1])
            shutil.rmtree(articles)
        fresh = Path(assembly) / BUNDLE_DIR
        merge_bundles(bundles, fresh)
        for path in sorted(fresh.iterdir()):
            if path.is_file() and not KEPT_FILES.match(path.name):
                path.unlink()
        size = sum(p.stat().st_size for p in fresh.rglob("*") if p.is_file())
        shutil.rmtree(bundle, ignore_errors=True)
        fresh.rename(bundle)
    return SearchIndexSummary(pages=count, bundle_bytes=size)


def scratch_parent(pages: list[Path], memory: Path = MEMORY_SCRATCH) -> Path:
    """Where scratch folders go: `memory` if it has room for twice the pages, else the temp folder."""
    try:
        if memory.is_dir() and os.access(memory, os.W_OK):
            needed = sum(page.stat().st_size for page in pages)
            if shutil.disk_usage(memory).free > 2 * needed:
                return memory
    except OSError:
        pass
    return Path(tempfile.gettempdir())


def remove_abandoned(parent: Path, prefix: str) -> None:
    """Remove `prefix<pid>-…` folders whose process is gone: what a killed build or serve left.

    Python removes a temporary folder when its `with` block ends, but not when the process is
    killed (a serve stopped while it indexes); in /dev/shm such a folder would hold memory.
    """
    for folder in parent.glob(f"{prefix}*-*"):
        pid = folder.name.removeprefix(prefix).split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _write_articles(site_dir: Path, pages: list[Path], scratch: Path, part_bytes: int) -> tuple[list[Path], int]:
    """Each indexable page's article at its own path under a part folder of `scratch`.

    A new part begins once a part holds `part_bytes`; returns the part folders (at least one)
    and the page count.
    """
    parts = [scratch / "sidor-0"]
    parts[0].mkdir()
    count = size = 0
    for page in pages:
        content = indexable_html(page.read_text(encoding="utf-8"))
        if content is None:
            continue
        if size >= part_bytes:
            parts.append(scratch / f"sidor-{len(parts)}")
            size = 0
        target = parts[-1] / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        target.write_bytes(data)
        size += len(data)
        count += 1
    return parts, count


def _run_pagefind(source: Path, bundle: Path) -> None:
    """Pagefind's own binary from the virtualenv (pagefind_bin): no network, no Node."""
    command = [str(get_executable()), "--site", str(source), "--output-path", str(bundle.resolve()),
               "--force-language", "sv", "--silent"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=source)
    if completed.returncode != 0:
        raise RuntimeError(f"Pagefind kunde inte bygga sökindexet:\n{completed.stdout}{completed.stderr}")
