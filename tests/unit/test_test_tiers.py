"""The test tiers hold: `-m "not browser"` and `-m "not build"` leave out what they say.

tests/tiers.py marks tests by the fixtures they use and fails a build in an unmarked test;
these tests show both mechanisms work, without building anything.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, build_site, copy_project
from tests.tiers import tier_markers


def collect(*args: str) -> list[str]:
    """Node ids pytest selects for `args`, collected in a subprocess (nothing runs)."""
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode in (0, 5), completed.stdout + completed.stderr  # 5: none selected
    return [line for line in completed.stdout.splitlines() if "::" in line]


def test_fast_tier_leaves_out_every_browser_and_building_test() -> None:
    # tests/browser has no explicit `build`, test_content.py mostly no marker at all: both
    # tiers come from the fixtures (built_site, browser) and the folder.
    selected = collect("-m", "not browser and not build", "tests/browser",
                       "tests/site/test_content.py", "tests/site/test_stable_links.py")
    assert selected == []


def test_not_browser_keeps_the_build_tests_of_a_mixed_file() -> None:
    selected = collect("-m", "not browser", "tests/browser", "tests/site/test_stable_links.py")
    assert selected and all(s.startswith("tests/site/test_stable_links.py::") for s in selected)
    assert not any("chromium" in s for s in selected)


def test_every_collected_test_carries_its_tier_markers(request: pytest.FixtureRequest) -> None:
    missing = [(item.nodeid, name) for item in request.session.items
               for name in tier_markers(item) if item.get_closest_marker(name) is None]
    assert missing == []


def test_this_fast_test_is_in_no_tier(request: pytest.FixtureRequest) -> None:
    assert tier_markers(request.node) == set()
    assert request.node.get_closest_marker("build") is None


def test_a_build_in_an_unmarked_test_fails_before_it_starts(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match=r"saknar markeringen @pytest\.mark\.build"):
        build_site(REPO_ROOT, tmp_path / "site")
    with pytest.raises(pytest.fail.Exception, match=r"saknar markeringen @pytest\.mark\.build"):
        copy_project(tmp_path / "projekt")
    assert not (tmp_path / "site").exists() and not (tmp_path / "projekt").exists()
