"""Issue 14: hostile or mistaken edits stop `mkdocs build --strict` with a located Swedish
error and never a traceback; nothing is published."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, build_site, copy_project

pytestmark = pytest.mark.build

STEP = "docs/process/bereda.md"
SANDBOX = ("mallkoden försöker nå något som sidor inte får använda (access to attribute '__globals__' "
           "of 'function' object is unsafe.); en sida får bara anropa handbokens makron, t.ex. "
           "{{ nyckeltal() }}")


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def _fails_with(tmp_path: Path, project: Path, *expected: str) -> None:
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode != 0
    for line in expected:
        assert line in result.output, result.output
    assert "Traceback" not in result.output
    assert not (site / "index.html").exists()


def test_listed_macro_page_cannot_reach_python(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _edit(project, STEP, '{{ insatser_i_fas("bereda") }}',
          '{{ insatser_i_fas("bereda") }}\n\n{{ lipsum.__globals__["os"].popen("id").read() }}')
    line = _line_of(project, STEP, "lipsum")
    _fails_with(tmp_path, project, f"{STEP}:{line}:1: fel: {SANDBOX}")


def test_unlisted_page_with_render_macros_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _edit(project, "docs/principer.md", "---\n", "---\nrender_macros: true\n")
    _fails_with(tmp_path, project, "docs/principer.md:2:1: fel: sidan får inte köra makron: "
                "'render_macros' är bara tillåtet på sidorna i macros/handbok/macro_pages.py (som "
                "utvecklarna ansvarar för); ta bort raden")


def test_script_symlink_encoding_and_address_collision(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _edit(project, "docs/principer.md", "\n# ", "\n<script>alert(1)</script>\n\n# ")
    line = _line_of(project, "docs/principer.md", "<script>")
    os.symlink("/etc/hostname", project / "docs" / "assets" / "vard.txt")
    (project / "docs" / "om" / "gammal.md").write_bytes(
        "---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n---\n\n# Förändring\n".encode("cp1252"))
    _fails_with(
        tmp_path, project,
        f"docs/principer.md:{line}:1: fel: HTML-elementet <script> är inte tillåtet",
        "docs/assets/vard.txt:1:1: fel: filen är en symbolisk länk",
        "docs/om/gammal.md:6:4: fel: filen är inte sparad som UTF-8 (byte 0xf6)")


def test_authored_file_at_a_generated_address_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "insatser").mkdir()
    (project / "docs" / "insatser" / "hifa.md").write_text(
        "---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n---\n\n# HIFA\n", encoding="utf-8")
    _fails_with(tmp_path, project, "docs/insatser/hifa.md:1:1: fel: filen får samma adress")


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    ("data/insatser/hifa.yaml", "id: hifa", 'id: "hifa\\n"',
     "data/insatser/hifa.yaml:2:5: fel: fältet 'id' har värdet 'hifa\\n'"),
    ("data/insatser/hifa.yaml", "kalla: ", "behov: 010\nkalla: ", "fel: värdet '010' läses av YAML som talet 8"),
    ("schemas/kalla.schema.json", '"title": "Källa",', '"title": "Källa"',
     "schemas/kalla.schema.json:5:3: fel: schemat är inte giltig JSON"),
    ("docs/mallar/riskanalys.md", '--8<-- "riskanalys.md.txt"', '--8<-- "riskanalys.txt"',
     "fel: filen 'riskanalys.txt' som sidan hämtar in med --8<-- finns inte i docs/mallar/filer/ eller includes/"),
])
def test_data_schema_and_snippet_mistakes_are_located(tmp_path: Path, rel: str, old: str, new: str,
                                                       expected: str) -> None:
    project = copy_project(tmp_path / "project")
    _edit(project, rel, old, new)
    _fails_with(tmp_path, project, expected)


def test_the_real_site_names_its_macro_pages(tmp_path: Path) -> None:
    assert (REPO_ROOT / "macros" / "handbok" / "macro_pages.py").is_file()
    owners = (REPO_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/macros/handbok/macro_pages.py @forandringshandboken/utveckling" in owners
    assert "/overrides/    @forandringshandboken/utveckling" in owners
