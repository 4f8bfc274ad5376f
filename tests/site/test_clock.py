"""One clock (issue 12): Stockholm's date decides what is current, in real builds pinned to a date."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from handbok.builddate import STOCKHOLM
from tests.conftest import REPO_ROOT, build_site, cap_page_reviews, copy_project
from tests.real_date import REAL_DATE

pytestmark = pytest.mark.build

FIXTURE_DATA = REPO_ROOT / "tests" / "fixtures" / "site-hostile" / "data"
# 00:30 Swedish time on the day after the real content's date (tests/real_date.py): a report
# dated that day is newer than anything in the real data, so only the clock decides (issue 23).
REPORT_DAY = REAL_DATE + dt.timedelta(days=1)
STOCKHOLM_0030 = int(dt.datetime.combine(REPORT_DAY, dt.time(0, 30), tzinfo=STOCKHOLM).timestamp())


def _attention(site: Path) -> str:
    page = (site / "portfolj" / "index.html").read_text(encoding="utf-8")
    return page[page.index('id="kraver-uppmarksamhet"'):page.index('id="exporter"')]


@pytest.fixture(scope="module")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project with the small fixture data set (information dated 2026-01-01)."""
    project = copy_project(tmp_path_factory.mktemp("clock") / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE_DATA, project / "data")
    cap_page_reviews(project, dt.date(2027, 1, 1))
    return project


@pytest.mark.parametrize(("build_date", "stale"), [("2027-01-01", False), ("2027-01-02", True)])
def test_information_goes_stale_one_interval_after_its_date(fixture_project: Path, tmp_path: Path,
                                                            build_date: str, stale: bool) -> None:
    """Records dated and confirmed 2026-01-01, 12-month interval: current to 2027-01-01 inclusive."""
    result = build_site(fixture_project, tmp_path / "site", env={"BUILD_DATE": build_date})
    assert result.returncode == 0, result.output
    reason = "Uppgifterna bekräftades senast 2026-01-01 och behöver bekräftas igen"
    assert (reason in _attention(result.site_dir)) is stale
    record = (result.site_dir / "insatser" / "rapport-i-tid" / "index.html").read_text(encoding="utf-8")
    assert ("(insatsens steg nu)" in record) is not stale
    assert ("(insatsens steg, bekräftat 1 januari 2026)" in record) is stale
    assert "(bekräftat 1 januari 2026)</span>" in record  # the values, confirmed on that date
    assert (f"Sammanställd {build_date}" in (result.site_dir / "portfolj" / "index.html").read_text("utf-8"))
    step = (result.site_dir / "process" / "infora" / "index.html").read_text(encoding="utf-8")
    assert ("var i steget enligt äldre uppgifter" in step) is stale
    start = (result.site_dir / "index.html").read_text(encoding="utf-8")
    assert ("Ingen av de <strong>3</strong> insatserna har uppgifter som en redaktör har bekräftat de "
            "senaste 12 månaderna" in start) is stale
    assert ("varav <strong>3</strong> med uppgifter som bekräftats" in start) is not stale
    index = json.loads((result.site_dir / "sidor.json").read_text(encoding="utf-8"))
    assert index["avser_datum"] == build_date
    by_url = {entry["url"]: entry for entry in index["sidor"]}
    assert by_url["insatser/rapport-i-tid/"]["forsenad"] is stale


def test_a_report_dated_today_builds_at_0030_swedish_time(tmp_path: Path) -> None:
    """00:30 in Stockholm is still yesterday in UTC; the report dated today must not be 'future'."""
    project = copy_project(tmp_path / "project")
    initiative = project / "data" / "insatser" / "samordning-tlo-vgr.yaml"
    text = initiative.read_text(encoding="utf-8")
    report_line = len(text.splitlines()) + 2
    initiative.write_text(text + "statusrapporter:\n"
                          f"- datum: {REPORT_DAY.isoformat()}\n  halsa: enligt-plan\n  text: Rapport skriven i natt.\n",
                          encoding="utf-8")
    result = build_site(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": str(STOCKHOLM_0030)})
    assert result.returncode == 0, result.output
    page = (result.site_dir / "portfolj" / "index.html").read_text(encoding="utf-8")
    assert f"Sammanställd {REPORT_DAY.isoformat()}" in page
    sitemap = (result.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{REPORT_DAY.isoformat()}</lastmod>" in sitemap and REAL_DATE.isoformat() not in sitemap
    an_hour_earlier = build_site(project, tmp_path / "site-earlier",
                                 env={"SOURCE_DATE_EPOCH": str(STOCKHOLM_0030 - 3600)})
    assert an_hour_earlier.returncode != 0
    assert (f"data/insatser/samordning-tlo-vgr.yaml:{report_line}:10: fel: statusrapporten är daterad {REPORT_DAY}, "
            f"som ligger efter dagens datum {REAL_DATE}") in an_hour_earlier.output


def test_page_index_validates_against_its_published_schema(built_site: Path) -> None:
    index = json.loads((built_site / "sidor.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "schemas" / "sidor.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(index)
    urls = [entry["url"] for entry in index["sidor"]]
    assert urls == sorted(urls) and "" in urls and "process/bereda/" in urls
    kinds = {entry["typ"] for entry in index["sidor"]}
    assert kinds == {"sida", "insats", "behov", "enhet"}
    listed = (REPO_ROOT / "publicerade-adresser.txt").read_text(encoding="utf-8").splitlines()
    assert "/sidor.json" in listed and "/schemas/sidor.schema.json" in listed
