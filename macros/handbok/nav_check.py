"""Nav entries, internal links and anchors that lead nowhere, as located Swedish problems
(issues 17 and 23).

MkDocs reports these too, but in English, without line numbers and only after the rest of the
build; this check runs first (project.check_project), so an editor who moved a page with `git mv`
alone reads `mkdocs.yml:57:30: fel: …` and `docs/x.md:12:5: fel: länken …` instead.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Mapping
from pathlib import Path

from handbok.anchor_check import check_anchors
from handbok.links import (
    GENERATED_PAGES,
    Link,
    authored_pages,
    is_generated,
    markdown_links,
    nav_addresses,
    nav_entries,
    other_links,
    relative_link,
)
from handbok.output_check import unsafe_scheme
from handbok.problems import Problem
from handbok.suggestions import closest, fold

_MOVE_HINT = "flyttar du en sida, gör make flytta FRAN=… TILL=… det åt dig"
GeneratedPages = Callable[[], Mapping[str, str] | None]


def check_nav_and_links(repo_root: Path, generated: GeneratedPages = lambda: None) -> list[Problem]:
    """Problems with mkdocs.yml's nav and with links between pages in docs/.

    `generated` gives the Markdown of the pages made from the data, by docs-relative path (None
    when the data cannot be read); it is called only if a link leads into them.
    """
    docs_dir = repo_root / "docs"
    if not docs_dir.is_dir():
        return []
    pages = set(authored_pages(docs_dir))
    made = functools.cache(generated)

    def known() -> set[str]:
        return pages | set(made() or ())

    problems = _nav_problems(repo_root / "mkdocs.yml", pages) + _nav_address_problems(repo_root / "mkdocs.yml")
    for page in sorted(pages):
        text = (docs_dir / page).read_text(encoding="utf-8", errors="replace")
        for link in markdown_links(page, text):
            if link.resolved in pages or (is_generated(link.resolved) and _may_exist(link.resolved, made)):
                continue
            where = f"docs/{link.resolved}" if link.resolved else "en plats utanför docs/"
            problems.append(Problem(
                f"docs/{page}", link.line, link.column,
                f"länken '{link.target}' leder till {where}, som inte finns"
                f"{_link_suggestion(link.target, page, known())}", "lank"))
        problems += _other_link_problems(page, text, repo_root, known)
    return sorted(problems + check_anchors(repo_root, made))


def _other_link_problems(page: str, text: str, repo_root: Path, pages: Callable[[], set[str]]) -> list[Problem]:
    """Links and images to files that do not exist, to folders and to addresses starting with
    '/': MkDocs stops a strict build on each, in English (issue 23)."""
    problems = []
    for link in other_links(page, text):
        message = _other_link_message(link, page, repo_root, pages)
        if message:
            problems.append(Problem(f"docs/{page}", link.line, link.column, message, "lank"))
    return problems


def _other_link_message(link: Link, page: str, repo_root: Path, pages: Callable[[], set[str]]) -> str:
    """What is wrong with one such link ("" when nothing is). `pages` gives every page's path."""
    shown = f"länken '{link.target}'"
    absolute = link.target.startswith(("/", "\\"))
    folder = link.target.lstrip("/\\").rstrip("/") if absolute else link.resolved
    is_folder = not posixpath.splitext(link.target.rstrip("/"))[1] or link.target.endswith("/")
    meant = next((relative_link(page, p) for p in (posixpath.join(folder, "index.md"), f"{folder}.md")
                  if p in pages()), None) if absolute or is_folder else None
    suggestion = f" — menade du '{meant}'?" if meant else ""
    if absolute:
        return (f"{shown} börjar med '/' och leder inte rätt när webbplatsen ligger på en annan "
                f"adress; skriv en relativ länk till sidans .md-fil{suggestion}")
    if is_folder:
        return f"{shown} pekar på en mapp, inte en sida; länka till sidans .md-fil{suggestion}"
    docs = repo_root / "docs"
    if link.resolved and ((docs / link.resolved).is_file() or is_generated(link.resolved)
                          or _published_schema(link.resolved, repo_root)):
        return ""
    if "@" in link.target and "/" not in link.target:
        return f"{shown} leder till en fil som inte finns — menade du 'mailto:{link.target}'?"
    files = {f.relative_to(docs).as_posix() for f in docs.rglob("*") if f.is_file() and f.suffix != ".md"}
    meant = _closest_link(link.target, page, files)
    where = f"docs/{link.resolved}" if link.resolved else "en plats utanför docs/"
    return f"{shown} leder till {where}, som inte finns; rätta länken" + (f" — menade du '{meant}'?" if meant else "")


def _published_schema(path: str, repo_root: Path) -> bool:
    """The site publishes schemas/*.schema.json (handbok.schema_files)."""
    return path.startswith("schemas/") and path.endswith(".schema.json") and (repo_root / path).is_file()


def _may_exist(path: str, generated: GeneratedPages) -> bool:
    """False only for a page in a generated section that the data does not make."""
    if not path.endswith(".md") or path in GENERATED_PAGES:
        return True
    made = generated()
    return made is None or path in made


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
            f"{_nav_suggestion(entry.path, pages)}", "nav"))
    return problems


def _nav_address_problems(mkdocs_yml: Path) -> list[Problem]:
    """Addresses in `nav` that a browser would run as code, as page links are checked (issue 28)."""
    if not mkdocs_yml.is_file():
        return []
    return [Problem("mkdocs.yml", entry.line, entry.column, f"navigationen (nav) har en adress som börjar "
                    f"med '{scheme}:'; bara http, https, mailto och sidor i docs/ är tillåtna", "nav")
            for entry in nav_addresses(mkdocs_yml.read_text(encoding="utf-8"))
            if (scheme := unsafe_scheme(entry.path)) is not None]


def _nav_suggestion(missing: str, pages: set[str]) -> str:
    found = _moved_page(missing, pages)
    if found is not None:
        return f" — menade du '{found}'? Rätta raden ({_MOVE_HINT})"
    return f"; rätta sökvägen eller ta bort raden ({_MOVE_HINT})"


def _link_suggestion(target: str, page: str, pages: set[str]) -> str:
    """The link as it would lead to the page meant (moved, or a slip in the name), else a hint."""
    meant = _closest_link(target, page, pages)
    if meant is not None:
        return f" — menade du '{meant}'? Rätta länken ({_MOVE_HINT})"
    return f"; rätta länken så att den leder till en sida som finns ({_MOVE_HINT})"


def _closest_link(target: str, page: str, paths: set[str]) -> str | None:
    """The link to the file meant: one with the same name elsewhere (moved), or a slip in the name."""
    moved = _moved_page(posixpath.normpath(posixpath.join(posixpath.dirname(page), target)), paths)
    if moved is not None:
        return relative_link(page, moved)
    written = {fold(relative_link(page, other)): relative_link(page, other) for other in paths}
    return written.get(closest(fold(target), written) or "")


def _moved_page(missing: str, pages: set[str]) -> str | None:
    """The one page with the same file name elsewhere (the usual result of a move)."""
    name = posixpath.basename(missing)
    same_name = sorted(p for p in pages if posixpath.basename(p) == name)
    return same_name[0] if len(same_name) == 1 else None
