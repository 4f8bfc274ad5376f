"""Small building blocks shared by the renderers: facts box, dates, amounts, sources, currency."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from handbok.currency import AsOf, Dated
from handbok.kept import kept
from handbok.kinds import Kind
from handbok.model import Behov, Enhet, EnhetTyp, Finansiering, Insats, Kalla, PartialDate, Period, quote_for
from handbok.render.badges import health_badge, need_status_badge, status_badge
from handbok.render.links import record_html_link, record_link, relative_url
from handbok.render.templating import fragment, markup


def page_heading(title: object, *, kind: Kind | None = None, record_id: str = "") -> str:
    """Front matter and H1 of a generated page; a record page also gets breadcrumbs.

    With `kind` and `record_id` the page is that record's page (kind.page_url), and the
    breadcrumbs lead from it to the start page, the portfolio and the kind's section.
    """
    crumbs = None
    if kind is not None and kind.section is not None:
        page_url = kind.page_url(record_id)
        crumbs = {"label": kind.label, "root_url": relative_url("", page_url=page_url),
                  "portfolio_url": relative_url("portfolj/", page_url=page_url),
                  "section_url": relative_url(kind.section, page_url=page_url)}
    return fragment("_partials/page_heading.md.j2", title=title, crumbs=crumbs)


def summary_box(rows: list[tuple[str, str]]) -> str:
    """The facts box at the top of a record page, as one raw HTML block.

    Raw HTML rather than a `markdown` div with a definition list: Python-Markdown's md_in_html
    pass made up ~40 % of converting a record page (issue 9 benchmark). Values are pre-escaped.
    """
    return fragment("_partials/summary_box.html.j2",
                    rows=[(term, markup(value)) for term, value in rows])


def scroll_region(inner_html: str, *, label: str) -> str:
    """A keyboard-scrollable wrapper so wide tables work at 390 px (axe: scrollable-region-focusable)."""
    return fragment("_partials/scroll_region.html.j2", inner=markup(inner_html), label=label)


def period_text(period: Period) -> str:
    start = period.start.iso() if period.start else "start okänd"
    slut = period.slut.iso() if period.slut else "slut okänt"
    if period.start is None and period.slut is None:
        return "Uppgift saknas"
    return f"{start} – {slut}"


def amount_text(kronor: int) -> str:
    """Swedish thousands separator (narrow no-break space) and "kr"."""
    return f"{kronor:,}".replace(",", "\u202f") + " kr"


def financing_text(finansiering: Finansiering | None) -> str:
    """'Källa, belopp (kommentar)', escaped for a generated page."""
    amount = None  # our own text, with narrow no-break spaces the escaping would turn into spaces
    if finansiering is not None and finansiering.belopp_kr is not None:
        amount = markup(amount_text(finansiering.belopp_kr))
    return fragment("_partials/financing.md.j2", financing=finansiering, amount=amount)


def date_text(date: dt.date | None) -> str:
    return date.isoformat() if date else "–"


def source_citation(kalla: Kalla) -> str:
    """"Titel (utgivare, år)." with only the parts the source gives."""
    return _source_citation(kalla.titel, tuple(part for part in (kalla.utgivare, kalla.ar or "") if part))


@lru_cache(maxsize=1024)  # a few sources are cited by many records
def _source_citation(title: str, details: tuple[str, ...]) -> str:
    return fragment("_partials/source_citation.md.j2", title=title, details=details)


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


def _date_or_none(date: PartialDate | dt.date | None) -> str | None:
    return swedish_date(date) if date else None


def source_date_text(date: PartialDate | None) -> str:
    """'källa från 13 juni 2017', or that the source gives no date (never an invented year, issue 24)."""
    return f"källa från {swedish_date(date)}" if date is not None else "källan anger inget datum"


def as_of_note(record: Dated, as_of: AsOf) -> str:
    """After a value in a list: '(obekräftat, källa från 2019)' or '(bekräftat 3 mars 2025)' while
    the record is not current; '' when an editor's confirmation is within the interval."""
    if as_of.is_current(record):
        return ""
    if record.senast_granskad is not None:
        return _as_of_note(f"bekräftat {swedish_date(record.senast_granskad)}")
    return _as_of_note(f"obekräftat, {source_date_text(record.uppgifterna_galler)}")


@lru_cache(maxsize=1024)  # the same few dates follow hundreds of values
def _as_of_note(text: str) -> str:
    return fragment("_partials/as_of_note.html.j2", text=text)


def provenance_note(record: Insats | Behov, field_name: str) -> str:
    """What a value on a record page rests on (issue 24): an editor's confirmation and its date,
    the source's own sentence (a quoted interpretation), or else the editors' interpretation."""
    if record.senast_granskad is not None:
        return _provenance_note("bekraftat", f"bekräftat {swedish_date(record.senast_granskad)}", None)
    quote = quote_for(record.citat, field_name)
    if quote is not None:
        return _provenance_note("citat", "tolkning av källan", quote)
    return _provenance_note("tolkning", "redaktionens tolkning", None)


@lru_cache(maxsize=1024)
def _provenance_note(kind: str, text: str, quote: str | None) -> str:
    return fragment("_partials/provenance_note.html.j2", kind=kind, text=text, quote=quote)


def organisation_text(organisations: tuple[Enhet, ...], *, root_url: str) -> str:
    """The organisations (regions or equivalent) a record belongs to, linked; one that is not a
    region says that its source does not name the region (Regionhälsan, issue 24)."""
    return fragment("_partials/organisations.html.j2", organisations=[
        (markup(record_html_link(o, root_url=root_url)), o.typ is not EnhetTyp.REGION) for o in organisations])


def currency_block(record: Dated, kalla: Kalla, as_of: AsOf) -> str:
    """When the information is from, whether anyone confirmed it, and a warning once it is stale."""
    return fragment(
        "_partials/currency_block.md.j2",
        kalla=kalla,
        information_date=_date_or_none(record.uppgifterna_galler),
        reviewed_date=_date_or_none(record.senast_granskad),
        current=as_of.is_current(record),
        review_months=as_of.review_months,
    )


@kept(maxsize=1 << 14)  # indexes and unit pages list every record (issue 15: kept under serve)
def initiative_line(insats: Insats, as_of: AsOf, *, root: str) -> str:
    """'[Titel](…) – status, läge' and the as-of note: one initiative in a Markdown list."""
    return fragment("_partials/initiative_line.md.j2", link=markup(record_link(insats, root=root)),
                    status=markup(status_badge(insats.status)), health=markup(health_badge(insats.halsa)),
                    unknown=insats.status is None and insats.halsa is None,
                    health_known=insats.halsa is not None, note=markup(as_of_note(insats, as_of)))


@kept(maxsize=1 << 14)  # see initiative_line
def need_line(need: Behov, as_of: AsOf, *, root: str) -> str:
    """'[Titel](…) – status' and the as-of note: one need in a Markdown list."""
    return fragment("_partials/need_line.md.j2", link=markup(record_link(need, root=root)),
                    status=markup(need_status_badge(need.status)), note=markup(as_of_note(need, as_of)))
