"""`make validate` on each broken data tree in tests/fixtures/invalid/ prints exactly expected.txt.

Each case folder holds a minimal data/ tree (tests/unit/data_repo.py's records with one thing
broken) and expected.txt, the command's whole output. The test copies the case next to the
real schemas/ and runs the validate command in-process at the suite's pinned date.

After a deliberate change of a message, rewrite the files with
    HANDBOK_UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/unit/test_invalid_fixtures.py
and read the diff before committing it: the files are the reviewed wording.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from handbok import cli
from tests.unit.data_repo import write_repo

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = REPO_ROOT / "tests" / "fixtures" / "invalid"
CASES = sorted(path.name for path in CASES_DIR.iterdir() if path.is_dir())
UPDATE = os.environ.get("HANDBOK_UPDATE_EXPECTED") == "1"


def run_validate(data: Path, root: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """The validate command's exit code and output on `data` beside the real schemas."""
    shutil.copytree(data, root / "data")
    shutil.copytree(REPO_ROOT / "schemas", root / "schemas")
    monkeypatch.delenv("BUILD_DATE", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    capsys.readouterr()
    code = cli.main(["validate", "--root", str(root)])
    return code, capsys.readouterr().out


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 8, CASES
    assert all((CASES_DIR / case / "expected.txt").is_file() or UPDATE for case in CASES)


@pytest.mark.parametrize("case", CASES)
def test_validate_prints_exactly_the_expected_problems(case: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = run_validate(CASES_DIR / case / "data", tmp_path, capsys, monkeypatch)
    expected_file = CASES_DIR / case / "expected.txt"
    if UPDATE:
        expected_file.write_text(output, encoding="utf-8")
    assert code == 1, output
    assert output == expected_file.read_text(encoding="utf-8")


def test_the_base_tree_the_cases_break_is_valid(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Each case breaks one thing in data_repo.BASE, so BASE itself must pass."""
    base = write_repo(tmp_path / "base")
    code, output = run_validate(base / "data", tmp_path / "run", capsys, monkeypatch)
    assert code == 0, output
    assert output.startswith("Alla datafiler är giltiga: ")
