"""Checks on authored Markdown pages: every page names its owner and its last review date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbok import page_safety
from handbok.load import decode_text, load_document, syntax_explanation
from handbok.problems import Problem
from handbok.suggestions import closest
from handbok.validate import YEAR_MAX, YEAR_MIN

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
REQUIRED_FIELDS = ("ansvarig", "senast_granskad")
# Fields a page may carry: the handbook's own and the MkDocs/Material ones an editor might use;
# a field close to one of these is taken as a misspelling of it.
PAGE_FIELDS = (*REQUIRED_FIELDS, "render_macros", "title", "description", "hide", "template",
               "icon", "status", "subtitle", "tags", "search")
_CLOSING = re.compile(r"---[ \t]*")
_FIELD_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
_PAGE_KEY_LINE = re.compile(r"(ansvarig|senast_granskad)[ \t]*:")
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
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


# The values of fields Material reads (issue 28): `hide` from its list, the rest plain text that
# the theme prints into the page as it is; `template` would pick any template file.
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
TEXT_FIELDS = {"title": 120, "description": 300, "subtitle": 120, "ansvarig": 120, "icon": 80, "status": 40}
_NOT_TEXT = re.compile(r"[<>\"`]")


def check_page(rel_path: str, text: str) -> list[Problem]:
    """Problems with one page's front matter, each at its line: an unclosed or second block,
    YAML the data files may not use either (aliases, tags, duplicate keys, deep nesting), a
    field Material reads with a value it must not get, a misspelled field, a missing owner or
    a missing/invalid review date."""
    text = text.replace("\r\n", "\n")
    lines = text.lstrip("\ufeff").split("\n")
    unclosed = _unclosed_problem(rel_path, lines)
    if unclosed is not None:
        return [unclosed]
    read_as_data = _loader_problems(rel_path, text)
    if read_as_data:
        return read_as_data
    try:
        meta = read_front_matter(text)
    except RecursionError:
        return [Problem(rel_path, 1, 1, "front matter är nästlad för djupt", "front-matter")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
        return [Problem(rel_path, line, column, "front matter är inte giltig YAML: "
                        f"{syntax_explanation(error)}", "front-matter")]
    except yaml.YAMLError as error:
        return [Problem(rel_path, 1, 1, f"front matter är inte giltig YAML: {error}", "front-matter")]
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if meta is None and first > 0 and _CLOSING.fullmatch(lines[first]):
        return [Problem(rel_path, first + 1, 1, "front matter ska börja på rad 1: ta bort de tomma "
                        "raderna ovanför '---' (annars publiceras fälten som text på sidan)",
                        "front-matter")]
    if meta is None:
        return [Problem(rel_path, 1, 1, "sidan saknar front matter med 'ansvarig' och "
                        "'senast_granskad' (lägg till ett block mellan två rader '---' överst)",
                        "front-matter")]
    closing = _closing_index(lines)
    positions = _field_positions(lines[:closing])
    problems, meant = _misspelled_field_problems(rel_path, meta, positions)
    problems += _field_problems(rel_path, meta, positions, closing + 1, skip=meant)
    problems += _theme_field_problems(rel_path, meta, positions)
    return problems + _stray_front_matter_problems(rel_path, lines, closing + 1)


def _theme_field_problems(rel_path: str, meta: dict[str, Any], positions: dict[str, tuple[int, int]]) -> list[Problem]:
    """Fields Material reads, against what it honours (the front matter's schema)."""
    problems = []

    def at(key: str, message: str) -> None:
        problems.append(Problem(rel_path, positions.get(key, (1, 1))[0], 1, message, "front-matter-falt"))
    if "template" in meta:
        at("template", "fältet 'template' stöds inte (sidorna använder handbokens mall); ta bort raden")
    hide = meta.get("hide")
    if "hide" in meta and (not isinstance(hide, list) or not set(map(str, hide)) <= set(HIDE_VALUES)
                           or not all(isinstance(v, str) for v in hide)):
        at("hide", f"fältet 'hide' ska vara en lista med några av {', '.join(HIDE_VALUES)}, t.ex. "
                   "'hide: [toc]'")
    for key, limit in TEXT_FIELDS.items():
        value = meta.get(key)
        if key not in meta or value is None:
            continue
        if not isinstance(value, str):
            at(key, f"fältet '{key}' ska vara text")
        elif _NOT_TEXT.search(value):
            at(key, f"fältet '{key}' får bara innehålla vanlig text, inte tecknen < > \" `")
        elif len(value) > limit:
            at(key, f"fältet '{key}' har {len(value)} tecken, men får ha högst {limit}")
    return problems


def _loader_problems(rel_path: str, text: str) -> list[Problem]:
    """The front matter read as the data files are read, before PyYAML's own loader runs on
    it (aliases, tags, duplicate keys, nesting); syntax errors are left to check_page."""
    block = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if block is None:
        return []
    _, read = load_document(rel_path, block.group(1).encode("utf-8"))
    return [dataclasses.replace(p, line=p.line + 1) for p in read
            if p.rule not in ("yaml-syntax", "tom-fil", "inte-mappning")]


def _unclosed_problem(rel_path: str, lines: list[str]) -> Problem | None:
    """A block opened by '---' whose fields are followed by page text, not by a closing '---'.

    MkDocs would then take everything up to the next '---' (a rule further down) as front
    matter, fail to read it and publish the fields as text (issue 23).
    """
    if len(lines) < 2 or not _CLOSING.fullmatch(lines[0]) or not _FIELD_LINE.match(lines[1]):
        return None
    last_field, after_field = 1, True
    for index, line in enumerate(lines[1:], start=1):
        if _CLOSING.fullmatch(line):
            return None
        if _FIELD_LINE.match(line) or (after_field and line.strip() and line[0] in " \t-"):
            last_field, after_field = index, True
        elif not line.strip() or line.startswith("#"):  # a blank line or a YAML comment
            after_field = False
        elif line[0] not in " \t-":  # page text; indented or list lines may still be YAML
            break
    return Problem(rel_path, last_field + 2, 1, "front matter som börjar på rad 1 saknar sin "
                   "avslutande rad '---': skriv en rad med bara '---' här, direkt under sista "
                   "fältet (annars publiceras fälten som text på sidan)", "front-matter")


def _closing_index(lines: list[str]) -> int:
    """The index of the line closing the front matter (read_front_matter found one)."""
    return next(i for i, line in enumerate(lines) if i > 0 and _CLOSING.fullmatch(line))


def _field_positions(block: list[str]) -> dict[str, tuple[int, int]]:
    """Each top-level field's line and the column where its value starts (1-based)."""
    positions: dict[str, tuple[int, int]] = {}
    for index, line in enumerate(block):
        match = _FIELD_LINE.match(line)
        if match and match.group(1) not in positions:
            value = len(line) - len(line[match.end():].lstrip(" \t"))
            positions[match.group(1)] = (index + 1, value + 1)
    return positions


def _misspelled_field_problems(rel_path: str, meta: dict[str, Any],
                               positions: dict[str, tuple[int, int]]) -> tuple[list[Problem], set[str]]:
    """"Menade du …?" for fields close to a known one, and the known fields they stand for."""
    problems, meant = [], set()
    for key in meta:
        guess = closest(str(key), PAGE_FIELDS) if str(key) not in PAGE_FIELDS else None
        if guess is None:
            continue  # another MkDocs or theme field, or something unrelated
        meant.add(guess)
        line = positions.get(str(key), (1, 1))[0]
        problems.append(Problem(rel_path, line, 1, f"okänt fält '{key}' i front matter — menade "
                                f"du '{guess}'?", "front-matter-falt"))
    return problems, meant


def _field_problems(rel_path: str, meta: dict[str, Any], positions: dict[str, tuple[int, int]],
                    closing_line: int, *, skip: set[str]) -> list[Problem]:
    """Owner and review date: missing (at the closing line, where they go), empty or invalid."""
    problems = []
    owner_line = positions.get("ansvarig", (closing_line, 1))[0]
    if "ansvarig" not in skip and not str(meta.get("ansvarig") or "").strip():
        problems.append(Problem(rel_path, owner_line, 1, "fältet 'ansvarig' saknas i front matter: "
                                "ange en roll eller enhet (inte en person)", "front-matter-ansvarig"))
    review = str(meta.get("senast_granskad") or "").strip()
    line, column = positions.get("senast_granskad", (closing_line, 1))
    if "senast_granskad" in skip and not review:
        return problems
    if not review:
        problems.append(Problem(rel_path, line, 1, "fältet 'senast_granskad' saknas i front matter: "
                                "ange datum som ÅÅÅÅ-MM-DD", "front-matter-granskad"))
    elif not _is_iso_date(review):
        problems.append(Problem(rel_path, line, column, f"fältet 'senast_granskad' har värdet "
                                f"'{review}', som inte är ett giltigt datum (ÅÅÅÅ-MM-DD)",
                                "front-matter-granskad"))
    elif not YEAR_MIN <= int(review[:4]) <= YEAR_MAX:
        problems.append(Problem(rel_path, line, column, f"fältet 'senast_granskad' har värdet "
                                f"'{review}': året ska ligga mellan {YEAR_MIN} och {YEAR_MAX}",
                                "front-matter-granskad"))
    return problems


def _stray_front_matter_problems(rel_path: str, lines: list[str], start: int) -> list[Problem]:
    """Front matter written again below the block (a second block, or 'ansvarig: …' in the
    text): MkDocs publishes it as page text, so following a message literally must not pass."""
    problems = []
    body = [(i, line) for i, line in enumerate(lines) if i >= start and line.strip()]
    second_block: set[int] = set()
    if len(body) > 1 and _CLOSING.fullmatch(body[0][1]) and _FIELD_LINE.match(body[1][1]):
        first = body[0][0]
        problems.append(Problem(rel_path, first + 1, 1, "här börjar ett andra block med front "
                                "matter, som skulle publiceras som text på sidan; en sida har bara "
                                "ett block, överst: flytta fälten dit och ta bort det här blocket",
                                "front-matter"))
        end = next((i for i, line in enumerate(lines) if i > first and not _FIELD_LINE.match(line)),
                   len(lines))
        second_block = set(range(first, end + 1))
    fenced = False
    for index in range(start, len(lines)):
        line = lines[index]
        if _FENCE.match(line):
            fenced = not fenced
        match = _PAGE_KEY_LINE.match(line)
        if match and not fenced and index not in second_block:
            problems.append(Problem(rel_path, index + 1, 1, f"raden '{match.group(1)}: …' står i "
                                    "sidans text och skulle publiceras; fältet hör hemma i front "
                                    "matter överst (mellan de två raderna '---'): flytta det dit",
                                    "front-matter"))
    return problems


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def check_authored_pages(docs_dir: Path, repo_root: Path, *, today: dt.date) -> list[Problem]:
    """Front matter, encoding and script-capable content of every authored file, all at once;
    `today` (Europe/Stockholm, from handbok.builddate) bounds the pages' review dates."""
    problems: list[Problem] = []
    for path in _authored_files(docs_dir, page_safety.SCANNED_SUFFIXES):
        rel_path = path.relative_to(repo_root).as_posix()
        text, decode_problems = decode_text(rel_path, path.read_bytes())
        if text is None:
            problems += decode_problems
            continue
        text = text.replace("\r\n", "\n")  # MkDocs reads pages with universal newlines
        problems += page_safety.page_problems(rel_path, text)
        if path.name.endswith(".md.txt"):  # a snippet may include others (issue 28)
            problems += page_safety.snippet_problems(rel_path, text, repo_root)
        if path.suffix == ".md":
            front_problems = check_page(rel_path, text)
            problems += front_problems or _future_review_problems(rel_path, text, today)
            problems += page_safety.snippet_problems(rel_path, text, repo_root)
            if not front_problems:  # a front matter check_page refused is not read again (alias bombs)
                problems += page_safety.macro_problems(rel_path, text, _front_matter_or_empty(text))
    return problems + _included_snippet_problems(repo_root)


def _included_snippet_problems(repo_root: Path) -> list[Problem]:
    """Snippet lines in includes/, whose files every page may include (issue 28)."""
    problems: list[Problem] = []
    for path in _authored_files(repo_root / "includes", (".md", ".md.txt")):
        rel_path = path.relative_to(repo_root).as_posix()
        text, decode_problems = decode_text(rel_path, path.read_bytes())
        problems += decode_problems if text is None else page_safety.snippet_problems(rel_path, text, repo_root)
    return problems


def _future_review_problems(rel_path: str, text: str, today: dt.date) -> list[Problem]:
    """A review date after today, rejected as it is on records (a page check_page accepted)."""
    review = dt.date.fromisoformat(str((read_front_matter(text) or {})["senast_granskad"]).strip())
    if review <= today:
        return []
    lines = text.lstrip("\ufeff").split("\n")
    line, column = _field_positions(lines[:_closing_index(lines)]).get("senast_granskad", (1, 1))
    return [Problem(rel_path, line, column, f"fältet 'senast_granskad' ({review.isoformat()}) "
                    f"ligger efter dagens datum {today.isoformat()}", "datum-i-framtiden")]


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
        text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
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
