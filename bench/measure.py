"""Measuring child processes (wall time, CPU time, peak RSS) and the built site's sizes."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.generate import BENCH_DATE
from handbok.builddate import STOCKHOLM
from handbok.search_index import read_pagefind_file

# Fixed for the whole run, so its builds render identical pages: noon of the run's date in
# Stockholm (after every synthetic date, never before the real content's dates).
SOURCE_DATE_EPOCH = str(int(dt.datetime.combine(BENCH_DATE, dt.time(12), tzinfo=STOCKHOLM).timestamp()))
GZIP_LEVEL = 6  # what web servers typically use


@dataclass(frozen=True)
class TreeMemory:
    """Peaks sampled from /proc while a child runs (MB); 0 when nothing could be read."""

    own_mb: float = 0.0  # the child's own VmHWM (MkDocs, without Pagefind)
    descendants_mb: float = 0.0  # the largest VmHWM of any descendant (Pagefind's indexer)
    together_mb: float = 0.0  # the largest sum of VmRSS over the whole tree at one sample


@dataclass(frozen=True)
class ChildRun:
    wall_s: float
    cpu_s: float
    # ru_maxrss from wait4: on Linux the maximum of the child and all its waited-for
    # descendants (Pagefind's indexer is a subprocess of the build), not their sum.
    peak_rss_mb: float
    returncode: int
    output: str
    memory: TreeMemory = TreeMemory()


@dataclass(frozen=True)
class SiteSizes:
    site_mb: float
    html_pages: int
    search_index_mb: float | None
    portfolio_kb: float | None
    portfolio_gzip_kb: float | None


class BuildFailed(RuntimeError):
    pass


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.update(extra or {})
    return env


MEMORY_SAMPLE_S = 0.1


def _status_kb(pid: int) -> tuple[int, int]:
    """(VmHWM, VmRSS) of a live process in KiB; (0, 0) once it is gone."""
    hwm = rss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
            elif line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return hwm, rss


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except (OSError, ValueError):
                continue
            found += children
            pending += children
    return found


class _TreeSampler:
    """Samples the child's and its descendants' memory every MEMORY_SAMPLE_S until stopped.

    VmHWM is the kernel's own peak, so the child's figure is exact up to the last sample; a
    descendant that lives shorter than a sample interval may be missed.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.own = self.descendants = self.together = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            own_hwm, own_rss = _status_kb(self.pid)
            self.own = max(self.own, own_hwm)
            together = own_rss
            for child in _descendants(self.pid):
                hwm, rss = _status_kb(child)
                self.descendants = max(self.descendants, hwm)
                together += rss
            self.together = max(self.together, together)
            self._stop.wait(MEMORY_SAMPLE_S)

    def stop(self) -> TreeMemory:
        self._stop.set()
        self._thread.join()
        return TreeMemory(self.own / 1024, self.descendants / 1024, self.together / 1024)


def run_child(argv: list[str], *, cwd: Path, env: dict[str, str]) -> ChildRun:
    """Run one child to completion; rusage comes from wait4 for exactly this child."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        sampler = _TreeSampler(process.pid)
        # The sampler reads /proc/<pid> until wait4 reaps the child; a zombie's status has no
        # VmHWM, so the last live sample stands.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        memory = sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    # Linux reports ru_maxrss in KiB.
    return ChildRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                    process.returncode, text, memory)


def build(project: Path, site_dir: Path) -> ChildRun:
    """`mkdocs build --strict` of project into site_dir, as a child of this venv's python."""
    # No -q: MkDocs 1.6 then stops counting warnings and --strict passes broken links.
    run = run_child([sys.executable, "-m", "mkdocs", "build", "--strict",
                     "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
                    cwd=project, env=child_env())
    if run.returncode != 0:
        details = "\n".join(line for line in run.output.splitlines()
                            if not line.startswith("INFO"))
        raise BuildFailed(f"build of {project.name} failed ({run.returncode}):\n{details[-3000:]}")
    return run


_VALIDATION_CHILD = """
import json, os, sys, time
from pathlib import Path
from handbok.builddate import today
from handbok.pipeline import load_portfolio
root = Path(sys.argv[1])
start = time.perf_counter()
portfolio, problems = load_portfolio(root / "data", root / "schemas", today=today(os.environ))
elapsed = time.perf_counter() - start
files = sum(1 for _ in (root / "data").rglob("*.yaml"))
print(json.dumps({"seconds": elapsed, "files": files, "problems": len(problems)}))
"""


def time_validation(project: Path) -> tuple[float, int]:
    """Seconds `load_portfolio` takes on the project's data in a fresh process, and files read."""
    run = run_child([sys.executable, "-c", _VALIDATION_CHILD, str(project)], cwd=project,
                    env=child_env({"PYTHONPATH": str(project / "macros")}))
    if run.returncode != 0:
        raise BuildFailed(f"validation of {project.name} failed:\n{run.output[-3000:]}")
    result = json.loads(run.output.strip().splitlines()[-1])
    if result["problems"]:
        raise BuildFailed(f"validation of {project.name} reported {result['problems']} problems")
    return result["seconds"], result["files"]


def _mb(size: int) -> float:
    return size / 1_000_000


def site_sizes(site_dir: Path) -> SiteSizes:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    # The reader's search: Material's search_index.json (its configuration only since issue 15)
    # and the Pagefind bundle.
    index = [p for p in files if p.relative_to(site_dir).parts[0] == "pagefind"
             or p.relative_to(site_dir).as_posix() == "search/search_index.json"]
    portfolio = site_dir / "portfolj" / "index.html"
    portfolio_bytes = portfolio.read_bytes() if portfolio.is_file() else None
    return SiteSizes(
        site_mb=_mb(sum(p.stat().st_size for p in files)),
        html_pages=sum(1 for p in files if p.suffix == ".html"),
        search_index_mb=_mb(sum(p.stat().st_size for p in index)) if index else None,
        portfolio_kb=len(portfolio_bytes) / 1000 if portfolio_bytes is not None else None,
        portfolio_gzip_kb=(len(gzip.compress(portfolio_bytes, GZIP_LEVEL, mtime=0)) / 1000
                           if portfolio_bytes is not None else None),
    )


def _search_documents(site_dir: Path) -> list[dict[str, str]]:
    """Indexed pages as {location, title, text}: Pagefind's fragments, else Material's index."""
    fragments = sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment"))
    if fragments:
        docs = []
        for fragment in fragments:
            data = json.loads(read_pagefind_file(fragment))
            docs.append({"location": data["url"].lstrip("/"), "title": data["meta"].get("title", ""),
                         "text": data["content"]})
        return docs
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    found: list[dict[str, str]] = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    return found


def portfolio_share_of_search_index(site_dir: Path) -> float | None:
    """Share of the search index's text that comes from the portfolj/ page (duplication check)."""
    docs = _search_documents(site_dir)
    if not docs:
        return None
    total = sum(len(d.get("text", "")) + len(d.get("title", "")) for d in docs) or 1
    portfolio = sum(len(d.get("text", "")) + len(d.get("title", ""))
                    for d in docs if d.get("location", "").startswith("portfolj/"))
    return portfolio / total
