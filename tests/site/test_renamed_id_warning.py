"""Issue 23: an id changed without `tidigare_id` is reported by `make validate` and the build,
not only by `make urls`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build


def test_validate_and_build_warn_about_a_renamed_record(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    old = sorted((project / "data" / "insatser").glob("*.yaml"))[0]
    new = old.with_name(f"{old.stem}-ny.yaml")
    new.write_text(old.read_text(encoding="utf-8").replace(f"\nid: {old.stem}\n", f"\nid: {new.stem}\n"),
                   encoding="utf-8")
    old.unlink()
    line = new.read_text(encoding="utf-8").split("\n").index(f"id: {new.stem}") + 1
    expected = (f"data/insatser/{new.name}:{line}:1: varning: adressen /insatser/{old.stem}/ är "
                f"publicerad (den står i publicerade-adresser.txt), men ingen post har id:t "
                f"'{old.stem}' längre")

    validate = subprocess.run([sys.executable, "-m", "handbok.cli", "validate", "--root", str(project)],
                              capture_output=True, text=True, cwd=project, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(project / "macros")})
    assert validate.returncode == 0, validate.stdout
    assert expected in validate.stdout
    assert validate.stdout.splitlines()[-1].startswith("Alla datafiler är giltiga")

    built = build_site(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert expected in built.output
