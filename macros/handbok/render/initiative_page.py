"""The page of one initiative (insatser/<id>.md)."""

from __future__ import annotations

import datetime as dt

from handbok.model import Fas, Insats
from handbok.render import escape
from handbok.render.attention import report_missing_since
from handbok.render.badges import health_badge, status_badge
from handbok.render.blocks import financing_text, period_text, source_citation, summary_box
from handbok.render.links import record_link, unit_html_links
from handbok.render.richtext import render_richtext
from handbok.render.risk_matrix import render_risk_matrix

ROOT = "../"
ROOT_URL = "../../"  # from insatser/<id>/ (or behov/<id>/) to the site root


def _summary(insats: Insats) -> str:
    health = health_badge(insats.halsa)
    if insats.halsokommentar:
        health += f" – {escape.text(insats.halsokommentar)}"
    rows = [
        ("Typ", insats.typ.label),
        ("Fas", insats.fas.label),
        ("Status", status_badge(insats.status)),
        ("Hälsa", health),
        ("Period", period_text(insats.period)),
        ("Förvaltningar", unit_html_links(insats.forvaltningar, root_url=ROOT_URL)),
        ("Uppdragsägare", escape.text(insats.uppdragsagare) or "Uppgift saknas"),
        ("Projektledare", escape.text(insats.projektledare) or "Uppgift saknas"),
        ("Finansiering", financing_text(insats.finansiering, escape.text)),
        ("Rapportintervall",
         insats.rapportintervall.label if insats.rapportintervall else "Inte angivet"),
    ]
    return summary_box(rows)


def render_process_position(current: Fas, *, root_url: str) -> str:
    """The four steps as an ordered list; the current one marked by text and aria-current."""
    items = []
    for number, fas in enumerate(Fas, start=1):
        href = f"{root_url}{fas.url}"
        if fas is current:
            items.append(f'<li class="handbok-steg handbok-steg--aktuellt" aria-current="step">'
                         f'<a href="{href}">{number}. {fas.label}</a> '
                         f'<strong class="handbok-steg__markering">(insatsens steg nu)</strong></li>')
        else:
            items.append(f'<li class="handbok-steg"><a href="{href}">{number}. {fas.label}</a></li>')
    return (f'<nav class="handbok-processlage" aria-label="Insatsens plats i processmodellen">'
            f'<ol>{"".join(items)}</ol></nav>')


def _needs(insats: Insats) -> str:
    if not insats.behov:
        return "Insatsen är inte kopplad till något registrerat behov."
    return "\n".join(f"- {record_link(b, root=ROOT)}" for b in insats.behov)


def _goals(insats: Insats) -> str:
    if not insats.effektmal:
        return '!!! warning "Effektmål saknas"\n\n    Insatsen har inga effektmål angivna ännu.'
    return "\n".join(f"- {escape.text(goal)}" for goal in insats.effektmal)


def _reports(insats: Insats, build_date: dt.date) -> str:
    parts = []
    missing = report_missing_since(insats, build_date)
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


def render_initiative_page(insats: Insats, *, build_date: dt.date) -> str:
    kalla = insats.kalla
    sections = [
        escape.page_heading(insats.titel, section=("Insatser", "../")),
        f'<p class="handbok-ingress">{escape.text(insats.sammanfattning)}</p>',
        _summary(insats),
        render_richtext(insats.beskrivning),
        "## Plats i processmodellen {#processmodellen}",
        render_process_position(insats.fas, root_url="../../"),
        "## Behov som insatsen möter {#behov}",
        _needs(insats),
        "## Effektmål {#effektmal}",
        _goals(insats),
        "## Risker {#risker}",
        render_risk_matrix(insats.risker) or "Inga risker registrerade.",
        "## Statusrapporter {#statusrapporter}",
        _reports(insats, build_date),
        "## Källa {#kalla}",
        source_citation(kalla),
        f'<p class="handbok-granskad">Senast granskad: {insats.senast_granskad.isoformat()}</p>',
    ]
    return "\n\n".join(s for s in sections if s) + "\n"
