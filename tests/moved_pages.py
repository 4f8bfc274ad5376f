"""Where an authored page is now (issue 23): tests name pages by the path they had, and follow
data/omdirigeringar.yaml, so `make flytta` (which moves a page and adds the redirect) never
turns a test over the real docs/ red.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


def _redirects(root: Path) -> dict[str, str]:
    data = yaml.safe_load((root / "data" / "omdirigeringar.yaml").read_text(encoding="utf-8")) or {}
    return {entry["fran"]: entry["till"] for entry in data.get("omdirigeringar") or []}


def current_page(path: str, root: Path = REPO_ROOT) -> str:
    """A docs/-relative page path after every recorded move ("checklista.md" → "mallar/checklista.md")."""
    moves, seen = _redirects(root), {path}
    while path in moves and moves[path] not in seen:
        path = moves[path]
        seen.add(path)
    return path


def current_url(path: str, root: Path = REPO_ROOT) -> str:
    """The page's site-relative directory URL ("checklista.md" → "mallar/checklista/")."""
    page = current_page(path, root).removesuffix(".md")
    page = posixpath.dirname(page) if posixpath.basename(page) == "index" else page
    return f"{page}/" if page else ""


def add_redirect(root: Path, fran: str, till: str) -> None:
    """One more entry in a project's data/omdirigeringar.yaml, as `make flytta` writes it."""
    path = root / "data" / "omdirigeringar.yaml"
    text = path.read_text(encoding="utf-8")
    entry = f"  - fran: {fran}\n    till: {till}\n"
    if "omdirigeringar: []" in text:
        text = text.replace("omdirigeringar: []", "omdirigeringar:\n" + entry.rstrip("\n"))
    else:
        text = text.rstrip("\n") + "\n" + entry
    path.write_text(text, encoding="utf-8")
