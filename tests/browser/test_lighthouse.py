"""Lighthouse 12 with Debian's chromium: accessibility score 100 on the main page kinds (issue 16).

Mobile performance (issue 27) is a speed figure, so it lives in `make bench` (bench/lighthouse.py),
not in a timed test; what makes it, stylesheets that do not block, is tested in
tests/site/test_stylesheets.py."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.browser.site_pages import CHROMIUM, CHROMIUM_ARGS, representatives
from tests.conftest import REPO_ROOT, require_tool

pytestmark = pytest.mark.browser

LIGHTHOUSE = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
KINDS = ["start", "processteg", "mall", "insats", "portfölj"]


def accessibility(url: str, tmp_path) -> tuple[float, list[str]]:
    """Lighthouse's accessibility score (0–1) and the audits that failed."""
    require_tool(str(LIGHTHOUSE), "lighthouse behövs för tillgänglighetspoängen (npm ci)")
    report = tmp_path / "lighthouse.json"
    flags = " ".join(a for a in CHROMIUM_ARGS if a != "--headless") + " --headless=new"
    completed = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=accessibility", "--output=json",
         f"--output-path={report}", "--quiet", f"--chrome-flags={flags}"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr[-2000:]
    result = json.loads(report.read_text(encoding="utf-8"))
    failed = [f"{key}: {audit['title']}" for key, audit in result["audits"].items()
              if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0]
    return result["categories"]["accessibility"]["score"], failed


@pytest.mark.parametrize("kind", KINDS)
def test_accessibility_score_is_100(kind, site_pages, site_url, tmp_path):
    page = representatives(site_pages)[kind]
    score, failed = accessibility(site_url + page.path, tmp_path)
    assert score == 1, f"{page}: {round(score * 100)} av 100\n" + "\n".join(failed)


def test_lighthouse_reports_a_missing_alt_text(scratch_site, tmp_path):
    """Negative control: a known failure lowers the score and is named."""
    folder, url = scratch_site
    (folder / "index.html").write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head>'
        '<body><main><h1>Prov</h1><img src="bild.png"></main></body></html>', encoding="utf-8")
    score, failed = accessibility(url, tmp_path)
    assert score < 1 and any(f.startswith("image-alt") for f in failed), failed
