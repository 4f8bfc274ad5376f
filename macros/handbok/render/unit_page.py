"""The page of one organisation unit (organisation/<id>.md)."""

from __future__ import annotations

import functools

from handbok.currency import AsOf
from handbok.kinds import ENHET, RECORD_PAGE_ROOT, RECORD_PAGE_ROOT_URL
from handbok.model import Behov, Enhet, Insats, Portfolio
from handbok.render.badges import label
from handbok.render.blocks import (
    currency_block,
    initiative_line,
    need_line,
    organisation_text,
    page_heading,
    source_citation,
)
from handbok.render.links import record_html_link, record_link
from handbok.render.richtext import render_richtext
from handbok.render.templating import markup, render


def render_unit_page(unit: Enhet, portfolio: Portfolio, *, as_of: AsOf) -> str:
    return _unit_page(unit, portfolio.organisation_of(unit), portfolio.parent_of(unit),
                      tuple(sorted(portfolio.children_of(unit), key=lambda u: u.id)),
                      tuple(sorted(portfolio.initiatives_for_unit(unit), key=lambda i: i.id)),
                      tuple(sorted(portfolio.needs_for_unit(unit), key=lambda b: b.id)), as_of)


@functools.lru_cache(maxsize=1 << 12)  # see initiative_page.render_initiative_page
def _unit_page(unit: Enhet, organisation: Enhet, parent: Enhet | None, children: tuple[Enhet, ...],
               initiatives: tuple[Insats, ...], needs: tuple[Behov, ...], as_of: AsOf) -> str:
    return render(
        "enhet.md.j2",
        heading=markup(page_heading(unit.namn, kind=ENHET, record_id=unit.id)),
        currency=markup(currency_block(unit, unit.kalla, as_of)),
        type_label=label(unit.typ),
        organisation=markup(organisation_text((organisation,), root_url=RECORD_PAGE_ROOT_URL)),
        parent=markup(record_html_link(parent, root_url=RECORD_PAGE_ROOT_URL)) if parent else None,
        description=markup(render_richtext(unit.beskrivning)),
        initiatives=[markup(initiative_line(i, as_of, root=RECORD_PAGE_ROOT)) for i in initiatives],
        needs=[markup(need_line(b, as_of, root=RECORD_PAGE_ROOT)) for b in needs],
        children=[markup(record_link(c, root=RECORD_PAGE_ROOT)) for c in children],
        source=markup(source_citation(unit.kalla)),
    )
