"""Published addresses stay published: the inventory, redirects, stable anchors and the sitemap.

The real site is compared with publicerade-adresser.txt. A copy of the project (with a small
fixture data set added) is then built three times: as is, after renaming a record and headings
without redirects, and after adding `tidigare_id`, a redirect-map entry and explicit anchors.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.static_site import serve_directory
from handbok.published_urls import (
    INVENTORY_FILE,
    authored_page_sources,
    compare,
    comparison_messages,
    format_inventory,
    parse_inventory,
    scan_site,
    updated_inventory,
)
from tests.browser.site_pages import AXE_JS
from tests.conftest import REPO_ROOT, build_site, copy_project, require_tool, search_documents
from tests.moved_pages import add_redirect

pytestmark = pytest.mark.build

FIXTURE_DATA = REPO_ROOT / "tests/fixtures/stable_links/data"
SITE_URL = "https://handbok.test.example/forandring/"
OLD_ID, NEW_ID = "lankprov-gammal", "lankprov-ny"
VNU_JAR = REPO_ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
MOVED_PAGE = "---\nansvarig: Redaktionen\nsenast_granskad: 2026-01-01\n---\n\n# Länkprov\n\n" \
             "## Avsnitt som andra länkar till\n\nText.\n"


# --- the real site --------------------------------------------------------------------------

def test_inventory_matches_the_real_site_exactly(built_site: Path) -> None:
    pages = authored_page_sources(REPO_ROOT / "docs")
    site = scan_site(built_site, set(pages))
    text = (REPO_ROOT / INVENTORY_FILE).read_text(encoding="utf-8")
    listed = parse_inventory(text)
    comparison = compare(listed, site)
    assert comparison.ok, "\n".join(comparison_messages(comparison, site, pages))
    assert text == format_inventory(updated_inventory(listed, site)), "kör make urls"
    assert "/404.html" in listed and "/" in listed


def test_real_sitemap_lists_canonical_pages_under_site_url(built_site: Path) -> None:
    locations = sitemap_locations(built_site)
    assert locations and all(loc.startswith("https://forandringshandboken.example.se/")
                             for loc in locations)
    assert "https://forandringshandboken.example.se/" in locations


# --- a copy renamed step by step ------------------------------------------------------------

@dataclass(frozen=True)
class Builds:
    project: Path
    renamed: Path          # record and headings renamed, no redirects
    renamed_check: subprocess.CompletedProcess
    redirected: Path       # tidigare_id, redirect map entry, explicit anchor
    redirected_check: subprocess.CompletedProcess
    rewritten_check: subprocess.CompletedProcess


def urls_command(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbok.cli", "urls", *args, "--root",
                           str(project)], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(project / "macros")})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} saknas i {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build_ok(project: Path, site_dir: Path, **env: str) -> Path:
    result = build_site(project, site_dir, env)
    assert result.returncode == 0, result.output
    return site_dir


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    tmp = tmp_path_factory.mktemp("stable-links")
    project = copy_project(tmp / "project")
    shutil.copytree(FIXTURE_DATA, project / "data", dirs_exist_ok=True)
    (project / "docs/om/lankprov.md").write_text(MOVED_PAGE, encoding="utf-8")
    with (project / "docs/index.md").open("a", encoding="utf-8") as start:
        start.write("\n## Länkprovets resultat {#resultat}\n\nText.\n\n"
                    "## Länkprovets bakgrund\n\nText.\n")
    baseline = build_ok(project, tmp / "baseline")
    assert urls_command(project, "--write", "--site", str(baseline)).returncode == 0

    record = project / f"data/insatser/{OLD_ID}.yaml"
    record.rename(record.with_name(f"{NEW_ID}.yaml"))
    record = record.with_name(f"{NEW_ID}.yaml")
    edit(record, f"id: {OLD_ID}\n", f"id: {NEW_ID}\n")
    edit(project / "docs/index.md", "## Länkprovets resultat {#resultat}",
         "## Vad länkprovet gav {#resultat}")
    edit(project / "docs/index.md", "## Länkprovets bakgrund", "## Länkprovets historia")
    renamed = build_ok(project, tmp / "renamed")
    renamed_check = urls_command(project, "--check", "--site", str(renamed))

    edit(record, f"id: {NEW_ID}\n", f"id: {NEW_ID}\ntidigare_id:\n  - {OLD_ID}\n")
    edit(project / "docs/index.md", "## Länkprovets historia", "## Länkprovets bakgrund")
    (project / "docs/om/lankprov.md").rename(project / "docs/om/lankprov-flyttad.md")
    add_redirect(project, "om/lankprov.md", "om/lankprov-flyttad.md")
    redirected = build_ok(project, tmp / "redirected", SITE_URL=SITE_URL)
    redirected_check = urls_command(project, "--check", "--site", str(redirected))
    assert urls_command(project, "--write", "--site", str(redirected)).returncode == 0
    rewritten_check = urls_command(project, "--check", "--site", str(redirected))
    return Builds(project, renamed, renamed_check, redirected, redirected_check, rewritten_check)


def test_renamed_record_without_redirect_fails_naming_the_address(builds: Builds) -> None:
    check = builds.renamed_check
    assert check.returncode == 1
    assert (f"Adressen /insatser/{OLD_ID}/ publiceras inte längre och ingen omdirigering täcker "
            "den. Har posten bytt id: skriv det gamla id:t under tidigare_id i posten (en ny rad "
            f"'- {OLD_ID}'), eller kör make urls TA_BORT=ja om borttagningen är avsiktlig och "
            "godkänd."
            ) in check.stdout
    assert (f"Adressen /insatser/{NEW_ID}/ publiceras men saknas i publicerade-adresser.txt. "
            "Kör make urls") in check.stdout


def test_renamed_heading_loses_its_anchor_unless_it_is_explicit(builds: Builds) -> None:
    stdout = builds.renamed_check.stdout
    assert "Ankaret /#lankprovets-bakgrund finns inte längre på sidan /." in stdout
    assert "/#resultat" not in stdout
    start = (builds.renamed / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="resultat">Vad länkprovet gav', start)


def test_tidigare_id_and_redirect_map_keep_every_address(builds: Builds) -> None:
    check = builds.redirected_check
    assert "publiceras inte längre" not in check.stdout
    assert "finns inte" not in check.stdout
    assert sorted(re.findall(r"Adressen (\S+) publiceras men saknas", check.stdout)) == [
        f"/insatser/{NEW_ID}/", "/om/lankprov-flyttad/", "/om/lankprov-flyttad/#avsnitt-som-"
        "andra-lankar-till"]
    assert builds.rewritten_check.returncode == 0, builds.rewritten_check.stdout
    inventory = parse_inventory((builds.project / INVENTORY_FILE).read_text(encoding="utf-8"))
    assert {f"/insatser/{OLD_ID}/", "/om/lankprov/", "/om/lankprov/#avsnitt-som-andra-lankar-till",
            "/#resultat"} <= set(inventory)


def test_old_urls_serve_redirect_pages(builds: Builds) -> None:
    page = (builds.redirected / f"insatser/{OLD_ID}/index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../../insatser/{NEW_ID}/">' in page
    assert f'<link rel="canonical" href="{SITE_URL}insatser/{NEW_ID}/">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert (f'Sidan har flyttat till <a href="../../insatser/{NEW_ID}/">Länkprov – insats som '
            "byter id</a>") in page
    moved = (builds.redirected / "om/lankprov/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../../om/lankprov-flyttad/"' in moved
    new_page = (builds.redirected / f"insatser/{NEW_ID}/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}insatser/{NEW_ID}/">' in new_page


def test_redirects_stay_out_of_sitemap_and_search(builds: Builds) -> None:
    locations = sitemap_locations(builds.redirected)
    assert f"{SITE_URL}insatser/{NEW_ID}/" in locations
    assert f"{SITE_URL}om/lankprov-flyttad/" in locations
    assert all(loc.startswith(SITE_URL) for loc in locations)
    assert not [loc for loc in locations if OLD_ID in loc or loc.endswith("/om/lankprov/")]
    places = set(search_documents(builds.redirected))
    assert f"insatser/{NEW_ID}/" in places
    assert f"insatser/{OLD_ID}/" not in places and "om/lankprov/" not in places


def test_redirect_pages_are_valid_html(builds: Builds) -> None:
    java = require_tool("java", "Nu HTML Checker (vnu) behöver Java")
    require_tool(str(VNU_JAR), "vnu-jar behövs för HTML-valideringen (npm ci)")
    pages = [builds.redirected / f"insatser/{OLD_ID}/index.html",
             builds.redirected / "om/lankprov/index.html"]
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", *map(str, pages)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_broken_redirect_map_stops_the_build_with_file_and_line(builds: Builds,
                                                                tmp_path: Path) -> None:
    project = shutil.copytree(builds.project, tmp_path / "broken")
    redirect_map = project / "data/omdirigeringar.yaml"
    edit(redirect_map, "    till: om/lankprov-flyttad.md\n",
         "    till: om/lankprov-flyttad.md\n  - fran: om/lankprov/\n    till: om/finns-inte.md\n")
    lines = redirect_map.read_text(encoding="utf-8").splitlines()
    first, second = (lines.index(f"  - fran: {old}") + 1 for old in ("om/lankprov.md",
                                                                     "om/lankprov/"))
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert [line for line in result.output.splitlines() if ": fel: " in line] == [
        f"data/omdirigeringar.yaml:{second}:5: fel: adressen /om/lankprov/ omdirigeras redan av "
        f"data/omdirigeringar.yaml:{first}; en gammal adress kan bara leda till en sida, så ta "
        "bort den ena",
        f"data/omdirigeringar.yaml:{second}:5: fel: omdirigeringen leder till /om/finns-inte/, "
        "som inte finns; 'till' ska vara den nya sidans sökväg i docs/, t.ex. 'roller/chef.md', "
        "eller adressen till en genererad sida, t.ex. 'insatser/nytt-id/' (små bokstäver a–z, "
        "siffror och bindestreck, utan '#')",
    ]


def test_old_id_reused_as_a_current_id_stops_the_build(builds: Builds, tmp_path: Path) -> None:
    project = shutil.copytree(builds.project, tmp_path / "broken")
    shutil.copy(FIXTURE_DATA / f"insatser/{OLD_ID}.yaml", project / "data/insatser")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    [line] = [line for line in result.output.splitlines() if ": fel: " in line]
    assert line.startswith(f"data/insatser/{NEW_ID}.yaml:4:5: fel: ")
    assert f"'{OLD_ID}'" in line and f"data/insatser/{OLD_ID}.yaml" in line


# --- in the browser -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def redirected_url(builds: Builds) -> Iterator[str]:
    server, url = serve_directory(builds.redirected)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def chromium(browser) -> object:
    """The session's one Chromium (tests/conftest.py): Playwright's sync API allows one per thread."""
    return browser


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False])
def test_old_url_lands_on_the_new_page_in_chromium(chromium, redirected_url: str,
                                                   javascript: bool) -> None:
    context = chromium.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(f"{redirected_url}insatser/{OLD_ID}/")
        page.wait_for_url(f"{redirected_url}insatser/{NEW_ID}/", timeout=10_000)
        assert page.locator("h1").first.inner_text().startswith("Länkprov – insats som byter id")
    finally:
        context.close()


@pytest.mark.browser
def test_moved_page_keeps_the_section_anchor_in_chromium(chromium, redirected_url: str) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(f"{redirected_url}om/lankprov/#avsnitt-som-andra-lankar-till")
        page.wait_for_url(f"{redirected_url}om/lankprov-flyttad/#avsnitt-som-andra-lankar-till",
                          timeout=10_000)
        assert page.locator("#avsnitt-som-andra-lankar-till").is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_redirect_page_content_passes_axe(chromium, builds: Builds) -> None:
    require_tool(str(AXE_JS), "axe-core behövs för tillgänglighetstesterna (npm ci)")
    html = (builds.redirected / f"insatser/{OLD_ID}/index.html").read_text(encoding="utf-8")
    # The page itself leaves at once; check what a reader sees if it does not.
    still = re.sub(r"<script>.*?</script>\n|<meta http-equiv[^>]*>\n", "", html)
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.set_content(still)
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        result = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})).violations
            .map(v => v.id)""")
        assert result == []
    finally:
        context.close()


def sitemap_locations(site_dir: Path) -> list[str]:
    tree = ET.parse(site_dir / "sitemap.xml")
    return [el.text or "" for el in tree.iter() if el.tag.endswith("loc")]
