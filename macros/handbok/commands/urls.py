"""`python -m handbok.cli urls --write|--check [--site DIR]`: the published-address inventory.

`--write` (behind `make urls`) rewrites publicerade-adresser.txt from a built site; `--check`
names every listed address the site no longer serves, and every new one not yet listed.
Without --site the site is built first into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from handbok.build_output import editor_build_output
from handbok.published_urls import (
    INVENTORY_FILE,
    Comparison,
    SiteAddresses,
    authored_page_sources,
    compare,
    comparison_messages,
    format_inventory,
    parse_inventory,
    scan_site,
    updated_inventory,
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbok.cli urls",
                                     description="Förteckningen över publicerade adresser.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help=f"skriv om {INVENTORY_FILE}")
    mode.add_argument("--check", action="store_true", help="jämför webbplatsen med förteckningen")
    parser.add_argument("--ta-bort", action="store_true",
                        help="tillåt att adresser försvinner ur förteckningen (godkänt beslut)")
    parser.add_argument("--site", type=Path, help="en byggd webbplats (annars byggs den först)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="projektets rotmapp")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.site is not None:
        return _run(root, args.site, write=args.write, allow_removal=args.ta_bort)
    with tempfile.TemporaryDirectory(prefix="handbok-urls-") as tmp:
        if not _build(root, Path(tmp)):
            return 1
        return _run(root, Path(tmp), write=args.write, allow_removal=args.ta_bort)


def _build(root: Path, site_dir: Path) -> bool:
    print("Bygger webbplatsen för att läsa av adresserna …", file=sys.stderr)
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )
    if completed.returncode != 0:
        print(editor_build_output(completed.stdout + completed.stderr), file=sys.stderr)
        print("Bygget misslyckades; rätta felen ovan och kör kommandot igen.", file=sys.stderr)
    return completed.returncode == 0


def _run(root: Path, site_dir: Path, *, write: bool, allow_removal: bool = False) -> int:
    if not (site_dir / "index.html").is_file():
        print(f"Hittar ingen byggd webbplats i {site_dir} (index.html saknas).", file=sys.stderr)
        return 2
    pages = authored_page_sources(root / "docs")
    site = scan_site(site_dir, set(pages))
    inventory = root / INVENTORY_FILE
    listed = parse_inventory(inventory.read_text(encoding="utf-8")) if inventory.exists() else []
    if write:
        return _write(inventory, listed, site, pages, allow_removal=allow_removal)
    return _check(listed, site, pages)


def _write(inventory: Path, listed: list[str], site: SiteAddresses, pages: dict[str, str], *,
           allow_removal: bool) -> int:
    entries = updated_inventory(listed, site)
    removed = sorted(set(listed) - set(entries))
    if removed and not allow_removal:
        # Issue 17: never drop an address silently; say how to keep it instead.
        comparison = Comparison(tuple(removed), ())
        for message in comparison_messages(comparison, site, pages):
            print(message)
        print(f"{INVENTORY_FILE} är inte ändrad: {len(removed)} adress(er) skulle försvinna. "
              "Lägg till omdirigeringarna ovan och kör make urls igen, eller kör make urls "
              "TA_BORT=ja om borttagningen är avsiktlig och godkänd.")
        return 1
    inventory.write_text(format_inventory(entries), encoding="utf-8")
    for entry in removed:
        print(f"Borttagen ur förteckningen: {entry}")
    print(f"{INVENTORY_FILE} har {len(entries)} adresser ({len(set(entries) - set(listed))} nya, "
          f"{len(removed)} borttagna). Granska ändringen i din pull request.")
    return 0


def _check(listed: list[str], site: SiteAddresses, pages: dict[str, str]) -> int:
    comparison = compare(listed, site)
    if comparison.ok:
        print(f"Alla {len(listed)} publicerade adresser i {INVENTORY_FILE} fungerar.")
        return 0
    for message in comparison_messages(comparison, site, pages):
        print(message)
    return 1
