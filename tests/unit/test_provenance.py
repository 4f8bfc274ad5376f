"""What each value rests on, on every page kind (issue 24): a quoted interpretation of the source,
the editors' own interpretation, a value an editor confirmed, and a source without a date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from handbok.currency import AsOf
from handbok.pipeline import load_portfolio
from handbok.render.indexes import render_initiative_index
from handbok.render.initiative_page import render_initiative_page
from handbok.render.need_page import render_need_page
from handbok.render.unit_page import render_unit_page
from handbok.site import generated_files
from tests.unit.data_repo import REPO_ROOT

# A frozen copy of the real data as issue 24 left it, so these exact sentences hold at a pinned
# date while editors confirm, add and date the real records (issue 23).
FROZEN_DATA = REPO_ROOT / "tests" / "fixtures" / "portfolio" / "data"

AS_OF = AsOf(dt.date(2026, 11, 23), 12)
QUOTED = ('<span class="handbok-badge handbok-status handbok-status--pagar"><span class="handbok-ikon" '
          'aria-hidden="true">►</span> Pågår</span> <span class="handbok-proveniens handbok-proveniens--citat">'
          '(tolkning av källan: ”som väntas pågå under hela 2019 och 2020”)</span>')
INTERPRETED = ' <span class="handbok-proveniens handbok-proveniens--tolkning">(redaktionens tolkning)</span>'
CONFIRMED = ' <span class="handbok-proveniens handbok-proveniens--bekraftat">(bekräftat 1 november 2026)</span>'
UNDATED = ('<p class="handbok-uppgifter-galler">Källan anger inget datum (källa: Projektledare underlättar '
           'TLO-arbete). Ingen redaktör har bekräftat uppgifterna.</p>')


@pytest.fixture(scope="module")
def portfolio():
    loaded, problems = load_portfolio(FROZEN_DATA, REPO_ROOT / "schemas", today=AS_OF.today)
    assert problems == []
    return loaded


def test_initiative_page_quotes_the_source_for_a_forecast(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("forandringsledning-chefer-vgr"), portfolio, as_of=AS_OF)
    assert f"<dt>Status</dt><dd>{QUOTED}</dd>" in page
    assert ("<dt>Period</dt><dd>2019 – 2020 <span class=\"handbok-proveniens handbok-proveniens--citat\">"
            "(tolkning av källan: ”som väntas pågå under hela 2019 och 2020”)</span></dd>") in page
    assert UNDATED in page and "enligt källan" not in page
    assert '<dt>Organisation</dt><dd><a href="../../organisation/vgr/">Västra Götalandsregionen (VGR)</a></dd>' in page


def test_initiative_page_labels_an_unquoted_value_as_the_editors_interpretation(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("handlingsplan-forebyggande-medel-skane"), portfolio, as_of=AS_OF)
    assert f"Pågår</span>{INTERPRETED}</dd>" in page
    assert "(tolkning av källan: ”När vi påbörjade arbetet 2017”)" in page
    assert ('<p class="handbok-uppgifter-galler">Uppgifterna gäller 22 april 2021 (källa: Att jobba med '
            "förebyggande insatser med gemensam kraft). Ingen redaktör har bekräftat uppgifterna.</p>") in page
    assert ("    Uppgifterna är från 22 april 2021 och ingen redaktör har bekräftat dem sedan dess. "
            "Räkna inte med att de stämmer i dag.\n") in page


def test_a_confirmed_value_shows_the_editors_date(portfolio) -> None:
    confirmed = dataclasses.replace(portfolio.insats("forandringsledning-chefer-vgr"), senast_granskad=dt.date(2026, 11, 1))
    page = render_initiative_page(confirmed, portfolio, as_of=AS_OF)
    assert f"Pågår</span>{CONFIRMED}</dd>" in page and "tolkning" not in page
    assert "Senast bekräftade av en redaktör 1 november 2026." in page
    need = dataclasses.replace(portfolio.behov_by_id("chefsutveckling-kontinuitet"), senast_granskad=dt.date(2026, 11, 1))
    assert f"Identifierat</span>{CONFIRMED}</dd>" in render_need_page(need, portfolio, as_of=AS_OF)


def test_need_page_quotes_its_status_and_states_its_region(portfolio) -> None:
    page = render_need_page(portfolio.behov_by_id("chefsutveckling-kontinuitet"), portfolio, as_of=AS_OF)
    assert ("Identifierat</span> <span class=\"handbok-proveniens handbok-proveniens--citat\">(tolkning av källan: "
            "”Chefsutveckling – för hög omsättning och för dålig kontinuitet.”)</span></dd>") in page
    assert ('<dt>Organisation</dt><dd><a href="../../organisation/region-ej-namngiven/">Region (ej namngiven i '
            "källan)</a></dd>") in page
    assert "- [Chefsutvecklingsprogram](../insatser/chefsutvecklingsprogram.md)" in page  # P5
    undated = render_need_page(portfolio.behov_by_id("cytostatikakorkort"), portfolio, as_of=AS_OF)
    assert "<p class=\"handbok-uppgifter-galler\">Källan anger inget datum (källa:" in undated


def test_unit_pages_and_lists_say_when_a_source_has_no_date(portfolio) -> None:
    vgr = render_unit_page(portfolio.enhet("vgr"), portfolio, as_of=AS_OF)
    assert "<p class=\"handbok-uppgifter-galler\">Källan anger inget datum (källa:" in vgr
    assert ("- [Förändringsledning för chefer och stödfunktioner](../insatser/forandringsledning-chefer-vgr.md) – status: "
            '<span class="handbok-badge handbok-status handbok-status--pagar"><span class="handbok-ikon" '
            'aria-hidden="true">►</span> Pågår</span> <span class="handbok-aktualitet">(obekräftat, källan '
            "anger inget datum)</span>") in vgr
    halsan = render_unit_page(portfolio.enhet("regionhalsans-utvecklingsavdelning"), portfolio, as_of=AS_OF)
    assert ('<dt>Organisation</dt><dd><a href="../../organisation/regionhalsan/">Regionhälsan</a> '
            "(källan anger inte vilken region)</dd>") in halsan
    index = render_initiative_index(portfolio, as_of=AS_OF)
    assert ("- [HIFA](../insatser/hifa.md) – status och läge okända <span class=\"handbok-aktualitet\">"
            "(obekräftat, källa från 13 juni 2017)</span>") in index
    assert "Ingen källa anger i vilket steg i processmodellen insatserna är" in index


def test_no_page_invents_a_year_or_says_enligt_kallan_after_an_interpretation(portfolio) -> None:
    for generated in generated_files(portfolio, (), as_of=AS_OF):
        content = generated.content if isinstance(generated.content, str) else ""
        assert "Uppgifterna gäller 2019" not in content, generated.path
        assert "(enligt källan" not in content, generated.path
