"""The page of one organisation unit (organisation/<id>.md)."""

from __future__ import annotations

from handbok.currency import AsOf
from handbok.model import Enhet, Portfolio
from handbok.render import escape
from handbok.render.badges import health_badge, label, need_status_badge, status_badge
from handbok.render.blocks import as_of_note, currency_block, source_citation, summary_box
from handbok.render.links import record_html_link, record_link
from handbok.render.richtext import render_richtext

ROOT = "../"
ROOT_URL = "../../"  # from organisation/<id>/ to the site root


def _list(lines: list[str], empty: str) -> str:
    return "\n".join(f"- {line}" for line in lines) if lines else empty


def render_unit_page(unit: Enhet, portfolio: Portfolio, *, as_of: AsOf) -> str:
    parent = portfolio.parent_of(unit)
    children = sorted(portfolio.children_of(unit), key=lambda u: u.id)
    initiatives = sorted(portfolio.initiatives_for_unit(unit), key=lambda i: i.id)
    needs = sorted(portfolio.needs_for_unit(unit), key=lambda b: b.id)
    sections = [
        escape.page_heading(unit.namn, section=("Organisation", "../")),
        currency_block(unit, unit.kalla, as_of),
        summary_box([("Typ", label(unit.typ)),
                     ("Överordnad",
                      record_html_link(parent, root_url=ROOT_URL) if parent else "Ingen")]),
        render_richtext(unit.beskrivning),
        "## Insatser {#insatser}",
        _list([f"{record_link(i, root=ROOT)} – {status_badge(i.status)}, {health_badge(i.halsa)}"
               f"{as_of_note(i, as_of)}" for i in initiatives], "Inga insatser registrerade."),
        "## Behov {#behov}",
        _list([f"{record_link(b, root=ROOT)} – {need_status_badge(b.status)}{as_of_note(b, as_of)}"
               for b in needs],
              "Inga behov registrerade."),
        "## Underordnade enheter {#underordnade}",
        _list([record_link(c, root=ROOT) for c in children], "Inga underordnade enheter."),
        "## Källa {#kalla}",
        source_citation(unit.kalla),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"
