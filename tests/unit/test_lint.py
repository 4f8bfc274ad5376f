"""The code base stays ruff-clean and mypy --strict clean (rules in pyproject.toml), so style
drift and type errors fail the suite."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_ruff_finds_nothing() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "macros", "tests", "bench"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_mypy_finds_nothing() -> None:
    # Files, strictness and the import path come from [tool.mypy] in pyproject.toml.
    completed = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
