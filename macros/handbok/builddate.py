"""The date the portfolio's figures refer to: the build date, reproducible via SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping


def build_date(environ: Mapping[str, str]) -> dt.date:
    """SOURCE_DATE_EPOCH (seconds, UTC) when set, so two builds of one commit are identical."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()
