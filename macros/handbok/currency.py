"""Whether a record's information can be called current: its date, its last confirmation, the interval.

A record describes the situation on the date its source gives (`uppgifterna_galler`). It stays
current for one review interval after that date, or after an editor last confirmed it
(`senast_granskad`), whichever is later; after that no page may present it as the situation now
(issue 12).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Protocol

from handbok.model import PartialDate

DEFAULT_REVIEW_MONTHS = 12


def add_months(date: dt.date, months: int) -> dt.date:
    """`date` plus whole months; the 31st becomes the month's last day where needed."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def is_overdue(reviewed: dt.date, today: dt.date, months: int) -> bool:
    """Overdue once the interval has fully passed: reviewed 2025-03-01, 12 months → from 2026-03-02."""
    return today > add_months(reviewed, months)


class Dated(Protocol):
    """A record with an information date and an optional confirmation date."""

    @property
    def uppgifterna_galler(self) -> PartialDate | None: ...

    @property
    def senast_granskad(self) -> dt.date | None: ...


def confirmed_on(record: Dated) -> dt.date | None:
    """The last day the record is known to hold: its information date or its last confirmation.

    A year or month counts from its last day: "2019" may describe December 2019. None when
    the source gives no date and no editor has confirmed the record: it is never current.
    """
    return _confirmed(record.uppgifterna_galler, record.senast_granskad)


def _confirmed(information: PartialDate | None, reviewed: dt.date | None) -> dt.date | None:
    known = [d for d in (information.last_day() if information else None, reviewed) if d is not None]
    return max(known, default=None)


@dataclass(frozen=True)
class AsOf:
    """The build's "today" (Europe/Stockholm) and the review interval, passed to every renderer."""

    today: dt.date
    review_months: int = DEFAULT_REVIEW_MONTHS

    def review_due(self, record: Dated) -> dt.date | None:
        """The day by which the record must be confirmed; None when it never was current."""
        known = confirmed_on(record)
        return add_months(known, self.review_months) if known is not None else None

    def is_current(self, record: Dated) -> bool:
        """True while the review interval since the information date or confirmation has not passed."""
        return _is_current(record.uppgifterna_galler, record.senast_granskad, self.today, self.review_months)


@functools.lru_cache(maxsize=1 << 14)  # asked for every record on several pages (issue 15)
def _is_current(information: PartialDate | None, reviewed: dt.date | None, today: dt.date, months: int) -> bool:
    known = _confirmed(information, reviewed)
    return known is not None and not is_overdue(known, today, months)
