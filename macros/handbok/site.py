"""Every file generated from the portfolio: record pages, section indexes, portfolio and exports.

PLACEHOLDER until the render layer lands (issue 5).
"""

from __future__ import annotations

import datetime as dt

from handbok.generated import GeneratedFile
from handbok.model import Portfolio


def generated_files(portfolio: Portfolio, *, build_date: dt.date) -> list[GeneratedFile]:
    return []
