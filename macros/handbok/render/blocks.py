"""Small HTML building blocks shared by the renderers (labels are ours, data is pre-escaped)."""

from __future__ import annotations

import datetime as dt

from handbok.model import Finansiering, Kalla, Period
from handbok.render import escape


def summary_box(rows: list[tuple[str, str]]) -> str:
    """The facts box at the top of a record page, as one raw HTML block.

    Raw HTML rather than a `markdown` div with a definition list: Python-Markdown's md_in_html
    pass made up ~40 % of converting a record page (issue 9 benchmark). Values are pre-escaped.
    """
    entries = "".join(f"<dt>{term}</dt><dd>{value}</dd>" for term, value in rows)
    return f'<div class="handbok-sammanfattning"><dl>{entries}</dl></div>'


def scroll_region(inner_html: str, *, label: str) -> str:
    """A keyboard-scrollable wrapper so wide tables work at 390 px (axe: scrollable-region-focusable)."""
    return (f'<div class="handbok-tabell" role="region" aria-label="{label}" tabindex="0">'
            f"{inner_html}</div>")


def period_text(period: Period) -> str:
    start = period.start.iso() if period.start else "start okänd"
    slut = period.slut.iso() if period.slut else "slut okänt"
    if period.start is None and period.slut is None:
        return "Uppgift saknas"
    return f"{start} – {slut}"


def amount_text(kronor: int) -> str:
    """Swedish thousands separator (narrow no-break space) and "kr"."""
    return f"{kronor:,}".replace(",", "\u202f") + " kr"


def financing_text(finansiering: Finansiering | None, escape_text) -> str:
    if finansiering is None:
        return "Uppgift saknas"
    parts = [finansiering.kalla.label]
    if finansiering.belopp_kr is not None:
        parts.append(amount_text(finansiering.belopp_kr))
    text = ", ".join(parts)
    if finansiering.kommentar:
        text += f" ({escape_text(finansiering.kommentar)})"
    return text


def date_text(date: dt.date | None) -> str:
    return date.isoformat() if date else "–"


def source_citation(kalla: Kalla) -> str:
    """"Titel (utgivare, år)." with only the parts the source gives."""
    details = ", ".join(escape.text(part) for part in (kalla.utgivare, kalla.ar or "") if part)
    return f"{escape.text(kalla.titel)}{f' ({details})' if details else ''}."
