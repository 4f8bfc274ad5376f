"""Internal Markdown links and nav entries of the authored pages, found with their positions.

Shared by the nav/link check (handbok.nav_check) and page moves (handbok.moves), so both read
links the same way. Positions are 1-based (line, column) of the link target.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

# [text](target.md#anchor "title") and reference definitions `[id]: target.md`; the same
# with no page (`[text](#anchor)`) links within the page.
_INLINE = re.compile(r"\]\(\s*<?([^)\s>#]+?\.md)(#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>#]+?\.md)(#[^\s>]*)?>?", re.MULTILINE)
_INLINE_HERE = re.compile(r"\]\(\s*<?()(#[^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE_HERE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?()(#[^\s>]*)>?", re.MULTILINE)
# Any link or image ([text](x), ![alt](x), `[id]: x`, not a footnote `[^1]:`), for the file check.
_INLINE_ANY = re.compile(r"\]\(\s*<?([^)\s>#?]+)(?:\?[^)\s>#]*)?(#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE_ANY = re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s*<?([^\s>#?]+)(?:\?[^\s>#]*)?(#[^\s>]*)?>?", re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# Sections whose pages are generated from data (handbok.site), not files in docs/.
GENERATED_SECTIONS = ("insatser", "behov", "organisation", "portfolj")


@dataclass(frozen=True)
class Link:
    """One internal link to a Markdown page: where it is written and which page it names."""

    line: int
    column: int
    target: str  # as written, without the #anchor ("" for a link within the page)
    resolved: str  # docs-relative POSIX path of the page it leads to, or "" if outside docs/
    anchor: str = ""  # the #anchor as written, without '#'


def resolve(page: str, target: str) -> str:
    """`../roller/chef.md` written in `process/bereda.md` → `roller/chef.md` ("" if outside)."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    return "" if joined.startswith("../") or joined == ".." else joined


def markdown_links(page: str, text: str) -> Iterator[Link]:
    """Every relative link to a `.md` file in `text` (page `page`), outside code."""
    for number, column, target, anchor in _links(text, (_INLINE, _REFERENCE)):
        if "://" in target or target.startswith(("/", "mailto:")):
            continue
        yield Link(number, column, target, resolve(page, target), anchor)


def anchor_links(page: str, text: str) -> Iterator[Link]:
    """Every link with an #anchor to a page in docs/ (this page for `#anchor` alone), outside code."""
    yield from (link for link in markdown_links(page, text) if link.anchor)
    for number, column, _, anchor in _links(text, (_INLINE_HERE, _REFERENCE_HERE)):
        if anchor:
            yield Link(number, column, "", page, anchor)


def other_links(page: str, text: str) -> Iterator[Link]:
    """Every link or image to something other than a `.md` page or an anchor, outside code: a
    file, a folder or an address starting with '/' (`resolved` is "" for those and outside docs/)."""
    for number, column, target, anchor in _links(text, (_INLINE_ANY, _REFERENCE_ANY)):
        if urlsplit(target).scheme or target.endswith(".md"):
            continue
        absolute = target.startswith(("/", "\\"))
        yield Link(number, column, target, "" if absolute else resolve(page, target), anchor)


def _links(text: str, patterns: tuple[re.Pattern[str], ...]) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, target, anchor) of every match of `patterns` outside code blocks and spans."""
    in_fence = False
    for number, raw in enumerate(text.splitlines(), 1):
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), raw)
        for pattern in patterns:
            for match in pattern.finditer(line):
                yield number, match.start(1) + 1, match.group(1), (match.group(2) or "#")[1:]


def relative_link(from_page: str, to_page: str) -> str:
    """The relative link from one docs page to another (`process/a.md`, `roller/b.md` → `../roller/b.md`)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


@dataclass(frozen=True)
class NavEntry:
    """A page named in mkdocs.yml's `nav`, at the position of its path."""

    line: int
    column: int
    path: str


def nav_entries(mkdocs_yml: str) -> list[NavEntry]:
    """Every Markdown page path in `nav` (composed, so `!ENV` tags need no constructor)."""
    root = yaml.compose(mkdocs_yml, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return []
    nav = next((value for key, value in root.value if key.value == "nav"), None)
    return list(_walk_nav(nav)) if nav is not None else []


def nav_addresses(mkdocs_yml: str) -> list[NavEntry]:
    """Every value in `nav`: page paths and addresses of other sites alike."""
    root = yaml.compose(mkdocs_yml, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return []
    nav = next((value for key, value in root.value if key.value == "nav"), None)
    return list(_walk_nav(nav, pages_only=False)) if nav is not None else []


def _walk_nav(node: yaml.Node, *, pages_only: bool = True) -> Iterator[NavEntry]:
    if isinstance(node, yaml.ScalarNode):
        value = str(node.value)
        if not pages_only or (value.endswith(".md") and "://" not in value):
            yield NavEntry(node.start_mark.line + 1, node.start_mark.column + 1, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk_nav(item, pages_only=pages_only)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _walk_nav(value, pages_only=pages_only)


def authored_pages(docs_dir: Path) -> list[str]:
    """Docs-relative paths of every Markdown page in docs/, sorted."""
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))


# Single generated files outside those sections: the whole handbook on one page (whole_book)
# and the Word versions of the templates (word).
GENERATED_PAGES = ("hela-handboken.md", "sidor.json")
GENERATED_SUFFIXES = (".docx",)


def is_generated(path: str) -> bool:
    return (path.split("/", 1)[0] in GENERATED_SECTIONS or path in GENERATED_PAGES
            or path.endswith(GENERATED_SUFFIXES))
