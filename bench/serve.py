"""Serve-rebuild latency: how long after saving a file `mkdocs serve --dirty` serves the change.

One `mkdocs serve --dirty` (as `make serve` runs it) per project. Two kinds of edit, each
`repeats` times: a data edit (an initiative's title, timed until its record page serves the new
title) and an authored-page edit (the first word of docs/process/bereda.md's first paragraph,
timed until process/bereda/ serves it). The clock starts when the file is written and stops
when the page served over HTTP contains the new text, so the watcher's own delay counts.

Before every edit the server is left to settle: the previous rebuild has finished (MkDocs logs
"Reloading browsers" once for every "Detected file changes") and the background search
indexing it started is done (its marker file beside the site folder is gone; the child gets a
private TMPDIR so the marker is found). Waiting is only as long as needed.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import child_env

_TITLE_LINE = re.compile(r"^titel:.*$", re.MULTILINE)
AUTHORED_PAGE = Path("docs/process/bereda.md")
AUTHORED_URL = "process/bereda/"
# Pagefind's background indexing under serve (macros/handbok/search_index.py, pending_marker).
_PENDING_MARKERS = "*.handbok-sok-pagar"
_SETTLE_PAUSE_S = 0.3  # after the server is idle, so the watcher does not merge two edits


class ServeFailed(RuntimeError):
    pass


@dataclass
class ServeLatencies:
    """Seconds from saving to served, per edit kind; problems say what could not be measured."""

    data: list[float] = field(default_factory=list)
    page: list[float] = field(default_factory=list)
    startup_s: float | None = None
    problems: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost only
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_until(condition: Callable[[], bool], deadline: float, process: subprocess.Popen[bytes],
                pause: float = 0.05) -> bool:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if condition():
            return True
        time.sleep(pause)
    return False


def _served(url: str, needle: str, *, present: bool = True) -> Callable[[], bool]:
    def check() -> bool:
        page = _fetch(url)
        return page is not None and "<html" in page and (needle in page) == present
    return check


class _Server:
    """One `mkdocs serve --dirty` child with its log and private temporary folder."""

    def __init__(self, project: Path, workdir: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.tmpdir = workdir / "tmp"
        self.tmpdir.mkdir(parents=True)
        self.log_path = workdir / "serve.log"
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{self.port}",
                 "-f", str(project / "mkdocs.yml")],
                cwd=project, env=child_env({"TMPDIR": str(self.tmpdir)}), stdout=log,
                stderr=subprocess.STDOUT)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def idle(self) -> bool:
        """Serving, no rebuild under way and no background search indexing left."""
        text = self.log()
        if "Serving on" not in text or text.count("Detected file changes") > text.count("Reloading browsers"):
            return False
        return not any(self.tmpdir.glob(_PENDING_MARKERS))

    def settle(self, timeout_s: float) -> None:
        if not _wait_until(self.idle, time.monotonic() + timeout_s, self.process, pause=0.1):
            raise ServeFailed(f"servern blev inte klar inom {timeout_s:.0f} s:\n{self.log()[-1500:]}")
        time.sleep(_SETTLE_PAUSE_S)

    def stop(self) -> None:
        """Let the last background indexing finish (no orphaned Pagefind), then stop."""
        try:
            self.settle(60.0)
        except ServeFailed:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _time_edits(server: _Server, path: Path, url: str, edit: Callable[[str, str], str], *,
                repeats: int, timeout_s: float, label: str) -> list[float]:
    """Write `edit(original, marker)` to `path` `repeats` times; seconds until `url` serves each."""
    original = path.read_text(encoding="utf-8")
    latencies: list[float] = []
    marker = ""
    try:
        for attempt in range(repeats):
            server.settle(timeout_s)
            marker = f"Benchmark{label}{attempt}x{time.time_ns()}"
            start = time.monotonic()
            path.write_text(edit(original, marker), encoding="utf-8")
            if not _wait_until(_served(url, marker), start + timeout_s, server.process):
                raise ServeFailed(f"{label}: ändringen syntes inte inom {timeout_s:.0f} s")
            latencies.append(time.monotonic() - start)
    finally:
        path.write_text(original, encoding="utf-8")
    if marker:  # the restored file must be served again before the next kind of edit
        _wait_until(_served(url, marker, present=False), time.monotonic() + timeout_s, server.process)
    return latencies


def _retitle(original: str, marker: str) -> str:
    return _TITLE_LINE.sub(f"titel: {marker}", original, count=1)


def _reword_first_paragraph(original: str, marker: str) -> str:
    """Replace the first word of the first paragraph after the page's H1."""
    lines = original.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    first = next(i for i in range(heading + 1, len(lines)) if lines[i].strip())
    lines[first] = re.sub(r"^\S+", marker, lines[first], count=1)
    return "\n".join(lines)


def serve_latencies(project: Path, record_id: str, *, repeats: int = 3, timeout_s: float = 120.0,
                    startup_timeout_s: float = 900.0) -> ServeLatencies:
    """Start `mkdocs serve --dirty` on `project`; time a data edit and an authored-page edit."""
    result = ServeLatencies()
    with tempfile.TemporaryDirectory(prefix="handbok-serve-", ignore_cleanup_errors=True) as work:
        server = _Server(project, Path(work))
        try:
            start = time.monotonic()
            record_url = f"{server.base}insatser/{record_id}/"
            if not _wait_until(_served(record_url, "<html"), start + startup_timeout_s, server.process):
                raise ServeFailed(f"{record_url} serverades aldrig:\n{server.log()[-2000:]}")
            server.settle(startup_timeout_s)
            result.startup_s = time.monotonic() - start
            kinds = [("data", project / "data" / "insatser" / f"{record_id}.yaml", record_url, _retitle),
                     ("sida", project / AUTHORED_PAGE, server.base + AUTHORED_URL,
                      _reword_first_paragraph)]
            for label, path, url, edit in kinds:
                try:
                    values = _time_edits(server, path, url, edit, repeats=repeats,
                                         timeout_s=timeout_s, label=label)
                except ServeFailed as error:
                    result.problems.append(str(error))
                    continue
                if label == "data":
                    result.data = values
                else:
                    result.page = values
        finally:
            server.stop()
    return result
