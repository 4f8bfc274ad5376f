"""The page of one need (behov/<id>.md)."""

from __future__ import annotations

import functools

from handbok.currency import AsOf
from handbok.kinds import BEHOV, RECORD_PAGE_ROOT, RECORD_PAGE_ROOT_URL
from handbok.model import Behov, Enhet, Insats, Portfolio
from handbok.render.badges import label, need_status_badge
from handbok.render.blocks import (
    amount_text,
    currency_block,
    initiative_line,
    organisation_text,
    page_heading,
    provenance_note,
    source_citation,
)
from handbok.render.links import unit_html_links
from handbok.render.richtext import render_richtext
from handbok.render.templating import markup, render


def render_need_page(need: Behov, portfolio: Portfolio, *, as_of: AsOf) -> str:
    initiatives = tuple(sorted(portfolio.initiatives_for_need(need), key=lambda i: i.id))
    return _need_page(need, initiatives, portfolio.organisations_of(need), as_of)


@functools.lru_cache(maxsize=1 << 14)  # see render_initiative_page
def _need_page(need: Behov, initiatives: tuple[Insats, ...], organisations: tuple[Enhet, ...],
               as_of: AsOf) -> str:
    return render(
        "behov.md.j2",
        need=need,
        heading=markup(page_heading(need.titel, kind=BEHOV, record_id=need.id)),
        currency=markup(currency_block(need, need.kalla, as_of)),
        status_badge=markup(need_status_badge(need.status)),
        note=markup(provenance_note(need, "status")),
        organisations=markup(organisation_text(organisations, root_url=RECORD_PAGE_ROOT_URL)),
        confirmed=need.senast_granskad is not None,
        priority=label(need.prioritet),
        units=markup(unit_html_links(need.forvaltningar, root_url=RECORD_PAGE_ROOT_URL)),
        cost=None if need.kostnad_kr is None else markup(amount_text(need.kostnad_kr)),
        description=markup(render_richtext(need.beskrivning)),
        initiatives=[markup(initiative_line(i, as_of, root=RECORD_PAGE_ROOT)) for i in initiatives],
        source=markup(source_citation(need.kalla)),
    )
