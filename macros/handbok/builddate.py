"""The one clock: "today" is the calendar date in Europe/Stockholm, read once at a boundary.

The adapter (once per build) and each command-line tool (once per command) call `today` and
pass the date down; nothing below them reads the clock or the environment (issue 12).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class ClockError(ValueError):
    """An override in the environment that is not a date; the message is Swedish."""


def today(environ: Mapping[str, str], *, now: dt.datetime | None = None) -> dt.date:
    """BUILD_DATE (YYYY-MM-DD) if set, else SOURCE_DATE_EPOCH, else now; always Stockholm's date.

    SOURCE_DATE_EPOCH is an instant (seconds since 1970, UTC), so 00:30 Swedish time is already
    the new day here although it is still yesterday in UTC.
    """
    pinned = environ.get("BUILD_DATE", "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise ClockError(f"BUILD_DATE ska vara ett datum ÅÅÅÅ-MM-DD, inte '{pinned}'") from None
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            instant = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise ClockError(f"SOURCE_DATE_EPOCH ska vara ett heltal (sekunder), inte '{epoch}'") from None
        return instant.astimezone(STOCKHOLM).date()
    return (now or dt.datetime.now(tz=dt.UTC)).astimezone(STOCKHOLM).date()
