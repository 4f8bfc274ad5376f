"""`make validate`'s command as a subprocess: summary on the real data, all problems on a broken copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.real_date import REAL_EPOCH

REPO_ROOT = Path(__file__).resolve().parents[2]
# The real data and docs (or a copy), checked at the real date (issue 23).
pytestmark = pytest.mark.real_content


def run_validate(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd / "macros"), "SOURCE_DATE_EPOCH": REAL_EPOCH}
    return subprocess.run([sys.executable, "-m", "handbok.cli", "validate", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=120)


def broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for entry in ("macros", "schemas", "data", "docs"):
        shutil.copytree(REPO_ROOT / entry, root / entry,
                        ignore=shutil.ignore_patterns("__pycache__"))
    initiative = root / "data" / "insatser" / "cytostatikakorkort.yaml"
    text = initiative.read_text(encoding="utf-8")
    initiative.write_text(text.replace("typ: flera-forvaltningar", "typ: klar")
                          .replace("titel: Cytostatikakörkort", "titl: Cytostatikakörkort"),
                          encoding="utf-8")
    (root / "data" / "kallor" / "tlo-vgr-projektledare.yaml").write_bytes(b"- en lista\n")
    return root


def test_real_data_passes_with_a_summary_line() -> None:
    result = run_validate(REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("Alla datafiler är giltiga: ")
    assert lines[-1].endswith(" källor.") and "insatser" in lines[-1] and "behov" in lines[-1]


def test_broken_copy_lists_every_problem_sorted_without_traceback(tmp_path: Path) -> None:
    result = run_validate(broken_copy(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    problem_lines = [line for line in result.stdout.splitlines() if ": fel: " in line]
    assert problem_lines == [
        "data/insatser/cytostatikakorkort.yaml:2:1: fel: obligatoriskt fält 'titel' saknas",
        "data/insatser/cytostatikakorkort.yaml:3:1: fel: okänt fält 'titl' — menade du 'titel'?",
        "data/insatser/cytostatikakorkort.yaml:9:6: fel: fältet 'typ' har värdet 'klar', "
        "tillåtna värden är: flera-forvaltningar, forvaltningsspecifik, regiongemensam",
        "data/kallor/tlo-vgr-projektledare.yaml:1:1: fel: filen innehåller en lista, men ska "
        "innehålla fält med värden ('fält: värde' på varsin rad)",
    ]
    assert result.stdout.splitlines()[-1] == \
        "4 problem hittades. Rätta dem och kör 'make validate' igen."


def test_github_format_emits_annotations(tmp_path: Path) -> None:
    result = run_validate(broken_copy(tmp_path), "--format", "github")
    assert result.returncode == 1
    assert ("::error file=data/insatser/cytostatikakorkort.yaml,line=3,col=1,"
            "title=Valideringsfel::okänt fält 'titl' — menade du 'titel'?") in result.stdout.splitlines()
