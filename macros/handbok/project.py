"""Everything checked before a build or by `make validate`, in one call, all problems at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from handbok import authored, glossary, nav_check, pipeline, redirects, renamed_ids, site, source_files
from handbok.authored import PageMeta
from handbok.currency import AsOf
from handbok.model import Portfolio
from handbok.problems import Problem
from handbok.published_urls import INVENTORY_FILE
from handbok.redirects import RedirectPage


@dataclass(frozen=True)
class Project:
    """What one build publishes, checked: the data, the redirect pages, the authored pages, the
    date, and what to warn about (handbok.renamed_ids)."""

    portfolio: Portfolio
    redirects: tuple[RedirectPage, ...]
    pages: tuple[PageMeta, ...]
    today: dt.date
    warnings: tuple[Problem, ...] = ()  # reported, but the build goes ahead


def check_project(repo_root: Path, *, today: dt.date) -> tuple[Project | None, list[Problem]]:
    """Data and redirect map, authored pages' front matter, nav and links, the glossary against
    the abbreviation list, and redirects.

    The project is None when the data cannot be read into a portfolio; otherwise it is
    returned with the problems (there are none when the build may go ahead).
    """
    docs = repo_root / "docs"
    data = pipeline.load_data(repo_root / "data", repo_root / "schemas", today=today)
    problems = list(data.problems) + authored.check_authored_pages(docs, repo_root, today=today)
    for folder in ("docs", "schemas", "includes", "overrides"):  # data/ is checked by the pipeline
        problems += source_files.symlink_problems(repo_root / folder, repo_root)
    problems += source_files.file_type_problems(repo_root)
    problems += [p for p in source_files.tracked_symlink_problems(repo_root) if p not in problems]
    problems += nav_check.check_nav_and_links(
        repo_root, lambda: _generated_markdown(data.portfolio, docs, repo_root, today))
    problems += glossary.check_glossary(repo_root)
    if data.portfolio is None:
        return None, sorted(problems)
    pages = authored.page_meta(docs, repo_root)
    redirect_pages, redirect_problems = redirects.check_redirects(
        data.portfolio, data.documents, data.redirect_map, pages,
        authored.page_paths(docs, repo_root))
    inventory = repo_root / INVENTORY_FILE
    warnings = renamed_ids.vanished_record_warnings(
        inventory.read_text(encoding="utf-8") if inventory.is_file() else None,
        data.portfolio, redirect_pages) + glossary.unexplained_capitals(repo_root)
    project = Project(data.portfolio, tuple(redirect_pages), tuple(pages), today, tuple(warnings))
    return project, sorted(problems + redirect_problems)


def _generated_markdown(portfolio: Portfolio | None, docs: Path, repo_root: Path,
                        today: dt.date) -> dict[str, str] | None:
    """The Markdown of every page the build makes from the data, by docs-relative path, for the
    link check (issue 23); None when the data cannot be read."""
    if portfolio is None:
        return None
    made = site.generated_files(portfolio, authored.page_meta(docs, repo_root), as_of=AsOf(today))
    return {f.path: f.content for f in made if f.path.endswith(".md") and isinstance(f.content, str)}
