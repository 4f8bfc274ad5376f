"""The page `make serve` shows instead of hanging when the sources have problems (issue 17).

MkDocs' live-reload server keeps every request waiting after a failed rebuild, so under serve
the adapter builds this page instead of failing: it lists the same located Swedish problems as
`make validate`, and reloads itself once the site builds again.
"""

from __future__ import annotations

import html

MARKER = "handbok-byggfel"
# Polls the page's own address: the error site answers 404 (or this page) until the sources
# are fixed, then the real page comes back and replaces this one.
_RELOAD_SCRIPT = (
    "<script>(function(){function f(){fetch(location.href,{cache:'no-store'})"
    ".then(function(r){return r.ok?r.text():'';})"
    f".then(function(t){{if(t&&t.indexOf('{MARKER}')<0){{location.reload();}}"
    "else{setTimeout(f,1000);}},function(){setTimeout(f,2000);});}"
    "setTimeout(f,1000);})();</script>"
)


def render_error_page(problem_lines: list[str]) -> str:
    """A self-contained HTML page listing `file:line:col: fel: …` lines, in Swedish."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in problem_lines)
    count = len(problem_lines)
    return (
        "<!doctype html>\n"
        f'<html lang="sv" id="{MARKER}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Förhandsvisningen väntar på en rättning – Förändringshandboken</title>\n"
        '<meta name="robots" content="noindex">\n'
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}li{margin:.5rem 0}code{white-space:pre-wrap}"
        "h1{color:#8a1c1c}</style>\n"
        "</head>\n<body>\n<main>\n"
        f"<h1>Webbplatsen kan inte byggas: {count} problem</h1>\n"
        "<p>Rätta raderna nedan (fil:rad:kolumn) och spara filen. Sidan laddas om av sig själv "
        "när felen är rättade; du behöver inte starta om <code>make serve</code>.</p>\n"
        f'<ol role="list">\n{items}\n</ol>\n'
        "<p>Samma lista visar <code>make validate</code> i terminalen.</p>\n"
        f"</main>\n{_RELOAD_SCRIPT}\n</body>\n</html>\n"
    )
