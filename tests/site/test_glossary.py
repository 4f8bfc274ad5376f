"""Ordlista and abbreviations (issue 16): one shared list, defined wherever used, reachable by keyboard."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from handbok.abbreviations import (
    ABBREVIATIONS_FILE,
    make_abbreviations_focusable,
    parse_abbreviations,
    undefined_abbreviations,
)
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.build

ABBREVIATIONS = parse_abbreviations((REPO_ROOT / ABBREVIATIONS_FILE).read_text(encoding="utf-8"))
# Terms the issues name explicitly; the glossary must explain every one. LUA, SU and SkaS were
# dropped in issue 24 (G12): no page uses them, and the editors had made them up.
REQUIRED_TERMS = ["TLO", "TLO-KL", "KOM-KR", "FVL", "FoUU", "HR", "VGR",
                  "Effekthemtagning", "Uppdragsägare", "Uppdragstagare", "Projektägare",
                  # issue 24 (G13): words on the published pages that the glossary lacked
                  "Förebyggande medel", "Förvaltning", "Insats", "Behov", "Gemensamt behov",
                  "Granskningsintervall", "Uppgifterna gäller", "Bekräftad", "Regionhälsan",
                  "Regionstaben", "Regionservice", "Koncernledning", "Lean", "5-stegsmodellen",
                  "Vältel", "Cytostatikakörkort", "Stabsstöd", "Pulsmöte", "Tertial och delår",
                  "Inom ram", "Högskolepoäng", "SKR"]


def article_text(page: Path) -> str:
    """The readable text of a page's article: no tags, code, scripts or styles."""
    text = page.read_text(encoding="utf-8")
    match = re.search(r"<article\b[^>]*>(.*?)</article>", text, re.S)
    if not match:
        return ""
    body = re.sub(r"<(script|style|code|pre|svg)\b.*?</\1>", " ", match.group(1), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def glossary_terms(site: Path) -> list[str]:
    text = (site / "ordlista" / "index.html").read_text(encoding="utf-8")
    return [html.unescape(re.sub(r"<[^>]+>", "", dt)).strip() for dt in re.findall(r"<dt>(.*?)</dt>", text, re.S)]


def test_every_upper_case_abbreviation_in_the_text_is_defined(built_site: Path) -> None:
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        missing = undefined_abbreviations(article_text(page), ABBREVIATIONS)
        if missing:
            problems.append(f"{page.relative_to(built_site)}: {', '.join(missing)}")
    assert not problems, (f"Förkortningar som saknas i {ABBREVIATIONS_FILE} "
                          "(lägg till dem där och på sidan Ordlista):\n" + "\n".join(problems))


def test_undefined_abbreviation_is_reported() -> None:
    """Negative control: an unknown upper-case word is found, known ones and plain words are not."""
    text = "Insatsen XYZ-AB ordnas av VGR och TLO-KL; Ärendet är klart, ÅÅÅÅ-MM-DD."
    assert undefined_abbreviations(text, {"VGR": "v", "TLO-KL": "t"}) == ["XYZ-AB"]


def test_glossary_explains_every_listed_abbreviation_and_the_named_terms(built_site: Path) -> None:
    terms = glossary_terms(built_site)
    missing = [t for t in [*ABBREVIATIONS, *REQUIRED_TERMS] if t not in terms]
    assert not missing, f"saknas i ordlistan: {missing}"
    assert terms.count("TLO") == 1


def test_abbreviations_are_expanded_and_focusable_on_the_pages(built_site: Path) -> None:
    page = (built_site / "erfarenheter" / "tlo-samordning-vgr" / "index.html").read_text(encoding="utf-8")
    assert '<abbr tabindex="0" title="tidig lokal omställning">TLO</abbr>' in page
    assert f'<abbr tabindex="0" title="{ABBREVIATIONS["TLO-KL"]}">TLO-KL</abbr>' in page


def test_abbreviations_are_expanded_in_a_record_summary(built_site: Path) -> None:
    """Issue 23: the summary (ingress) of a record page goes through the same abbreviation pass."""
    page = (built_site / "insatser" / "forandringsledning-chefer-vgr" / "index.html").read_text(encoding="utf-8")
    assert (f'<p><abbr tabindex="0" title="{ABBREVIATIONS["TLO"]}">TLO</abbr>-insats i förändringsledning '
            "som omfattar 1 000 chefer och stödfunktioner.</p>") in page


def test_make_abbreviations_focusable_is_idempotent_and_skips_links() -> None:
    once = make_abbreviations_focusable('<abbr title="a">A</abbr>')
    assert once == '<abbr tabindex="0" title="a">A</abbr>' == make_abbreviations_focusable(once)
    linked = '<a href="x/"><abbr title="a">A</abbr></a> <abbr title="b">B</abbr>'
    assert make_abbreviations_focusable(linked) == (
        '<a href="x/"><abbr title="a">A</abbr></a> <abbr tabindex="0" title="b">B</abbr>')


def test_start_page_links_kom_igang_and_the_glossary(built_site: Path) -> None:
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="kom-igang/">Jag har ett förslag eller ett ärende – vad gör jag\?</a>', start)
    assert 'href="ordlista/"' in start and 'href="kom-igang/#vem-handboken-galler-for"' in start
    kom = article_text(built_site / "kom-igang" / "index.html")
    for origin in ("Regionhälsan", "Västra Götalandsregionen", "Region Skåne"):
        assert origin in kom
