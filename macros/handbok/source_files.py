"""Inventory of the source folders: every file under data/ is one the build reads, and no
file or folder under docs/, data/ or schemas/ is a symbolic link (issue 14).

A symlink could publish or load a file from outside the repository; a data file with the
wrong name would otherwise be skipped without a word.
"""

from __future__ import annotations

import os
from pathlib import Path

from handbok.problems import Problem

KIND_FOLDERS = {"insatser": "insatser", "behov": "behov", "organisation": "organisationsenheter",
                "kallor": "källor"}
TOP_LEVEL_FILES = {"omdirigeringar.yaml"}
_BACKUP_MARKS = ("~", ".bak", ".swp", ".swo", ".orig", ".tmp")
_EXPECTED_TOP = ("här får bara finnas mapparna insatser/, behov/, organisation/ och kallor/ "
                 "och filen omdirigeringar.yaml")


def symlink_problems(folder: Path, repo_root: Path) -> list[Problem]:
    """Every symbolic link below `folder` (links to folders are not followed)."""
    problems = []
    pending = [str(folder)]
    while pending:  # as os.walk, but scandir's entries know their type without a call per file
        for entry in _readable_entries(pending.pop()):
            if entry.is_symlink():
                what = "mappen" if entry.is_dir() else "filen"
                problems.append(Problem(_rel(Path(entry.path), repo_root), 1, 1,
                                        f"{what} är en symbolisk länk; lägg in själva "
                                        f"{what.removesuffix('en')}en här i stället (länkar "
                                        "följs inte, de kan peka utanför arkivet)", "symlank"))
            elif entry.is_dir():
                pending.append(entry.path)
    return sorted(problems)


def folder_entries(folder: str) -> list[os.DirEntry[str]]:
    """A folder's entries by name (as sorted(Path.iterdir()) orders them).

    Each entry knows whether it is a file, folder or link without a system call per file.
    """
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _readable_entries(folder: str) -> list[os.DirEntry[str]]:
    """None when the folder cannot be read: os.walk passes over it likewise."""
    try:
        return folder_entries(folder)
    except OSError:
        return []


def data_inventory_problems(data_dir: Path, repo_root: Path) -> list[Problem]:
    """Files and folders under data/ that are not records of a known kind (symlinks aside)."""
    if not data_dir.is_dir():
        return []
    problems = []
    for path in sorted(data_dir.iterdir()):
        if path.is_symlink():
            continue
        if path.is_dir() and path.name in KIND_FOLDERS:
            problems += _kind_folder_problems(path, repo_root)
        elif path.is_dir():
            problems.append(Problem(_rel(path, repo_root) + "/", 1, 1, f"okänd mapp i data/: "
                                    f"{_EXPECTED_TOP}", "okand-fil"))
        elif path.name not in TOP_LEVEL_FILES:
            problems.append(Problem(_rel(path, repo_root), 1, 1, f"okänd fil i data/: "
                                    f"{_EXPECTED_TOP}", "okand-fil"))
    return problems


def _kind_folder_problems(folder: Path, repo_root: Path) -> list[Problem]:
    problems = []
    expected = (f"i data/{folder.name}/ får bara finnas {KIND_FOLDERS[folder.name]}, en fil per "
                "post med namnet <id>.yaml")
    for entry in folder_entries(str(folder)):
        path = Path(entry.path)
        if entry.is_symlink() or (path.suffix == ".yaml" and entry.is_file()):
            continue
        rel = _rel(path, repo_root)
        if entry.is_dir():
            rel += "/"
            message = f"okänd mapp: {expected} (inga undermappar)"
        elif path.name.endswith(_BACKUP_MARKS) or path.name.startswith((".#", "#")):
            message = f"filen ser ut att vara en säkerhetskopia från en editor; ta bort den ({expected})"
        elif path.suffix.lower() in (".yaml", ".yml"):
            message = f"datafiler ska ha ändelsen .yaml; byt namn till '{path.stem}.yaml'"
        else:
            message = f"okänd fil: {expected}"
        problems.append(Problem(rel, 1, 1, message, "okand-fil"))
    return problems


def _rel(path: Path, repo_root: Path) -> str:
    try:
        return path.relative_to(repo_root).as_posix()
    except ValueError:
        return path.as_posix()


def address_collision(authored: str, generated: str, address: str, source: str | None) -> Problem:
    """An authored docs/ file that would publish at the same address as a generated file.

    MkDocs would silently keep one of the two (issue 14); `authored` and `generated` are
    relative to docs/, `address` to the site root, `source` is the generated file's data file.
    """
    origin = f", som byggs från {source}" if source else ", som byggs från data"
    return Problem(f"docs/{authored}", 1, 1, f"filen får samma adress ({address}) som den "
                   f"genererade filen {generated}{origin}; byt namn på eller ta bort "
                   f"docs/{authored}", "adresskrock")
