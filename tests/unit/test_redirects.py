"""Redirects (tidigare_id and data/omdirigeringar.yaml) and the published-address inventory."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from handbok.authored import page_meta, page_paths
from handbok.load import load_document
from handbok.model import (
    Enhet,
    EnhetTyp,
    Fas,
    Halsa,
    Insats,
    InsatsTyp,
    Kalla,
    PartialDate,
    Portfolio,
    SourceRef,
    Status,
)
from handbok.pipeline import load_data, load_redirect_map
from handbok.problems import Problem, format_problem
from handbok.published_urls import (
    SiteAddresses,
    compare,
    comparison_messages,
    format_inventory,
    heading_ids,
    page_url,
    parse_inventory,
    scan_site,
    updated_inventory,
)
from handbok.redirects import FIELD_HINTS, RedirectPage, check_redirects, redirect_files, render_redirect_page
from tests.real_date import REAL_DATE

REPO_ROOT = Path(__file__).resolve().parents[2]
MAP = "data/omdirigeringar.yaml"
KALLA = Kalla("kalla", "Källa", "Utgivare", "Beskrivning")
UNIT = Enhet("enhet", "Enhet", KALLA, typ=EnhetTyp.FORVALTNING, uppgifterna_galler=PartialDate(2025))


def insats(record_id: str, *, tidigare_id: tuple[str, ...] = (), line: int = 2) -> Insats:
    return Insats(
        id=record_id, titel=f"Insats {record_id}", sammanfattning="", typ=InsatsTyp.REGIONGEMENSAM,
        fas=Fas.BEREDA, status=Status.PAGAR, halsa=Halsa.ENLIGT_PLAN, forvaltningar=(UNIT,),
        kalla=KALLA, uppgifterna_galler=PartialDate(2025), senast_granskad=dt.date(2026, 1, 1),
        tidigare_id=tidigare_id,
        source=SourceRef(f"data/insatser/{record_id}.yaml", line),
    )


def portfolio(*insatser: Insats) -> Portfolio:
    return Portfolio(insatser=insatser, behov=(), enheter=(UNIT,), kallor=(KALLA,))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal project: three authored pages and the real redirect-map schema."""
    (tmp_path / "schemas").mkdir()
    shutil.copy(REPO_ROOT / "schemas/omdirigeringar.schema.json", tmp_path / "schemas")
    for page, title in [("index.md", "Start"), ("roller/index.md", "Roller"),
                        ("roller/chef.md", "Chef")]:
        write(tmp_path, f"docs/{page}", f"---\nansvarig: Redaktionen\nsenast_granskad: 2026-01-01\n"
                                        f"---\n\n# {title}\n")
    (tmp_path / "data/insatser").mkdir(parents=True)
    return tmp_path


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_record(root: Path, record_id: str, old_ids: list[str]) -> None:
    lines = "".join(f"  - {old}\n" for old in old_ids)
    write(root, f"data/insatser/{record_id}.yaml",
          f"# yaml-language-server: $schema=../../schemas/insats.schema.json\nid: {record_id}\n"
          f"titel: Insats {record_id}\ntidigare_id:\n{lines}")


def checked(root: Path, data: Portfolio) -> tuple[list[RedirectPage], list[Problem]]:
    """The pipeline's redirect stage on a small project: records' node trees, the map, pages."""
    documents = {"insats": [load_document(p.relative_to(root).as_posix(), p.read_bytes())[0]
                            for p in sorted((root / "data/insatser").glob("*.yaml"))]}
    redirect_map, problems = load_redirect_map(root / "data", root / "schemas")
    pages, found = check_redirects(data, documents, redirect_map, page_meta(root / "docs", root),
                                   page_paths(root / "docs", root))
    return pages, sorted(problems + found)


def problems_of(root: Path, data: Portfolio) -> list[Problem]:
    return checked(root, data)[1]


def files_of(root: Path, data: Portfolio, site_url: str):
    return redirect_files(checked(root, data)[0], site_url)


def located(problems: list[Problem]) -> list[tuple[str, int, int]]:
    return [(p.path, p.line, p.column) for p in problems]


# --- valid redirects become pages -----------------------------------------------------------

def test_moved_page_gets_a_redirect_page_at_its_old_address(repo: Path) -> None:
    write(repo, MAP, "omdirigeringar:\n  - fran: roller/chefer.md\n    till: roller/chef.md\n")
    files = files_of(repo, portfolio(), "https://handbok.example.se/sub/")
    assert problems_of(repo, portfolio()) == []
    assert [f.path for f in files] == ["roller/chefer/index.html"]
    content = files[0].content
    assert '<meta http-equiv="refresh" content="0; url=../../roller/chef/">' in content
    assert '<link rel="canonical" href="https://handbok.example.se/sub/roller/chef/">' in content
    assert '<meta name="robots" content="noindex">' in content
    assert '<html lang="sv">' in content
    assert 'Sidan har flyttat till <a href="../../roller/chef/">Chef</a>.' in content
    assert files[0].source_path == MAP


def test_old_address_may_be_written_as_a_url_and_lead_to_the_start_page(repo: Path) -> None:
    write(repo, MAP, "omdirigeringar:\n  - fran: gamla/sidan/\n    till: index.md\n")
    [page] = files_of(repo, portfolio(), "https://h.example.se/")
    assert page.path == "gamla/sidan/index.html"
    assert 'content="0; url=../../"' in page.content
    assert 'href="https://h.example.se/"' in page.content


def test_tidigare_id_gets_a_redirect_to_the_renamed_record(repo: Path) -> None:
    write_record(repo, "ny", ["gammal"])
    data = portfolio(insats("ny", tidigare_id=("gammal",)))
    assert problems_of(repo, data) == []
    [page] = files_of(repo, data, "https://h.example.se/")
    assert page.path == "insatser/gammal/index.html"
    assert 'url=../../insatser/ny/"' in page.content
    assert '<a href="../../insatser/ny/">Insats ny</a>' in page.content
    assert page.source_path == "data/insatser/ny.yaml"


def test_redirect_page_escapes_the_title() -> None:
    content = render_redirect_page("a/", "b/", 'Vård & <script>"x"</script>', "")
    assert "<script>&quot;" not in content
    assert "Vård &amp; &lt;script&gt;&quot;x&quot;&lt;/script&gt;" in content
    assert 'href="/b/"' in content


def test_no_map_file_means_no_redirects(repo: Path) -> None:
    assert problems_of(repo, portfolio()) == []
    assert files_of(repo, portfolio(), "") == []


# --- broken redirects are located errors ----------------------------------------------------

def test_target_that_does_not_exist_is_reported_at_the_entry(repo: Path) -> None:
    write(repo, MAP, "# kommentar\nomdirigeringar:\n  - fran: roller/chefer.md\n"
                     "    till: roller/chefen.md\n")
    [problem] = problems_of(repo, portfolio())
    assert located([problem]) == [(MAP, 3, 5)]
    assert problem.message.startswith("omdirigeringen leder till /roller/chefen/, som inte finns;")


def test_two_entries_claiming_one_old_address(repo: Path) -> None:
    write(repo, MAP, "omdirigeringar:\n  - fran: roller/chefer.md\n    till: roller/chef.md\n"
                     "  - fran: roller/chefer/\n    till: roller/index.md\n")
    [problem] = problems_of(repo, portfolio())
    assert located([problem]) == [(MAP, 4, 5)]
    assert problem.message == ("adressen /roller/chefer/ omdirigeras redan av "
                               "data/omdirigeringar.yaml:2; en gammal adress kan bara leda till "
                               "en sida, så ta bort den ena")


def test_map_entry_and_record_claiming_one_old_address(repo: Path) -> None:
    write_record(repo, "ny", ["gammal"])
    write(repo, MAP, "omdirigeringar:\n  - fran: insatser/gammal/\n    till: roller/chef.md\n")
    [problem] = problems_of(repo, portfolio(insats("ny", tidigare_id=("gammal",))))
    assert located([problem]) == [("data/omdirigeringar.yaml", 2, 5)]
    assert "omdirigeras redan av data/insatser/ny.yaml:5" in problem.message


def test_two_records_claiming_one_old_id(repo: Path) -> None:
    write_record(repo, "a", ["gammal"])
    write_record(repo, "b", ["x", "gammal"])
    data = portfolio(insats("a", tidigare_id=("gammal",)), insats("b", tidigare_id=("x", "gammal")))
    [problem] = problems_of(repo, data)
    assert located([problem]) == [("data/insatser/b.yaml", 6, 5)]
    assert "/insatser/gammal/ omdirigeras redan av data/insatser/a.yaml:5" in problem.message


def test_old_id_that_is_another_records_current_id(repo: Path) -> None:
    write_record(repo, "ny", ["annan"])
    data = portfolio(insats("ny", tidigare_id=("annan",)), insats("annan"))
    [problem] = problems_of(repo, data)
    assert located([problem]) == [("data/insatser/ny.yaml", 5, 5)]
    assert problem.message.startswith("'annan' i tidigare_id är id för en annan post "
                                      "(data/insatser/annan.yaml)")


def test_old_id_that_is_the_records_own_id(repo: Path) -> None:
    write_record(repo, "ny", ["ny"])
    [problem] = problems_of(repo, portfolio(insats("ny", tidigare_id=("ny",))))
    assert located([problem]) == [("data/insatser/ny.yaml", 5, 5)]
    assert problem.message == "'ny' i tidigare_id är postens eget id; ta bort det ur listan"


def test_old_address_that_is_still_a_live_page(repo: Path) -> None:
    write(repo, MAP, "omdirigeringar:\n  - fran: roller/chef.md\n    till: roller/index.md\n")
    [problem] = problems_of(repo, portfolio())
    assert located([problem]) == [(MAP, 2, 5)]
    assert problem.message.startswith("adressen /roller/chef/ är fortfarande en publicerad sida "
                                      "(docs/roller/chef.md)")
    assert files_of(repo, portfolio(), "") == []


FRAN = FIELD_HINTS["fran"]
TILL = FIELD_HINTS["till"]


@pytest.mark.parametrize(("text", "expected"), [
    # Every unknown key and every missing field, each once, in the records' message style.
    ("omdirigeringar:\n  - fran: roller/chefer.md\n    till: roller/chef.md\n    tlil: x\n"
     "    fram: y\n",
     [f"{MAP}:4:5: fel: okänt fält 'tlil' — menade du 'till'?",
      f"{MAP}:5:5: fel: okänt fält 'fram' — menade du 'fran'?"]),
    ("omdirigeringar:\n  - kommentar: bara en kommentar\n",
     [f"{MAP}:2:5: fel: obligatoriskt fält 'fran' saknas; {FRAN}",
      f"{MAP}:2:5: fel: obligatoriskt fält 'till' saknas; {TILL}"]),
    ("omdirigeringar:\n  - fran: roller/chefer.md\n",
     [f"{MAP}:2:5: fel: obligatoriskt fält 'till' saknas; {TILL}"]),
    ("omdirigeringar:\n  - fran: Roller/Chefer.md\n    till: roller/chef.md#ansvar\n",
     [f"{MAP}:2:11: fel: fältet 'fran' har värdet 'Roller/Chefer.md', men {FRAN}",
      f"{MAP}:3:11: fel: fältet 'till' har värdet 'roller/chef.md#ansvar', men {TILL}"]),
    ("omdirigeringar:\n  fran: a.md\n",
     [f"{MAP}:1:1: fel: fältet 'omdirigeringar' ska vara en lista (rader som börjar med '- '), "
      "men är fältet 'fran: …'"]),
    ("omdirigeringar:\n  - fran: a.md\n    fran: b.md\n    till: index.md\n",
     [f"{MAP}:3:5: fel: dubblettnyckel 'fran' (första förekomsten på rad 2)"]),
])
def test_malformed_map_reports_every_problem_once(repo: Path, text: str, expected: list[str]) -> None:
    write(repo, MAP, text)
    assert [format_problem(p) for p in problems_of(repo, portfolio())] == expected


def test_empty_map_is_reported(repo: Path) -> None:
    write(repo, MAP, "")
    [problem] = problems_of(repo, portfolio())
    assert located([problem]) == [(MAP, 1, 1)]
    assert problem.message.startswith("filen är tom")


@pytest.mark.real_content
def test_the_real_redirects_are_valid() -> None:
    loaded = load_data(REPO_ROOT / "data", REPO_ROOT / "schemas", today=REAL_DATE)
    assert loaded.portfolio is not None, loaded.problems
    assert loaded.problems == []
    pages = page_meta(REPO_ROOT / "docs", REPO_ROOT)
    assert check_redirects(loaded.portfolio, loaded.documents, loaded.redirect_map, pages)[1] == []


# --- the published-address inventory --------------------------------------------------------

@pytest.mark.parametrize(("markdown", "url"), [
    ("index.md", ""), ("roller/index.md", "roller/"), ("roller/chef.md", "roller/chef/"),
    ("principer.md", "principer/"),
])
def test_page_url_follows_directory_urls(markdown: str, url: str) -> None:
    assert page_url(markdown) == url


ARTICLE = ('<html><body><nav><h2 id="nav-x">Meny</h2></nav><article class="md-content__inner">'
           '<h1 id="bereda">Bereda</h1><h2 id="resultat">Resultat och beslut</h2>'
           '<h3 id="vem">Vem</h3><p id="inte-rubrik">x</p></article></body></html>')


def test_heading_ids_are_the_articles_h2_to_h6() -> None:
    assert heading_ids(ARTICLE) == ["resultat", "vem"]


def make_site(root: Path) -> Path:
    write(root, "site/index.html", "<html><article><h2 id='start'>S</h2></article></html>")
    write(root, "site/process/bereda/index.html", ARTICLE)
    write(root, "site/insatser/a/index.html", "<html><article><h2 id='risker'>R</h2></article>")
    write(root, "site/roller/chefer/index.html",
          render_redirect_page("roller/chefer/", "process/bereda/", "Bereda", ""))
    write(root, "site/portfolj/insatser.json", "[]")
    write(root, "site/404.html", "<html></html>")
    write(root, "site/assets/stylesheets/main.css", "")
    write(root, "site/search/search_index.json", "{}")
    write(root, "site/sitemap.xml.gz", "")
    return root / "site"


def test_scan_lists_pages_redirects_files_and_authored_anchors(tmp_path: Path) -> None:
    site = scan_site(make_site(tmp_path), {"/", "/process/bereda/"})
    assert sorted(site.entries) == ["/", "/#start", "/404.html", "/insatser/a/",
                                    "/portfolj/insatser.json", "/process/bereda/",
                                    "/process/bereda/#resultat", "/process/bereda/#vem",
                                    "/roller/chefer/"]
    assert site.redirects == {"/roller/chefer/": "/process/bereda/"}


def test_missing_page_is_named_with_what_to_do(tmp_path: Path) -> None:
    site = scan_site(make_site(tmp_path), {"/", "/process/bereda/"})
    listed = [*site.entries, "/roller/chef/", "/roller/chef/#ansvar"]
    comparison = compare(listed, site)
    assert comparison.missing == ("/roller/chef/", "/roller/chef/#ansvar")
    assert comparison_messages(comparison, site) == [
        "Adressen /roller/chef/ publiceras inte längre och ingen omdirigering täcker den. Har "
        "sidan flyttat: lägg till i data/omdirigeringar.yaml\n"
        "  - fran: roller/chef/\n    till: <den nya sidans sökväg i docs/>.md\n"
        "(make flytta FRAN=… TILL=… gör det och resten av flytten åt dig), eller kör make urls "
        "TA_BORT=ja om borttagningen är avsiktlig och godkänd."]
    moved = {"/roller/chef/": "roller/chef.md", "/om/chef/": "om/chef.md"}
    assert "    till: om/chef.md\n" in comparison_messages(comparison, site, moved)[0]


def test_missing_anchor_and_unlisted_page_are_named(tmp_path: Path) -> None:
    site = scan_site(make_site(tmp_path), {"/", "/process/bereda/"})
    listed = [e for e in site.entries if e != "/insatser/a/"] + ["/process/bereda/#beslut"]
    messages = comparison_messages(compare(listed, site), site)
    assert messages[0].startswith("Ankaret /process/bereda/#beslut finns inte längre på sidan "
                                  "/process/bereda/. Ge rubriken ett fast ankare")
    assert messages[1] == ("Adressen /insatser/a/ publiceras men saknas i "
                           "publicerade-adresser.txt. Kör make urls och ta med ändringen i din "
                           "pull request.")


def test_anchor_on_a_moved_page_is_kept_when_the_target_has_it(tmp_path: Path) -> None:
    site = scan_site(make_site(tmp_path), {"/", "/process/bereda/"})
    listed = [*site.entries, "/roller/chefer/#resultat", "/roller/chefer/#ansvar"]
    comparison = compare(listed, site)
    assert comparison.missing == ("/roller/chefer/#ansvar",)
    assert "finns inte på sidan /process/bereda/, dit /roller/chefer/ omdirigeras" in \
        comparison_messages(comparison, site)[0]
    assert "/roller/chefer/#resultat" in updated_inventory(listed, site)
    assert "/roller/chefer/#ansvar" not in updated_inventory(listed, site)


def test_inventory_file_is_sorted_and_round_trips() -> None:
    text = format_inventory(["/b/", "/a/#x", "/a/", "/a/"])
    assert text.splitlines()[-3:] == ["/a/", "/a/#x", "/b/"]
    assert parse_inventory(text) == ["/a/", "/a/#x", "/b/"]
    assert compare(parse_inventory(text), SiteAddresses(frozenset({"/a/", "/a/#x", "/b/"}))).ok
