"""Inventory of the source folders: every file under data/ is one the build reads, files under
docs/, includes/ and overrides/ are of an allowed type, and no source file or folder is a
symbolic link (issues 14, 28).

A symlink could publish or load a file from outside the repository; a data file with the
wrong name would otherwise be skipped without a word; a static file of another type (.shtml,
.xht, .HTML, .mkd …) is published as it is, unchecked, and a browser may run it as a page.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from handbok.problems import Problem

KIND_FOLDERS = {"insatser": "insatser", "behov": "behov", "organisation": "organisationsenheter",
                "kallor": "källor"}
TOP_LEVEL_FILES = {"omdirigeringar.yaml"}
_BACKUP_MARKS = ("~", ".bak", ".swp", ".swo", ".orig", ".tmp")
_EXPECTED_TOP = ("här får bara finnas mapparna insatser/, behov/, organisation/ och kallor/ "
                 "och filen omdirigeringar.yaml")


_IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
_CODE = (".css", ".js")
# Folder -> the file types it may hold, and the developer-owned folder where .css/.js may lie.
ALLOWED_TYPES: dict[str, tuple[tuple[str, ...], str]] = {
    "docs": ((".md", ".md.txt", ".pdf", ".docx", *_IMAGES), "docs/assets/"),
    "includes": ((".md", ".md.txt"), ""),
    "overrides": ((".html", *_IMAGES), "overrides/assets/"),
}
_OTHER_PAGE_TYPES = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".text")
_TYPE_NAMES = {".md": "sidor (.md)", ".md.txt": "mallar (.md.txt)", ".pdf": "PDF", ".docx": "Word-filer (.docx)",
               ".html": "mallar för temat (.html)", ".png": "bilder (.png, .jpg, .jpeg, .gif, .webp, .svg)"}


def file_type_problems(repo_root: Path) -> list[Problem]:
    """Files under docs/, includes/ and overrides/ whose type is not on the allow-list (issue 28)."""
    problems = []
    for folder, (suffixes, code_folder) in ALLOWED_TYPES.items():
        for path in sorted((repo_root / folder).rglob("*")):
            rel = _rel(path, repo_root)
            if path.is_symlink() or not path.is_file():
                continue  # symlinks are reported by symlink_problems
            message = _file_type_message(rel, folder, suffixes, code_folder)
            if message:
                problems.append(Problem(rel, 1, 1, message, "filtyp"))
    return problems


def _file_type_message(rel: str, folder: str, suffixes: tuple[str, ...], code_folder: str) -> str | None:
    name = rel.rsplit("/", 1)[-1]
    lower = name.lower()
    suffix = _suffix(lower)
    allowed = lower.endswith(suffixes) or (bool(code_folder) and rel.startswith(code_folder) and lower.endswith(_CODE))
    if allowed and suffix and not name.endswith(suffix):
        return f"skriv filändelsen med små bokstäver: byt namn till '{name[:-len(suffix)]}{suffix}'"
    if allowed:
        return None
    if lower.endswith(_OTHER_PAGE_TYPES):
        return f"sidor ska ha ändelsen .md; byt namn till '{name.rsplit('.', 1)[0]}.md'"
    if lower.endswith(_CODE):
        where = f"bara i {code_folder} (som utvecklarna ansvarar för)" if code_folder else f"inte i {folder}/"
        return f"filer av typen '{suffix}' får ligga {where}"
    kinds = ", ".join(_TYPE_NAMES[s] for s in suffixes if s in _TYPE_NAMES)
    return (f"filtypen '{suffix or name}' är inte tillåten i {folder}/ (webbplatsen skulle publicera "
            f"den okontrollerad); här får bara finnas {kinds}")


def _suffix(lower_name: str) -> str:
    return ".md.txt" if lower_name.endswith(".md.txt") else os.path.splitext(lower_name)[1]


def tracked_symlink_problems(repo_root: Path) -> list[Problem]:
    """Every symbolic link that git tracks, anywhere in the repository (none when git is absent)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-s", "-z"], cwd=repo_root, capture_output=True,
                                text=True, check=False)
    except OSError:
        return []
    links = [entry.split("\t", 1)[1] for entry in listed.stdout.split("\0")
             if entry.startswith("120000 ") and "\t" in entry]
    return [Problem(link, 1, 1, "filen är en symbolisk länk; lägg in själva filen här i stället (länkar "
                    "följs inte, de kan peka utanför arkivet)", "symlank") for link in sorted(links)]


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
