"""Checks on authored Markdown pages: every page names its owner and its last review date."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbok import page_safety
from handbok.load import decode_text
from handbok.problems import Problem
from handbok.validate import YEAR_MAX, YEAR_MIN

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
REQUIRED_FIELDS = ("ansvarig", "senast_granskad")
_HEADING = re.compile(r"^# (.+?)\s*(\{[^}]*\})?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PageMeta:
    """The front matter fields the handbook relies on, for one authored page."""

    path: str
    titel: str
    ansvarig: str
    senast_granskad: dt.date


def read_front_matter(text: str) -> dict[str, Any] | None:
    """The page's YAML front matter as a dict (dates as strings), or None when it has none."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match is None:
        return None
    data = yaml.load(match.group(1), Loader=_StringDateLoader)
    return data if isinstance(data, dict) else None


class _StringDateLoader(yaml.SafeLoader):
    """SafeLoader that keeps `2025-03-01` a string instead of a date object."""


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def check_page(rel_path: str, text: str) -> list[Problem]:
    """Problems with one page's front matter: missing owner or a missing/invalid review date."""
    try:
        meta = read_front_matter(text)
    except RecursionError:
        return [Problem(rel_path, 1, 1, "front matter är nästlad för djupt", "front-matter")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return [Problem(rel_path, line, 1, f"front matter är inte giltig YAML: {error}", "front-matter")]
    if meta is None:
        return [Problem(rel_path, 1, 1, "sidan saknar front matter med 'ansvarig' och "
                        "'senast_granskad' (lägg till ett block mellan två rader '---' överst)",
                        "front-matter")]
    problems = []
    if not str(meta.get("ansvarig") or "").strip():
        problems.append(Problem(rel_path, 1, 1, "fältet 'ansvarig' saknas i front matter: ange "
                                "en roll eller enhet (inte en person)", "front-matter-ansvarig"))
    review = str(meta.get("senast_granskad") or "").strip()
    if not review:
        problems.append(Problem(rel_path, 1, 1, "fältet 'senast_granskad' saknas i front matter: "
                                "ange datum som ÅÅÅÅ-MM-DD", "front-matter-granskad"))
    elif not _is_iso_date(review):
        problems.append(Problem(rel_path, 1, 1, f"fältet 'senast_granskad' har värdet '{review}', "
                                "som inte är ett giltigt datum (ÅÅÅÅ-MM-DD)", "front-matter-granskad"))
    elif not YEAR_MIN <= int(review[:4]) <= YEAR_MAX:
        problems.append(Problem(rel_path, 1, 1, f"fältet 'senast_granskad' har värdet '{review}': "
                                f"året ska ligga mellan {YEAR_MIN} och {YEAR_MAX}", "front-matter-granskad"))
    return problems


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def check_authored_pages(docs_dir: Path, repo_root: Path) -> list[Problem]:
    """Front matter, encoding and script-capable content of every authored file, all at once."""
    problems: list[Problem] = []
    for path in _authored_files(docs_dir, page_safety.SCANNED_SUFFIXES):
        rel_path = path.relative_to(repo_root).as_posix()
        text, decode_problems = decode_text(rel_path, path.read_bytes())
        if text is None:
            problems += decode_problems
            continue
        problems += page_safety.page_problems(rel_path, text)
        if path.suffix == ".md":
            problems += check_page(rel_path, text)
            problems += page_safety.snippet_problems(rel_path, text, repo_root)
            problems += page_safety.macro_problems(rel_path, text, _front_matter_or_empty(text))
    return problems


def _authored_files(docs_dir: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Regular files under docs/ with these suffixes; symlinks are skipped (reported elsewhere)."""
    found = []
    for current, _, names in os.walk(docs_dir, followlinks=False):
        found += [Path(current) / n for n in names if n.endswith(suffixes)
                  and not (Path(current) / n).is_symlink()]
    return sorted(found)


def _front_matter_or_empty(text: str) -> dict[str, Any]:
    try:
        return read_front_matter(text) or {}
    except (yaml.YAMLError, RecursionError):
        return {}  # check_page reports it


def page_meta(docs_dir: Path, repo_root: Path) -> list[PageMeta]:
    """Owner and review date of every authored page (pages with problems are skipped)."""
    pages = []
    for path in _authored_files(docs_dir, (".md",)):
        text = path.read_bytes().decode("utf-8", errors="replace")
        rel_path = path.relative_to(repo_root).as_posix()
        if check_page(rel_path, text):
            continue
        meta = read_front_matter(text) or {}
        title = str(meta.get("title") or _first_heading(text) or rel_path)
        pages.append(PageMeta(rel_path, title, str(meta["ansvarig"]),
                              dt.date.fromisoformat(str(meta["senast_granskad"]))))
    return pages


def page_paths(docs_dir: Path, repo_root: Path) -> list[str]:
    """Repository-relative paths (`docs/roller/chef.md`) of every authored page, read or not."""
    return [path.relative_to(repo_root).as_posix() for path in _authored_files(docs_dir, (".md",))]


def _first_heading(text: str) -> str | None:
    """The H1's text, without a trailing attribute list (`# Titel {#ankare}`)."""
    match = _HEADING.search(text)
    return match.group(1).strip() if match else None
