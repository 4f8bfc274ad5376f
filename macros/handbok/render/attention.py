"""Rules that make an initiative or a need need attention, evaluated against the build's today."""

from __future__ import annotations

import datetime as dt

from handbok.currency import AsOf, Dated
from handbok.model import Behov, Halsa, Insats, Status, quote_for


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


def confirmation_reason(record: Dated, as_of: AsOf) -> str | None:
    """The reason a confirmed record whose confirmation is older than the review interval is listed.

    A record no editor has confirmed is not listed one by one: the portfolio groups those per
    organisation as waiting for confirmation (issue 24).
    """
    reviewed = record.senast_granskad
    if reviewed is None or as_of.is_current(record):
        return None
    return f"Uppgifterna bekräftades senast {reviewed.isoformat()} och behöver bekräftas igen"


def source_signals(insats: Insats) -> list[str]:
    """What an unconfirmed record's source itself names as a deviation from the plan, with the
    sentence it rests on: a real signal stays visible though nobody has confirmed it (C3)."""
    if insats.halsa not in (Halsa.RISK, Halsa.ALLVARLIG_AVVIKELSE) or insats.status is Status.AVSLUTAD:
        return []
    quote = quote_for(insats.citat, "halsa")
    basis = f"tolkning av källan: ”{quote}”" if quote else "redaktionens tolkning"
    return [f"Läge: {insats.halsa.label} ({basis})"]


def attention_reasons(insats: Insats, as_of: AsOf) -> list[str]:
    """Swedish reasons, in a fixed order; empty when the initiative needs no attention.

    Only a confirmed record is held to what it should have (reports, effect goals, an end it
    has passed): for an unconfirmed one the source's silence or forecast is no shortcoming.
    """
    if insats.senast_granskad is None:
        return source_signals(insats)
    build_date = as_of.today
    reasons = [reason] if (reason := confirmation_reason(insats, as_of)) else []
    if insats.halsa in (Halsa.RISK, Halsa.ALLVARLIG_AVVIKELSE) and insats.status is not Status.AVSLUTAD:
        reasons.append(f"Läge: {insats.halsa.label}")
    missing = report_missing_since(insats, build_date)
    if missing is not None:
        reasons.append(f"Statusrapport saknas sedan {missing.isoformat()}")
    if is_past_end(insats, build_date) and insats.period.slut is not None:  # past end implies an end
        ending = ", status saknas" if insats.status is None else " men inte avslutad"
        reasons.append(f"Slutdatum {insats.period.slut.iso()} passerat{ending}")
    if not insats.effektmal:
        reasons.append("Effektmål saknas")
    return reasons


def need_attention_reasons(need: Behov, as_of: AsOf) -> list[str]:
    """Swedish reasons a need is listed under "Kräver uppmärksamhet"; empty when none."""
    reason = confirmation_reason(need, as_of)
    return [reason] if reason else []
