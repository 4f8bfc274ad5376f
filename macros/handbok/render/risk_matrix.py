"""Risk analysis as in the VGR model: probability × consequence (1–4 each), highest risk first."""

from __future__ import annotations

from handbok.model import Risk
from handbok.render import escape


def ranked_risks(risks: tuple[Risk, ...]) -> list[tuple[int, Risk]]:
    """(number in the data, risk), highest value first; ties by consequence, then data order."""
    numbered = list(enumerate(risks, start=1))
    return sorted(numbered, key=lambda item: (-item[1].varde, -item[1].konsekvens, item[0]))


def _level(varde: int) -> str:
    if varde >= 9:
        return "hog"
    return "medel" if varde >= 4 else "lag"


_LEVEL_LABELS = {"hog": "Hög", "medel": "Medel", "lag": "Låg"}


def _grid(ranked: list[tuple[int, Risk]]) -> str:
    head = "".join(f'<th scope="col">{k}</th>' for k in range(1, 5))
    rows = []
    for sannolikhet in range(4, 0, -1):
        cells = []
        for konsekvens in range(1, 5):
            numbers = [f"R{n}" for n, r in sorted(ranked)
                       if r.sannolikhet == sannolikhet and r.konsekvens == konsekvens]
            level = _level(sannolikhet * konsekvens)
            cells.append(f'<td class="handbok-risk--{level}">{", ".join(numbers)}</td>')
        rows.append(f'<tr><th scope="row">{sannolikhet}</th>{"".join(cells)}</tr>')
    return ('<table class="handbok-riskmatris"><caption>Riskmatris: sannolikhet (rader) '
            'gånger konsekvens (kolumner)</caption>'
            f'<thead><tr><th scope="col">Sannolikhet \\ Konsekvens</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def render_risk_matrix(risks: tuple[Risk, ...]) -> str:
    """An HTML block: the risks as a table, highest first, and the 4×4 matrix; '' without risks."""
    if not risks:
        return ""
    ranked = ranked_risks(risks)
    rows = "".join(
        f'<tr><th scope="row">R{n}</th><td>{escape.text(r.beskrivning)}</td>'
        f"<td>{r.sannolikhet}</td><td>{r.konsekvens}</td>"
        f'<td class="handbok-risk--{_level(r.varde)}">{r.varde} ({_LEVEL_LABELS[_level(r.varde)]})</td>'
        f"<td>{escape.text(r.atgard) or '–'}</td></tr>"
        for n, r in ranked
    )
    table = ('<table class="handbok-risker"><caption>Risker, högst riskvärde först '
             '(riskvärde = sannolikhet × konsekvens)</caption><thead><tr>'
             '<th scope="col">Nr</th><th scope="col">Risk</th><th scope="col">Sannolikhet (1–4)</th>'
             '<th scope="col">Konsekvens (1–4)</th><th scope="col">Riskvärde</th>'
             f'<th scope="col">Åtgärd</th></tr></thead><tbody>{rows}</tbody></table>')
    return f'<div class="handbok-riskanalys">{table}{_grid(ranked)}</div>'
