"""Shared test helpers: building sites with MkDocs (or ProperDocs), test tiers, real tools.

The tier markers (`browser`, `build`) are enforced by the hooks imported from tests/tiers.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from handbok.search_index import read_pagefind_file
from tests.real_date import REAL_EPOCH
from tests.tiers import (  # noqa: F401  (the hooks must be names in this module)
    pytest_collection_modifyitems,
    pytest_runtest_protocol,
    require_marker,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# The page-feedback address the test builds use unless the environment sets one (issue 16).
TEST_CONTACT = "redaktionen@handbok.test"
# A pinned date (2026-11-18) for tests over fixture data only; the real data/ and docs/ are
# built and checked at tests/real_date.py's REAL_DATE (issue 23).
TEST_EPOCH = "1795000000"
ENGINES = ("mkdocs", "properdocs")


def require_tool(path_or_name: str, why: str) -> str:
    """The tool's path; skip without it locally, fail without it in CI (CI=true)."""
    found = shutil.which(path_or_name) or (path_or_name if Path(path_or_name).exists() else None)
    if found:
        return found
    message = f"{path_or_name} saknas: {why}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build_site(project_dir: Path, site_dir: Path, env: dict[str, str] | None = None, *,
               engine: str = "mkdocs") -> BuildResult:
    """Run `mkdocs build --strict` on a project folder, the way `make build` does.

    Every project holds the real docs/ (REPO_ROOT or a `copy_project`), so the build runs at
    the real content's date (REAL_EPOCH, tests/real_date.py) unless `env` pins another.

    engine="properdocs" runs the same build with ProperDocs, the MkDocs 1.x fork.
    """
    assert engine in ENGINES, engine
    require_marker("build", "bygger en webbplats")
    run_env = {"HANDBOK_KONTAKT_EPOST": TEST_CONTACT, **os.environ, "NO_MKDOCS_2_WARNING": "1",
               "SOURCE_DATE_EPOCH": REAL_EPOCH}
    run_env.update(env or {})
    # No -q: MkDocs 1.6 counts strict-mode warnings only when they are logged, so
    # `--strict -q` exits 0 on broken links and anchors.
    completed = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f",
         str(project_dir / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=run_env, cwd=project_dir,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


def search_documents(site_dir: Path) -> dict[str, dict[str, str]]:
    """What the reader's search holds (issue 15): each Pagefind fragment, by site-relative URL.

    A fragment is JSON in Pagefind's gzip wrapping; the URL is given as "/insatser/x/".
    """
    docs = {}
    for fragment in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = json.loads(read_pagefind_file(fragment))
        docs[data["url"].lstrip("/")] = {"title": data["meta"]["title"], "text": data["content"]}
    return docs


def copy_project(dest: Path) -> Path:
    """A copy of the real project (sources only) that a test may break on purpose and build."""
    require_marker("build", "kopierar projektet för att bygga det")
    anywhere = shutil.ignore_patterns(".venv", "node_modules", ".site-*", ".git", "__pycache__",
                                      ".pytest_cache", ".hypothesis", "test-artifacts", ".bench")

    def ignore(folder: str, names: list[str]) -> set[str]:
        # The built site/ only at the top: tests/site/ is part of the sources.
        top = {"site"} & set(names) if Path(folder) == REPO_ROOT else set()
        return set(anywhere(folder, names)) | top

    shutil.copytree(REPO_ROOT, dest, ignore=ignore)
    return dest


def cap_page_reviews(project: Path, latest: dt.date) -> None:
    """Move every page review dated after `latest` back to it, in a copied project.

    For a build of fixture data at a pinned past date (issue 23): the real pages beside that
    data may be reviewed later than the pin, which that date would call the future.
    """
    review = re.compile(r"^senast_granskad: *(\d{4}-\d{2}-\d{2}) *$", re.MULTILINE)

    def capped(match: re.Match[str]) -> str:
        date = min(dt.date.fromisoformat(match[1]), latest)
        return f"senast_granskad: {date.isoformat()}"

    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(review.sub(capped, text, count=1), encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from the working tree."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(REPO_ROOT, site_dir)
    assert result.returncode == 0, f"the real site does not build:\n{result.output}"
    return site_dir


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for the whole session, shared by every test folder.

    Playwright's sync API allows one running instance per thread, so tests must not start
    their own; they open fresh contexts (empty profiles) on this one.
    """
    from playwright.sync_api import sync_playwright

    from tests.browser.site_pages import CHROMIUM, CHROMIUM_ARGS

    require_tool(CHROMIUM, "Debians chromium behövs för webbläsartesterna (make browser-deps)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
