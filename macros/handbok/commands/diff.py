"""`make diff BASE=<ref>`: data, pages, glossary, abbreviations, redirects and addresses at a
git ref against the working tree, as Swedish Markdown (the pull request's job summary)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from handbok import pipeline
from handbok.abbreviations import ABBREVIATIONS_FILE, parse_abbreviations
from handbok.builddate import today as stockholm_today
from handbok.data_diff import diff_portfolios, render_markdown
from handbok.kinds import REDIRECT_MAP
from handbok.model import Portfolio
from handbok.page_diff import Tree, diff_trees
from handbok.page_diff import render_markdown as render_page_changes
from handbok.problems import Problem, format_problem
from handbok.published_urls import INVENTORY_FILE, parse_inventory

_FOLDERS = ("data", "schemas", "docs", "includes", INVENTORY_FILE)
_EMPTY = Portfolio(insatser=(), behov=(), enheter=(), kallor=())


class GitError(Exception):
    """A git command failed; the message is for the editor."""


def _git(root: Path, *args: str) -> bytes:
    completed = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if completed.returncode != 0:
        raise GitError(completed.stderr.decode("utf-8", "replace").strip())
    return completed.stdout


def export_tree(root: Path, ref: str, dest: Path) -> None:
    """Write the compared folders and files as they are at `ref` into `dest` (same relative paths)."""
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", ref, "--", *_FOLDERS)
    for name in filter(None, listing.decode("utf-8").split("\0")):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(root, "show", f"{ref}:{name}"))


def _load(root: Path, today: dt.date) -> tuple[Portfolio | None, list[Problem]]:
    return pipeline.load_portfolio(root / "data", root / "schemas", today=today)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make diff", description="Sammanfatta dataändringar.")
    parser.add_argument("--base", default="origin/main", help="git-referens att jämföra med")
    parser.add_argument("--root", default=".", help="förrådets rotkatalog")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{args.base}^{{commit}}")
    except GitError:
        print(f"fel: hittar inte git-referensen '{args.base}'. Ange en gren eller commit, "
              "till exempel `make diff BASE=origin/main` (hämta den först med `git fetch`).",
              file=sys.stderr)
        return 1
    today = stockholm_today(os.environ)  # the command's one clock (issue 12)
    new, problems = _load(root, today)
    if new is None or problems:
        print("fel: datan i arbetskopian har fel; rätta dem först (`make validate`):",
              file=sys.stderr)
        print("\n".join(format_problem(p) for p in problems), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="handbok-diff-") as tmp:
        export_tree(root, args.base, Path(tmp))
        old, old_problems = _load(Path(tmp), today)
        old_tree = read_tree(Path(tmp))
    note = ""
    if old is None:
        note = (f"\n> Datan i `{args.base}` kunde inte läsas ({len(old_problems)} problem), "
                "så allt visas som nytt.\n")
        old = _EMPTY
    print(render_markdown(diff_portfolios(old, new), args.base) + note, end="")
    pages = render_page_changes(diff_trees(old_tree, read_tree(root)))
    print(f"\n{pages}" if pages else "", end="")
    return 0


def read_tree(root: Path) -> Tree:
    """Authored pages, redirect entries, the inventory and the abbreviations as they are under `root`."""
    docs = root / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8", errors="replace")
             for p in sorted(docs.rglob("*.md"))} if docs.is_dir() else {}
    redirects: list[tuple[str, str]] = []
    redirect_map = root / REDIRECT_MAP
    try:
        data = yaml.safe_load(redirect_map.read_text(encoding="utf-8")) or {}
        entries = data.get("omdirigeringar") or [] if isinstance(data, dict) else []
        redirects = [(str(e["fran"]), str(e["till"])) for e in entries
                     if isinstance(e, dict) and "fran" in e and "till" in e]
    except (OSError, yaml.YAMLError):
        pass  # absent or broken: make validate reports it
    inventory_file = root / INVENTORY_FILE
    inventory = parse_inventory(inventory_file.read_text(encoding="utf-8")) \
        if inventory_file.is_file() else []
    abbreviations_file = root / ABBREVIATIONS_FILE
    abbreviations = parse_abbreviations(abbreviations_file.read_text(encoding="utf-8-sig", errors="replace")) \
        if abbreviations_file.is_file() else {}
    return Tree(pages, tuple(redirects), tuple(inventory), abbreviations)
