"""The generated record pages, indexes, portfolio and exports in built sites (issue 5).

The real site's figures are checked against counts computed here straight from the YAML
files; a small fixture data set (tests/fixtures/site-hostile) covers the stale-report and
shared-need rules at their boundaries and hostile text in every output.
"""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import html
import io
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT, TEST_EPOCH, build_site, cap_page_reviews, copy_project
from tests.real_date import REAL_DATE

pytestmark = pytest.mark.build

FIXTURE_DATA = REPO_ROOT / "tests" / "fixtures" / "site-hostile" / "data"
EDIT_BASE = "https://github.com/forandringshandboken/forandringshandboken/edit/main/"


def _records(data_dir: Path, kind: str) -> dict[str, dict]:
    return {p.stem: yaml.load(p.read_text(encoding="utf-8-sig"), Loader=yaml.BaseLoader)
            for p in sorted((data_dir / kind).glob("*.yaml"))}


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


# --- the real site -------------------------------------------------------------------------


def _targets(site: Path, url: str) -> set[str]:
    """Every link in a page's article, resolved to a site-relative URL such as `behov/x/`."""
    hrefs = re.findall(r'href="([^"#:]+)"', _article(_page(site, url)))
    return {posixpath.normpath(posixpath.join(url, href)) + "/" for href in hrefs}


def test_every_record_has_its_page_with_cross_links_both_ways(built_site: Path) -> None:
    data = REPO_ROOT / "data"
    insatser, behov, enheter = (_records(data, k) for k in ("insatser", "behov", "organisation"))
    assert insatser and behov and enheter
    for iid, record in insatser.items():
        links = _targets(built_site, f"insatser/{iid}/")
        for bid in record.get("behov", []):
            assert f"behov/{bid}/" in links, (iid, bid)
            assert f"insatser/{iid}/" in _targets(built_site, f"behov/{bid}/"), (bid, iid)
        for uid in record["forvaltningar"]:
            assert f"organisation/{uid}/" in links, (iid, uid)
            assert f"insatser/{iid}/" in _targets(built_site, f"organisation/{uid}/"), (uid, iid)
    for bid, record in behov.items():
        links = _targets(built_site, f"behov/{bid}/")
        for uid in record["forvaltningar"]:
            assert f"organisation/{uid}/" in links, (bid, uid)
            assert f"behov/{bid}/" in _targets(built_site, f"organisation/{uid}/"), (uid, bid)
    for uid, record in enheter.items():
        if record.get("overordnad"):
            parent = record["overordnad"]
            assert f"organisation/{parent}/" in _targets(built_site, f"organisation/{uid}/"), uid
            assert f"organisation/{uid}/" in _targets(built_site, f"organisation/{parent}/"), uid


def test_section_indexes_list_every_record(built_site: Path) -> None:
    for kind in ("insatser", "behov", "organisation"):
        links = _targets(built_site, f"{kind}/")
        for record_id in _records(REPO_ROOT / "data", kind):
            assert f"{kind}/{record_id}/" in links, (kind, record_id)


def test_edit_links_open_the_yaml_files(built_site: Path) -> None:
    for kind in ("insatser", "behov", "organisation"):
        for record_id in _records(REPO_ROOT / "data", kind):
            page = _page(built_site, f"{kind}/{record_id}")
            assert f'href="{EDIT_BASE}data/{kind}/{record_id}.yaml" title="Redigera sidan på GitHub (för redaktörer)"' in page


def test_record_pages_stay_out_of_the_navigation(built_site: Path) -> None:
    start = _page(built_site, ".")
    assert 'href="portfolj/"' in start
    # The section indexes are in the nav under Portfölj (issue 16), shown where that tab is open.
    assert 'href="../insatser/"' in _page(built_site, "behov")
    first = next(iter(_records(REPO_ROOT / "data", "insatser")))
    assert f"insatser/{first}/" not in start


def test_portfolio_shows_every_initiative_with_its_organisation(built_site: Path) -> None:
    """Holds in every state of the real data; the three states themselves are rendered from a
    frozen copy in tests/unit/test_portfolio_states.py (issue 24), so an editor's confirmation
    never turns this red."""
    insatser = _records(REPO_ROOT / "data", "insatser")
    behov = _records(REPO_ROOT / "data", "behov")
    page = _page(built_site, "portfolj")
    assert "Totalt" not in page  # confirmed and older values are never added up
    addressed = {b for r in insatser.values() for b in r.get("behov", [])}
    unaddressed = len(set(behov) - addressed)
    assert f"I portföljen är {unaddressed} av {len(behov)} behov inte kopplade till någon insats." in page
    assert page.count("<tr data-organisation=") == len(insatser)
    assert '<th scope="col" data-col="1">Organisation</th>' in page
    assert '<option value="region-skane">Region Skåne</option>' in page
    assert f"Sammanställd {REAL_DATE.isoformat()}" in page  # REAL_EPOCH in build_site


def test_exports_parse_and_list_every_record(built_site: Path) -> None:
    insatser = _records(REPO_ROOT / "data", "insatser")
    document = json.loads((built_site / "portfolj" / "insatser.json").read_text(encoding="utf-8"))
    assert document["format"] == "forandringshandboken/insatser" and document["version"] == 3
    assert [r["id"] for r in document["insatser"]] == sorted(insatser)
    for record in document["insatser"]:
        assert record["titel"] == insatser[record["id"]]["titel"]
    needs = json.loads((built_site / "portfolj" / "behov.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in needs["behov"]] == sorted(_records(REPO_ROOT / "data", "behov"))
    raw = (built_site / "portfolj" / "insatser.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r["id"] for r in rows] == sorted(insatser)
    page = _page(built_site, "portfolj")
    for export in ("insatser.json", "insatser.csv", "behov.json", "behov.csv"):
        assert f'href="{export}"' in page


def test_two_builds_with_the_same_epoch_are_identical(built_site: Path, tmp_path: Path) -> None:
    second = build_site(REPO_ROOT, tmp_path / "again")
    assert second.returncode == 0, second.output
    for generated in ("portfolj/index.html", "portfolj/insatser.json", "portfolj/insatser.csv",
                      "portfolj/behov.json", "portfolj/behov.csv", "insatser/index.html",
                      "pagefind/pagefind-entry.json", "sitemap.xml"):
        assert filecmp.cmp(built_site / generated, tmp_path / "again" / generated, shallow=False), generated
    mismatched = filecmp.dircmp(built_site, tmp_path / "again")
    assert not mismatched.diff_files and not mismatched.left_only and not mismatched.right_only


# --- the fixture data set --------------------------------------------------------------------

@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data built at its pinned date, 2026-11-18 (the dates in its records)."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE_DATA, project / "data")
    cap_page_reviews(project, dt.date(2026, 11, 18))
    result = build_site(project, project / "site-out", {"SOURCE_DATE_EPOCH": TEST_EPOCH})
    assert result.returncode == 0, result.output
    return result.site_dir


def test_stale_report_rule_triggers_exactly_after_the_due_date(fixture_site: Path) -> None:
    on_time = _article(_page(fixture_site, "insatser/rapport-i-tid"))
    late = _article(_page(fixture_site, "insatser/rapport-sen"))
    assert "Statusrapport saknas" not in on_time
    assert '<p class="admonition-title">Statusrapport saknas sedan 2026-11-17</p>' in late
    assert on_time.index("Rapport 2026-10-18") < on_time.index("Rapport 2026-09-18")
    portfolio = _page(fixture_site, "portfolj")
    attention = portfolio[portfolio.index('id="kraver-uppmarksamhet"'):portfolio.index('id="exporter"')]
    assert "Rapport en dag för sen</a>: Statusrapport saknas sedan 2026-11-17" in attention
    assert "Rapport exakt på gränsen" not in attention


def test_shared_need_rule(fixture_site: Path) -> None:
    shared = _article(_page(fixture_site, "behov/gemensamt-utan-insats"))
    single = _article(_page(fixture_site, "behov/eget-behov"))
    joint = _article(_page(fixture_site, "behov/gemensamt-med-insats"))
    assert "<strong>Gemensamt behov</strong>" in shared and "<strong>Ingen insats</strong>" in shared
    assert "<strong>Gemensamt behov</strong>" not in single and "<strong>Ingen insats</strong>" not in single
    assert "<strong>Gemensamt behov</strong>" in joint and "<strong>Ingen insats</strong>" not in joint
    portfolio = _page(fixture_site, "portfolj")
    section = portfolio[portfolio.index('id="gemensamma-behov"'):portfolio.index('id="kraver-uppmarksamhet"')]
    assert re.search(r"Gemensamt behov med gemensam insats</a>.*?gemensam insats finns \(1\)", section)
    assert re.search(r"Gemensamt behov utan insats</a>.*?<strong>ingen gemensam insats registrerad</strong>", section)
    assert "Eget behov" not in section


def test_hostile_text_is_literal_in_every_html_page(fixture_site: Path) -> None:
    title = "Fientlig </title><script>alert('titel')</script> {{ config }} & \"citat\" åäö 🚑"
    for path in sorted(fixture_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", text, re.S)
        assert not any("alert(" in s for s in scripts), path
        assert "<img src=x" not in text and "<i>ett</i>" not in text, path
    page = _page(fixture_site, "insatser/fientlig")
    visible_title = html.unescape(re.search(r"<title>(.*?) - Förändringshandboken</title>", page, re.S).group(1))
    assert visible_title == title
    h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", page, re.S).group(1)
    assert html.unescape(h1) == title
    assert '=HYPERLINK("http://example.invalid") {{ x }}' in html.unescape(_article(page))
    need = _page(fixture_site, "behov/eget-behov")
    assert "<strong>Fet</strong> text och &lt;img src=x onerror=alert(1)&gt;" in need
    assert html.unescape("&#123;&#123; config.site_name &#125;&#125;") in html.unescape(need)


def test_hostile_text_round_trips_through_json_csv_and_svg(fixture_site: Path) -> None:
    source = yaml.safe_load((FIXTURE_DATA / "insatser" / "fientlig.yaml").read_text(encoding="utf-8"))
    document = json.loads((fixture_site / "portfolj" / "insatser.json").read_text(encoding="utf-8"))
    record = next(r for r in document["insatser"] if r["id"] == "fientlig")
    for field in ("titel", "sammanfattning", "beskrivning", "halsokommentar", "uppdragsagare", "projektledare"):
        assert record[field] == source[field], field
    assert record["effektmal"] == source["effektmal"]
    assert [r["beskrivning"] for r in record["risker"]] == [r["beskrivning"] for r in source["risker"]]
    raw = (fixture_site / "portfolj" / "insatser.csv").read_bytes().decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(raw, newline=""), delimiter=";") if r["id"] == "fientlig")
    assert row["titel"] == source["titel"] and row["sammanfattning"] == source["sammanfattning"]
    assert row["uppdragsägare"] == "'" + source["uppdragsagare"]  # formula guard
    assert row["projektledare"] == "'" + source["projektledare"]
    portfolio = _page(fixture_site, "portfolj")
    svg = re.search(r"<svg class=\"handbok-tidslinje\".*?</svg>", portfolio, re.S).group(0)
    assert f"{source['titel']}: 2026-02 – slut okänt" in [html.unescape(t) for t in re.findall(r"<g><title>(.*?)</title>", svg)]


@pytest.mark.parametrize("folder, section", [("insatser", "Insatser"), ("behov", "Behov"),
                                             ("organisation", "Organisation")])
def test_record_pages_have_breadcrumbs_to_start_and_section(built_site: Path, folder: str,
                                                            section: str) -> None:
    for source in sorted((REPO_ROOT / "data" / folder).glob("*.yaml")):
        page = _page(built_site, f"{folder}/{source.stem}")
        crumbs = re.search(r'<nav class="handbok-brodsmulor" aria-label="Du är här" data-search-exclude>'
                           r'<ol>(.*?)</ol></nav>',
                           page, re.S)
        assert crumbs, f"{folder}/{source.stem} saknar brödsmulor"
        links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs.group(1))
        assert links == [("../../", "Start"), ("../../portfolj/", "Portfölj"), ("../", section)], links
        assert 'aria-current="page"' in crumbs.group(1)
        assert (built_site / folder / "index.html").is_file()


@pytest.mark.parametrize("page", ["insatser/hifa", "behov/cytostatikakorkort", "organisation/vgr",
                                  "insatser", "portfolj"])
def test_record_and_index_pages_belong_to_the_portfolio(built_site: Path, page: str) -> None:
    """Issue 27: the Portfölj tab is active and the sidebar lists the portfolio's sections, with
    no record page in the nav (records get their section's index page as parent, hooks.py)."""
    html = _page(built_site, page)
    active = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link">'
                        r'\s*([^<]*?)\s*</a>', html)
    assert active == ["Portfölj"], active
    sidebar = html[html.index('md-sidebar--primary'):html.index('md-sidebar--secondary')]
    titles = re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', sidebar)
    assert {"Insatser", "Behov", "Organisation"} <= set(titles), titles
