"""`make flytta FRAN=docs/a.md TILL=docs/b.md`: move an authored page and keep every address.

git mv, the nav entry in mkdocs.yml, every internal link to the page (and the page's own
relative links), a redirect in data/omdirigeringar.yaml, then publicerade-adresser.txt; each
step is reported in Swedish (issue 17).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from handbok import moves
from handbok.builddate import today as stockholm_today
from handbok.kinds import REDIRECT_MAP
from handbok.links import authored_pages
from handbok.macro_pages import MACRO_PAGES
from handbok.problems import format_problem
from handbok.project import check_project
from handbok.published_urls import page_url


def _docs_path(value: str) -> str:
    """`docs/roller/chef.md` or `roller/chef.md` → `roller/chef.md`."""
    value = value.strip().replace("\\", "/")
    return value[len("docs/"):] if value.startswith("docs/") else value


def _refusal(root: Path, old: str, new: str) -> str | None:
    docs = root / "docs"
    if not old or not new:
        return ("ange både FRAN och TILL, till exempel: make flytta "
                "FRAN=docs/erfarenheter/gammal.md TILL=docs/om/ny.md")
    if not old.endswith(".md") or not new.endswith(".md"):
        return "FRAN och TILL ska vara Markdown-sidor i docs/ (filnamn som slutar med .md)"
    if not (docs / old).is_file():
        return f"sidan docs/{old} finns inte"
    if (docs / new).exists():
        return f"docs/{new} finns redan; välj ett annat namn"
    if ".." in new.split("/") or new.startswith("/"):
        return "TILL ska ligga i docs/"
    if old in MACRO_PAGES:
        return (f"docs/{old} kör makron och står därför i macros/handbok/macro_pages.py, en lista "
                "som utvecklarna ansvarar för; be en utvecklare flytta sidan (listan ändras samtidigt)")
    return None


def _git_move(root: Path, old: Path, new: Path) -> bool:
    new.parent.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(["git", "mv", str(old), str(new)], cwd=root, capture_output=True)
    if completed.returncode == 0:
        return True
    old.rename(new)  # not tracked by git (yet): a plain move does the same
    return False


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make flytta", description="Flytta en sida i docs/.")
    parser.add_argument("--fran", default="")
    parser.add_argument("--till", default="")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--utan-adresser", action="store_true",
                        help="uppdatera inte publicerade-adresser.txt (kräver inget bygge)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    old, new = _docs_path(args.fran), _docs_path(args.till)
    reason = _refusal(root, old, new)
    if reason:
        print(f"fel: {reason}", file=sys.stderr)
        return 1
    today = stockholm_today(os.environ)
    docs = root / "docs"
    with_git = _git_move(root, docs / old, docs / new)
    print(f"Flyttade docs/{old} → docs/{new}" + (" (git mv)." if with_git else "."))
    _update_nav(root, old, new)
    _update_links(docs, old, new)
    redirect_map = root / REDIRECT_MAP
    redirect_map.write_text(moves.add_redirect(redirect_map.read_text(encoding="utf-8"), old, new,
                                               today), encoding="utf-8")
    print(f"Omdirigering: /{page_url(old)} leder nu till /{page_url(new)} ({REDIRECT_MAP}).")
    _, problems = check_project(root, today=today)
    if problems:
        print("Kvar att rätta innan sidan kan publiceras:", file=sys.stderr)
        print("\n".join(format_problem(p) for p in problems), file=sys.stderr)
        return 1
    if not args.utan_adresser and not _refresh_inventory(root):
        return 1
    print("Klart. Titta på sidan med make serve och ta med alla ändrade filer i din commit "
          "(git status visar dem).")
    return 0


def _update_nav(root: Path, old: str, new: str) -> None:
    config = root / "mkdocs.yml"
    text, lines = moves.rewrite_nav(config.read_text(encoding="utf-8"), old, new)
    if not lines:
        print("Navigationen: sidan finns inte i mkdocs.yml:s nav, så där ändrades inget.")
        return
    config.write_text(text, encoding="utf-8")
    where = ", ".join(str(line) for line in lines)
    print(f"Navigationen: mkdocs.yml rad {where} pekar nu på {new}.")


def _update_links(docs: Path, old: str, new: str) -> None:
    edits: list[moves.LinkEdit] = []
    for page in authored_pages(docs):
        path = docs / page
        text = path.read_text(encoding="utf-8")
        updated, page_edits = moves.rewrite_links(page, text, old, new,
                                                  moved_from=old if page == new else None)
        if page_edits:
            path.write_text(updated, encoding="utf-8")
            edits += page_edits
    if not edits:
        print("Länkar: inga andra sidor länkade till sidan.")
        return
    print(f"Länkar: {len(edits)} länk(ar) uppdaterade:")
    for edit in edits:
        print(f"  docs/{edit.page}:{edit.line}: {edit.old_target} → {edit.new_target}")


def _refresh_inventory(root: Path) -> bool:
    print("Uppdaterar publicerade-adresser.txt (bygger webbplatsen, det tar en stund) …")
    completed = subprocess.run([sys.executable, "-m", "handbok.cli", "urls", "--write",
                                "--root", str(root)], cwd=root, capture_output=True, text=True)
    print(completed.stdout, end="")
    print(completed.stderr, end="", file=sys.stderr)
    return completed.returncode == 0
