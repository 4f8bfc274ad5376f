"""Authored files under docs/ may not carry code: no script-capable HTML, no event handlers,
no script URLs, macros only on listed pages, and included snippets must exist (issue 14).

Markdown passes raw HTML through unchanged, and docs/ is owned by the content team, so a
text edit must not be able to publish a script.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pymdownx.snippets import SnippetPreprocessor  # type: ignore[import-untyped]  # no type information

from handbok.macro_pages import MACRO_PAGES
from handbok.problems import Problem

# Where `--8<-- "name"` looks for files (mkdocs.yml: pymdownx.snippets base_path).
SNIPPET_DIRS = ("docs/mallar/filer", "includes")  # pymdownx.snippets base_path in mkdocs.yml
# Files under docs/ that are published as they are or included into pages, and so are scanned.
SCANNED_SUFFIXES = (".md", ".txt", ".html", ".htm", ".svg", ".xml", ".xhtml")

_ELEMENT = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|form|meta|link|"
                      r"style|portal)(?![\w-])", re.IGNORECASE)
# An attribute context: a tag, or an attr_list `{: … }`, where `onclick=` becomes an attribute.
_TAG_OR_ATTR_LIST = re.compile(r"<[a-zA-Z][^<>]*>?|\{[^{}\n]*\}")
_HANDLER = re.compile(r"(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"(javascript|vbscript|livescript):|(data):text/html", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f]+")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
# pymdownx.snippets' own path parsing (file.md:1:5, file.md:section); it reads no settings.
_SNIPPET_RULES = SnippetPreprocessor.__new__(SnippetPreprocessor)


def page_problems(rel_path: str, text: str) -> list[Problem]:
    """Script-capable markup in one authored file (`rel_path` relative to the repository)."""
    problems = [_problem(rel_path, text, m.start(), f"HTML-elementet <{m.group(1).lower()}> är inte "
                         "tillåtet i handbokens sidor (det kan köra kod eller hämta innehåll i "
                         "läsarens webbläsare); skriv innehållet med Markdown", "html-element")
                for m in _ELEMENT.finditer(text)]
    front = _FRONT_MATTER.match(text)
    contexts = [(m.start(), m.group()) for m in _TAG_OR_ATTR_LIST.finditer(text)]
    if front:
        contexts.append((front.start(1), front.group(1)))  # the theme prints some values raw
    for start, context in contexts:
        for match in _HANDLER.finditer(context):
            problems.append(_problem(rel_path, text, start + match.start(), f"attributet "
                                     f"'{match.group(1).lower()}' kör kod i läsarens webbläsare och "
                                     "är inte tillåtet; ta bort det", "html-handelse"))
    problems += _script_url_problems(rel_path, text)
    return sorted(set(problems))


def _script_url_problems(rel_path: str, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _SCRIPT_URL.search(_INVISIBLE.sub("", html.unescape(line)))
        if match:
            scheme = (match.group(1) or match.group(2)).lower()
            problems.append(Problem(rel_path, number, 1, f"en länk med '{scheme}:' kör kod i läsarens "
                                    "webbläsare och är inte tillåten; länka till en vanlig "
                                    "https-adress", "skript-url"))
    return problems


def macro_problems(rel_path: str, text: str, meta: Mapping[str, Any]) -> list[Problem]:
    """`render_macros` on a page that is not in MACRO_PAGES; `ignore_macros`, which the plugin
    rejects with a traceback."""
    problems = []
    page = rel_path.removeprefix("docs/")
    if meta.get("render_macros") not in (None, False) and page not in MACRO_PAGES:
        problems.append(Problem(rel_path, _key_line(text, "render_macros"), 1, "sidan får inte "
                                "köra makron: 'render_macros' är bara tillåtet på sidorna i "
                                "macros/handbok/macro_pages.py (som utvecklarna ansvarar för); ta "
                                "bort raden", "makrosida"))
    if "ignore_macros" in meta:
        problems.append(Problem(rel_path, _key_line(text, "ignore_macros"), 1, "fältet "
                                "'ignore_macros' stöds inte; ta bort raden", "makrosida"))
    return problems


def snippet_problems(rel_path: str, text: str, repo_root: Path) -> list[Problem]:
    """Snippet lines, found by pymdownx.snippets' own marker pattern and read with its own path
    rules, that the build would stop on with a traceback or that would include a file
    unchecked: a block marker, a missing file, a path outside the snippet folders, a file of
    another type or not in UTF-8 (issues 14, 28)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if match is None or match.group("escape"):
            continue  # `;--8<--` is an escaped, literal snippet line
        column = len(match.group("space")) + 1
        if match.group("block_marker"):
            problems.append(Problem(rel_path, number, column, "hämta in en fil per rad med "
                                    "--8<-- \"namn\" (blockformen med --8<-- på en egen rad används inte)", "snippet"))
            continue
        message = _snippet_target_problem(match.group("snippet")[1:-1].strip(), repo_root)
        if message:
            problems.append(Problem(rel_path, number, column, message, "snippet"))
    return problems


def _snippet_target_problem(spec: str, repo_root: Path) -> str | None:
    target = _SNIPPET_RULES.parse_snippet_target(spec)
    name = target["path"] if target else spec
    folders = " eller ".join(f"{folder}/" for folder in SNIPPET_DIRS)
    missing = f"filen '{name}' som sidan hämtar in med --8<-- finns inte i {folders}"
    if not name or Path(name).is_absolute() or ".." in Path(name).parts:
        return missing + " (ange bara filens namn)"
    found = next((repo_root / folder / name for folder in SNIPPET_DIRS if (repo_root / folder / name).is_file()), None)
    if found is None:
        return missing
    if not name.lower().endswith((".md", ".md.txt")):
        return f"filen '{name}' kan inte hämtas in: bara .md- och .md.txt-filer får hämtas in med --8<--"
    try:
        found.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return f"filen '{name}' som sidan hämtar in är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8"
    return None


def _key_line(text: str, key: str) -> int:
    match = re.search(rf"^{key}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _problem(rel_path: str, text: str, offset: int, message: str, rule: str) -> Problem:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(rel_path, line, column, message, rule)
