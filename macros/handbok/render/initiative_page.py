"""The page of one initiative (insatser/<id>.md)."""

from __future__ import annotations

import functools
from functools import lru_cache

from handbok.currency import AsOf
from handbok.kinds import INSATS, RECORD_PAGE_ROOT, RECORD_PAGE_ROOT_URL
from handbok.model import QUOTED_FIELDS, Enhet, Fas, Insats, Portfolio
from handbok.render.attention import report_missing_since
from handbok.render.badges import health_badge, label, status_badge
from handbok.render.blocks import (
    currency_block,
    financing_text,
    organisation_text,
    page_heading,
    period_text,
    provenance_note,
    source_citation,
    source_date_text,
    swedish_date,
)
from handbok.render.links import record_link, unit_html_links
from handbok.render.richtext import render_richtext
from handbok.render.risk_matrix import render_risk_matrix
from handbok.render.templating import fragment, markup, render


@lru_cache(maxsize=256)  # four steps times the few dates the markers name
def render_process_position(current: Fas | None, *, root_url: str, marker: str = "insatsens steg nu") -> str:
    """The four steps as an ordered list; the initiative's step marked by text and aria-current."""
    return fragment("_partials/process_position.html.j2", steps=list(Fas), current=current,
                    root_url=root_url, marker=marker)


def _process_position(insats: Insats, as_of: AsOf) -> str:
    if as_of.is_current(insats):
        marker = "insatsens steg nu"
    elif insats.senast_granskad is not None:
        marker = f"insatsens steg, bekräftat {swedish_date(insats.senast_granskad)}"
    else:
        marker = f"insatsens steg, obekräftat, {source_date_text(insats.uppgifterna_galler)}"
    return render_process_position(insats.fas, root_url=RECORD_PAGE_ROOT_URL, marker=marker)


def _reports(insats: Insats) -> list[dict[str, object]]:
    """Status reports, newest first."""
    reports = sorted(insats.statusrapporter, key=lambda r: r.datum, reverse=True)
    return [{"datum": report.datum, "health": markup(health_badge(report.halsa)),
             "text": markup(render_richtext(report.text))} for report in reports]


def _summary_values(insats: Insats, organisations: tuple[Enhet, ...]) -> dict[str, object]:
    return {
        "labels": {"typ": label(insats.typ), "fas": label(insats.fas),
                   "rapportintervall": label(insats.rapportintervall)},
        "notes": {name: markup(provenance_note(insats, name)) for name in QUOTED_FIELDS},
        "organisations": markup(organisation_text(organisations, root_url=RECORD_PAGE_ROOT_URL)),
        "status_badge": markup(status_badge(insats.status)),
        "health_badge": markup(health_badge(insats.halsa)),
        "period": period_text(insats.period),
        "units": markup(unit_html_links(insats.forvaltningar, root_url=RECORD_PAGE_ROOT_URL)),
        "financing": markup(financing_text(insats.finansiering)),
    }


# Pages are pure functions of the (frozen, compared-by-value) records they show; `make serve`
# keeps the core between rebuilds, so an unchanged record's page is not rendered again (issue 15).
def render_initiative_page(insats: Insats, portfolio: Portfolio, *, as_of: AsOf) -> str:
    return _initiative_page(insats, portfolio.organisations_of(insats), as_of)


@functools.lru_cache(maxsize=1 << 14)
def _initiative_page(insats: Insats, organisations: tuple[Enhet, ...], as_of: AsOf) -> str:
    return render(
        "insats.md.j2",
        insats=insats,
        heading=markup(page_heading(insats.titel, kind=INSATS, record_id=insats.id)),
        currency=markup(currency_block(insats, insats.kalla, as_of)),
        description=markup(render_richtext(insats.beskrivning)),
        process_position=markup(_process_position(insats, as_of)),
        need_links=[markup(record_link(b, root=RECORD_PAGE_ROOT)) for b in insats.behov],
        risk_matrix=markup(render_risk_matrix(insats.risker)),
        missing_since=report_missing_since(insats, as_of.today),
        latest_report=insats.latest_report,
        reports=_reports(insats),
        source=markup(source_citation(insats.kalla)),
        confirmed=insats.senast_granskad is not None,
        **_summary_values(insats, organisations),
    )
