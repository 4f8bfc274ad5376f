"""The page of one initiative (insatser/<id>.md)."""

from __future__ import annotations

from handbok.currency import AsOf
from handbok.model import Fas, Insats
from handbok.render import escape
from handbok.render.attention import report_missing_since
from handbok.render.badges import health_badge, label, status_badge
from handbok.render.blocks import (
    as_of_note,
    currency_block,
    financing_text,
    period_text,
    source_citation,
    summary_box,
    swedish_date,
)
from handbok.render.links import record_link, unit_html_links
from handbok.render.richtext import render_richtext
from handbok.render.risk_matrix import render_risk_matrix

ROOT = "../"
ROOT_URL = "../../"  # from insatser/<id>/ (or behov/<id>/) to the site root


def _summary(insats: Insats, as_of: AsOf) -> str:
    note = as_of_note(insats, as_of)
    health = health_badge(insats.halsa) + (note if insats.halsa else "")
    if insats.halsokommentar:
        health += f" – {escape.text(insats.halsokommentar)}"
    rows = [
        ("Typ", label(insats.typ)),
        ("Fas", label(insats.fas) + (note if insats.fas else "")),
        ("Status", status_badge(insats.status) + (note if insats.status else "")),
        ("Hälsa", health),
        ("Period", period_text(insats.period)),
        ("Förvaltningar", unit_html_links(insats.forvaltningar, root_url=ROOT_URL)),
        ("Uppdragsägare", escape.text(insats.uppdragsagare) or "Uppgift saknas"),
        ("Projektledare", escape.text(insats.projektledare) or "Uppgift saknas"),
        ("Finansiering", financing_text(insats.finansiering, escape.text)),
        ("Rapportintervall",
         label(insats.rapportintervall)),
    ]
    return summary_box(rows)


def render_process_position(current: Fas | None, *, root_url: str, marker: str = "insatsens steg nu") -> str:
    """The four steps as an ordered list; the initiative's step marked by text and aria-current."""
    items = []
    for number, fas in enumerate(Fas, start=1):
        href = f"{root_url}{fas.url}"
        if fas is current:
            items.append(f'<li class="handbok-steg handbok-steg--aktuellt" aria-current="step">'
                         f'<a href="{href}">{number}. {fas.label}</a> '
                         f'<strong class="handbok-steg__markering">({marker})</strong></li>')
        else:
            items.append(f'<li class="handbok-steg"><a href="{href}">{number}. {fas.label}</a></li>')
    nav = (f'<nav class="handbok-processlage" aria-label="Insatsens plats i processmodellen">'
           f'<ol>{"".join(items)}</ol></nav>')
    if current is None:
        return "Källan anger inte vilket steg i processmodellen insatsen är i.\n\n" + nav
    return nav


def _process_position(insats: Insats, as_of: AsOf) -> str:
    marker = ("insatsens steg nu" if as_of.is_current(insats) else
              f"insatsens steg enligt källan, {swedish_date(insats.uppgifterna_galler)}")
    return render_process_position(insats.fas, root_url=ROOT_URL, marker=marker)


def _needs(insats: Insats) -> str:
    if not insats.behov:
        return "Insatsen är inte kopplad till något registrerat behov."
    return "\n".join(f"- {record_link(b, root=ROOT)}" for b in insats.behov)


def _goals(insats: Insats) -> str:
    if not insats.effektmal:
        return '!!! warning "Effektmål saknas"\n\n    Insatsen har inga effektmål angivna ännu.'
    return "\n".join(f"- {escape.text(goal)}" for goal in insats.effektmal)


def _reports(insats: Insats, as_of: AsOf) -> str:
    parts = []
    missing = report_missing_since(insats, as_of.today)
    if missing is not None:
        latest = insats.latest_report
        detail = (f"Senaste rapport är från {latest.datum.isoformat()}" if latest
                  else "Ingen statusrapport har lämnats")
        parts.append(f'!!! warning "Statusrapport saknas sedan {missing.isoformat()}"\n\n'
                     f"    {detail}; överenskommet intervall: "
                     f"{insats.rapportintervall.label.lower()}.")  # type: ignore[union-attr]
    reports = sorted(insats.statusrapporter, key=lambda r: r.datum, reverse=True)
    for report in reports:
        parts.append(f"### Rapport {report.datum.isoformat()}\n\n"
                     f'<p class="handbok-rapport-halsa">Hälsa: {health_badge(report.halsa)}</p>\n\n'
                     f"{render_richtext(report.text)}")
    if not reports:
        parts.append("Inga statusrapporter registrerade.")
    return "\n\n".join(parts)


def render_initiative_page(insats: Insats, *, as_of: AsOf) -> str:
    kalla = insats.kalla
    sections = [
        escape.page_heading(insats.titel, section=("Insatser", "../")),
        f'<p class="handbok-ingress">{escape.text(insats.sammanfattning)}</p>',
        currency_block(insats, insats.kalla, as_of),
        _summary(insats, as_of),
        render_richtext(insats.beskrivning),
        "## Plats i processmodellen {#processmodellen}",
        _process_position(insats, as_of),
        "## Behov som insatsen möter {#behov}",
        _needs(insats),
        "## Effektmål {#effektmal}",
        _goals(insats),
        "## Risker {#risker}",
        render_risk_matrix(insats.risker) or "Inga risker registrerade.",
        "## Statusrapporter {#statusrapporter}",
        _reports(insats, as_of),
        "## Källa {#kalla}",
        source_citation(kalla),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"
