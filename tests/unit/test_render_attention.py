"""The stale status report rule at its exact boundaries, and the other attention rules."""

from __future__ import annotations

import datetime as dt

from handbok.currency import AsOf
from handbok.model import Halsa, PartialDate, Period, Rapportintervall, Status, Statusrapport
from handbok.render.attention import attention_reasons, is_past_end, report_missing_since
from tests.unit.render_samples import AS_OF, BUILD_DATE, initiative, unit

UNIT = unit("nu-sjukvarden", "NU-sjukvården")


def _monthly(reports=(), **kwargs):
    return initiative("x", "X", (UNIT,), rapportintervall=Rapportintervall.MANADSVIS,
                      statusrapporter=tuple(reports), **kwargs)


def test_report_is_stale_only_after_the_interval_has_passed() -> None:
    insats = _monthly([Statusrapport(dt.date(2026, 1, 1), Halsa.ENLIGT_PLAN, "ok")])
    due = dt.date(2026, 2, 1)  # 31 days, the monthly interval
    assert report_missing_since(insats, due) is None
    assert report_missing_since(insats, due + dt.timedelta(days=1)) == due


def test_latest_report_counts_whatever_the_order_in_the_data() -> None:
    insats = _monthly([Statusrapport(dt.date(2026, 3, 1), Halsa.RISK, "ny"),
                       Statusrapport(dt.date(2026, 1, 1), Halsa.RISK, "gammal")])
    assert report_missing_since(insats, dt.date(2026, 4, 1)) is None
    assert report_missing_since(insats, dt.date(2026, 4, 2)) == dt.date(2026, 4, 1)


def test_without_reports_the_interval_counts_from_the_start() -> None:
    insats = _monthly(period=Period(PartialDate(2026, 1), None))
    assert report_missing_since(insats, dt.date(2026, 2, 1)) is None
    assert report_missing_since(insats, dt.date(2026, 2, 2)) == dt.date(2026, 2, 1)


def test_nothing_is_overdue_without_interval_start_or_when_not_ongoing() -> None:
    assert report_missing_since(initiative("x", "X", (UNIT,)), BUILD_DATE) is None
    assert report_missing_since(_monthly(), BUILD_DATE) is None
    closed = _monthly([Statusrapport(dt.date(2020, 1, 1), Halsa.ENLIGT_PLAN, "ok")], status=Status.AVSLUTAD)
    assert report_missing_since(closed, BUILD_DATE) is None


def test_past_end_uses_the_last_day_of_a_partial_date() -> None:
    insats = initiative("x", "X", (UNIT,), period=Period(PartialDate(2025), PartialDate(2026, 2)))
    assert not is_past_end(insats, dt.date(2026, 2, 28))
    assert is_past_end(insats, dt.date(2026, 3, 1))


def test_attention_reasons_in_fixed_order() -> None:
    """A confirmed record is held to what it should have (issue 24)."""
    insats = _monthly([Statusrapport(dt.date(2026, 1, 1), Halsa.RISK, "r")], halsa=Halsa.RISK,
                      effektmal=(), period=Period(PartialDate(2025), PartialDate(2026, 1)),
                      senast_granskad=dt.date(2026, 2, 1))
    assert attention_reasons(insats, AsOf(dt.date(2026, 3, 1), 12)) == [
        "Läge: Risk för avvikelse från planen", "Statusrapport saknas sedan 2026-02-01",
        "Slutdatum 2026-01 passerat men inte avslutad", "Effektmål saknas"]
    assert attention_reasons(initiative("ok", "OK", (UNIT,)), AS_OF) == []
    assert attention_reasons(initiative("n", "N", (UNIT,), halsa=None), AS_OF) == []


def test_an_unconfirmed_record_shows_only_what_its_source_signals() -> None:
    """Silence and forecasts are no shortcomings (V2, P4); a delay the source names stays (C3)."""
    forecast = initiative("f", "F", (UNIT,), effektmal=(), period=Period(PartialDate(2019), PartialDate(2020)),
                          citat=(("status", "som väntas pågå under hela 2019 och 2020"),))
    assert attention_reasons(forecast, AsOf(dt.date(2026, 3, 1), 12)) == []
    delayed = initiative("d", "D", (UNIT,), halsa=Halsa.RISK,
                         citat=(("halsa", "delvis fått stå tillbaka på grund av pandemin"),))
    assert attention_reasons(delayed, AS_OF) == [
        "Läge: Risk för avvikelse från planen (tolkning av källan: ”delvis fått stå tillbaka på grund "
        "av pandemin”)"]
    assert attention_reasons(initiative("u", "U", (UNIT,), halsa=Halsa.RISK), AS_OF) == [
        "Läge: Risk för avvikelse från planen (redaktionens tolkning)"]
