"""Generated pages converted without Python-Markdown give exactly what Python-Markdown gives.

handbok/fast_markdown.py converts the subset of Markdown our templates write (issue 15). Here
every generated page of three projects goes both ways: through MkDocs' own Page.render (the
site's real Markdown extensions and link rewriting) and through the fast path with the adapter's
link resolver, as the adapter's on_page_markdown sets it up. HTML, table of contents, anchor
ids and title must be equal, and every record page must take the fast path, or the build
would be no faster.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from bench.generate import write_project_copy
from tests.conftest import REPO_ROOT, copy_project
from tests.real_date import REAL_DATE, REAL_EPOCH

pytestmark = pytest.mark.build

HOSTILE_DATA = REPO_ROOT / "tests" / "fixtures" / "site-hostile" / "data"
RECORD_SECTIONS = ("insatser/", "behov/", "organisation/")


def _prepared(project: Path) -> tuple[Any, Any, Any]:
    """The project's configuration after the hooks' on_startup, on_config and on_files."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = REAL_EPOCH  # every project holds the real docs/
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"))
        hooks = config.hooks["macros/hooks.py"]
        hooks.on_startup(command="build", dirty=False)
        config = hooks.on_config(config)
        config.plugins._current_plugin = "hooks"
        files = hooks.on_files(get_files(config), config=config)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return hooks, config, files


def _toc(toc: Any) -> list[tuple[Any, ...]]:
    return [(item.level, item.id, item.title, _toc(item.children)) for item in toc]


def _rendered(file: Any, config: Any, files: Any, hooks: Any = None) -> Page:
    """The page rendered by MkDocs' Page.render, or first through the adapter's on_page_markdown."""
    page = Page(None, file, config)
    page.read_source(config)
    if hooks is not None:
        page.markdown = hooks.on_page_markdown(page.markdown, page=page, config=config, files=files)
    page.render(config, files)
    return page


def _compare_generated_pages(project: Path) -> int:
    """Render every generated page both ways and compare; the number that took the fast path."""
    hooks, config, files = _prepared(project)
    assert hooks.context(config).markdown_settings is not None, \
        "the site's Markdown configuration turned the fast path off"
    fast_pages = 0
    for file in files.documentation_pages():
        if file.generated_by is None:
            continue
        fast = _rendered(file, config, files, hooks)
        took_fast_path = "render" in vars(fast)  # the adapter replaced Python-Markdown's render
        is_record = file.src_uri.startswith(RECORD_SECTIONS) and not file.src_uri.endswith("index.md")
        assert took_fast_path or not is_record, f"{file.src_uri} left the fast path"
        if not took_fast_path:
            continue
        reference = _rendered(file, config, files)
        assert fast.content == reference.content, file.src_uri
        assert _toc(fast.toc) == _toc(reference.toc), file.src_uri
        assert fast.present_anchor_ids == reference.present_anchor_ids, file.src_uri
        assert fast.title == reference.title, file.src_uri
        fast_pages += 1
    return fast_pages


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    hostile = copy_project(tmp_path_factory.mktemp("fast-hostile") / "project")
    shutil.rmtree(hostile / "data")
    shutil.copytree(HOSTILE_DATA, hostile / "data")
    synthetic = write_project_copy(tmp_path_factory.mktemp("fast-syn") / "project", 200,
                                   today=REAL_DATE).root
    yield {"real": REPO_ROOT, "hostile": hostile, "synthetic": synthetic}


@pytest.mark.parametrize("name", ["real", "hostile", "synthetic"])
def test_fast_path_equals_python_markdown_on_every_generated_page(projects: dict[str, Path], name: str) -> None:
    records = sum(1 for kind in ("insatser", "behov", "organisation")
                  for _ in (projects[name] / "data" / kind).glob("*.yaml"))
    assert _compare_generated_pages(projects[name]) >= records > 0
