"""Record pages, indexes, portfolio page and macros: model objects -> Markdown strings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from handbok import page_macros
from handbok.currency import AsOf
from handbok.model import Fas, PartialDate, Rapportintervall, Risk
from handbok.render.initiative_page import render_initiative_page
from handbok.render.need_page import render_need_page
from handbok.render.portfolio import render_portfolio_page
from handbok.render.risk_matrix import ranked_risks
from handbok.render.unit_page import render_unit_page
from handbok.site import generated_files
from tests.unit.render_samples import AS_OF, sample_portfolio

SHARED_MARKER = ('<p class="handbok-markering handbok-markering--gemensamt">'
                 '<span class="handbok-ikon" aria-hidden="true">⇄</span> '
                 '<strong>Gemensamt behov</strong> – identifierat av två eller fler förvaltningar.</p>')
NO_INITIATIVE_MARKER = ('<p class="handbok-markering handbok-markering--ingen-insats">'
                        '<span class="handbok-ikon" aria-hidden="true">○</span> '
                        '<strong>Ingen insats</strong> – ingen insats i portföljen möter behovet.</p>')
NO_INITIATIVE_SILENCE = "Ingen insats i portföljen är kopplad till behovet, och källan nämner ingen."
INTERPRETED = ' <span class="handbok-proveniens handbok-proveniens--tolkning">(redaktionens tolkning)</span>'


@pytest.fixture(scope="module")
def portfolio():
    return sample_portfolio()


def test_initiative_page_summary_links_and_sections(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("cytostatikakorkort"), portfolio, as_of=AS_OF)
    assert page.startswith('---\ntitle: "Cytostatikakörkort"\nhide: [path]\n---\n\n<nav class="handbok-brodsmulor" '
                           'aria-label="Du är här" data-search-exclude><ol><li><a href="../../">Start</a></li>'
                           '<li><a href="../../portfolj/">Portfölj</a></li><li><a href="../">'
                           'Insatser</a></li><li aria-current="page">Cytostatikakörkort</li></ol></nav>\n\n'
                           '# Cytostatikakörkort\n')
    for term, value in [("Typ", "Gemensam för flera förvaltningar"), ("Fas", "Införa"),
                        ("Period", "2019-03 – 2020-12"), ("Uppdragsägare", "Förvaltningschef"),
                        ("Finansiering", "Omställningsfonden, 1\u202f200\u202f000 kr (Delvis)"),
                        ("Rapportintervall", "Varje månad")]:
        assert f"<dt>{term}</dt><dd>{value}" in page
    assert f"<dt>Typ</dt><dd>Gemensam för flera förvaltningar{INTERPRETED}</dd>" in page
    assert ('<dt>Organisation</dt><dd><a href="../../organisation/vgr/">Västra Götalandsregionen</a>'
            '</dd>') in page
    assert ('<dt>Förvaltningar</dt><dd><a href="../../organisation/sahlgrenska/">Sahlgrenska '
            'Universitetssjukhuset</a>, <a href="../../organisation/nu-sjukvarden/">NU-sjukvården</a>'
            '</dd>') in page
    assert "- [Körkort för cytostatika](../behov/cytostatika.md)" in page
    assert '<li class="handbok-steg handbok-steg--aktuellt" aria-current="step"><a href="../../process/infora/">' \
           '3. Införa</a> <strong class="handbok-steg__markering">(insatsens steg nu)</strong></li>' in page
    assert page.count('href="../../process/') == 4
    assert "- Fler utbildade" in page
    assert ('<p class="handbok-uppgifter-galler">Uppgifterna gäller oktober 2026 (källa: TLO-samordning i VGR). '
            "Ingen redaktör har bekräftat uppgifterna.</p>") in page
    assert "Uppgifterna behöver bekräftas" not in page and "enligt källan" not in page
    assert "TLO-samordning i VGR (Västra Götalandsregionen, 2020)." in page


def test_status_reports_newest_first_and_no_warning_when_fresh(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("cytostatikakorkort"), portfolio, as_of=AsOf(dt.date(2026, 11, 1), 12))
    assert page.index("### Rapport 2026-10-01") < page.index("### Rapport 2026-09-01")
    assert "Statusrapport saknas" not in page


def test_stale_warning_appears_from_the_day_after_the_due_date(portfolio) -> None:
    insats = portfolio.insats("cytostatikakorkort")  # monthly, latest 2026-10-01 -> due 2026-11-01
    assert "Statusrapport saknas" not in render_initiative_page(insats, portfolio, as_of=AsOf(dt.date(2026, 11, 1), 12))
    page = render_initiative_page(insats, portfolio, as_of=AsOf(dt.date(2026, 11, 2), 12))
    assert ('!!! warning "Statusrapport saknas sedan 2026-11-01"\n\n    Senaste rapport är från '
            "2026-10-01; överenskommet intervall: varje månad.") in page


def test_stale_warning_without_any_report(portfolio) -> None:
    insats = dataclasses.replace(portfolio.insats("fientlig-insats"), statusrapporter=(),
                                 rapportintervall=Rapportintervall.ARSVIS)  # start 2025 -> due 2026-01-02
    page = render_initiative_page(insats, portfolio, as_of=AS_OF)
    assert '"Statusrapport saknas sedan 2026-01-02"' in page and "Ingen statusrapport har lämnats" in page


def test_missing_goals_and_risks_are_stated(portfolio) -> None:
    """The source's silence is stated as such; only a confirmed record is warned (issue 24, P4)."""
    page = render_initiative_page(portfolio.insats("utan-effektmal"), portfolio, as_of=AS_OF)
    assert '!!! warning "Effektmål saknas"' not in page
    empty = '<p class="handbok-tomt" data-pagefind-ignore>{}</p>'
    assert empty.format("Källan anger inga effektmål.") in page and empty.format("Källan anger inga risker.") in page
    assert empty.format("Källan anger inga statusrapporter.") in page
    assert "<dt>Uppdragsägare</dt><dd>Källan anger inte</dd>" in page
    confirmed = dataclasses.replace(portfolio.insats("utan-effektmal"), senast_granskad=dt.date(2026, 6, 1))
    page = render_initiative_page(confirmed, portfolio, as_of=AS_OF)
    assert '!!! warning "Effektmål saknas"\n\n    Insatsen har inga effektmål angivna.\n' in page
    assert "Inga risker registrerade." in page and "Inga statusrapporter registrerade." in page


def test_risks_are_ranked_highest_first_with_ties_by_consequence() -> None:
    risks = (Risk("a", 1, 1), Risk("b", 2, 3), Risk("c", 3, 2), Risk("d", 4, 4))
    assert [r.beskrivning for _, r in ranked_risks(risks)] == ["d", "b", "c", "a"]
    assert [n for n, _ in ranked_risks(risks)] == [4, 2, 3, 1]


def test_risk_table_rows_in_rank_order(portfolio) -> None:
    page = render_initiative_page(portfolio.insats("cytostatikakorkort"), portfolio, as_of=AS_OF)
    table = re.search(r'<table class="handbok-risker">.*?</table>', page).group(0)
    assert re.findall(r'<th scope="row">(R\d)</th>', table) == ["R2", "R3", "R1"]
    assert "<td>12 (Hög)</td>" not in table and ">12 (Hög)</td>" in table


def test_shared_need_marker_only_for_two_or_more_units(portfolio) -> None:
    shared = render_need_page(portfolio.behov_by_id("cytostatika"), portfolio, as_of=AS_OF)
    single = render_need_page(portfolio.behov_by_id("ensamt-behov"), portfolio, as_of=AS_OF)
    assert SHARED_MARKER in shared and SHARED_MARKER not in single
    assert "- [Cytostatikakörkort](../insatser/cytostatikakorkort.md)" in shared
    assert NO_INITIATIVE_SILENCE in single and NO_INITIATIVE_SILENCE not in shared
    assert "Ingen insats ännu" not in single and NO_INITIATIVE_MARKER not in single
    confirmed = dataclasses.replace(portfolio.behov_by_id("ensamt-behov"), senast_granskad=dt.date(2026, 6, 1))
    assert NO_INITIATIVE_MARKER in render_need_page(confirmed, portfolio, as_of=AS_OF)


def test_unit_page_lists_parent_children_needs_and_initiatives(portfolio) -> None:
    region = render_unit_page(portfolio.enhet("vgr"), portfolio, as_of=AS_OF)
    assert "<dt>Överordnad</dt><dd>Ingen</dd>" in region
    assert "- [NU-sjukvården](../organisation/nu-sjukvarden.md)" in region
    nu = render_unit_page(portfolio.enhet("nu-sjukvarden"), portfolio, as_of=AS_OF)
    assert ('<dt>Överordnad</dt><dd><a href="../../organisation/vgr/">Västra Götalandsregionen</a>'
            "</dd>") in nu
    assert "- [Cytostatikakörkort](../insatser/cytostatikakorkort.md)" in nu
    assert "- [Behov utan insats](../behov/ensamt-behov.md)" in nu
    assert "Inga underordnade enheter." in nu


def test_portfolio_page_figures_attention_and_shared_needs(portfolio) -> None:
    page = render_portfolio_page(portfolio, as_of=AS_OF)
    assert "Sammanställd 2026-11-23" in page
    assert '<tr><th scope="row">Pågår</th><td>2</td></tr>' in page  # confirmed only: no "Totalt"
    assert '<tr><th scope="row">Planerad</th><td>1</td></tr>' in page
    assert "Totalt" not in page
    assert "I portföljen är 1 av 3 behov inte kopplade till någon insats." in page
    assert "Alla 3 insatser och 3 behov har uppgifter" in page
    assert page.count('<tr data-organisation="vgr" data-forvaltning=') == 3
    assert ('<tr data-organisation="vgr" data-forvaltning="sahlgrenska nu-sjukvarden" data-fas="infora" '
            'data-status="pagar" data-halsa="enligt-plan" data-aktualitet="bekraftad">') in page
    attention = page[page.index("{#kraver-uppmarksamhet}"):page.index("{#exporter}")]
    assert "Effektmål saknas" not in attention and "Statusrapport saknas" not in attention  # unconfirmed
    portfolio = dataclasses.replace(portfolio, insatser=tuple(
        dataclasses.replace(i, senast_granskad=dt.date(2026, 6, 1)) for i in portfolio.insatser))
    page = render_portfolio_page(portfolio, as_of=AS_OF)
    attention = page[page.index("{#kraver-uppmarksamhet}"):page.index("{#exporter}")]
    assert "[Utan effektmål](../insatser/utan-effektmal.md): Effektmål saknas" in attention
    assert ("[Cytostatikakörkort](../insatser/cytostatikakorkort.md): Statusrapport saknas sedan "
            "2026-11-01; Slutdatum 2020-12 passerat men inte avslutad") in attention
    fresh = render_portfolio_page(portfolio, as_of=AsOf(dt.date(2020, 12, 31), 12))
    assert "Cytostatikakörkort" not in fresh[fresh.index("{#kraver-uppmarksamhet}"):]
    shared = page[page.index("{#gemensamma-behov}"):page.index("{#kraver-uppmarksamhet}")]
    assert "[Körkort för cytostatika](../behov/cytostatika.md)" in shared
    assert "gemensam insats finns (1)" in shared
    assert "**ingen gemensam insats registrerad**" in shared  # the hostile shared need


def test_initiative_without_health_is_shown_and_filterable(portfolio) -> None:
    unknown = dataclasses.replace(portfolio.insats("utan-effektmal"), halsa=None)
    changed = dataclasses.replace(portfolio, insatser=(unknown,))
    page = render_portfolio_page(changed, as_of=AS_OF)
    assert 'data-halsa="saknas"' in page and "Uppgift saknas" in page
    assert '<option value="saknas">Uppgift saknas</option>' in page


def test_output_is_deterministic_and_sorted(portfolio) -> None:
    first = generated_files(portfolio, (), as_of=AS_OF)
    reversed_input = dataclasses.replace(portfolio, insatser=portfolio.insatser[::-1],
                                         behov=portfolio.behov[::-1], enheter=portfolio.enheter[::-1])
    second = generated_files(reversed_input, (), as_of=AS_OF)
    assert [f.path for f in first] == [f.path for f in second]
    assert [f.content for f in first] == [f.content for f in second]


def test_generated_files_carry_their_yaml_source(portfolio) -> None:
    sources = {f.path: f.source_path for f in generated_files(portfolio, (), as_of=AS_OF)}
    assert sources["insatser/cytostatikakorkort.md"] == "data/insatser/cytostatikakorkort.yaml"
    assert sources["behov/cytostatika.md"] == "data/behov/cytostatika.yaml"
    assert sources["organisation/vgr.md"] == "data/organisation/vgr.yaml"
    assert sources["portfolj/index.md"] is None


def test_macros_list_initiatives_per_step_and_role(portfolio) -> None:
    DATA = page_macros.MacroData(portfolio, AS_OF)
    step = page_macros.insatser_i_fas(DATA, "infora")
    assert "- [Cytostatikakörkort](../insatser/cytostatikakorkort.md)" in step
    assert "Det finns inga bekräftade uppgifter om insatser i steget" in page_macros.insatser_i_fas(
        DATA, Fas.FORVALTA_OCH_FOLJA_UPP.value)
    owner = page_macros.roll_forekomster(DATA, "uppdragsagare")
    assert "[Cytostatikakörkort](../insatser/cytostatikakorkort.md) (Införa) – uppdragsägare: Förvaltningschef" in owner
    chef = page_macros.roll_forekomster(DATA, "chef")
    assert "Cytostatikakörkort" in chef and "Utan effektmål" not in chef
    assert "Rollen är inte angiven" in page_macros.roll_forekomster(DATA, "beredningsgrupp")
    with pytest.raises(ValueError, match="okänd roll"):
        page_macros.roll_forekomster(DATA, "kung")
    figures = page_macros.nyckeltal(DATA)
    assert ("- **3** insatser, varav **3** med uppgifter som bekräftats inom granskningsintervallet "
            "(12 månader); bland dem 2 pågår, 1 är planerade och 0 är avslutade") in figures
    assert "[portföljöversikten](portfolj/index.md)" in figures


def test_macros_escape_data(portfolio) -> None:
    DATA = page_macros.MacroData(portfolio, AS_OF)
    text = page_macros.roll_forekomster(DATA, "projektledare") + page_macros.insatser_i_fas(DATA, "bereda")
    assert "<script" not in text and "{{" not in text and "&lt;script&gt;" in text




def _unknown_and_stale(portfolio):
    """The sample portfolio with every value unknown on one initiative and all dated 2019."""
    unknown = dataclasses.replace(portfolio.insats("utan-effektmal"), typ=None, fas=None, status=None, halsa=None)
    insatser = tuple(dataclasses.replace(i, uppgifterna_galler=PartialDate(2019))
                     for i in (*portfolio.insatser[:2], unknown))
    behov = tuple(dataclasses.replace(b, uppgifterna_galler=PartialDate(2019)) for b in portfolio.behov)
    return dataclasses.replace(portfolio, insatser=insatser, behov=behov)


def test_unknown_values_show_as_uppgift_saknas_everywhere(portfolio) -> None:
    changed = _unknown_and_stale(portfolio)
    page = render_initiative_page(changed.insats("utan-effektmal"), changed, as_of=AS_OF)
    for term in ("Typ", "Fas"):
        assert f"<dt>{term}</dt><dd>Uppgift saknas</dd>" in page
    assert "handbok-status--saknas" in page and "handbok-halsa--saknas" in page
    assert "Källan anger inte vilket steg i processmodellen insatsen är i." in page
    overview = render_portfolio_page(changed, as_of=AS_OF)
    assert 'data-fas="saknas" data-status="saknas" data-halsa="saknas"' in overview
    for name in ("fas", "status", "halsa"):
        select = overview[overview.index(f'id="pf-{name}"'):]
        assert '<option value="saknas">Uppgift saknas</option>' in select[:select.index("</select>")]
    assert ("Ingen av de 3 insatserna och 3 behoven har bekräftade uppgifter; de bygger på en källa "
            "från 2019. Därför visas inga siffror om fas, status eller läge") in overview
    assert "handbok-nyckeltal-grid" not in overview
    assert "<tr><td>Uppgift saknas</td><td>Utan effektmål</td>" in overview  # the timeline, no step


def _attention(page: str) -> str:
    return page[page.index("{#kraver-uppmarksamhet}"):page.index("{#exporter}")]


@pytest.mark.parametrize(("today", "stale"), [(dt.date(2020, 12, 31), False), (dt.date(2021, 1, 1), True)])
def test_stale_information_needs_confirmation_and_is_never_called_current(portfolio, today, stale) -> None:
    """Information from "2019" holds until 2019-12-31 and is current for 12 months after that."""
    changed, as_of = _unknown_and_stale(portfolio), AsOf(today, 12)
    overview = render_portfolio_page(changed, as_of=as_of)
    waiting = ("Väntar på bekräftelse av en redaktör:\n\n- [Västra Götalandsregionen](../organisation/vgr.md): "
               "3 insatser och 3 behov, en källa från 2019\n")
    assert (waiting in _attention(overview)) is stale
    assert "Cytostatikakörkort" not in _attention(overview)  # its end date is no signal while unconfirmed
    assert ('data-aktualitet="aldre"' in overview) is stale
    assert ("Ingen av de 3 insatserna och 3 behoven har bekräftade uppgifter" in overview) is stale
    page = render_initiative_page(changed.insats("cytostatikakorkort"), changed, as_of=as_of)
    assert ('!!! warning "Uppgifterna behöver bekräftas"' in page) is stale
    assert ("(insatsens steg nu)" in page) is not stale
    assert ("(insatsens steg, obekräftat, källa från 2019)" in page) is stale
    assert "enligt källan" not in page and INTERPRETED.strip("'") in page
    data = page_macros.MacroData(changed, as_of)
    step = page_macros.insatser_i_fas(data, "infora")
    current_list = step.split("enligt äldre uppgifter")[0]
    assert ("Cytostatikakörkort" in current_list) is not stale
    assert ("1 insatser var i steget enligt äldre uppgifter" in step) is stale
    figures = page_macros.nyckeltal(data)
    assert ("- Ingen av de **3** insatserna har uppgifter som en redaktör har bekräftat; de bygger på "
            "en källa från 2019. Vi vet därför inte hur många som pågår i dag." in figures) is stale
    assert ("varav **3** med uppgifter som bekräftats" in figures) is not stale


def test_a_confirmation_makes_old_information_current_again(portfolio) -> None:
    changed = _unknown_and_stale(portfolio)
    confirmed = dataclasses.replace(changed.insats("cytostatikakorkort"), senast_granskad=dt.date(2026, 6, 1))
    page = render_initiative_page(confirmed, portfolio, as_of=AS_OF)
    assert "Senast bekräftade av en redaktör 1 juni 2026." in page
    assert "Uppgifterna behöver bekräftas" not in page and "(insatsens steg nu)" in page
