"""Checks on authored Markdown pages: every page names its owner and its last review date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbok.problems import Problem

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
REQUIRED_FIELDS = ("ansvarig", "senast_granskad")


@dataclass(frozen=True)
class PageMeta:
    """The front matter fields the handbook relies on, for one authored page."""

    path: str
    titel: str
    ansvarig: str
    senast_granskad: dt.date


def read_front_matter(text: str) -> dict | None:
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
    return problems


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def check_authored_pages(docs_dir: Path, repo_root: Path) -> list[Problem]:
    """Front-matter problems in every Markdown page under docs/, all at once."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel_path = path.relative_to(repo_root).as_posix()
        problems.extend(check_page(rel_path, path.read_text(encoding="utf-8")))
    return problems


def page_meta(docs_dir: Path, repo_root: Path) -> list[PageMeta]:
    """Owner and review date of every authored page (pages with problems are skipped)."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        rel_path = path.relative_to(repo_root).as_posix()
        if check_page(rel_path, text):
            continue
        meta = read_front_matter(text) or {}
        title = str(meta.get("title") or _first_heading(text) or rel_path)
        pages.append(PageMeta(rel_path, title, str(meta["ansvarig"]),
                              dt.date.fromisoformat(str(meta["senast_granskad"]))))
    return pages


def _first_heading(text: str) -> str | None:
    match = re.search(r"^# (.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None
