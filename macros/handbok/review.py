"""Review dates: which pages and records are overdue for review, as a table and as a page notice."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from handbok.authored import PageMeta
from handbok.model import Behov, Insats, Portfolio

DEFAULT_MONTHS = 12


def add_months(date: dt.date, months: int) -> dt.date:
    """`date` plus whole months; the 31st becomes the month's last day where needed."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def is_overdue(reviewed: dt.date, today: dt.date, months: int) -> bool:
    """Overdue once the interval has fully passed: reviewed 2025-03-01, 12 months → from 2026-03-02."""
    return today > add_months(reviewed, months)


@dataclass(frozen=True)
class OverdueItem:
    path: str
    kind: str  # "sida" | "insats" | "behov"
    titel: str
    ansvarig: str
    senast_granskad: dt.date


def _record_owner(record: Insats | Behov) -> str:
    if isinstance(record, Insats) and record.uppdragsagare:
        return record.uppdragsagare
    units = ", ".join(unit.namn for unit in record.forvaltningar)
    return units or record.kalla.utgivare


def overdue_items(pages: Sequence[PageMeta], portfolio: Portfolio, *, today: dt.date,
                  months: int) -> list[OverdueItem]:
    """Every authored page and record whose review date is older than `months`, oldest first."""
    items = [OverdueItem(p.path, "sida", p.titel, p.ansvarig, p.senast_granskad)
             for p in pages if is_overdue(p.senast_granskad, today, months)]
    records: list[tuple[str, Insats | Behov]] = [
        *(("insats", i) for i in portfolio.insatser), *(("behov", b) for b in portfolio.behov)]
    for kind, record in records:
        if is_overdue(record.senast_granskad, today, months):
            path = record.source.path if record.source else f"data/{kind}/{record.id}.yaml"
            items.append(OverdueItem(path, kind, record.titel, _record_owner(record),
                                     record.senast_granskad))
    return sorted(items, key=lambda item: (item.senast_granskad, item.path))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _months_text(months: int) -> str:
    return "en månad" if months == 1 else f"{months} månader"


def render_table(items: Sequence[OverdueItem], *, today: dt.date, months: int) -> str:
    """Swedish Markdown: a heading, the rule used, and one table row per overdue item."""
    lines = [f"## Granskning: sidor och poster som inte granskats på {_months_text(months)}",
             "", f"Jämfört med {today.isoformat()}.", ""]
    if not items:
        lines.append("Allt är granskat inom intervallet.")
        return "\n".join(lines) + "\n"
    lines += ["| Senast granskad | Typ | Titel | Ansvarig | Fil |",
              "| --- | --- | --- | --- | --- |"]
    lines += [f"| {i.senast_granskad.isoformat()} | {i.kind} | {_cell(i.titel)} | "
              f"{_cell(i.ansvarig)} | `{i.path}` |" for i in items]
    lines += ["", f"{len(items)} att granska."]
    return "\n".join(lines) + "\n"


def overdue_notice(reviewed: object, build_date: dt.date, months: int) -> str | None:
    """The notice an overdue authored page shows, or None (also for a missing or odd date)."""
    if isinstance(reviewed, dt.datetime):
        reviewed = reviewed.date()
    if isinstance(reviewed, str):
        try:
            reviewed = dt.date.fromisoformat(reviewed.strip())
        except ValueError:
            return None
    if not isinstance(reviewed, dt.date) or not is_overdue(reviewed, build_date, months):
        return None
    return (f"Sidan har inte granskats sedan {reviewed.isoformat()}. Innehållet kan vara "
            f"inaktuellt; sidor ska granskas minst en gång på {_months_text(months)}.")


def interval_months(extra: dict) -> int:
    """The configured review interval (mkdocs.yml `extra.granskningsintervall_manader`)."""
    value = extra.get("granskningsintervall_manader", DEFAULT_MONTHS)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 \
        else DEFAULT_MONTHS
