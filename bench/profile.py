"""Profile one strict build of a synthetic project with cProfile and print the hot spots.

`PYTHONPATH=macros:. .venv/bin/python -m bench.profile [SIZE]` (default 2000). Not part of
`make bench`: profiling slows the build down, so its seconds are not comparable.
"""

from __future__ import annotations

import io
import pstats
import sys
import tempfile
from pathlib import Path

from bench.generate import write_project_copy
from bench.measure import child_env, run_child

# Functions whose call counts tell whether work is done once per build or once per page.
_WATCHED = ("load_portfolio", "check_project", "generated_files", "define_env", "on_config",
            "on_files", "on_page_context", "on_page_markdown", "render_portfolio_page",
            "render_initiative_page", "render_need_page", "render_unit_page")


def _stats_text(stats: pstats.Stats, sort: str, pattern: str, limit: int) -> str:
    out = io.StringIO()
    stats.stream = out  # type: ignore[attr-defined]  # set by Stats.__init__, undeclared in typeshed
    stats.sort_stats(sort).print_stats(pattern, limit)
    return out.getvalue().split("   ncalls", 1)[-1]


def watched_calls(stats: pstats.Stats) -> list[tuple[str, int, float]]:
    """(function, calls, cumulative seconds) for the watched functions found in the profile."""
    rows = []
    for (filename, _, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]  # undeclared in typeshed
        if name in _WATCHED and ("handbok" in filename or "hooks" in filename or "main.py" in filename):
            rows.append((f"{Path(filename).name}:{name}", calls, cumulative))
    return sorted(rows, key=lambda r: -r[2])


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 2000
    with tempfile.TemporaryDirectory(prefix="handbok-profile-") as tmp_name:
        tmp = Path(tmp_name)
        project = write_project_copy(tmp / "projekt", size).root
        output = tmp / "build.prof"
        run = run_child([sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs",
                         "build", "--strict", "-f", str(project / "mkdocs.yml"),
                         "-d", str(tmp / "site")], cwd=project, env=child_env())
        if run.returncode != 0:
            print(run.output[-3000:], file=sys.stderr)
            return 1
        stats = pstats.Stats(str(output))
        print(f"# Profil: bygge med {size} insatser ({run.wall_s:.1f} s med cProfile)\n")
        print("## Anrop per bygge\n")
        for name, calls, cumulative in watched_calls(stats):
            print(f"- {name}: {calls} anrop, {cumulative:.2f} s kumulativt")
        print("\n## Mest kumulativ tid\n```")
        print(_stats_text(stats, "cumulative", ".", 35))
        print("```\n## Handbokens egen kod (kumulativ tid)\n```")
        print(_stats_text(stats, "cumulative", "handbok|hooks.py|macros/main.py", 30))
        print("```\n## Mest egen tid\n```")
        print(_stats_text(stats, "tottime", ".", 25))
        print("```")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
