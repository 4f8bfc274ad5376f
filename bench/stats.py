"""Small pure statistics for the benchmark: median, spread and growth exponent."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Median and spread (min–max) of repeated measurements."""

    median: float
    low: float
    high: float
    count: int

    def format(self, digits: int = 2, unit: str = "") -> str:
        if self.count == 1:
            return f"{self.median:.{digits}f}{unit}"
        return f"{self.median:.{digits}f}{unit} ({self.low:.{digits}f}–{self.high:.{digits}f})"


def summarize(values: Sequence[float]) -> Summary:
    if not values:
        raise ValueError("summarize() needs at least one value")
    return Summary(statistics.median(values), min(values), max(values), len(values))


def growth_exponent(n1: float, t1: float, n2: float, t2: float) -> float:
    """k in t ∝ n^k between two sizes: log(t2/t1) / log(n2/n1); 1.0 is linear."""
    if n1 <= 0 or n2 <= 0 or t1 <= 0 or t2 <= 0 or n1 == n2:
        raise ValueError("growth_exponent() needs two different positive sizes and positive times")
    return math.log(t2 / t1) / math.log(n2 / n1)
