"""Benchmark results as Markdown tables, and the comparison with the goals of issues 15 and 9."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.measure import SiteSizes, TreeMemory
from bench.reader import ReaderSearch
from bench.serve import ServeLatencies
from bench.stats import Summary, growth_exponent, summarize

# Measured with plain Material on this kind of machine (shared/TOOLCHAIN.md, issue 5).
IN_NAV_REFERENCE_2000 = "77 s, 1,1 GB HTML (TOOLCHAIN.md; ej mätt i denna körning)"
GOAL_SIZE = 2000  # issue 15's goals are at 2,000 initiatives + 2,000 needs
SERVE_GOAL_SIZE = 200  # and the editor's loop also at 200 + 200


@dataclass
class SizeResult:
    size: int
    insatser: int = 0
    behov: int = 0
    records: int = 0
    validation: Summary | None = None
    build: Summary | None = None
    build_cpu: Summary | None = None
    floor: Summary | None = None
    floor_cpu: Summary | None = None
    floor_in_nav: Summary | None = None
    peak_rss_mb: float | None = None
    build_rss: Summary | None = None  # per build: wait4's ru_maxrss (max over the process tree)
    build_memory: TreeMemory | None = None  # sampled peaks over all builds (bench/measure.py)
    build_ratio: Summary | None = None  # build/floor, paired by repetition, wall
    build_ratio_cpu: Summary | None = None  # the same in CPU time
    floor_rss_mb: float | None = None
    floor_in_nav_rss_mb: float | None = None
    site: SiteSizes | None = None
    floor_site: SiteSizes | None = None
    floor_in_nav_site: SiteSizes | None = None
    portfolio_search_share: float | None = None
    reader: ReaderSearch | None = None
    floor_reader: ReaderSearch | None = None
    errors: list[str] = field(default_factory=list)

    def ratio(self, cpu: bool = False) -> float | None:
        """Median of the paired build/floor ratios, else the ratio of the medians."""
        paired = self.build_ratio_cpu if cpu else self.build_ratio
        if paired is not None:
            return paired.median
        build, floor = (self.build_cpu, self.floor_cpu) if cpu else (self.build, self.floor)
        return build.median / floor.median if build and floor else None

    @property
    def label(self) -> str:
        return f"{self.insatser} + {self.behov}" if self.insatser else f"{self.size} + {self.size}"

    def validation_share(self) -> float | None:
        return self.validation.median / self.build.median if self.validation and self.build else None


@dataclass(frozen=True)
class Goal:
    text: str
    measured: str
    met: bool | None


def _num(value: float | None, digits: int = 2, unit: str = "") -> str:
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def _summary(value: Summary | None, digits: int = 2) -> str:
    return "–" if value is None else value.format(digits)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _in_nav(result: SizeResult) -> str:
    if result.floor_in_nav is not None:
        return _summary(result.floor_in_nav)
    return IN_NAV_REFERENCE_2000 if result.size >= 2000 else "–"


def time_table(results: list[SizeResult]) -> str:
    rows = []
    for r in results:
        rate = r.records / r.validation.median if r.validation and r.validation.median else None
        share = r.validation_share()
        rows.append([f"{r.insatser} + {r.behov}", _summary(r.validation, 3), _num(rate, 0),
                     _num(share * 100 if share is not None else None, 1, " %"),
                     _summary(r.build), _summary(r.floor), _in_nav(r),
                     _num(r.ratio(), 2), _num(r.ratio(cpu=True), 2)])
    return _table(["Insatser + behov", "Validering (s)", "Poster/s", "Validering av bygge",
                   "Bygge (s)", "Golv, utanför nav (s)", "Golv, i nav (s)", "Bygge/golv",
                   "Bygge/golv (CPU)"], rows)


def size_table(results: list[SizeResult]) -> str:
    rows = []
    for r in results:
        site, floor = r.site, r.floor_site
        portfolio = (f"{site.portfolio_kb:.0f} / {site.portfolio_gzip_kb:.0f}"
                     if site and site.portfolio_kb is not None else "–")
        rows.append([f"{r.insatser} + {r.behov}", _num(r.peak_rss_mb, 0), _num(r.floor_rss_mb, 0),
                     _num(r.floor_in_nav_rss_mb, 0),
                     _num(site.site_mb if site else None, 1), str(site.html_pages) if site else "–",
                     _num(floor.site_mb if floor else None, 1),
                     _num(r.floor_in_nav_site.site_mb if r.floor_in_nav_site else None, 1),
                     _num(site.search_index_mb if site else None, 2), portfolio,
                     _num(r.portfolio_search_share * 100 if r.portfolio_search_share is not None
                          else None, 1, " %")])
    return _table(["Insatser + behov", "Topp-RSS bygge (MB)", "Topp-RSS golv (MB)",
                   "Topp-RSS golv i nav (MB)", "Webbplats (MB)", "HTML-sidor", "Golv (MB)",
                   "Golv i nav (MB)", "Sökindex, Pagefind (MB)", "Portfölj KB (rå / gzip)",
                   "Portföljens andel av sökindex"], rows)


def exponents(results: list[SizeResult]) -> list[tuple[str, float | None, float | None, float | None]]:
    """(label, build, build CPU, floor) growth exponents between consecutive sizes."""
    rows = []
    for small, large in zip(results, results[1:], strict=False):
        def exp(a: Summary | None, b: Summary | None, n1: float, n2: float) -> float | None:
            if not (a and b) or min(n1, n2) <= 0 or n1 == n2:
                return None
            return growth_exponent(n1, a.median, n2, b.median)
        n1, n2 = small.insatser + small.behov, large.insatser + large.behov
        rows.append((f"{n1} → {n2}", exp(small.build, large.build, n1, n2),
                     exp(small.build_cpu, large.build_cpu, n1, n2),
                     exp(small.floor, large.floor, 2 * small.size, 2 * large.size)))
    return rows


def exponent_table(results: list[SizeResult]) -> str:
    rows = [[label, _num(b), _num(c), _num(f)] for label, b, c, f in exponents(results)]
    return _table(["Poster", "Exponent bygge", "Exponent bygge (CPU)", "Exponent golv"], rows)


def paired_ratios(builds: list[float], floors: list[float]) -> Summary | None:
    """Build/floor per repetition (the two ran back to back), summarized."""
    pairs = [b / f for b, f in zip(builds, floors, strict=False) if f > 0]
    return summarize(pairs) if pairs else None


def memory_table(results: list[SizeResult]) -> str:
    """Peak memory of the build: wait4's figure and what /proc showed per process."""
    rows = []
    for r in results:
        memory = r.build_memory
        rows.append([r.label, _summary(r.build_rss, 0),
                     _num(memory.own_mb if memory else None, 0),
                     _num(memory.descendants_mb if memory else None, 0),
                     _num(memory.together_mb if memory else None, 0)])
    return _table(["Insatser + behov", "Topp-RSS bygge, wait4 (MB)", "MkDocs-processen (MB)",
                   "Pagefind (MB)", "Samtidigt i processträdet (MB)"], rows)


@dataclass(frozen=True)
class ServeOutcome:
    """Serve latencies for one project size, or why they are missing."""

    size: int
    label: str
    latencies: ServeLatencies | None
    note: str

    def data(self) -> Summary | None:
        return summarize(self.latencies.data) if self.latencies and self.latencies.data else None

    def page(self) -> Summary | None:
        return summarize(self.latencies.page) if self.latencies and self.latencies.page else None


def _values(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values) if values else "–"


def serve_table(outcomes: list[ServeOutcome]) -> str:
    if not outcomes:
        return "Förhandsgranskningen mättes inte (BENCH_SERVE=0)."
    rows = []
    for o in outcomes:
        lat = o.latencies
        startup = _num(lat.startup_s if lat else None, 0, " s")
        rows.append([o.label, "dataändring: " + o.note, _summary(o.data()),
                     _values(lat.data if lat else []), startup])
        rows.append([o.label, "sidändring: första ordet i `docs/process/bereda.md`", _summary(o.page()),
                     _values(lat.page if lat else []), startup])
    lines = [_table(["Insatser + behov", "Ändring", "Synlig efter (s)", "Mätningar (s)",
                     "Första bygget"], rows)]
    problems = [f"- {o.label}: {p.splitlines()[0]}" for o in outcomes if o.latencies
                for p in o.latencies.problems]
    return "\n".join([*lines, "", *problems] if problems else lines)


def _reader_cells(reader: ReaderSearch | None) -> list[str]:
    if reader is None:
        return ["–", "–", "–"]
    return [f"{reader.kilobytes:.0f}", str(reader.requests), f"{reader.result_ms:.0f}"]


def reader_table(results: list[SizeResult], real: ReaderSearch | None) -> str:
    """Issue 15: what a reader's browser transfers until the first search result, and how fast."""
    rows = [["verklig webbplats", *_reader_cells(real), "–", "–", "–"]]
    rows += [[f"{r.insatser} + {r.behov}", *_reader_cells(r.reader), *_reader_cells(r.floor_reader)]
             for r in results]
    return _table(["Webbplats", "KB till första träff (gzip)", "Förfrågningar", "ms efter sista tangent",
                   "Golv: KB", "Golv: förfrågningar", "Golv: ms"], rows)


def _at(results: list[SizeResult], size: int) -> SizeResult | None:
    return next((r for r in results if r.size == size), None)


def _limit(text: str, value: Summary | float | None, limit: float, shown: str) -> Goal:
    if value is None:
        return Goal(text, "ej mätt", None)
    median = value.median if isinstance(value, Summary) else value
    return Goal(text, shown, median <= limit)


def goals_15(results: list[SizeResult], serve: list[ServeOutcome]) -> list[Goal]:
    """Every goal of issue 15 at the size it names; medians decide, spreads are shown."""
    big = _at(results, GOAL_SIZE)
    small = _at(results, SERVE_GOAL_SIZE)
    big_label = big.label if big else f"{GOAL_SIZE} + {GOAL_SIZE}"
    small_label = small.label if small else f"{SERVE_GOAL_SIZE} + {SERVE_GOAL_SIZE}"
    exponent = exponent_cpu = None
    if big and small:
        row = exponents([small, big])[0]
        exponent, exponent_cpu = row[1], row[2]
    site = big.site if big else None
    serve_at = {o.size: o for o in serve}

    def serve_goal(kind: str, size: int, label: str, limit: float) -> Goal:
        outcome = serve_at.get(size)
        value = None if outcome is None else (outcome.data() if kind == "data" else outcome.page())
        text = "Dataändring" if kind == "data" else "Ändrad sida"
        limit_text = f"{limit:.0f}"
        return _limit(f"{text} synlig under serve ≤ {limit_text} s ({label})", value, limit,
                      _summary(value, 2) + " s" if value else "")

    reader = big.reader if big else None
    return [
        _limit(f"Bygge/golv ≤ 1,3 ({big_label}, vägg)", big.build_ratio if big else None, 1.3,
               _summary(big.build_ratio if big else None)),
        _limit(f"Bygge/golv ≤ 1,3 ({big_label}, CPU)", big.build_ratio_cpu if big else None, 1.3,
               _summary(big.build_ratio_cpu if big else None)),
        _limit(f"Tillväxtexponent ≤ 1,05 ({SERVE_GOAL_SIZE} → {GOAL_SIZE}, medianer)", exponent, 1.05,
               f"{_num(exponent)} (CPU {_num(exponent_cpu)})"),
        _limit(f"Topp-RSS bygge ≤ 400 MB ({big_label})", big.build_rss if big else None, 400,
               _summary(big.build_rss if big else None, 0) + " MB"),
        _limit(f"Webbplats ≤ 150 MB ({big_label})", site.site_mb if site else None, 150,
               _num(site.site_mb if site else None, 1, " MB")),
        serve_goal("data", SERVE_GOAL_SIZE, small_label, 2.0),
        serve_goal("data", GOAL_SIZE, big_label, 5.0),
        serve_goal("page", SERVE_GOAL_SIZE, small_label, 2.0),
        serve_goal("page", GOAL_SIZE, big_label, 5.0),
        _limit(f"Läsarens sökning ≤ 400 KB till första träff ({big_label})",
               reader.kilobytes if reader else None, 400,
               f"{reader.kilobytes:.0f} KB" if reader else ""),
        _limit(f"Första sökträff ≤ 1 s efter sista tangent ({big_label})",
               reader.result_ms / 1000 if reader else None, 1.0,
               f"{reader.result_ms:.0f} ms" if reader else ""),
    ]


def goals_9(results: list[SizeResult]) -> list[Goal]:
    """Issue 9's goals that issue 15 does not replace, at the largest size measured."""
    largest = results[-1] if results else None
    share = largest.validation_share() if largest else None
    site = largest.site if largest else None
    label = largest.label if largest else "–"
    return [
        _limit(f"Validering ≤ 5 % av bygget ({label})", share, 0.05,
               _num(share * 100 if share is not None else None, 1, " %")),
        _limit(f"Portföljsida < 300 KB gzip ({label})", site.portfolio_gzip_kb if site else None, 300,
               _num(site.portfolio_gzip_kb if site else None, 0, " KB")),
    ]


def goal_table(items: list[Goal]) -> str:
    def verdict(goal: Goal) -> str:
        return "ej mätt" if goal.met is None else ("uppfyllt" if goal.met else "ej uppfyllt")
    return _table(["Mål", "Uppmätt", "Resultat"], [[g.text, g.measured, verdict(g)] for g in items])
