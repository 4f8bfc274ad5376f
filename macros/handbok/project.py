"""Everything checked before a build or by `make validate`, in one call, all problems at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbok import authored, nav_check, pipeline, redirects, source_files
from handbok.model import Portfolio
from handbok.problems import Problem


def check_project(repo_root: Path, *, today: dt.date) -> tuple[Portfolio | None, list[Problem]]:
    """Data, authored pages' front matter, nav and links, and redirects; the portfolio is None if data is broken."""
    portfolio, problems = pipeline.load_portfolio(repo_root / "data", repo_root / "schemas", today=today)
    problems = list(problems) + authored.check_authored_pages(repo_root / "docs", repo_root)
    for folder in ("docs", "schemas"):  # data/ is checked by the pipeline
        problems += source_files.symlink_problems(repo_root / folder, repo_root)
    problems += nav_check.check_nav_and_links(repo_root)
    if portfolio is not None:
        problems += redirects.check_redirects(repo_root, portfolio)
    return portfolio, sorted(problems)
