"""A file the build generates from data: where it goes, what it holds, where it comes from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedFile:
    """`path` is relative to the site's docs root (e.g. `insatser/x.md`, `portfolj/insatser.csv`).

    `source_path` is the repository-relative file an editor changes to change this page
    (its edit action opens it); None for files with no single source, such as indexes.
    """

    path: str
    content: str | bytes
    source_path: str | None = None
