"""Issue 17: under `make serve` a broken file shows its located Swedish problem in the browser,
no request hangs, and the page comes back by itself once the file is fixed."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.real_date import REAL_EPOCH
from tests.site.test_serve import _free_port, _wait_for

pytestmark = [pytest.mark.build, pytest.mark.browser]
TIMEOUT_S = 90


def _status(url: str) -> tuple[int, str]:
    """Status and body; the timeout is the assertion that no request hangs."""
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_broken_file_is_shown_in_chromium_and_the_page_recovers(tmp_path: Path, browser) -> None:
    project = copy_project(tmp_path / "projekt")
    data_file = next(p for p in sorted((project / "data/insatser").glob("*.yaml"))
                     if "\nstatus: " in p.read_text(encoding="utf-8"))
    good = data_file.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/insatser/{data_file.stem}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": REAL_EPOCH}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = browser.new_context()
    try:
        assert _wait_for(url, "</html>", time.monotonic() + TIMEOUT_S), "serve did not start"
        page = context.new_page()
        page.goto(url)
        title = page.title()
        assert "Webbplatsen kan inte byggas" not in page.content()

        data_file.write_text(re.sub(r"^status: .*$", "status: pågår", good, count=1,
                                    flags=re.MULTILINE), encoding="utf-8")
        line = next(n for n, text in enumerate(data_file.read_text("utf-8").splitlines(), 1)
                    if text == "status: pågår")
        expected = (f"data/insatser/{data_file.stem}.yaml:{line}:9: fel: fältet 'status' har "
                    "värdet 'pågår'")
        heading = page.get_by_role("heading", name="Webbplatsen kan inte byggas: 1 problem")
        heading.wait_for(timeout=TIMEOUT_S * 1000)  # the open page reloaded by itself
        assert expected in page.inner_text("main")
        assert "menade du 'pagar'?" in page.inner_text("main")
        for address in (url, f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/roller/chef/"):
            status, body = _status(address)
            assert status in (200, 404) and expected in html.unescape(body), address

        data_file.write_text(good, encoding="utf-8")
        page.wait_for_function(f"document.title === {title!r}", timeout=TIMEOUT_S * 1000)
        assert "Webbplatsen kan inte byggas" not in page.content()
        assert _status(url)[0] == 200
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)
