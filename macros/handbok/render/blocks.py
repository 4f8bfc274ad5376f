"""Small HTML building blocks shared by the renderers (labels are ours, data is pre-escaped)."""

from __future__ import annotations

import datetime as dt

from handbok.currency import AsOf, Dated
from handbok.model import Finansiering, Kalla, PartialDate, Period
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


_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december")


def swedish_date(date: PartialDate | dt.date | None) -> str:
    """'13 juni 2017', 'april 2021' or '2019': as precise as the date is."""
    if date is None:
        return "okänt datum"
    if isinstance(date, dt.date):
        date = PartialDate(date.year, date.month, date.day)
    if date.month is None:
        return str(date.year)
    month = f"{_MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {month}" if date.day is not None else month


def as_of_note(record: Dated, as_of: AsOf) -> str:
    """'(enligt källan, 2019)' after a value whose record is not confirmed as current, else ''."""
    if as_of.is_current(record):
        return ""
    return (f' <span class="handbok-enligt-kallan">(enligt källan, '
            f"{swedish_date(record.uppgifterna_galler)})</span>")


def currency_block(record: Dated, kalla: Kalla, as_of: AsOf) -> str:
    """When the information is from, whether anyone confirmed it, and a warning once it is stale."""
    information = (f"Uppgifterna gäller {swedish_date(record.uppgifterna_galler)}"
                   if record.uppgifterna_galler else "Källan anger inte vilket datum uppgifterna gäller")
    lines = [f'<p class="handbok-uppgifter-galler">{information} (källa: {escape.text(kalla.titel)}).',
             (f" Senast bekräftade av en redaktör {swedish_date(record.senast_granskad)}.</p>"
              if record.senast_granskad else " Ingen redaktör har bekräftat dem sedan dess.</p>")]
    block = "".join(lines)
    if as_of.is_current(record):
        return block
    when = (f"beskriver läget {swedish_date(record.uppgifterna_galler)} enligt källan och är äldre "
            f"än granskningsintervallet ({as_of.review_months} månader)" if record.uppgifterna_galler
            else "har inget datum i källan och har inte bekräftats av en redaktör")
    return (block + '\n\n!!! warning "Uppgifterna behöver bekräftas"\n\n'
            f"    Uppgifterna {when}. Sidan visar därför inte nödvändigtvis läget i dag.")
