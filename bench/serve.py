"""Serve-rebuild latency: how long after saving a YAML file `mkdocs serve` shows the change."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.measure import child_env

_TITLE_LINE = re.compile(r"^titel:.*$", re.MULTILINE)


class ServeFailed(RuntimeError):
    pass


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


def _wait_for(url: str, needle: str, deadline: float, process: subprocess.Popen[bytes]) -> bool:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        page = _fetch(url)
        if page is not None and needle in page:
            return True
        time.sleep(0.05)
    return False


def rebuild_latencies(project: Path, record_id: str, *, repeats: int = 3,
                      timeout_s: float = 60.0, startup_timeout_s: float = 300.0) -> list[float]:
    """Start `mkdocs serve`, change the record's title `repeats` times, time each until served."""
    record = project / "data" / "insatser" / f"{record_id}.yaml"
    original = record.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/insatser/{record_id}/"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")],
            cwd=project, env=child_env(), stdout=log, stderr=subprocess.STDOUT)
        try:
            if not _wait_for(url, "<html", time.monotonic() + startup_timeout_s, process):
                log.seek(0)
                raise ServeFailed(f"{url} was never served:\n{log.read().decode(errors='replace')[-2000:]}")
            latencies = []
            for attempt in range(repeats):
                marker = f"Benchmarkrubrik {attempt} {time.time_ns()}"
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                start = time.monotonic()
                record.write_text(_TITLE_LINE.sub(f"titel: {marker}", original, count=1),
                                  encoding="utf-8")
                if not _wait_for(url, marker, start + timeout_s, process):
                    raise ServeFailed(f"the change was not served within {timeout_s:.0f} s")
                latencies.append(time.monotonic() - start)
            return latencies
        finally:
            record.write_text(original, encoding="utf-8")
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
