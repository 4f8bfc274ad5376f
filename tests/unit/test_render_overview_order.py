"""Names in the overview and the step pages are in Swedish order, the order aria-sort announces
(issue 13): A–Z, then Å, Ä, Ö; digits by value."""

from __future__ import annotations

import re

from handbok.model import Fas, Portfolio
from handbok.page_macros import MacroData, insatser_i_fas
from handbok.render.portfolio import render_initiative_table, render_key_figures, render_shared_needs
from tests.unit.render_samples import AS_OF, KALLA, initiative, need, unit

TITLES = ["Översyn", "Ärendeflöde", "Åtgärdsplan", "Zonindelning", "Avtal", "Plan 10", "Plan 2",
          "ångest", "Ägarskap"]
SWEDISH_ORDER = ["Avtal", "Plan 2", "Plan 10", "Zonindelning", "ångest", "Åtgärdsplan", "Ägarskap",
                 "Ärendeflöde", "Översyn"]


def _portfolio() -> Portfolio:
    units = [unit("u-" + str(n), name) for n, name in enumerate(["Östra", "Ängen", "Åsen", "Alfa"])]
    insatser = tuple(initiative(f"i{n}", title, (units[n % 4],), fas=Fas.INFORA)
                     for n, title in enumerate(TITLES))
    behov = tuple(need(f"b{n}", title, (units[0], units[1])) for n, title in enumerate(TITLES))
    return Portfolio(insatser=insatser, behov=behov, enheter=tuple(units), kallor=(KALLA,))


def test_portfolio_table_rows_are_in_swedish_order() -> None:
    html = render_initiative_table(_portfolio(), as_of=AS_OF)
    assert re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a>', html) == SWEDISH_ORDER


def test_unit_filter_and_unit_counts_are_in_swedish_order() -> None:
    table = render_initiative_table(_portfolio(), as_of=AS_OF)
    for name in ("organisation", "forvaltning"):  # each unit here tops its own tree
        select = table[table.index(f'id="pf-{name}"'):]
        options = re.findall(r'<option value="u-\d">([^<]*)</option>', select[:select.index("</select>")])
        assert options == ["Alfa", "Åsen", "Ängen", "Östra"]
    figures = render_key_figures(_portfolio(), as_of=AS_OF)
    unit_table = figures[figures.index("Bekräftade insatser per organisation</caption>"):]
    unit_table = unit_table[:unit_table.index("</table>")]
    assert re.findall(r'<th scope="row">([^<]*)</th>', unit_table) == ["Östra", "Alfa", "Åsen", "Ängen"]  # most first


def test_shared_needs_and_step_lists_are_in_swedish_order() -> None:
    needs = re.findall(r"^- \[([^\]]*)\]", render_shared_needs(_portfolio(), as_of=AS_OF), re.MULTILINE)
    assert needs == SWEDISH_ORDER
    listed = insatser_i_fas(MacroData(_portfolio(), AS_OF), "infora")
    assert re.findall(r"^- \[([^\]]*)\]", listed, re.MULTILINE) == SWEDISH_ORDER
