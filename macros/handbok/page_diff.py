"""What changed in authored pages, the glossary, abbreviations, redirects and the address
inventory between two trees.

The second half of `make diff` (issue 17): a reviewer should not need `git diff` to see that a
page moved, was re-reviewed or lost an address, which glossary terms and abbreviations changed
(issue 23), or that a page's only change is its rewritten links. Pure: texts in, values and
Markdown out.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import yaml

from handbok.authored import read_front_matter
from handbok.glossary import GLOSSARY_PAGE, parse_glossary
from handbok.links import markdown_links
from handbok.published_urls import page_url
from handbok.render.escape import markdown_literal

_GLOSSARY = GLOSSARY_PAGE.relative_to("docs").as_posix()
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Tree:
    """One side of the comparison: pages (docs-relative path → text), redirects, inventory,
    abbreviations (includes/forkortningar.md: abbreviation → explanation)."""

    pages: Mapping[str, str]
    redirects: Sequence[tuple[str, str]] = ()  # (fran, till) as written in the redirect map
    inventory: Sequence[str] = ()
    abbreviations: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Changes:
    """Named entries added, changed and removed: glossary terms, abbreviations (name, text)."""

    added: tuple[tuple[str, str], ...] = ()
    changed: tuple[tuple[str, str, str], ...] = ()  # (name, old text, new text)
    removed: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass(frozen=True)
class PageDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    moved: tuple[tuple[str, str], ...]
    reviewed: tuple[tuple[str, str, str, bool], ...]  # (page, old date, new date, text changed)
    changed: tuple[str, ...]
    redirects_added: tuple[tuple[str, str], ...]
    addresses_added: tuple[str, ...]
    addresses_removed: tuple[str, ...]
    links_only: tuple[str, ...] = ()  # pages whose only change is where their links lead
    terms: Changes = Changes()
    abbreviations: Changes = Changes()

    @property
    def empty(self) -> bool:
        return not any((self.added, self.removed, self.moved, self.reviewed, self.changed,
                        self.redirects_added, self.addresses_added, self.addresses_removed,
                        self.links_only, self.terms, self.abbreviations))


def diff_trees(old: Tree, new: Tree) -> PageDiff:
    """Pages added, removed, moved (matched by a new redirect, same text or same file name),
    re-reviewed (`senast_granskad` changed), changed only in their links or otherwise changed;
    glossary terms and abbreviations; redirects and addresses."""
    removed = sorted(set(old.pages) - set(new.pages))
    added = sorted(set(new.pages) - set(old.pages))
    redirects_added = sorted(set(new.redirects) - set(old.redirects))
    moved = _moves(removed, added, old, new, redirects_added)
    removed = [p for p in removed if p not in {a for a, _ in moved}]
    added = [p for p in added if p not in {b for _, b in moved}]
    pairs = [(p, p) for p in sorted(set(old.pages) & set(new.pages))] + moved
    reviewed, changed, links_only = [], [], []
    for before, after in pairs:
        old_text, new_text = old.pages[before], new.pages[after]
        old_date, new_date = _reviewed(old_text), _reviewed(new_text)
        if old_date != new_date:
            reviewed.append((after, old_date or "–", new_date or "–", _body(old_text) != _body(new_text)))
        elif before != after or old_text == new_text:
            continue
        elif _without_link_targets(before, old_text) == _without_link_targets(after, new_text):
            links_only.append(after)
        else:
            changed.append(after)
    return PageDiff(tuple(added), tuple(removed), tuple(moved), tuple(sorted(reviewed)),
                    tuple(sorted(changed)), tuple(redirects_added),
                    tuple(sorted(set(new.inventory) - set(old.inventory))),
                    tuple(sorted(set(old.inventory) - set(new.inventory))),
                    tuple(sorted(links_only)),
                    _changes(_terms(old), _terms(new)),
                    _changes(old.abbreviations, new.abbreviations))


def _terms(tree: Tree) -> dict[str, str]:
    return {term.name: term.definition for term in parse_glossary(tree.pages.get(_GLOSSARY, ""))}


def _changes(old: Mapping[str, str], new: Mapping[str, str]) -> Changes:
    return Changes(
        tuple((name, new[name]) for name in sorted(set(new) - set(old))),
        tuple((name, old[name], new[name]) for name in sorted(set(old) & set(new)) if old[name] != new[name]),
        tuple((name, old[name]) for name in sorted(set(old) - set(new))))


def _body(text: str) -> str:
    """The page without its front matter."""
    return _FRONT_MATTER.sub("", text, count=1)


def _without_link_targets(page: str, text: str) -> str:
    """The text with every internal link's target left out (what `make flytta` rewrites)."""
    lines = text.splitlines()
    for link in sorted(markdown_links(page, text), key=lambda k: (k.line, -k.column)):
        line, start = lines[link.line - 1], link.column - 1
        lines[link.line - 1] = line[:start] + line[start + len(link.target):]
    return "\n".join(lines)


def _moves(removed: list[str], added: list[str], old: Tree, new: Tree,
           redirects: list[tuple[str, str]]) -> list[tuple[str, str]]:
    by_url = {page_url(p): p for p in added}
    moved: dict[str, str] = {}
    for fran, till in redirects:
        source = fran if fran.endswith(".md") else next(
            (p for p in removed if page_url(p) == fran), None)
        target = till if till.endswith(".md") else by_url.get(till)
        if source in removed and target in added:
            moved[source] = target
    for page in removed:
        if page in moved:
            continue
        free = [p for p in added if p not in moved.values()]
        same = [p for p in free if _normal(new.pages[p]) == _normal(old.pages[page])] or \
            [p for p in free if posixpath.basename(p) == posixpath.basename(page)]
        if len(same) == 1:
            moved[page] = same[0]
    return sorted(moved.items())


def _normal(text: str) -> str:
    return " ".join(text.split())


def _reviewed(text: str) -> str | None:
    try:
        front = read_front_matter(text) or {}
    except yaml.YAMLError:
        return None
    value = front.get("senast_granskad")
    return str(value) if value is not None else None


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


_LINKS_ONLY_NOTE = ("Texten är densamma, bara länkarnas mål är nya (som när `make flytta` flyttar "
                    "en sida). Sidorna behöver ingen ny granskning.")


def render_markdown(diff: PageDiff) -> str:
    """Sections for the pull-request summary; empty when nothing changed."""
    if diff.empty:
        return ""
    pages = [
        ("Nya sidor", [f"- {_code('docs/' + p)}" for p in diff.added]),
        ("Flyttade sidor", [f"- {_code('docs/' + a)} → {_code('docs/' + b)}"
                            for a, b in diff.moved]),
        ("Borttagna sidor", [f"- {_code('docs/' + p)}" for p in diff.removed]),
        ("Granskade sidor", [f"- {_code('docs/' + p)}: senast granskad {a} → {b}"
                             + (", och texten är ändrad" if text_changed else "")
                             for p, a, b, text_changed in diff.reviewed]),
        ("Ändrade sidor", [f"- {_code('docs/' + p)}" for p in diff.changed]),
        ("Sidor där bara länkar ändrades", ([_LINKS_ONLY_NOTE, ""] if diff.links_only else [])
         + [f"- {_code('docs/' + p)}" for p in diff.links_only]),
        ("Nya omdirigeringar", [f"- {_code(a)} → {_code(b)}" for a, b in diff.redirects_added]),
        ("Nya publicerade adresser", [f"- {_code(a)}" for a in diff.addresses_added]),
        ("Adresser borttagna ur publicerade-adresser.txt",
         [f"- {_code(a)}" for a in diff.addresses_removed]),
    ]
    glossary = [
        ("Nya termer i ordlistan", [_entry(n, t) for n, t in diff.terms.added]),
        ("Ändrade termer i ordlistan", [_entry(n, t) for n, _, t in diff.terms.changed]),
        ("Borttagna termer ur ordlistan", [_entry(n, t) for n, t in diff.terms.removed]),
        ("Nya förkortningar", [_entry(n, t) for n, t in diff.abbreviations.added]),
        ("Ändrade förkortningar", [_entry(n, f"{markdown_literal(a)} → {markdown_literal(b)}", literal=False)
                                  for n, a, b in diff.abbreviations.changed]),
        ("Borttagna förkortningar", [_entry(n, t) for n, t in diff.abbreviations.removed]),
    ]
    blocks = [_sections("Ordlista och förkortningar", glossary), _sections("Sidor och adresser", pages)]
    return "\n".join(block for block in blocks if block)


def _entry(name: str, text: str, *, literal: bool = True) -> str:
    return f"- {_code(name)}: {markdown_literal(text) if literal else text}"


def _sections(title: str, sections: list[tuple[str, list[str]]]) -> str:
    """`## title` and one `### heading (n)` per non-empty list; "" when all are empty."""
    lines = []
    for heading, items in sections:
        count = sum(1 for item in items if item.startswith("- "))
        if count:
            lines += [f"### {heading} ({count})", "", *items, ""]
    return "\n".join([f"## {title}", "", *lines]).rstrip("\n") + "\n" if lines else ""
