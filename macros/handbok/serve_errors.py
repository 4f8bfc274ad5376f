"""The page `make serve` shows instead of hanging when the sources have problems (issue 17).

MkDocs' live-reload server keeps every request waiting after a failed rebuild, so under serve
the adapter builds this page instead of failing: it lists the same located Swedish problems as
`make validate`, and reloads itself once the site builds again (templates/serve_errors.html.j2).
"""

from __future__ import annotations

from handbok.render.templating import render

MARKER = "handbok-byggfel"


def render_error_page(problem_lines: list[str]) -> str:
    """A self-contained HTML page listing `file:line:col: fel: …` lines, in Swedish."""
    return render("serve_errors.html.j2", marker=MARKER, problem_lines=problem_lines)
