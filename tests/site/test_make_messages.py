"""Issue 23: what an editor reads last when `make validate` or `make build` stops.

Decision: make's own closing line stays. Make prints `make: *** [Makefile:N: mål] Error 1` for
every failing recipe and the line cannot be replaced while `make` still exits with an error
(which the pull-request check needs). The project's own Swedish line comes just above it, and
with `LANGUAGE=sv` (set by the project's VS Code settings, CONTRIBUTING.md section 1) make
writes its line in Swedish: `Fel 1`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, copy_project

pytestmark = pytest.mark.build

# As an editor runs make: not as a sub-make of `make test` (MAKELEVEL would make it "make[1]:").
SWEDISH_ENV = {**{k: v for k, v in os.environ.items()
                  if k not in ("LC_ALL", "LC_MESSAGES", "BUILD_DATE", "SOURCE_DATE_EPOCH",
                               "MAKELEVEL", "MAKEFLAGS", "MFLAGS")},
               "LANG": "C.UTF-8", "LANGUAGE": "sv"}


def _make(project: Path, target: str) -> list[str]:
    # -o: never reinstall the tools (the copy shares the real .venv).
    completed = subprocess.run(["make", "-o", ".venv/.installed", target], cwd=project,
                               env=SWEDISH_ENV, capture_output=True, text=True, timeout=300)
    assert completed.returncode != 0
    return (completed.stdout + completed.stderr).strip().splitlines()


def _make_speaks_swedish(tmp_path: Path) -> bool:
    makefile = tmp_path / "prov.mk"
    makefile.write_text("prov:\n\t@false\n", encoding="utf-8")
    completed = subprocess.run(["make", "-f", str(makefile)], env=SWEDISH_ENV,
                               capture_output=True, text=True)
    return "Fel 1" in completed.stderr


def test_the_last_lines_are_swedish_when_validate_and_build_stop(tmp_path: Path) -> None:
    if shutil.which("make") is None or not _make_speaks_swedish(tmp_path):
        pytest.skip("make saknar svensk översättning på den här datorn")
    project = copy_project(tmp_path / "project")
    (project / ".venv").symlink_to(REPO_ROOT / ".venv")
    record = sorted((project / "data" / "insatser").glob("*.yaml"))[0]
    record.write_text(record.read_text(encoding="utf-8") + "\tfel: indrag\n", encoding="utf-8")

    validate = _make(project, "validate")
    assert re.fullmatch(r"\d+ problem hittades\. Rätta (det|dem) och kör 'make validate' igen\.",
                        validate[-2]), validate
    assert re.fullmatch(r"make: \*\*\* \[Makefile:\d+: validate\] Fel 1", validate[-1]), validate

    build = _make(project, "build")
    assert f"data/insatser/{record.name}" in "\n".join(build)
    assert re.fullmatch(r"make: \*\*\* \[Makefile:\d+: build\] Fel 1", build[-1]), build
    assert not any("Error" in line or "Traceback" in line for line in build), build
