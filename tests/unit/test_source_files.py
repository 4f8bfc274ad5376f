"""Issue 14: nothing under data/ is skipped silently, and no source file is a symbolic link."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from data_repo import located, write_repo

from handbok.source_files import file_type_problems, symlink_problems, tracked_symlink_problems

EXPECTED_INSATSER = "i data/insatser/ får bara finnas insatser, en fil per post med namnet <id>.yaml"


@pytest.mark.parametrize(("name", "message"), [
    ("x.YAML", "datafiler ska ha ändelsen .yaml; byt namn till 'x.yaml'"),
    ("x.yml", "datafiler ska ha ändelsen .yaml; byt namn till 'x.yaml'"),
    ("i.yaml~", f"filen ser ut att vara en säkerhetskopia från en editor; ta bort den ({EXPECTED_INSATSER})"),
    (".i.yaml.swp", f"filen ser ut att vara en säkerhetskopia från en editor; ta bort den ({EXPECTED_INSATSER})"),
    ("LÄSMIG.txt", f"okänd fil: {EXPECTED_INSATSER}"),
    (".DS_Store", f"okänd fil: {EXPECTED_INSATSER}"),
])
def test_stray_files_in_a_record_folder(tmp_path: Path, name: str, message: str) -> None:
    write_repo(tmp_path)
    (tmp_path / "data" / "insatser" / name).write_text("id: x\n", encoding="utf-8")
    assert located(tmp_path) == [(f"data/insatser/{name}", 1, 1, message)]


def test_stray_files_and_folders_at_the_top_of_data(tmp_path: Path) -> None:
    write_repo(tmp_path)
    (tmp_path / "data" / "insats.yaml").write_text("id: x\n", encoding="utf-8")
    (tmp_path / "data" / "projekt").mkdir()
    (tmp_path / "data" / "insatser" / "arkiv").mkdir()
    top = ("här får bara finnas mapparna insatser/, behov/, organisation/ och kallor/ och filen "
           "omdirigeringar.yaml")
    assert located(tmp_path) == [
        ("data/insats.yaml", 1, 1, f"okänd fil i data/: {top}"),
        ("data/insatser/arkiv/", 1, 1, f"okänd mapp: {EXPECTED_INSATSER} (inga undermappar)"),
        ("data/projekt/", 1, 1, f"okänd mapp i data/: {top}"),
    ]


def test_a_symlinked_data_file_is_not_loaded(tmp_path: Path) -> None:
    write_repo(tmp_path)
    outside = tmp_path / "utanfor.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    os.symlink(outside, tmp_path / "data" / "kallor" / "x.yaml")
    assert located(tmp_path) == [
        ("data/kallor/x.yaml", 1, 1, "filen är en symbolisk länk; lägg in själva filen här i stället "
         "(länkar följs inte, de kan peka utanför arkivet)")]


def test_symlinked_files_and_folders_under_docs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    os.symlink("/etc/passwd", docs / "assets" / "losen.txt")
    os.symlink("/etc", docs / "etc")
    assert [(p.path, p.message) for p in symlink_problems(docs, tmp_path)] == [
        ("docs/assets/losen.txt", "filen är en symbolisk länk; lägg in själva filen här i stället "
         "(länkar följs inte, de kan peka utanför arkivet)"),
        ("docs/etc", "mappen är en symbolisk länk; lägg in själva mappen här i stället "
         "(länkar följs inte, de kan peka utanför arkivet)"),
    ]


DOCS_TYPES = ("här får bara finnas sidor (.md), mallar (.md.txt), PDF, Word-filer (.docx), bilder (.png, .jpg, "
              ".jpeg, .gif, .webp, .svg)")


@pytest.mark.parametrize(("rel", "message"), [
    ("docs/om/x.mkd", "sidor ska ha ändelsen .md; byt namn till 'x.md'"),
    ("docs/om/x.shtml", "filtypen '.shtml' är inte tillåten i docs/ (webbplatsen skulle publicera den "
                        f"okontrollerad); {DOCS_TYPES}"),
    ("docs/om/x.HTML", "filtypen '.html' är inte tillåten i docs/ (webbplatsen skulle publicera den "
                       f"okontrollerad); {DOCS_TYPES}"),
    ("docs/om/bild.PNG", "skriv filändelsen med små bokstäver: byt namn till 'bild.png'"),
    ("docs/om/x.js", "filer av typen '.js' får ligga bara i docs/assets/ (som utvecklarna ansvarar för)"),
    ("includes/x.csv", "filtypen '.csv' är inte tillåten i includes/ (webbplatsen skulle publicera den "
                       "okontrollerad); här får bara finnas sidor (.md), mallar (.md.txt)"),
    ("overrides/x.xsl", "filtypen '.xsl' är inte tillåten i overrides/ (webbplatsen skulle publicera den "
                        "okontrollerad); här får bara finnas mallar för temat (.html), bilder (.png, .jpg, "
                        ".jpeg, .gif, .webp, .svg)"),
])
def test_only_allowed_file_types_in_published_folders(tmp_path: Path, rel: str, message: str) -> None:
    write_repo(tmp_path)
    (tmp_path / "docs" / "assets" / "js").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "js" / "ok.js").write_text("", encoding="utf-8")
    (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / rel).write_text("x\n", encoding="utf-8")
    assert [(p.path, p.line, p.column, p.message) for p in file_type_problems(tmp_path)] == [(rel, 1, 1, message)]


def test_a_symlink_tracked_by_git_anywhere(tmp_path: Path) -> None:
    write_repo(tmp_path)
    os.symlink("/etc/passwd", tmp_path / "LÄSMIG.md")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "LÄSMIG.md"], cwd=tmp_path, check=True)
    found = [(p.path, p.line, p.column, p.message) for p in tracked_symlink_problems(tmp_path)]
    assert found == [("LÄSMIG.md", 1, 1, "filen är en symbolisk länk; lägg in själva filen här i stället "
                      "(länkar följs inte, de kan peka utanför arkivet)")]
