"""Issue 17: moving a page with `make flytta`, and what a bare `git mv` leads to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project
from tests.real_date import REAL_EPOCH

pytestmark = pytest.mark.build
OLD = "erfarenheter/uppfoljning-och-budget.md"
NEW = "om/uppfoljning-och-budget.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": REAL_EPOCH}


def _run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbok.cli", *args, "--root", str(project)],
                          cwd=project, capture_output=True, text=True,
                          env={**ENV, "PYTHONPATH": str(project / "macros")}, timeout=300)


def _git_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "projekt")
    for args in (("init", "-q", "-b", "main"), ("add", "-A"),
                 ("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "bas")):
        subprocess.run(["git", *args], cwd=project, check=True)
    return project


def test_flytta_keeps_a_strict_build_green_and_the_old_address_redirecting(tmp_path: Path) -> None:
    project = _git_project(tmp_path)
    moved = _run(project, "move", "--fran", f"docs/{OLD}", "--till", f"docs/{NEW}")
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert moved.stdout.startswith(f"Flyttade docs/{OLD} → docs/{NEW} (git mv).\n")
    for said in ("Navigationen: mkdocs.yml rad ", "Länkar: 2 länk(ar) uppdaterade:",
                 "Omdirigering: /erfarenheter/uppfoljning-och-budget/ leder nu till "
                 "/om/uppfoljning-och-budget/ (data/omdirigeringar.yaml).",
                 "publicerade-adresser.txt har ", "Klart."):
        assert said in moved.stdout
    status = subprocess.run(["git", "status", "--porcelain"], cwd=project, capture_output=True,
                            text=True, check=True).stdout
    assert f"R  docs/{OLD} -> docs/{NEW}" in status
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    old_page = (tmp_path / "site/erfarenheter/uppfoljning-och-budget/index.html").read_text("utf-8")
    assert 'content="0; url=../../om/uppfoljning-och-budget/"' in old_page
    assert (tmp_path / "site/om/uppfoljning-och-budget/index.html").is_file()
    check = _run(project, "urls", "--check", "--site", str(tmp_path / "site"))
    assert check.returncode == 0, check.stdout


def test_urls_after_a_bare_git_mv_names_the_lost_addresses(tmp_path: Path) -> None:
    project = _git_project(tmp_path)
    subprocess.run(["git", "mv", f"docs/{OLD}", f"docs/{NEW}"], cwd=project, check=True)
    validate = _run(project, "validate")
    assert validate.returncode == 1
    nav_line = next(number for number, line in enumerate(
        (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), start=1) if line.endswith(f": {OLD}"))
    nav_column = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()[nav_line - 1].index(OLD) + 1
    assert (f"mkdocs.yml:{nav_line}:{nav_column}: fel: navigationen (nav) pekar på '{OLD}', som inte finns i "
            f"docs/ — menade du '{NEW}'?") in validate.stdout
    assert ("docs/process/forvalta-och-folja-upp.md:25:28: fel: länken "
            f"'../{OLD}' leder till docs/{OLD}, som inte finns") in validate.stdout
    # The editor fixes nav and links by hand but forgets the redirect.
    for path in ("mkdocs.yml", "docs/process/forvalta-och-folja-upp.md", "docs/erfarenheter/index.md"):
        file = project / path
        text = file.read_text(encoding="utf-8")
        text = text.replace(f"../{OLD}", f"../{NEW}").replace(f": {OLD}", f": {NEW}")
        text = text.replace("](uppfoljning-och-budget.md)", "](../om/uppfoljning-och-budget.md)")
        file.write_text(text, encoding="utf-8")
    before = (project / "publicerade-adresser.txt").read_text(encoding="utf-8")
    urls = _run(project, "urls", "--write")
    assert urls.returncode == 1, urls.stdout + urls.stderr
    assert ("Adressen /erfarenheter/uppfoljning-och-budget/ publiceras inte längre och ingen "
            "omdirigering täcker den. Har sidan flyttat: lägg till i data/omdirigeringar.yaml\n"
            "  - fran: erfarenheter/uppfoljning-och-budget/\n"
            f"    till: {NEW}\n") in urls.stdout
    assert "publicerade-adresser.txt är inte ändrad:" in urls.stdout
    assert (project / "publicerade-adresser.txt").read_text(encoding="utf-8") == before
