"""Rules that make an initiative need attention, evaluated against the build date."""

from __future__ import annotations

import datetime as dt

from handbok.model import Halsa, Insats, Status


def report_missing_since(insats: Insats, build_date: dt.date) -> dt.date | None:
    """The date a status report became overdue, or None when none is overdue.

    Applies to ongoing initiatives with an agreed interval. The next report is due one
    interval after the latest report (or after the start when no report exists yet); it is
    missing when the build date is later than that due date. Without reports and without a
    known start nothing can be overdue.
    """
    if insats.status is not Status.PAGAR or insats.rapportintervall is None:
        return None
    latest = insats.latest_report
    if latest is not None:
        counted_from = latest.datum
    elif insats.period.start is not None:
        counted_from = insats.period.start.first_day()
    else:
        return None
    due = counted_from + dt.timedelta(days=insats.rapportintervall.days)
    return due if build_date > due else None


def is_past_end(insats: Insats, build_date: dt.date) -> bool:
    """Past its end date (the last day the source's precision allows) but not closed."""
    slut = insats.period.slut
    return insats.status is not Status.AVSLUTAD and slut is not None and slut.last_day() < build_date


def attention_reasons(insats: Insats, build_date: dt.date) -> list[str]:
    """Swedish reasons, in a fixed order; empty when the initiative needs no attention."""
    reasons = []
    if insats.halsa in (Halsa.RISK, Halsa.ALLVARLIG_AVVIKELSE) and insats.status is not Status.AVSLUTAD:
        reasons.append(f"Hälsa: {insats.halsa.label}")
    missing = report_missing_since(insats, build_date)
    if missing is not None:
        reasons.append(f"Statusrapport saknas sedan {missing.isoformat()}")
    if is_past_end(insats, build_date):
        reasons.append(f"Slutdatum {insats.period.slut.iso()} passerat men inte avslutad")  # type: ignore[union-attr]
    if not insats.effektmal:
        reasons.append("Effektmål saknas")
    return reasons
