"""Drives `mkdocs serve`'s rebuild path in one process: the same calls its builder makes.

`python tests/site/serve_rebuilds.py PROJECT SITE EDIT...` builds PROJECT into SITE as
`mkdocs serve --dirty` does (on_startup(command="serve", dirty=True), then
build(config, serve_url=…, dirty=True) with a freshly loaded config), then, for each EDIT
(`relative/path::old::new`), changes the file and rebuilds into the same folder. It prints
one line per rebuild (the seconds it took) and writes SITE.N.json, the digest of every file
after rebuild N, without the script that only the preview adds to each page (serve_errors.py),
so it can be compared with a clean build. Run in a subprocess, so every run starts as
`make serve` does.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def _rebuild(project: Path, site: Path, *, first: bool) -> float:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    start = time.perf_counter()
    build(config, serve_url=SERVE_URL, dirty=True)
    return time.perf_counter() - start


def _record(site: Path, number: int, seconds: float) -> None:
    """Digests of every file after rebuild `number` (and its search index), beside the site folder."""
    pending = site.resolve().parent / f".{site.name}.handbok-sok-pagar"  # search_index.pending_marker
    deadline = time.monotonic() + 300
    while pending.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    from handbok.serve_errors import preview_script  # on sys.path once the hooks are loaded
    script = preview_script().encode()
    csp = re.compile(rb'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')  # a clean build's only
    digests = {p.relative_to(site).as_posix():
               hashlib.sha256(re.sub(rb"\s+", b" ", csp.sub(b"", p.read_bytes().replace(script, b"")))).hexdigest()
               for p in sorted(site.rglob("*")) if p.is_file()}
    # When each file was last written: a page rebuilt with the same bytes still gets a new time.
    written = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns
               for p in sorted(site.rglob("*")) if p.is_file()}
    site.with_name(f"{site.name}.{number}.json").write_text(json.dumps(digests), encoding="utf-8")
    site.with_name(f"{site.name}.{number}.written.json").write_text(json.dumps(written), encoding="utf-8")
    print(f"{seconds:.3f}", flush=True)


def main(project: Path, site: Path, edits: list[str]) -> None:
    _record(site, 0, _rebuild(project, site, first=True))
    for number, edit in enumerate(edits, start=1):
        relative, old, new = edit.split("::")
        path = project / relative
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"{relative}: {old!r} not found")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        _record(site, number, _rebuild(project, site, first=False))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
