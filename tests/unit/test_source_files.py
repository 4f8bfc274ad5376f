"""Issue 14: nothing under data/ is skipped silently, and no source file is a symbolic link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from data_repo import located, write_repo

from handbok.source_files import symlink_problems

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
