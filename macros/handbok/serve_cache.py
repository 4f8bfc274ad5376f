"""What `make serve` may keep between rebuilds: a page whose inputs did not change is not rebuilt.

Each page gets a key: a digest of everything its HTML depends on — its own source (the authored
Markdown or the generated Markdown, which already holds the titles of the records it links
to), the shared inputs (mkdocs.yml, theme overrides, assets, includes, the core and its
templates, schemas), the navigation, the build date and, for the pages that render macros,
what their macros return (macro_calls.py). A page whose key equals the last rebuild's, and
whose HTML is still on disk, is skipped; the test suite compares such a rebuild with a clean
build byte for byte. The state lives in a JSON file outside the site folder, so it survives
MkDocs' reloads. While a rebuild writes pages, a second file beside it names them: if the
rebuild fails half-way, the next one builds those pages again and looks through the whole
site folder for files the failed one left.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbok.macro_calls import Call

# Inputs every page depends on, relative to the repository root.
SHARED_INPUTS = ("mkdocs.yml", "overrides", "docs/assets", "includes", "macros", "schemas")
_IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache"}


def digest(*parts: str | bytes) -> str:
    """One SHA-256 over the parts, each length-prefixed so that boundaries count."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def _files(path: Path) -> Iterable[Path]:
    if path.is_file():
        yield path
    elif path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not _IGNORED_PARTS.intersection(child.parts):
                yield child


def tree_digest(root: Path, entries: Iterable[str]) -> str:
    """The digest of every file under the given entries (names and contents, in sorted order)."""
    parts: list[str | bytes] = []
    for entry in entries:
        for path in _files(root / entry):
            parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


@dataclass
class ServeState:
    """Page keys, titles, article HTML and macro calls of the last rebuild, kept in `path`."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)  # dest path -> key
    titles: dict[str, str] = field(default_factory=dict)  # src path -> title
    chapters: dict[str, tuple[str, str]] = field(default_factory=dict)  # src path -> (title, html)
    calls: dict[str, list[Call]] = field(default_factory=dict)  # src path -> its macro calls
    # What the last rebuild left in the site folder; None when unknown (then it is looked through).
    written: list[str] | None = None
    current: dict[str, str] = field(default_factory=dict)  # this rebuild's keys
    produced: list[str] = field(default_factory=list)  # this rebuild's files (dest paths)
    macro_keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # src -> (dest, key before calls)

    @classmethod
    def load(cls, path: Path) -> ServeState:
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            state = cls(path, dict(saved["keys"]), dict(saved["titles"]),
                        {k: (v[0], v[1]) for k, v in saved["chapters"].items()},
                        {k: [(c[0], c[1], c[2]) for c in v] for k, v in saved["calls"].items()},
                        None if saved["written"] is None else list(saved["written"]))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return cls(path)  # no usable state: everything is rebuilt
        state.forget(_read_pending(pending_path(path)))
        return state

    def forget(self, pending: list[str] | None) -> None:
        """After a rebuild that stopped half-way: the pages it may have written are built again."""
        if pending is None:
            return
        for dest in pending:
            self.keys.pop(dest, None)
        self.written = None

    def begin(self, dests: Iterable[str]) -> None:
        """Name the pages this rebuild is about to write (see the module's docstring)."""
        mark_pending(self.path, dests)

    def save(self) -> None:
        data = {"keys": self.keys, "titles": self.titles, "calls": self.calls,
                "chapters": {k: list(v) for k, v in self.chapters.items()}, "written": self.written}
        self.path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        pending_path(self.path).unlink(missing_ok=True)

    def unchanged(self, dest: str, key: str, dest_file: Path) -> bool:
        """True when the page was built with this key last time and its HTML is still there."""
        return bool(key) and self.keys.get(dest) == key and dest_file.is_file()


def pending_path(state: Path) -> Path:
    return state.with_name(state.name.removesuffix(".json") + "-pagar.json")


def _read_pending(path: Path) -> list[str] | None:
    try:
        pending: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return []  # unreadable: the site folder is still looked through
    return [str(p) for p in pending] if isinstance(pending, list) else []


def mark_pending(state: Path, dests: Iterable[str]) -> None:
    """Add pages that a rebuild may write before it is done (kept until a rebuild completes)."""
    pending = _read_pending(pending_path(state)) or []
    pending_path(state).write_text(json.dumps(sorted({*pending, *dests})), encoding="utf-8")


def state_path(site_dir: str | Path) -> Path:
    """Beside, not inside, the site folder: a clean build must not have it."""
    site = Path(site_dir).resolve()
    return site.parent / f".{site.name}.handbok-serve.json"


def page_key(*, shared: str, navigation: str, source: str | bytes) -> str:
    return digest(shared, navigation, source)


def stale_files(site_dir: Path, expected: Iterable[str], written: Iterable[str] | None,
                kept_dirs: Iterable[str] = ()) -> list[Path]:
    """Files in the site folder that this build did not produce (a removed or renamed page).

    A clean build starts from an empty folder; a rebuild that skips pages does not, so what
    the last rebuild wrote and this one did not must go for the two to be identical. `written`
    is what the last rebuild left; None when unknown, and then the whole folder is looked through.
    """
    wanted = {Path(p).as_posix() for p in expected}
    kept = tuple(f"{d.rstrip('/')}/" for d in kept_dirs)
    present = _site_files(site_dir) if written is None else written
    return [site_dir / relative for relative in sorted(set(present) - wanted)
            if not relative.startswith(kept) and (site_dir / relative).is_file()]


def _site_files(site_dir: Path) -> list[str]:
    found = []
    for folder, _, names in os.walk(site_dir):
        relative = Path(folder).relative_to(site_dir).as_posix()
        found += [name if relative == "." else f"{relative}/{name}" for name in names]
    return found


def navigation_signature(entries: Iterable[tuple[str, str]]) -> str:
    """The nav as (title, url) pairs in order; every page shows it, so every page depends on it."""
    return digest(*(f"{title}\x00{url}" for title, url in entries))

