"""The page of one need (behov/<id>.md)."""

from __future__ import annotations

from handbok.currency import AsOf
from handbok.model import Behov, Portfolio
from handbok.render import escape
from handbok.render.badges import health_badge, label, need_status_badge, status_badge
from handbok.render.blocks import amount_text, as_of_note, currency_block, source_citation, summary_box
from handbok.render.links import record_link, unit_html_links
from handbok.render.richtext import render_richtext

ROOT = "../"
ROOT_URL = "../../"  # from insatser/<id>/ (or behov/<id>/) to the site root

SHARED_MARKER = ('<p class="handbok-markering handbok-markering--gemensamt">'
                 '<span class="handbok-ikon" aria-hidden="true">⇄</span> '
                 '<strong>Gemensamt behov</strong> – identifierat av två eller fler förvaltningar.</p>')
NO_INITIATIVE_MARKER = ('<p class="handbok-markering handbok-markering--ingen-insats">'
                        '<span class="handbok-ikon" aria-hidden="true">○</span> '
                        '<strong>Ingen insats ännu</strong> – ingen insats i portföljen möter behovet.</p>')


def _summary(need: Behov, as_of: AsOf) -> str:
    rows = [
        ("Status", need_status_badge(need.status) + (as_of_note(need, as_of) if need.status else "")),
        ("Prioritet", label(need.prioritet)),
        ("Målgrupp", escape.text(need.malgrupp) or "Uppgift saknas"),
        ("Identifierat av", unit_html_links(need.forvaltningar, root_url=ROOT_URL)),
    ]
    if need.kostnad_kr is not None:
        rows.append(("Uppskattad kostnad", amount_text(need.kostnad_kr)))
    return summary_box(rows)


def _initiatives(need: Behov, portfolio: Portfolio, as_of: AsOf) -> str:
    initiatives = sorted(portfolio.initiatives_for_need(need), key=lambda i: i.id)
    if not initiatives:
        return NO_INITIATIVE_MARKER
    return "\n".join(f"- {record_link(i, root=ROOT)} – {status_badge(i.status)}, "
                     f"{health_badge(i.halsa)}{as_of_note(i, as_of)}" for i in initiatives)


def render_need_page(need: Behov, portfolio: Portfolio, *, as_of: AsOf) -> str:
    kalla = need.kalla
    sections = [
        escape.page_heading(need.titel, section=("Behov", "../")),
        SHARED_MARKER if need.is_shared else "",
        currency_block(need, need.kalla, as_of),
        _summary(need, as_of),
        "## Beskrivning {#beskrivning}",
        render_richtext(need.beskrivning) or "Ingen beskrivning.",
        "## Insatser som möter behovet {#insatser}",
        _initiatives(need, portfolio, as_of),
        "## Källa {#kalla}",
        source_citation(kalla),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"
