"""Issue 23: an editor's correct edit dated today passes every check CI runs, this year and next.

A copy of the project gets a record confirmed today, a status report dated today and a page
reviewed today (Europe/Stockholm, from the machine's clock). In that copy, `make validate`'s
command, a strict build and the fast real-content tests must pass with the real clock, and again
with libfaketime moving the clock a year ahead. Nothing pins the date here, as nothing does in CI.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from handbok.builddate import today as stockholm_today
from tests.conftest import copy_project, require_tool

pytestmark = pytest.mark.build

RECORD = "data/insatser/hifa.yaml"
PAGE = "docs/principer.md"
A_YEAR = dt.timedelta(days=365)
# The real-content tests run inside the copy: all that need no build (validate, the validate
# command, redirects, hooks, serve cache, fuzz), and of those that build, the files that assert
# on the build's date (Sammanställd, overdue reviews, reports, reproducible builds). All of
# `-m "real_content and not browser"` takes about three minutes per clock here; the rest of it
# asserts on content, not dates, and the strict build above covers what it would rebuild.
NESTED_TESTS = ("tests/unit", "tests/site/test_generated_pages.py", "tests/site/test_reproducible.py",
                "tests/site/test_clock.py", "tests/site/test_editor_guide.py")


def _edit_as_an_editor(project: Path, today: dt.date) -> None:
    """What CONTRIBUTING asks for, dated today: confirm a record, report on it, review a page."""
    record = project / RECORD
    text = re.sub(r"^senast_granskad:.*\n", "", record.read_text(encoding="utf-8"), flags=re.MULTILINE)
    record.write_text(f"{text.rstrip()}\nsenast_granskad: {today}\n", encoding="utf-8")
    # A new report list on the first initiative without one, so no existing report is touched.
    reported = next(p for p in sorted((project / "data" / "insatser").glob("*.yaml"))
                    if "\nstatusrapporter:" not in p.read_text(encoding="utf-8"))
    reported.write_text(f"{reported.read_text(encoding='utf-8').rstrip()}\nstatusrapporter:\n"
                        f"  - datum: {today}\n    halsa: enligt-plan\n    text: Rapport skriven i dag, som prov.\n",
                        encoding="utf-8")
    page = project / PAGE
    text, count = re.subn(r"^senast_granskad: \S+$", f"senast_granskad: {today}",
                          page.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1, f"{PAGE} saknar senast_granskad"
    page.write_text(text, encoding="utf-8")


def _run(project: Path, clock: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    # As in CI: no pinned date anywhere, only the (possibly moved) clock.
    env = {key: value for key, value in os.environ.items()
           if key not in {"SOURCE_DATE_EPOCH", "BUILD_DATE", "PYTEST_ADDOPTS"}}
    env |= {"PYTHONPATH": "macros", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*clock, sys.executable, *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def _check_like_ci(project: Path, clock: list[str]) -> None:
    validate = _run(project, clock, "-m", "handbok.cli", "validate")
    assert validate.returncode == 0, validate.stdout + validate.stderr
    build = _run(project, clock, "-m", "mkdocs", "build", "--strict", "-d", str(project / ".site-bevis"))
    assert build.returncode == 0, build.stdout + build.stderr
    tests = _run(project, clock, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                 "-m", "real_content and not browser", *NESTED_TESTS)
    assert tests.returncode == 0, tests.stdout[-6000:] + tests.stderr[-2000:]
    assert re.search(r"\b\d+ passed\b", tests.stdout), tests.stdout[-2000:]


def test_edits_dated_today_pass_ci_checks_now_and_a_year_ahead(tmp_path: Path) -> None:
    faketime = require_tool("faketime", "libfaketime flyttar klockan ett år framåt (make clock-deps)")
    today = stockholm_today({})
    project = copy_project(tmp_path / "projekt")
    _edit_as_an_editor(project, today)

    a_year_ahead = [faketime, "-f", "+365d"]
    seen = _run(project, a_year_ahead, "-c", "from handbok.builddate import today; print(today({}))")
    assert seen.stdout.strip() == (today + A_YEAR).isoformat(), seen.stdout + seen.stderr

    for clock in ([], a_year_ahead):
        _check_like_ci(project, clock)
