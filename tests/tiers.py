"""Test tiers (issue 13): `-m "not browser"` skips every test that starts Chromium and
`-m "not build"` every test that builds or serves a site; `-m real_content` selects the tests
over the real data/ and docs/ (issue 23), which run at the real date (tests/real_date.py).

The markers are enforced here rather than left to each file: a test that uses a building or
browser fixture, directly or through another fixture, or lives in tests/browser, gets the
marker at collection; and `build_site`/`copy_project` (tests/conftest.py) fail a running test
that lacks `build`, which also covers module fixtures that call them. Every build holds the
real docs/, so a `build` test is also `real_content`; tests that read the real content
without building carry the marker themselves. tests/conftest.py
imports the hooks. The state lives in this module, not in conftest, because pytest loads
conftest as `conftest` while tests import it as `tests.conftest`: two module objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

BROWSER_DIR = Path(__file__).resolve().parent / "browser"
# Session fixtures (tests/conftest.py) that build the real site or start Chromium.
BUILD_FIXTURES = frozenset({"built_site"})
BROWSER_FIXTURES = frozenset({"browser"})
_running: list[pytest.Item] = []


def tier_markers(item: pytest.Item) -> set[str]:
    """The tier markers a test must carry, from where it lives and the fixtures it uses."""
    fixtures = set(getattr(item, "fixturenames", ()))
    wanted = set()
    if BROWSER_DIR in item.path.parents or fixtures & BROWSER_FIXTURES:
        wanted.add("browser")
    if fixtures & BUILD_FIXTURES:
        wanted.add("build")
    if "build" in wanted or item.get_closest_marker("build") is not None:
        wanted.add("real_content")
    return wanted


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Add missing tier markers before `-m` deselects (this hook runs first)."""
    for item in items:
        present = {marker.name for marker in item.iter_markers()}
        for name in sorted(tier_markers(item) - present):
            item.add_marker(name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def require_marker(name: str, what: str) -> None:
    """Fail the running test (or the fixture it is setting up) if it lacks marker `name`."""
    if _running and _running[-1].get_closest_marker(name) is None:
        pytest.fail(f"{_running[-1].nodeid} {what} men saknar markeringen "
                    f"@pytest.mark.{name}; lägg till den (se tests/tiers.py)", pytrace=False)
