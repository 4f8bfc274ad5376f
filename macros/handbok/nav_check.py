"""Nav entries and internal links that lead nowhere, as located Swedish problems (issue 17).

MkDocs reports these too, but in English, without line numbers and only after the rest of the
build; this check runs first (project.check_project), so an editor who moved a page with `git mv`
alone reads `mkdocs.yml:57:30: fel: …` and `docs/x.md:12:5: fel: länken …` instead.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from handbok.links import authored_pages, is_generated, markdown_links, nav_entries
from handbok.problems import Problem

_MOVE_HINT = "flyttar du en sida, gör make flytta FRAN=… TILL=… det åt dig"


def check_nav_and_links(repo_root: Path) -> list[Problem]:
    """Problems with mkdocs.yml's nav and with links between pages in docs/."""
    docs_dir = repo_root / "docs"
    if not docs_dir.is_dir():
        return []
    pages = set(authored_pages(docs_dir))
    problems = _nav_problems(repo_root / "mkdocs.yml", pages)
    for page in sorted(pages):
        text = (docs_dir / page).read_text(encoding="utf-8", errors="replace")
        for link in markdown_links(page, text):
            if link.resolved in pages or is_generated(link.resolved):
                continue
            where = f"docs/{link.resolved}" if link.resolved else "en plats utanför docs/"
            problems.append(Problem(
                f"docs/{page}", link.line, link.column,
                f"länken '{link.target}' leder till {where}, som inte finns"
                f"{_suggestion(link.resolved, pages, relative_to=page)}", "lank"))
    return sorted(problems)


def _nav_problems(mkdocs_yml: Path, pages: set[str]) -> list[Problem]:
    if not mkdocs_yml.is_file():
        return []
    problems = []
    for entry in nav_entries(mkdocs_yml.read_text(encoding="utf-8")):
        if entry.path in pages or is_generated(entry.path):
            continue
        problems.append(Problem(
            "mkdocs.yml", entry.line, entry.column,
            f"navigationen (nav) pekar på '{entry.path}', som inte finns i docs/"
            f"{_suggestion(entry.path, pages)}", "nav"))
    return problems


def _suggestion(missing: str, pages: set[str], relative_to: str | None = None) -> str:
    """A page with the same file name elsewhere (the usual result of a move), else a hint."""
    name = posixpath.basename(missing)
    same_name = sorted(p for p in pages if posixpath.basename(p) == name)
    if len(same_name) == 1:
        found = same_name[0]
        shown = posixpath.relpath(found, posixpath.dirname(relative_to) or ".") \
            if relative_to else found
        return f" — menade du '{shown}'? ({_MOVE_HINT})"
    return f"; rätta sökvägen eller ta bort raden ({_MOVE_HINT})"
