"""What `make serve` may keep between rebuilds: a page whose inputs did not change is not rebuilt.

Each page gets a key: a digest of everything its HTML depends on — its own source (the authored
Markdown or the generated Markdown, which already holds the titles of the records it links
to), the shared inputs (mkdocs.yml, theme overrides, assets, includes, the core and its
templates, schemas), the navigation, the build date and, for the pages that render data
through macros, the data. A page whose key equals the last rebuild's, and whose HTML is still
on disk, is skipped; the test suite compares such a rebuild with a clean build byte for byte.
The state lives in a JSON file outside the site folder, so it survives MkDocs' reloads.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
    """Page keys, titles and article HTML of the last rebuild, read from and saved to `path`."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)  # dest path -> key
    titles: dict[str, str] = field(default_factory=dict)  # src path -> title
    chapters: dict[str, tuple[str, str]] = field(default_factory=dict)  # src path -> (title, html)
    current: dict[str, str] = field(default_factory=dict)  # this rebuild's keys
    produced: list[str] = field(default_factory=list)  # this rebuild's files (dest paths)

    @classmethod
    def load(cls, path: Path) -> ServeState:
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, dict(saved["keys"]), dict(saved["titles"]),
                       {k: (v[0], v[1]) for k, v in saved["chapters"].items()})
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return cls(path)  # no usable state: everything is rebuilt

    def save(self) -> None:
        data = {"keys": self.keys, "titles": self.titles,
                "chapters": {k: list(v) for k, v in self.chapters.items()}}
        self.path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    def unchanged(self, dest: str, key: str, dest_file: Path) -> bool:
        """True when the page was built with this key last time and its HTML is still there."""
        return self.keys.get(dest) == key and dest_file.is_file()


def state_path(site_dir: str | Path) -> Path:
    """Beside, not inside, the site folder: a clean build must not have it."""
    site = Path(site_dir).resolve()
    return site.parent / f".{site.name}.handbok-serve.json"


def page_key(*, shared: str, navigation: str, source: str | bytes, data: str = "") -> str:
    return digest(shared, navigation, source, data)


def stale_files(site_dir: Path, expected: Iterable[str], kept_dirs: Iterable[str] = ()) -> list[Path]:
    """Files in the site folder that this build did not produce (a removed or renamed page).

    A clean build starts from an empty folder; a rebuild that skips pages does not, so what
    the last rebuild wrote and this one did not must go for the two to be identical.
    """
    wanted = {Path(p).as_posix() for p in expected}
    kept = tuple(f"{d.rstrip('/')}/" for d in kept_dirs)
    found = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and relative not in wanted and not relative.startswith(kept):
            found.append(path)
    return found


def navigation_signature(entries: Iterable[tuple[str, str]]) -> str:
    """The nav as (title, url) pairs in order; every page shows it, so every page depends on it."""
    return digest(*(f"{title}\x00{url}" for title, url in entries))

