"""What changed in authored pages, redirects and the address inventory between two trees.

The second half of `make diff` (issue 17): a reviewer should not need `git diff` to see that a
page moved, was re-reviewed or lost an address. Pure: texts in, values and Markdown out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from handbok.authored import read_front_matter
from handbok.published_urls import page_url


@dataclass(frozen=True)
class Tree:
    """One side of the comparison: pages (docs-relative path → text), redirects, inventory."""

    pages: Mapping[str, str]
    redirects: Sequence[tuple[str, str]] = ()  # (fran, till) as written in the redirect map
    inventory: Sequence[str] = ()


@dataclass(frozen=True)
class PageDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    moved: tuple[tuple[str, str], ...]
    reviewed: tuple[tuple[str, str, str], ...]  # (page, old date, new date)
    changed: tuple[str, ...]
    redirects_added: tuple[tuple[str, str], ...]
    addresses_added: tuple[str, ...]
    addresses_removed: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any((self.added, self.removed, self.moved, self.reviewed, self.changed,
                        self.redirects_added, self.addresses_added, self.addresses_removed))


def diff_trees(old: Tree, new: Tree) -> PageDiff:
    """Pages added, removed, moved (matched by a new redirect, same text or same file name),
    re-reviewed (`senast_granskad` changed) or otherwise changed; redirects and addresses."""
    removed = sorted(set(old.pages) - set(new.pages))
    added = sorted(set(new.pages) - set(old.pages))
    redirects_added = sorted(set(new.redirects) - set(old.redirects))
    moved = _moves(removed, added, old, new, redirects_added)
    removed = [p for p in removed if p not in {a for a, _ in moved}]
    added = [p for p in added if p not in {b for _, b in moved}]
    pairs = [(p, p) for p in sorted(set(old.pages) & set(new.pages))] + moved
    reviewed, changed = [], []
    for before, after in pairs:
        old_date, new_date = _reviewed(old.pages[before]), _reviewed(new.pages[after])
        if old_date != new_date:
            reviewed.append((after, old_date or "–", new_date or "–"))
        elif before == after and old.pages[before] != new.pages[after]:
            changed.append(after)
    return PageDiff(tuple(added), tuple(removed), tuple(moved), tuple(sorted(reviewed)),
                    tuple(sorted(changed)), tuple(redirects_added),
                    tuple(sorted(set(new.inventory) - set(old.inventory))),
                    tuple(sorted(set(old.inventory) - set(new.inventory))))


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


def render_markdown(diff: PageDiff) -> str:
    """Sections for the pull-request summary; empty when nothing changed."""
    if diff.empty:
        return ""
    sections = [
        ("Nya sidor", [f"- {_code('docs/' + p)}" for p in diff.added]),
        ("Flyttade sidor", [f"- {_code('docs/' + a)} → {_code('docs/' + b)}"
                            for a, b in diff.moved]),
        ("Borttagna sidor", [f"- {_code('docs/' + p)}" for p in diff.removed]),
        ("Granskade sidor", [f"- {_code('docs/' + p)}: senast granskad {a} → {b}"
                             for p, a, b in diff.reviewed]),
        ("Ändrade sidor", [f"- {_code('docs/' + p)}" for p in diff.changed]),
        ("Nya omdirigeringar", [f"- {_code(a)} → {_code(b)}" for a, b in diff.redirects_added]),
        ("Nya publicerade adresser", [f"- {_code(a)}" for a in diff.addresses_added]),
        ("Adresser borttagna ur publicerade-adresser.txt",
         [f"- {_code(a)}" for a in diff.addresses_removed]),
    ]
    lines = ["## Sidor och adresser", ""]
    for heading, items in sections:
        if items:
            lines += [f"### {heading} ({len(items)})", "", *items, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
