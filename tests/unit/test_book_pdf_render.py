"""The printed handbook (issue 27): the document WeasyPrint lays out, and the layout passes."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

import pytest

from handbok.book_pdf import FIRST_PASS, Cover, Dating, Layout, nearly_empty_ends, print_document, template_form, write_pdf
from handbok.whole_book import Chapter

SITE = "https://handbok.example.se/"
BUILT = dt.date(2026, 12, 8)
CHAPTERS = [
    Chapter("", "Start", '<h1 id="start">Start</h1><p>Se <a href="process/bereda/#resultat">Bereda</a>, '
            '<a href="portfolj/">portföljen</a>, <a href="https://example.org/a">en källa</a>, '
            '<a href="https://example.org/b">https://example.org/b</a> och '
            '<a href="mailto:red@example.se">redaktionen</a>.</p>'),
    Chapter("process/bereda/", "Bereda", '<h1 id="bereda">Bereda</h1><h2 id="resultat">Resultat</h2><p>Text.</p>'),
    Chapter("mallar/riskanalys/", "Mall: Riskanalys", '<h1 id="mall">Mall: Riskanalys</h1>'
            '<details class="note">\n<summary>Visa mallen i Markdown</summary>\n<div class="highlight">'
            '<span class="filename">riskanalys.md</span><pre><code># Riskanalys</code></pre></div>\n</details>'),
]
DATINGS = {"": Dating("Redaktionen", dt.date(2026, 11, 23)), "process/bereda/": Dating("Beredningsgruppen", dt.date(2026, 10, 1))}
FORMS = {"riskanalys": '<h3>Riskanalys</h3><span class="falt">risk</span>'}


def document(organisation: str | None = "Region Exempel", layout: Layout = FIRST_PASS) -> str:
    cover = Cover(organisation, BUILT, "Utgåva 2026-12-08", SITE)
    return print_document(CHAPTERS, DATINGS, FORMS, cover, layout)


def test_cover_names_organisation_build_date_and_version() -> None:
    cover = re.search(r'<section class="omslag".*?</section>', document(), re.S)
    assert cover
    facts = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", cover.group(0), re.S)
    assert [(k, re.sub(r"<[^>]+>", "", v)) for k, v in facts] == [
        ("Organisation", "Region Exempel"), ("Byggd", "2026-12-08"), ("Version", "Utgåva 2026-12-08"),
        ("Webbplats", SITE)]
    assert '<meta name="dcterms.created" content="2026-12-08">' in document()


def test_cover_says_when_no_organisation_is_configured() -> None:
    text = document(organisation=None)
    assert "<dd>Uppgift saknas (organisationen är inte angiven i handbokens inställningar)</dd>" in text
    assert '<meta name="author"' not in text


def test_table_of_contents_points_at_every_chapter() -> None:
    toc = re.search(r'<nav class="innehall".*?</nav>', document(), re.S)
    assert toc and re.findall(r'<a href="#([^"]+)" data-sida="">([^<]+)</a>', toc.group(0)) == [
        ("k1-start", "Start"), ("k2-bereda", "Bereda"), ("k3-mall", "Mall: Riskanalys")]
    laid_out = document(layout=Layout(pages={"k1-start": 3, "k2-bereda": 4, "k3-mall": 6}))
    assert '<a href="#k2-bereda" data-sida="4">Bereda</a>' in laid_out


def test_links_to_a_chapter_lead_to_its_title() -> None:
    assert '<a href="#k1-start">start</a>' in print_document(
        [*CHAPTERS[:1], Chapter("b/", "B", '<h1 id="b">B</h1><p><a href="../">start</a></p>')], {}, {},
        Cover(None, BUILT, "v", SITE))


def test_chapters_are_dated_under_their_title() -> None:
    text = document()
    assert ('<h2 id="k1-start">Start</h2><p class="sidfakta">Ansvarig: Redaktionen · Senast granskad: '
            '<time datetime="2026-11-23">2026-11-23</time></p>') in text
    assert "Senast granskad: <time datetime=\"2026-10-01\">" in text
    assert text.count('class="sidfakta"') == 2  # the template chapter has no front matter here


def test_links_leaving_the_book_get_their_address_as_a_footnote() -> None:
    text = document()
    assert '<a href="#k2-resultat">Bereda</a>,' in text  # within the book: a page reference (CSS)
    assert (f'<a href="{SITE}portfolj/">portföljen</a><span class="fotnot">{SITE}portfolj/</span>') in text
    assert '<a href="https://example.org/a">en källa</a><span class="fotnot">https://example.org/a</span>' in text
    assert '<a href="https://example.org/b">https://example.org/b</a> och' in text  # shown already
    assert '<a href="mailto:red@example.se">redaktionen</a><span class="fotnot">red@example.se</span>' in text
    assert 'href="../' not in text


def test_template_pages_print_the_form_instead_of_the_markdown() -> None:
    text = document()
    assert '<div class="mallformular"><h3>Riskanalys</h3><span class="falt">risk</span></div>' in text
    assert "riskanalys.md</span>" not in text and "<details" not in text


def test_only_chapters_after_a_nearly_empty_page_run_on() -> None:
    sections = re.findall(r'<section class="([^"]+)" id="(kapitel-\d)">', document(layout=Layout(running_on=frozenset({3}))))
    assert sections == [("handbok-kapitel", "kapitel-1"), ("handbok-kapitel", "kapitel-2"),
                        ("handbok-kapitel fortsatt", "kapitel-3")]


def test_template_form_has_lines_to_fill_check_boxes_and_a_landscape_table() -> None:
    source = ("# Riskanalys: [uppdragets namn]\n\nDatum: [ÅÅÅÅ-MM-DD]\n\n## Delar\n\n- [ ] Klar\n\n"
              "## Risker\n\n| A | B | C | D | E | F |\n| --- | --- | --- | --- | --- | --- |\n| [ ] | 2 | 3 | 4 | 5 | 6 |\n\n"
              "| A | B |\n| --- | --- |\n| 1 | 2 |\n")
    form = template_form(source)
    assert form.startswith('<h3>Riskanalys: <span class="falt">uppdragets namn</span></h3>')
    assert '<p>Datum: <span class="falt">ÅÅÅÅ-MM-DD</span></p>' in form and "<h4>Delar</h4>" in form
    assert "<li>☐ Klar</li>" in form
    assert form.count('<div class="bred">') == 1  # six columns, with their heading; two columns stay
    assert '<div class="bred"><h4>Risker</h4>\n<table>' in form
    assert '<td><span class="falt"></span></td>' in form


PAGE = 1000.0


def test_a_chapter_ending_high_on_a_later_page_makes_the_next_one_run_on() -> None:
    pages = [
        {"kapitel-1": (0, 80.0)},
        {"kapitel-1": (0, 80.0), "slut-1": (0, 300.0)},  # a third of a page: nearly empty
        {"kapitel-2": (0, 80.0), "slut-2": (0, 200.0)},  # short, but on its own first page
        {"kapitel-3": (0, 80.0)},
        {"kapitel-3": (0, 80.0), "slut-3": (0, 400.0)},  # fuller than a third
        {"kapitel-4": (0, 80.0), "slut-4": (0, 100.0)},
    ]
    assert nearly_empty_ends(pages, 4, PAGE) == {1}


def test_pdf_is_the_same_for_the_same_input(tmp_path: Path) -> None:
    sites = [tmp_path / "a", tmp_path / "b"]  # two sites: the folder does not enter the PDF
    for site in sites:
        (site / "hela-handboken").mkdir(parents=True)
    first, second = (write_pdf(lambda layout: document(layout=layout), len(CHAPTERS), site) for site in sites)
    assert first.startswith(b"%PDF-") and first == second
    streams = [zlib.decompress(s) for s in re.findall(rb"/FlateDecode[^>]*>>\nstream\n(.*?)\nendstream", first, re.S)]
    assert any(b'pdfuaid:part="1"' in s for s in streams)  # PDF/UA-1 in the XMP metadata


def test_nothing_is_fetched_from_other_hosts(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "hela-handboken").mkdir()
    with_remote_image = lambda layout: document(layout=layout).replace(  # noqa: E731
        "<p>Text.</p>", '<p>Text.<img src="https://example.org/bild.png" alt="bild"></p>')
    write_pdf(with_remote_image, len(CHAPTERS), tmp_path)
    assert "utskriften hämtar bara filer ur webbplatsen, inte https://example.org/bild.png" in caplog.text
