"""Review dates of every page and record: the page index (sidor.json), `make granskning`, the page notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from handbok.authored import PageMeta
from handbok.currency import DEFAULT_REVIEW_MONTHS, AsOf, add_months, is_overdue
from handbok.kinds import KIND_BY_NAME
from handbok.model import Behov, Enhet, Insats, PartialDate, Portfolio
from handbok.published_urls import page_url
from handbok.render import escape
from handbok.render.templating import markup, render

__all__ = ["ReviewEntry", "add_months", "is_overdue", "review_entries", "overdue_items",
           "render_table", "overdue_notice", "interval_months"]

DEFAULT_MONTHS = DEFAULT_REVIEW_MONTHS


@dataclass(frozen=True)
class ReviewEntry:
    """One page or record: where it is, who owns it, when it was last confirmed and is due."""

    url: str
    kind: str  # "sida" | "insats" | "behov" | "enhet"
    titel: str
    path: str
    ansvarig: str
    senast_granskad: dt.date | None
    uppgifterna_galler: PartialDate | None  # records only
    granskas_senast: dt.date | None  # None: a record with no date that nobody has confirmed
    forsenad: bool
    organisation: str | None = None  # records only: the regions (or equivalent) it is about


EDITORS = "Redaktionen för Förändringshandboken"


def _record_owner(record: Insats | Behov | Enhet) -> str:
    """The handbook's editors answer for every record's data: the organisations a record
    describes are no owners of it, and no source makes them one (issue 24, V26)."""
    return EDITORS


def _page_entry(page: PageMeta, as_of: AsOf) -> ReviewEntry:
    due = add_months(page.senast_granskad, as_of.review_months)
    return ReviewEntry(page_url(page.path.removeprefix("docs/")), "sida", page.titel, page.path,
                       page.ansvarig, page.senast_granskad, None, due, as_of.today > due)


def _record_entry(kind: str, record: Insats | Behov | Enhet, portfolio: Portfolio, as_of: AsOf) -> ReviewEntry:
    title = record.namn if isinstance(record, Enhet) else record.titel
    path = record.source.path if record.source else KIND_BY_NAME[kind].data_path(record.id)
    organisations = ((portfolio.organisation_of(record),) if isinstance(record, Enhet)
                     else portfolio.organisations_of(record))
    return ReviewEntry(record.url, kind, title, path, _record_owner(record), record.senast_granskad,
                       record.uppgifterna_galler, as_of.review_due(record),
                       not as_of.is_current(record), ", ".join(o.namn for o in organisations))


def review_entries(pages: Sequence[PageMeta], portfolio: Portfolio, as_of: AsOf) -> list[ReviewEntry]:
    """Every authored page and record with its review due date, sorted by URL."""
    entries = [_page_entry(page, as_of) for page in pages]
    records: list[tuple[str, Insats | Behov | Enhet]] = [
        *(("insats", i) for i in portfolio.insatser), *(("behov", b) for b in portfolio.behov),
        *(("enhet", e) for e in portfolio.enheter)]
    entries += [_record_entry(kind, record, portfolio, as_of) for kind, record in records]
    return sorted(entries, key=lambda entry: entry.url)


def overdue_items(pages: Sequence[PageMeta], portfolio: Portfolio, as_of: AsOf) -> list[ReviewEntry]:
    """The overdue entries, the longest overdue first."""
    overdue = [entry for entry in review_entries(pages, portfolio, as_of) if entry.forsenad]
    return sorted(overdue, key=lambda entry: (entry.granskas_senast or dt.date.min, entry.path))


def _months_text(months: int) -> str:
    return "en månad" if months == 1 else f"{months} månader"


def _row(entry: ReviewEntry) -> dict[str, object]:
    return {"due": entry.granskas_senast.isoformat() if entry.granskas_senast else "–",
            "confirmed": entry.senast_granskad.isoformat() if entry.senast_granskad else "aldrig",
            "information_date": (entry.uppgifterna_galler.iso() if entry.uppgifterna_galler
                                 else "–" if entry.kind == "sida" else "källan anger inget datum"),
            "kind": entry.kind, "title": entry.titel, "owner": entry.ansvarig,
            "path": markup(escape.markdown_code(entry.path))}


def render_table(items: Sequence[ReviewEntry], *, as_of: AsOf) -> str:
    """Swedish Markdown: a heading, the rule used, and one table row per overdue item."""
    return render("review_table.md.j2", months_text=_months_text(as_of.review_months),
                  today=as_of.today.isoformat(), rows=[_row(item) for item in items])


def overdue_notice(reviewed: object, today: dt.date, months: int) -> str | None:
    """The notice an overdue authored page shows, or None (also for a missing or odd date)."""
    if isinstance(reviewed, dt.datetime):
        reviewed = reviewed.date()
    if isinstance(reviewed, str):
        try:
            reviewed = dt.date.fromisoformat(reviewed.strip())
        except ValueError:
            return None
    if not isinstance(reviewed, dt.date) or not is_overdue(reviewed, today, months):
        return None
    return (f"Sidan har inte granskats sedan {reviewed.isoformat()}. Innehållet kan vara "
            f"inaktuellt; sidor ska granskas minst en gång på {_months_text(months)}.")


def interval_months(extra: Mapping[str, object]) -> int:
    """The configured review interval (mkdocs.yml `extra.granskningsintervall_manader`)."""
    value = extra.get("granskningsintervall_manader", DEFAULT_MONTHS)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 \
        else DEFAULT_MONTHS
