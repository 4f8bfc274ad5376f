"""Moving an authored page: the text edits that keep nav, links and old addresses working.

Pure functions from text to text; handbok.commands.move does the file system and git part.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from handbok.links import markdown_links, nav_entries, relative_link


@dataclass(frozen=True)
class LinkEdit:
    """One rewritten link: where it is (in the page's new location) and its new target."""

    page: str
    line: int
    old_target: str
    new_target: str


def rewrite_links(page: str, text: str, old: str, new: str, *,
                  moved_from: str | None = None) -> tuple[str, list[LinkEdit]]:
    """`text` of docs page `page` with every link to `old` pointing at `new` instead.

    `moved_from` is the page's own previous path when `page` is the moved page: its links were
    written relative to the old folder and are rewritten for the new one.
    """
    written_in = moved_from or page
    lines = text.splitlines(keepends=True)
    edits: list[LinkEdit] = []
    # Right to left within a line, so earlier columns stay valid while replacing.
    for link in sorted(markdown_links(written_in, text), key=lambda k: (k.line, -k.column)):
        target = link.resolved
        if target == old:
            target = new
        elif moved_from is None or not target:
            continue
        replacement = relative_link(page, target)
        if replacement == link.target:
            continue
        index = link.line - 1
        start = link.column - 1
        lines[index] = (lines[index][:start] + replacement
                        + lines[index][start + len(link.target):])
        edits.append(LinkEdit(page, link.line, link.target, replacement))
    return "".join(lines), sorted(edits, key=lambda e: (e.page, e.line))


def rewrite_nav(mkdocs_yml: str, old: str, new: str) -> tuple[str, list[int]]:
    """mkdocs.yml with every nav entry `old` replaced by `new`; the lines changed."""
    lines = mkdocs_yml.splitlines(keepends=True)
    changed = []
    for entry in nav_entries(mkdocs_yml):
        if entry.path != old:
            continue
        index, start = entry.line - 1, entry.column - 1
        line = lines[index]
        quote = line[start] if line[start] in "'\"" else ""
        written = f"{quote}{old}{quote}"
        if line[start:start + len(written)] != written:
            continue
        lines[index] = line[:start] + f"{quote}{new}{quote}" + line[start + len(written):]
        changed.append(entry.line)
    return "".join(lines), changed


_EMPTY_LIST = re.compile(r"^omdirigeringar:[ \t]*\[\][ \t]*$", re.MULTILINE)


def add_redirect(redirect_map: str, old: str, new: str, today: dt.date) -> str:
    """data/omdirigeringar.yaml with `old` → `new` added, and entries that led to `old` led on."""
    text = re.sub(rf"^(\s*till:\s*){re.escape(old)}\s*$", lambda m: f"{m.group(1)}{new}",
                  redirect_map, flags=re.MULTILINE)
    entry = (f"  - fran: {_scalar(old)}\n    till: {_scalar(new)}\n"
             f"    kommentar: Flyttad {today.isoformat()} med make flytta\n")
    if _EMPTY_LIST.search(text):
        return _EMPTY_LIST.sub(lambda _: "omdirigeringar:\n" + entry.rstrip("\n"), text, count=1)
    return text.rstrip("\n") + "\n" + entry


def _scalar(path: str) -> str:
    return path if re.fullmatch(r"[a-z0-9/._-]+", path) else json.dumps(path, ensure_ascii=False)

