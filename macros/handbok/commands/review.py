"""`make granskning [MANADER=12]`: pages and records whose review is overdue, as a table."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import yaml

from handbok import authored, pipeline
from handbok.builddate import today as stockholm_today
from handbok.currency import AsOf
from handbok.problems import format_problem
from handbok.review import interval_months, overdue_items, render_table


class _TagIgnoringLoader(yaml.SafeLoader):
    """mkdocs.yml has !ENV tags; only `extra` matters here, so unknown tags load as None."""


_TagIgnoringLoader.add_multi_constructor("!", lambda *_: None)


def _configured_months(root: Path) -> int:
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagIgnoringLoader)
    except (OSError, yaml.YAMLError):
        return interval_months({})
    return interval_months((config or {}).get("extra") or {})


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make granskning", description="Sidor att granska.")
    parser.add_argument("--months", type=int, help="granskningsintervall i månader")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="jämförelsedatum ÅÅÅÅ-MM-DD (standard: i dag i svensk tid)")
    parser.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    months = args.months if args.months is not None else _configured_months(root)
    if months < 1:
        print("fel: MANADER måste vara minst 1.", file=sys.stderr)
        return 1
    today = args.today or stockholm_today(os.environ)  # the command's one clock (issue 12)
    portfolio, problems = pipeline.load_portfolio(root / "data", root / "schemas", today=today)
    if portfolio is None:
        print("fel: datan har fel; rätta dem först (`make validate`):", file=sys.stderr)
        print("\n".join(format_problem(p) for p in problems), file=sys.stderr)
        return 1
    pages = authored.page_meta(root / "docs", root)
    as_of = AsOf(today, months)
    print(render_table(overdue_items(pages, portfolio, as_of), as_of=as_of), end="")
    return 0
