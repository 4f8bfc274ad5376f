"""The code base stays ruff-clean and mypy --strict clean (rules in pyproject.toml), so style
drift and type errors fail the suite."""

from __future__ import annotations

import ast
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


def test_no_function_in_the_core_or_adapter_reaches_40_lines() -> None:
    """Issue 13: small functions with one job each (STYLE.md); the longest stays under 40 lines."""
    long = []
    for path in sorted((REPO_ROOT / "macros").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length >= 40:
                    long.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno} {node.name}: {length} rader")
    assert not long, "\n".join(long)
