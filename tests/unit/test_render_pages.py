"""Record pages, indexes, portfolio page and macros: model objects -> Markdown strings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from handbok import page_macros
from handbok.model import Fas, Rapportintervall, Risk
from handbok.render.initiative_page import render_initiative_page
from handbok.render.need_page import NO_INITIATIVE_MARKER, SHARED_MARKER, render_need_page
from handbok.render.portfolio import render_portfolio_page
from handbok.render.risk_matrix import ranked_risks
from handbok.render.unit_page import render_unit_page
from handbok.site import generated_files
from tests.unit.render_samples import BUILD_DATE, sample_portfolio


@pytest.fixture(scope="module")
def portfolio():
    return sample_portfolio()


def test_initiative_page_summary_links_and_sections(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("cytostatikakorkort"), build_date=BUILD_DATE)
    assert page.startswith('---\ntitle: "Cytostatikakörkort"\n---\n\n<nav class="handbok-brodsmulor" '
                           'aria-label="Du är här"><ol><li><a href="../../">Start</a></li><li><a href="../">'
                           'Insatser</a></li><li aria-current="page">Cytostatikakörkort</li></ol></nav>\n\n'
                           '# Cytostatikakörkort\n')
    for term, value in [("Typ", "Gemensam för flera förvaltningar"), ("Fas", "Införa"),
                        ("Period", "2019-03 – 2020-12"), ("Uppdragsägare", "Förvaltningschef"),
                        ("Finansiering", "Omställningsfonden, 1\u202f200\u202f000 kr (Delvis)"),
                        ("Rapportintervall", "Varje månad")]:
        assert f"<dt>{term}</dt><dd>{value}</dd>" in page
    assert ('<dt>Förvaltningar</dt><dd><a href="../../organisation/sahlgrenska/">Sahlgrenska '
            'Universitetssjukhuset</a>, <a href="../../organisation/nu-sjukvarden/">NU-sjukvården</a>'
            '</dd>') in page
    assert "- [Körkort för cytostatika](../behov/cytostatika.md)" in page
    assert '<li class="handbok-steg handbok-steg--aktuellt" aria-current="step"><a href="../../process/infora/">' \
           '3. Införa</a> <strong class="handbok-steg__markering">(insatsens steg nu)</strong></li>' in page
    assert page.count('href="../../process/') == 4
    assert "- Fler utbildade" in page
    assert "Senast granskad: 2026-01-01" in page
    assert "TLO-samordning i VGR (Västra Götalandsregionen, 2020)." in page


def test_status_reports_newest_first_and_no_warning_when_fresh(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("cytostatikakorkort"), build_date=dt.date(2026, 11, 1))
    assert page.index("### Rapport 2026-10-01") < page.index("### Rapport 2026-09-01")
    assert "Statusrapport saknas" not in page


def test_stale_warning_appears_from_the_day_after_the_due_date(portfolio) -> None:
    insats = portfolio.insats("cytostatikakorkort")  # monthly, latest 2026-10-01 -> due 2026-11-01
    assert "Statusrapport saknas" not in render_initiative_page(insats, build_date=dt.date(2026, 11, 1))
    page = render_initiative_page(insats, build_date=dt.date(2026, 11, 2))
    assert ('!!! warning "Statusrapport saknas sedan 2026-11-01"\n\n    Senaste rapport är från '
            "2026-10-01; överenskommet intervall: varje månad.") in page


def test_stale_warning_without_any_report(portfolio) -> None:
    insats = dataclasses.replace(portfolio.insats("fientlig-insats"), statusrapporter=(),
                                 rapportintervall=Rapportintervall.ARSVIS)  # start 2025 -> due 2026-01-02
    page = render_initiative_page(insats, build_date=BUILD_DATE)
    assert '"Statusrapport saknas sedan 2026-01-02"' in page and "Ingen statusrapport har lämnats" in page


def test_missing_goals_and_risks_are_stated(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("utan-effektmal"), build_date=BUILD_DATE)
    assert '!!! warning "Effektmål saknas"' in page
    assert "Inga risker registrerade." in page and "Inga statusrapporter registrerade." in page


def test_risks_are_ranked_highest_first_with_ties_by_consequence() -> None:
    risks = (Risk("a", 1, 1), Risk("b", 2, 3), Risk("c", 3, 2), Risk("d", 4, 4))
    assert [r.beskrivning for _, r in ranked_risks(risks)] == ["d", "b", "c", "a"]
    assert [n for n, _ in ranked_risks(risks)] == [4, 2, 3, 1]


def test_risk_table_rows_in_rank_order(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("cytostatikakorkort"), build_date=BUILD_DATE)
    table = re.search(r'<table class="handbok-risker">.*?</table>', page).group(0)
    assert re.findall(r'<th scope="row">(R\d)</th>', table) == ["R2", "R3", "R1"]
    assert "<td>12 (Hög)</td>" not in table and ">12 (Hög)</td>" in table


def test_shared_need_marker_only_for_two_or_more_units(portfolio) -> None:
    shared = render_need_page(portfolio.behov_by_id("cytostatika"), portfolio)
    single = render_need_page(portfolio.behov_by_id("ensamt-behov"), portfolio)
    assert SHARED_MARKER in shared and SHARED_MARKER not in single
    assert "- [Cytostatikakörkort](../insatser/cytostatikakorkort.md)" in shared
    assert NO_INITIATIVE_MARKER in single and NO_INITIATIVE_MARKER not in shared


def test_unit_page_lists_parent_children_needs_and_initiatives(portfolio) -> None:
    region = render_unit_page(portfolio.enhet("vgr"), portfolio)
    assert "<dt>Överordnad</dt><dd>Ingen</dd>" in region
    assert "- [NU-sjukvården](../organisation/nu-sjukvarden.md)" in region
    nu = render_unit_page(portfolio.enhet("nu-sjukvarden"), portfolio)
    assert ('<dt>Överordnad</dt><dd><a href="../../organisation/vgr/">Västra Götalandsregionen</a>'
            "</dd>") in nu
    assert "- [Cytostatikakörkort](../insatser/cytostatikakorkort.md)" in nu
    assert "- [Behov utan insats](../behov/ensamt-behov.md)" in nu
    assert "Inga underordnade enheter." in nu


def test_portfolio_page_figures_attention_and_shared_needs(portfolio) -> None:
    page = render_portfolio_page(portfolio, build_date=BUILD_DATE)
    assert "Siffrorna avser 2026-11-23" in page
    assert '<tr><th scope="row">Pågår</th><td>2</td></tr>' in page
    assert '<tr><th scope="row">Planerad</th><td>1</td></tr>' in page
    assert "<strong>1</strong> av 3 behov (33 %) har ingen insats ännu." in page
    assert page.count('<tr data-forvaltning=') == 3
    assert ('<tr data-forvaltning="sahlgrenska nu-sjukvarden" data-fas="infora" data-status="pagar" '
            'data-halsa="enligt-plan">') in page
    attention = page[page.index("{#kraver-uppmarksamhet}"):page.index("{#exporter}")]
    assert "[Utan effektmål](../insatser/utan-effektmal.md): Effektmål saknas" in attention
    assert ("[Cytostatikakörkort](../insatser/cytostatikakorkort.md): Statusrapport saknas sedan "
            "2026-11-01; Slutdatum 2020-12 passerat men inte avslutad") in attention
    fresh = render_portfolio_page(portfolio, build_date=dt.date(2020, 12, 31))
    assert "Cytostatikakörkort" not in fresh[fresh.index("{#kraver-uppmarksamhet}"):]
    shared = page[page.index("{#gemensamma-behov}"):page.index("{#kraver-uppmarksamhet}")]
    assert "[Körkort för cytostatika](../behov/cytostatika.md)" in shared
    assert "gemensam insats finns (1)" in shared
    assert "**ingen gemensam insats ännu**" in shared  # the hostile shared need


def test_initiative_without_health_is_shown_and_filterable(portfolio) -> None:
    unknown = dataclasses.replace(portfolio.insats("utan-effektmal"), halsa=None)
    changed = dataclasses.replace(portfolio, insatser=(unknown,))
    page = render_portfolio_page(changed, build_date=BUILD_DATE)
    assert 'data-halsa="ingen-bedomning"' in page and "Ingen bedömning" in page


def test_output_is_deterministic_and_sorted(portfolio) -> None:
    first = generated_files(portfolio, build_date=BUILD_DATE)
    reversed_input = dataclasses.replace(portfolio, insatser=portfolio.insatser[::-1],
                                         behov=portfolio.behov[::-1], enheter=portfolio.enheter[::-1])
    second = generated_files(reversed_input, build_date=BUILD_DATE)
    assert [f.path for f in first] == [f.path for f in second]
    assert [f.content for f in first] == [f.content for f in second]


def test_generated_files_carry_their_yaml_source(portfolio) -> None:
    sources = {f.path: f.source_path for f in generated_files(portfolio, build_date=BUILD_DATE)}
    assert sources["insatser/cytostatikakorkort.md"] == "data/insatser/cytostatikakorkort.yaml"
    assert sources["behov/cytostatika.md"] == "data/behov/cytostatika.yaml"
    assert sources["organisation/vgr.md"] == "data/organisation/vgr.yaml"
    assert sources["portfolj/index.md"] is None


def test_macros_list_initiatives_per_step_and_role(portfolio) -> None:
    step = page_macros.insatser_i_fas(portfolio, "infora")
    assert "- [Cytostatikakörkort](../insatser/cytostatikakorkort.md)" in step
    assert "Ingen pågående" in page_macros.insatser_i_fas(portfolio, Fas.FORVALTA_OCH_FOLJA_UPP.value)
    owner = page_macros.roll_forekomster(portfolio, "uppdragsagare")
    assert "[Cytostatikakörkort](../insatser/cytostatikakorkort.md) (Införa) – uppdragsägare: Förvaltningschef" in owner
    chef = page_macros.roll_forekomster(portfolio, "chef")
    assert "Cytostatikakörkort" in chef and "Utan effektmål" not in chef
    assert "Rollen är inte angiven" in page_macros.roll_forekomster(portfolio, "beredningsgrupp")
    with pytest.raises(ValueError, match="okänd roll"):
        page_macros.roll_forekomster(portfolio, "kung")
    figures = page_macros.nyckeltal(portfolio)
    assert "- **3** insatser, varav 2 pågår, 1 är planerade och 0 är avslutade" in figures
    assert "[portföljöversikten](portfolj/index.md)" in figures


def test_macros_escape_data(portfolio) -> None:
    text = page_macros.roll_forekomster(portfolio, "projektledare") + page_macros.insatser_i_fas(portfolio, "bereda")
    assert "<script" not in text and "{{" not in text and "&lt;script&gt;" in text


