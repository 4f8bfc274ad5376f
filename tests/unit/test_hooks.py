"""The MkDocs adapter (macros/hooks.py) called event by event, without building the site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from tests.real_date import REAL_DATE, REAL_EPOCH

REPO_ROOT = Path(__file__).resolve().parents[2]
# The real configuration, data and docs, at the real date (issue 23).
pytestmark = pytest.mark.real_content


@pytest.fixture(scope="module")
def built():
    """The real configuration after on_startup, on_config and on_files."""
    env = {"SOURCE_DATE_EPOCH": REAL_EPOCH, "HANDBOK_EDIT_BASE": "https://example.se/edit/"}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        config = load_config(config_file=str(REPO_ROOT / "mkdocs.yml"))
        hooks = config.hooks["macros/hooks.py"]
        hooks.on_startup(command="build", dirty=False)
        config = hooks.on_config(config)
        config.plugins._current_plugin = "hooks"  # what MkDocs sets while an event runs
        files = hooks.on_files(get_files(config), config=config)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return hooks, config, files


def _first_record(folder: str) -> str:
    return sorted((REPO_ROOT / "data" / folder).glob("*.yaml"))[0].stem


def test_on_config_makes_one_context_with_the_pinned_date(built) -> None:
    hooks, config, _ = built
    context = hooks.context(config)
    assert context.today == REAL_DATE
    assert context.project is not None and not context.errors and not context.serving
    assert context.project.portfolio.insatser


def test_on_files_adds_the_generated_pages(built) -> None:
    _, _, files = built
    record = _first_record("insatser")
    for path in (f"insatser/{record}.md", "insatser/index.md", "portfolj/index.md",
                 "portfolj/insatser.json", "sidor.json", "hela-handboken.md"):
        file = files.get_file_from_path(path)
        assert file is not None and file.generated_by is not None, path


def test_edit_links_are_carried_by_the_files(built) -> None:
    hooks, config, files = built
    record = _first_record("insatser")
    record_file = files.get_file_from_path(f"insatser/{record}.md")
    assert record_file.edit_uri == f"data/insatser/{record}.yaml"
    assert files.get_file_from_path("index.md").edit_uri == "docs/index.md"
    assert files.get_file_from_path("insatser/index.md").edit_uri is None
    page = Page(None, record_file, config)
    hooks.on_page_context({}, page=page, config=config, nav=None)
    assert page.edit_url == f"https://example.se/edit/data/insatser/{record}.yaml"


def test_the_hook_module_keeps_no_build_state(built) -> None:
    hooks = built[0]
    state = {name for name, value in vars(hooks).items()
             if not name.startswith("__") and isinstance(value, list | dict | set)}
    assert state == set()
