"""`make bench`: build synthetic portfolios and a plain Material floor, interleaved, and report.

Environment: BENCH_SIZES (default "20,200,2000"), BENCH_REPEAT (3), BENCH_SEED (2026),
BENCH_FULL=1 (also the quadratic in-nav floor at 2,000), BENCH_SERVE=0 (skip serve latency),
BENCH_SERVE_SIZES (default "200,2000": the sizes whose project is also served, bench/serve.py),
BENCH_READER=0 (skip the reader's bytes and time to the first search result, bench/reader.py),
BENCH_LIGHTHOUSE=0 (skip Lighthouse's mobile performance of the real site, bench/lighthouse.py).
Results: printed, and written to .bench/results.md.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict

from bench import lighthouse, report
from bench.floor import write_floor_project
from bench.generate import REPO_ROOT, generate_dataset, write_project_copy
from bench.measure import (
    BuildFailed,
    ChildRun,
    TreeMemory,
    build,
    portfolio_share_of_search_index,
    site_sizes,
    time_validation,
)
from bench.reader import ReaderSearch, measure_reader_search
from bench.serve import ServeFailed, serve_latencies
from bench.stats import summarize

RESULTS_FILE = REPO_ROOT / ".bench" / "results.md"
IN_NAV_DEFAULT_LIMIT = 200
SERVE_REPEAT = 3  # each serve edit; starting serve at 2,000 costs a full first build


class Settings(TypedDict):
    sizes: list[int]
    repeat: int
    seed: int
    full: bool
    serve: bool
    serve_sizes: list[int]
    reader: bool
    lighthouse: bool


def _settings(environ: Mapping[str, str]) -> Settings:
    return {
        "sizes": [int(s) for s in environ.get("BENCH_SIZES", "20,200,2000").split(",") if s.strip()],
        "repeat": max(1, int(environ.get("BENCH_REPEAT", "3"))),
        "seed": int(environ.get("BENCH_SEED", "2026")),
        "full": environ.get("BENCH_FULL", "") == "1",
        "serve": environ.get("BENCH_SERVE", "1") != "0",
        "serve_sizes": [int(s) for s in environ.get("BENCH_SERVE_SIZES", "200,2000").split(",")
                        if s.strip()],
        "reader": environ.get("BENCH_READER", "1") != "0",
        "lighthouse": environ.get("BENCH_LIGHTHOUSE", "1") != "0",
    }


def machine_description() -> str:
    model = "okänd"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    return (f"{os.cpu_count()} kärnor, {model}, Python {platform.python_version()}, "
            f"belastning vid start {load}")


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def _measure_size(size: int, tmp: Path, settings: Settings) -> tuple[report.SizeResult, Path | None]:
    result = report.SizeResult(size)
    project = None
    try:
        copy = write_project_copy(tmp / f"projekt-{size}", size, settings["seed"])
        project = copy.root
        result.insatser, result.behov, result.records = copy.insatser, copy.behov, copy.records
    except Exception as error:  # noqa: BLE001 - a broken tree must not stop the floor runs
        result.errors.append(f"syntetiskt projekt {size}: {error}")
    dataset = generate_dataset(size, settings["seed"])
    floor = write_floor_project(tmp / f"golv-{size}", dataset, REPO_ROOT, in_nav=False)
    in_nav = None
    if size <= IN_NAV_DEFAULT_LIMIT or settings["full"]:
        in_nav = write_floor_project(tmp / f"golv-nav-{size}", dataset, REPO_ROOT, in_nav=True)

    validation: list[float] = []
    runs: dict[str, list[ChildRun]] = {"build": [], "floor": [], "in_nav": []}
    failed = {"build": project is None, "floor": False, "in_nav": False}
    for repetition in range(settings["repeat"]):
        _log(f"{size}: repetition {repetition + 1}/{settings['repeat']}")
        jobs = [("build", project), ("floor", floor), ("in_nav", in_nav)]
        if repetition % 2:
            jobs.reverse()  # alternate the order so drifting load hits both sides
        for name, path in jobs:
            if path is None or failed[name]:
                continue
            try:
                runs[name].append(build(path, _fresh(tmp / f"site-{name}-{size}")))
            except BuildFailed as error:
                failed[name] = True
                result.errors.append(str(error))
        if not failed["build"] and project is not None:
            validation.append(time_validation(project)[0])

    if validation:
        result.validation = summarize(validation)
    if runs["build"]:
        result.build = summarize([r.wall_s for r in runs["build"]])
        result.build_cpu = summarize([r.cpu_s for r in runs["build"]])
        # wait4's ru_maxrss is the maximum over the build's process tree (MkDocs or Pagefind's
        # indexer, whichever is larger), not their sum; bench/measure.py samples both apart.
        result.peak_rss_mb = max(r.peak_rss_mb for r in runs["build"])
        result.build_rss = summarize([r.peak_rss_mb for r in runs["build"]])
        result.build_memory = TreeMemory(max(r.memory.own_mb for r in runs["build"]),
                                         max(r.memory.descendants_mb for r in runs["build"]),
                                         max(r.memory.together_mb for r in runs["build"]))
        result.site = site_sizes(tmp / f"site-build-{size}")
        result.portfolio_search_share = portfolio_share_of_search_index(tmp / f"site-build-{size}")
    if runs["floor"]:
        result.floor = summarize([r.wall_s for r in runs["floor"]])
        result.floor_cpu = summarize([r.cpu_s for r in runs["floor"]])
        result.floor_rss_mb = max(r.peak_rss_mb for r in runs["floor"])
        result.floor_site = site_sizes(tmp / f"site-floor-{size}")
    if runs["build"] and runs["floor"] and len(runs["build"]) == len(runs["floor"]):
        result.build_ratio = report.paired_ratios([r.wall_s for r in runs["build"]],
                                                  [r.wall_s for r in runs["floor"]])
        result.build_ratio_cpu = report.paired_ratios([r.cpu_s for r in runs["build"]],
                                                      [r.cpu_s for r in runs["floor"]])
    if runs["in_nav"]:
        result.floor_in_nav = summarize([r.wall_s for r in runs["in_nav"]])
        result.floor_in_nav_rss_mb = max(r.peak_rss_mb for r in runs["in_nav"])
        result.floor_in_nav_site = site_sizes(tmp / f"site-in_nav-{size}")
    if settings["reader"]:
        result.reader = _reader(tmp / f"site-build-{size}", result.errors) if runs["build"] else None
        result.floor_reader = _reader(tmp / f"site-floor-{size}", result.errors) if runs["floor"] else None
    for name in ("build", "floor", "in_nav"):
        shutil.rmtree(tmp / f"site-{name}-{size}", ignore_errors=True)
    return result, None if failed["build"] else project


def _reader(site_dir: Path, errors: list[str]) -> ReaderSearch | None:
    _log(f"reader: searching {site_dir.name}")
    try:
        return measure_reader_search(site_dir)
    except Exception as error:  # noqa: BLE001 - a failed measurement is reported, not fatal
        errors.append(f"läsarens sökning i {site_dir.name}: {error}")
        return None


def _real_site(tmp: Path, settings: Settings) -> tuple[ReaderSearch | None, str]:
    """The real site, built once: bytes and time to the first search result, and Lighthouse's
    mobile performance per page kind served compressed (a Markdown table, or why not)."""
    if not (settings["reader"] or settings["lighthouse"]):
        return None, "ej mätt (BENCH_READER=0 och BENCH_LIGHTHOUSE=0)"
    try:
        build(REPO_ROOT, _fresh(tmp / "site-real"))
    except BuildFailed as error:
        _log(f"reader: the real site does not build: {error}")
        return None, f"ej mätt: webbplatsen byggde inte ({error})"
    reader = _reader(tmp / "site-real", []) if settings["reader"] else None
    if not settings["lighthouse"]:
        return reader, "ej mätt (BENCH_LIGHTHOUSE=0)"
    _log("lighthouse: the real site's page kinds, served compressed")
    try:
        return reader, lighthouse.table(lighthouse.measure_site(tmp / "site-real"))
    except Exception as error:  # noqa: BLE001 - a failed measurement is reported, not fatal
        return reader, f"ej mätt: {error}"


def _serve(project: Path | None, result: report.SizeResult) -> report.ServeOutcome:
    if project is None:
        return report.ServeOutcome(result.size, result.label, None, "ej mätt (projektet byggde inte)")
    record = sorted((project / "data" / "insatser").glob("*.yaml"))[0].stem
    _log(f"serve {result.size}: starting, then {SERVE_REPEAT} data edits and {SERVE_REPEAT} page edits")
    try:
        latencies = serve_latencies(project, record, repeats=SERVE_REPEAT)
    except ServeFailed as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        note = f"ej mätt: {lines[0]} … {lines[-1] if len(lines) > 1 else ''}"
        result.errors.append(f"serve {result.label}: {error}")
        return report.ServeOutcome(result.size, result.label, None, note)
    result.errors += [f"serve {result.label}: {p}" for p in latencies.problems]
    return report.ServeOutcome(result.size, result.label, latencies, f"titeln i `{record}` ändrad")


def render(results: list[report.SizeResult], serve: list[report.ServeOutcome],
           settings: Settings, started: dt.datetime, seconds: float,
           real_reader: ReaderSearch | None = None, page_speed: str = "ej mätt") -> str:
    sections = [
        "# Benchmark: Förändringshandboken mot ett rent Material-bygge",
        "",
        f"- Datum: {started:%Y-%m-%d %H:%M} UTC, körtid {seconds / 60:.1f} min",
        f"- Maskin: {machine_description()}",
        f"- Kommando: `make bench` (BENCH_REPEAT={settings['repeat']}, "
        f"BENCH_SIZES={','.join(map(str, settings['sizes']))}, BENCH_FULL={int(settings['full'])})",
        "- Tider: median (min–max) av upprepade körningar; väggklocka om inget annat anges.",
        "",
        "## Tider", "", report.time_table(results), "",
        "## Storlek och minne", "", report.size_table(results), "",
        "Topp-RSS från wait4 är det största värdet i byggets processträd (MkDocs eller Pagefinds "
        "indexerare, som körs som underprocess), inte summan. Nedan samplas /proc var 0,1 s: "
        "MkDocs-processens och Pagefinds egna toppar (VmHWM) och den största summan av VmRSS "
        "i trädet vid ett och samma tillfälle.", "",
        report.memory_table(results), "",
        "## Tillväxt", "", report.exponent_table(results), "",
        "## Förhandsgranskning (mkdocs serve --dirty)", "",
        "Från att filen sparas till att sidan serveras med ändringen; före varje ändring har "
        "föregående ombyggnad och sökindexeringen i bakgrunden blivit klara.", "",
        report.serve_table(serve), "",
        "## Läsarens sökning (Chromium, gzip nivå 6, frågan \"förändring\")", "",
        report.reader_table(results, real_reader), "",
        "## Sidhastighet i mobilen (Lighthouse, den riktiga webbplatsen, gzip; issue 27)", "",
        "Mål: prestanda minst 90 per sidtyp. Median av tre körningar; CPU-faktorn kalibrerad "
        "från värdens index (bench/lighthouse.py).", "",
        page_speed, "",
        "## Mål (issue 15)", "",
        "Median (min–max) där det finns upprepningar; medianen avgör. Bygge/golv per upprepning "
        "(bygge och golv körs direkt efter varandra).", "",
        report.goal_table(report.goals_15(results, serve)), "",
        "## Mål (issue 9, de som issue 15 inte ersätter)", "",
        report.goal_table(report.goals_9(results)), "",
    ]
    errors = [e for r in results for e in r.errors]
    if errors:
        sections += ["## Fel", "", *[f"```\n{e}\n```" for e in errors], ""]
    return "\n".join(sections)


def main() -> int:
    settings = _settings(os.environ)
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    results: list[report.SizeResult] = []
    serve: list[report.ServeOutcome] = []
    with tempfile.TemporaryDirectory(prefix="handbok-bench-") as tmp_name:
        tmp = Path(tmp_name)
        real_reader, page_speed = _real_site(tmp, settings)
        for size in settings["sizes"]:
            _log(f"size {size}: generating and validating")
            result, project = _measure_size(size, tmp, settings)
            results.append(result)
            if size in settings["serve_sizes"] and settings["serve"]:
                serve.append(_serve(project, result))
            shutil.rmtree(tmp / f"projekt-{size}", ignore_errors=True)
    text = render(results, serve, settings, started, time.perf_counter() - clock, real_reader, page_speed)
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(text, encoding="utf-8")
    print(text)
    print(f"Resultatet finns i {RESULTS_FILE.relative_to(REPO_ROOT)}.")
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
