"""Page speed on a phone: Lighthouse's mobile performance per page kind (issue 27).

The built site is served on 127.0.0.1 gzip-compressed, as GitHub Pages sends it
(bench/static_site.py), and Lighthouse 12 (npm, node_modules) loads each page in Debian's
Chromium with its default mobile settings: a mid-range phone's screen and a simulated slow 4G
connection. Lighthouse's CPU slowdown of 4 assumes a fast desktop; on a slower or busy host it
warns that scores come out too low and its documentation (docs/throttling.md, "CPU throttling")
says to calibrate the slowdown from the benchmark index it measures. `calibrated_slowdown` does
so with the published calculator's table (2 at index 800, 3 at 1300, 4 at 1533); each page kind
is then measured three times and the median run counts, as Lighthouse advises against variance.
Run it on a built site:

    PYTHONPATH=macros:. .venv/bin/python -m bench.lighthouse site

`make bench` reports these figures for the real site (bench/run.py); they are not a timed test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.static_site import serve_directory

REPO_ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")
# Page kind → a page of that kind (site-relative address).
PAGES = {"start": "", "processteg": "process/bereda/", "portfölj": "portfolj/",
         "insats": "insatser/hifa/"}
# Lighthouse's audit ids of the metrics its performance score is made of.
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint",
           "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift", "SI": "speed-index"}


RUNS = 3


@dataclass(frozen=True)
class Speed:
    """One page's performance score (0–100), its metrics (ms; CLS unitless), the host's
    benchmark index and the CPU slowdown the run used."""

    score: int
    metrics: dict[str, float]
    render_blocking: tuple[str, ...]
    benchmark_index: float
    slowdown: float


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host a mid-range phone (Lighthouse's calculator)."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def measure(url: str, work_dir: Path, slowdown: float | None = None) -> Speed:
    """Lighthouse's mobile performance category for `url` (its own slowdown of 4 if None)."""
    report = work_dir / "lighthouse.json"
    throttling = [] if slowdown is None else [f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}"]
    completed = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
         f"--output-path={report}", "--quiet", f"--chrome-flags={CHROME_FLAGS}", *throttling],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=work_dir)
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr[-2000:])
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    blocking = audits.get("render-blocking-resources", {}).get("details", {}).get("items", [])
    return Speed(score=round(result["categories"]["performance"]["score"] * 100),
                 metrics={name: float(audits[key]["numericValue"]) for name, key in METRICS.items()},
                 render_blocking=tuple(str(item["url"]) for item in blocking),
                 benchmark_index=float(result["environment"]["benchmarkIndex"]),
                 slowdown=float(result["configSettings"]["throttling"]["cpuSlowdownMultiplier"]))


def measure_site(site_dir: Path, pages: dict[str, str] = PAGES, runs: int = RUNS) -> dict[str, Speed]:
    """Every page kind of a built site, served compressed: the median of `runs` calibrated runs."""
    server, base = serve_directory(site_dir, compress=True)
    try:
        with tempfile.TemporaryDirectory() as work:
            slowdown = calibrated_slowdown(measure(base, Path(work)).benchmark_index)
            speeds = {}
            for kind, path in pages.items():
                measured = sorted((measure(base + path, Path(work), slowdown) for _ in range(runs)),
                                  key=lambda speed: speed.score)
                speeds[kind] = measured[len(measured) // 2]
            return speeds
    finally:
        server.shutdown()
        server.server_close()


def table(speeds: dict[str, Speed]) -> str:
    """The figures as a Markdown table, for BENCHMARKS.md."""
    lines = ["| Sidtyp | Poäng | FCP | LCP | TBT | CLS | Speed Index | Värdindex | CPU-faktor |",
             "|---|---|---|---|---|---|---|---|---|"]
    for kind, speed in speeds.items():
        m = speed.metrics
        lines.append(f"| {kind} | {speed.score} | {m['FCP'] / 1000:.1f} s | {m['LCP'] / 1000:.1f} s | "
                     f"{m['TBT']:.0f} ms | {m['CLS']:.3f} | {m['SI'] / 1000:.1f} s | "
                     f"{speed.benchmark_index:.0f} | {speed.slowdown:.2f} |")
    return "\n".join(lines)


def main() -> int:
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: ingen byggd webbplats (kör make build först)", file=sys.stderr)
        return 1
    print(table(measure_site(site_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
