"""`make serve` rebuilds when a data file changes, not only docs/ (mkdocs.yml `watch:`)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.real_date import REAL_EPOCH

pytestmark = pytest.mark.build
TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, text: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_data_file_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    data_file = sorted((project / "data" / "insatser").glob("*.yaml"))[0]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/insatser/{data_file.stem}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": REAL_EPOCH}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.monotonic()
        assert _wait_for(url, "</html>", start + TIMEOUT_S), "mkdocs serve did not start"
        new_title = "Ändrad titel från serve-testet"
        text = data_file.read_text(encoding="utf-8")
        data_file.write_text(re.sub(r"^titel: .*$", f"titel: {new_title}", text, count=1,
                                    flags=re.MULTILINE), encoding="utf-8")
        changed = time.monotonic()
        assert _wait_for(url, new_title, changed + TIMEOUT_S), "the page was not rebuilt"
        print(f"\nserve: first page after {changed - start:.1f} s, "
              f"rebuilt after the data change in {time.monotonic() - changed:.1f} s")
    finally:
        server.terminate()
        server.wait(timeout=10)
