"""The one pure entry point: data folder + schema folder -> (Portfolio | None, problems).

PLACEHOLDER until the data layer lands (issue 4): returns an empty portfolio.
"""

from __future__ import annotations

from pathlib import Path

from handbok.model import Portfolio
from handbok.problems import Problem


def load_portfolio(data_dir: Path, schema_dir: Path) -> tuple[Portfolio | None, list[Problem]]:
    return Portfolio(insatser=(), behov=(), enheter=(), kallor=()), []
