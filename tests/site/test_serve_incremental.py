"""`make serve` skips unchanged pages (issue 15), and a rebuild still equals a clean build.

The rebuilds run through tests/site/serve_rebuilds.py: the calls `mkdocs serve --dirty` makes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from handbok.macro_pages import MACRO_PAGES
from handbok.serve_errors import PROBLEMS_FILE, preview_script
from tests.conftest import TEST_CONTACT, build_site, copy_project
from tests.real_date import REAL_EPOCH

pytestmark = pytest.mark.build
DRIVER = Path(__file__).with_name("serve_rebuilds.py")


def _serve_rebuilds(project: Path, site: Path, edits: list[str]) -> tuple[list[dict[str, str]], list[dict[str, int]]]:
    env = {"HANDBOK_KONTAKT_EPOST": TEST_CONTACT, **os.environ, "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": REAL_EPOCH}
    result = subprocess.run([sys.executable, str(DRIVER), str(project), str(site), *edits],
                            capture_output=True, text=True, env=env, cwd=project, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    def read(name: str) -> Any:
        return json.loads(site.with_name(name).read_text(encoding="utf-8"))

    steps = range(len(edits) + 1)
    return ([read(f"{site.name}.{n}.json") for n in steps],
            [read(f"{site.name}.{n}.written.json") for n in steps])


def _changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


# What differs by design between the preview and a clean build: the script only the preview adds
# to each page (issue 23) and the CSP only a clean build has (issue 28; live reload is inline).
_CSP = re.compile(rb'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_WHITESPACE = re.compile(rb"\s+")  # the template's whitespace around the CSP block differs too


def _digests(site: Path) -> dict[str, str]:
    """Every file's digest, without what only the preview or only a clean build writes."""
    script = preview_script().encode()
    return {p.relative_to(site).as_posix():
            hashlib.sha256(_WHITESPACE.sub(b" ", _CSP.sub(b"", p.read_bytes().replace(script, b"")))).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("serve")
    project = copy_project(root / "projekt")
    record = next(p for p in sorted((project / "data" / "insatser").glob("*.yaml"))
                  if yaml.safe_load(p.read_text(encoding="utf-8")).get("behov"))
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    title_line = next(line for line in record.read_text(encoding="utf-8").splitlines()
                      if line.startswith("titel:"))
    changed_title = "titel: Ändrad titel i förhandsvisningen"
    edits = [f"data/insatser/{record.name}::{title_line}::{changed_title}",
             "docs/process/bereda.md::Bereda::Bereda (ändrad)",
             # Into a step: the step's macro page now lists the record ...
             f"data/insatser/{record.name}::{changed_title}::{changed_title}\nfas: ta-emot-arende",
             # ... and shows its title, so a new title changes that page again.
             f"data/insatser/{record.name}::{changed_title}::titel: Åter ändrad titel",
             # A broken file: the problem list is laid over the pages, then the fix.
             f"data/insatser/{record.name}::titel: Åter ändrad titel::tittel: Åter ändrad titel",
             f"data/insatser/{record.name}::tittel: Åter ändrad titel::titel: Åter ändrad titel"]
    rebuilds, written = _serve_rebuilds(project, root / "serve-site", edits)
    clean = build_site(project, root / "clean-site")
    assert clean.returncode == 0, clean.output
    return {"record": record.stem, "data": data, "rebuilds": rebuilds, "written": written,
            "clean": _digests(clean.site_dir), "served": _digests(root / "serve-site")}


def test_a_serve_rebuild_equals_a_clean_build(edited) -> None:
    served, clean = edited["served"], edited["clean"]
    differing = sorted(_changed(served, clean))
    assert not differing, "Förhandsvisningen skiljer sig från ett rent bygge:\n" + "\n".join(differing)


def test_an_edited_record_changes_its_page_the_portfolio_and_the_pages_linking_to_it(edited) -> None:
    first, second = edited["rebuilds"][:2]
    changed = _changed(first, second)
    record = edited["record"]
    expected = {f"insatser/{record}/index.html", "portfolj/index.html", "insatser/index.html"}
    expected |= {f"behov/{need}/index.html" for need in edited["data"]["behov"]}
    expected |= {f"organisation/{unit}/index.html" for unit in edited["data"]["forvaltningar"]}
    assert expected <= changed, sorted(expected - changed)


def test_unchanged_pages_are_not_rebuilt(edited) -> None:
    """The point of the cache: a page whose inputs did not change is not written again.

    Compared by the time each file was written, not its bytes (a rebuilt page has the same bytes).
    """
    first, second, third = edited["written"][:3]
    record_page = f"insatser/{edited['record']}/index.html"
    assert "process/ta-emot-arende.md" in MACRO_PAGES  # it lists initiatives by step
    assert "principer.md" not in MACRO_PAGES  # it shows no data
    assert "fas" not in edited["data"]  # so no macro page lists the record before edit 3
    macro_page = "process/ta-emot-arende/index.html"
    assert first["principer/index.html"] == second["principer/index.html"]
    assert first[record_page] != second[record_page]
    # A macro page is rebuilt only when what its macros return changes (handbok/macro_calls.py).
    assert first[macro_page] == second[macro_page], macro_page
    assert second["principer/index.html"] == third["principer/index.html"]
    assert second["process/bereda/index.html"] != third["process/bereda/index.html"]
    assert second[record_page] == third[record_page]


def test_the_problem_list_is_laid_over_the_pages_until_the_file_is_fixed(edited) -> None:
    """A broken file keeps the pages and adds the problem list every page shows (issues 17, 23);
    the fix takes it away. test_a_serve_rebuild_equals_a_clean_build compares the end state."""
    digests, written = edited["rebuilds"], edited["written"]
    assert [PROBLEMS_FILE in d for d in digests[4:7]] == [False, True, False]
    assert written[4]["index.html"] == written[5]["index.html"]  # no page is built while broken
    assert digests[6]["index.html"] == edited["clean"]["index.html"]


def test_a_macro_page_changes_when_a_record_it_shows_changes(edited) -> None:
    """Edit 3 puts the record into the step "ta-emot-arende", edit 4 changes its title again:
    the step's page lists it, then shows the new title; other macro pages are left alone."""
    digests, written = edited["rebuilds"], edited["written"]
    step_page, other_step = "process/ta-emot-arende/index.html", "process/infora/index.html"
    assert digests[2][step_page] != digests[3][step_page] != digests[4][step_page]
    assert written[2][other_step] == written[3][other_step] == written[4][other_step]
