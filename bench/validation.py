"""Validation throughput: N generated initiatives + N needs, records per second of load_portfolio.

`python -m bench.validation 2000` (PYTHONPATH=macros:.) prints the result. Not a timed test:
the benchmark harness calls `measure_validation` and reports the figure next to build times.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.generate import BENCH_DATE, REPO_ROOT, generate_dataset, write_data
from handbok.pipeline import load_portfolio


@dataclass(frozen=True)
class ValidationResult:
    records: int
    seconds: float  # median wall time of the runs
    cpu_seconds: float  # median process time: stable on a busy machine

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds

    def summary(self) -> str:
        cpu_rate = self.records / self.cpu_seconds
        return (f"Validering: {self.records} poster på {self.seconds:.2f} s "
                f"({_thousands(self.records_per_second)} poster/s; CPU-tid "
                f"{self.cpu_seconds:.2f} s, {_thousands(cpu_rate)} poster/s)")


def _thousands(number: float) -> str:
    return f"{number:,.0f}".replace(",", "\u00a0")


def measure_validation(size: int, runs: int = 3, schema_dir: Path = REPO_ROOT / "schemas") \
        -> ValidationResult:
    """Write `size` initiatives and `size` needs (plus units and a source) to a temporary
    folder, then time the real load_portfolio over all of them; raises if any is invalid."""
    with tempfile.TemporaryDirectory(prefix="handbok-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        records = write_data(generate_dataset(size), data_dir, schema_dir)
        times, cpu_times = [], []
        for _ in range(runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            portfolio, problems = load_portfolio(data_dir, schema_dir, today=BENCH_DATE)
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
            if problems or portfolio is None:
                raise RuntimeError(f"generated data is invalid: {problems[:5]}")
    return ValidationResult(records, statistics.median(times), statistics.median(cpu_times))


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 2000
    print(measure_validation(size).summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
