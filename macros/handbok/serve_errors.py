"""What `make serve` shows instead of hanging when the sources have problems (issues 17, 23).

MkDocs' live-reload server keeps every request waiting after a failed rebuild, so under serve
the adapter finishes the rebuild instead of failing. The located Swedish problems (the same as
`make validate`) then reach the editor on every page: each page built under serve carries a
small script that lays the problem list over the page while PROBLEMS_FILE exists beside the
site's root; live reload reloads the open page after every rebuild, so the fix removes it. An
address with no page (and every address, when the preview starts broken) shows the list as a
page of its own, which reloads itself once the site builds again.
"""

from __future__ import annotations

from pathlib import Path

from handbok.render.templating import render

MARKER = "handbok-byggfel"
PROBLEMS_FILE = "handbok-forhandsvisning.txt"  # not .html: the live-reload server would add its script


def render_error_page(problem_lines: list[str]) -> str:
    """A self-contained HTML page listing `file:line:col: fel: …` lines, in Swedish."""
    return render("serve_errors.html.j2", marker=MARKER, problem_lines=problem_lines)


def preview_script() -> str:
    """The script every page gets under serve (and only there); the same on every page."""
    return render("serve_preview_script.html.j2", marker=MARKER, problems_file=PROBLEMS_FILE).strip()


def with_preview_script(html: str) -> str:
    """A page with the preview script before its closing body tag."""
    at = html.rfind("</body>")
    return html + preview_script() if at < 0 else html[:at] + preview_script() + html[at:]


def write_problems(site_dir: Path, problem_lines: list[str]) -> None:
    """Lay the problem list over every page of the preview, or take it away (no problems)."""
    target = site_dir / PROBLEMS_FILE
    if problem_lines:
        target.write_text(render("serve_overlay.html.j2", marker=MARKER, problem_lines=problem_lines),
                          encoding="utf-8")
    else:
        target.unlink(missing_ok=True)
