"""Benchmark results as Markdown tables, and the comparison with the goals of issue 9."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.measure import SiteSizes
from bench.reader import ReaderSearch
from bench.stats import Summary, growth_exponent

# Measured with plain Material on this kind of machine (shared/TOOLCHAIN.md, issue 5).
IN_NAV_REFERENCE_2000 = "77 s, 1,1 GB HTML (TOOLCHAIN.md; ej mätt i denna körning)"
GIB_MB = 1024 ** 3 / 1_000_000


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
        build, floor = (self.build_cpu, self.floor_cpu) if cpu else (self.build, self.floor)
        return build.median / floor.median if build and floor else None

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
                   "Golv i nav (MB)", "Sökindex (MB)", "Portfölj KB (rå / gzip)",
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


def serve_table(latencies: list[float] | None, note: str) -> str:
    if not latencies:
        return f"Serve-ombyggnad: {note}"
    values = ", ".join(f"{v:.2f}" for v in latencies)
    return _table(["Serve-ombyggnad (200 insatser)", "Median (s)", "Mätningar (s)"],
                  [[note, f"{sorted(latencies)[len(latencies) // 2]:.2f}", values]])


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


def goals(results: list[SizeResult], serve_latencies: list[float] | None) -> list[Goal]:
    largest = results[-1] if results else None
    ratio = largest.ratio() if largest else None
    exps = [e for _, e, _, _ in exponents(results)[-1:] if e is not None]
    share = largest.validation_share() if largest else None
    rss = max((r.peak_rss_mb for r in results if r.peak_rss_mb is not None), default=None)
    site = largest.site if largest else None
    serve = sorted(serve_latencies)[len(serve_latencies) // 2] if serve_latencies else None

    def goal(text: str, value: float | None, limit: float, shown: str) -> Goal:
        return Goal(text, shown if value is not None else "ej mätt",
                    None if value is None else value <= limit)

    label = f"{largest.insatser} + {largest.behov}" if largest else "–"
    return [
        goal(f"Bygge/golv ≤ 1,2 ({label})", ratio, 1.2, _num(ratio)),
        goal("Tillväxtexponent ≤ 1,1 (största steget)", exps[0] if exps else None, 1.1,
             _num(exps[0] if exps else None)),
        goal("Validering ≤ 5 % av bygget", share, 0.05,
             _num(share * 100 if share is not None else None, 1, " %")),
        goal("Topp-RSS < 1 GiB", rss, GIB_MB, _num(rss, 0, " MB")),
        goal("Webbplats < 150 MB", site.site_mb if site else None, 150,
             _num(site.site_mb if site else None, 1, " MB")),
        goal("Portföljsida < 300 KB gzip", site.portfolio_gzip_kb if site else None, 300,
             _num(site.portfolio_gzip_kb if site else None, 0, " KB")),
        goal("Serve-ombyggnad < 3 s (200 insatser)", serve, 3.0, _num(serve, 2, " s")),
        *reader_goals(largest),
    ]


def reader_goals(largest: SizeResult | None) -> list[Goal]:
    """Issue 15, point 3: ≤ 400 KB and ≤ 1 s to the first search result at the largest size."""
    reader = largest.reader if largest else None
    label = f"{largest.insatser} + {largest.behov}" if largest else "–"
    if reader is None:
        return [Goal(f"Läsarens sökning ≤ 400 KB till första träff ({label})", "ej mätt", None),
                Goal("Första sökträff ≤ 1 s efter sista tangent", "ej mätt", None)]
    return [Goal(f"Läsarens sökning ≤ 400 KB till första träff ({label})", f"{reader.kilobytes:.0f} KB",
                 reader.kilobytes <= 400),
            Goal(f"Första sökträff ≤ 1 s efter sista tangent ({label})", f"{reader.result_ms:.0f} ms",
                 reader.result_ms <= 1000)]


def goal_table(items: list[Goal]) -> str:
    def verdict(goal: Goal) -> str:
        return "ej mätt" if goal.met is None else ("uppfyllt" if goal.met else "ej uppfyllt")
    return _table(["Mål", "Uppmätt", "Resultat"], [[g.text, g.measured, verdict(g)] for g in items])
