"""Valid HTML: every built page passes the Nu HTML Checker (vnu) with zero errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, require_tool

VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.build


def vnu_errors(target: Path) -> list[str]:
    """`file:line: message` for every error vnu finds under `target`."""
    java = require_tool("java", "Java behövs för HTML-kontrollen (vnu)")
    require_tool(str(VNU_JAR), "vnu-jar behövs för HTML-kontrollen (npm ci)")
    completed = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json",
         str(target)], capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") in {"error", "non-document-error"}]
    base = target if target.is_dir() else target.parent
    return [f"{_relative(m.get('url', ''), base)}:{m.get('lastLine', '?')}: {m['message']}"
            for m in errors]


def _relative(url: str, base: Path) -> str:
    path = url.removeprefix("file:")
    return path.removeprefix(str(base.resolve())).lstrip("/") or path


def test_every_built_page_is_valid_html(built_site):
    errors = vnu_errors(built_site)
    assert not errors, f"vnu hittade {len(errors)} fel i byggda sidor:\n" + "\n".join(errors)


def test_vnu_reports_invalid_html(tmp_path):
    """Negative control: a broken page is reported with its file, line and message."""
    (tmp_path / "trasig.html").write_text(
        '<!doctype html>\n<html lang="sv">\n<head><title>Prov</title></head>\n'
        '<body>\n<p><div>fel nästling</p>\n</body>\n</html>\n', encoding="utf-8")
    errors = vnu_errors(tmp_path)
    assert errors and all(e.startswith("trasig.html:") for e in errors), errors
    assert any(e.startswith("trasig.html:5: ") for e in errors), errors
