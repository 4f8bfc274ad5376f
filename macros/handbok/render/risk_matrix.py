"""Risk analysis as in the VGR model: probability × consequence (1–4 each), highest risk first."""

from __future__ import annotations

from handbok.model import Risk
from handbok.render.templating import fragment

_LEVEL_LABELS = {"hog": "Hög", "medel": "Medel", "lag": "Låg"}


def ranked_risks(risks: tuple[Risk, ...]) -> list[tuple[int, Risk]]:
    """(number in the data, risk), highest value first; ties by consequence, then data order."""
    numbered = list(enumerate(risks, start=1))
    return sorted(numbered, key=lambda item: (-item[1].varde, -item[1].konsekvens, item[0]))


def _level(varde: int) -> str:
    if varde >= 9:
        return "hog"
    return "medel" if varde >= 4 else "lag"


def _grid(ranked: list[tuple[int, Risk]]) -> list[tuple[int, list[tuple[str, list[str]]]]]:
    """Rows from probability 4 down to 1; per consequence 1–4 the cell's level and risk numbers."""
    in_order = sorted(ranked, key=lambda item: item[0])
    return [(sannolikhet, [(_level(sannolikhet * konsekvens),
                            [f"R{n}" for n, r in in_order
                             if r.sannolikhet == sannolikhet and r.konsekvens == konsekvens])
                           for konsekvens in range(1, 5)])
            for sannolikhet in range(4, 0, -1)]


def render_risk_matrix(risks: tuple[Risk, ...]) -> str:
    """An HTML block: the risks as a table, highest first, and the 4×4 matrix; '' without risks."""
    if not risks:
        return ""
    ranked = ranked_risks(risks)
    return fragment("_partials/risk_matrix.html.j2",
                    risks=[(number, risk, _level(risk.varde)) for number, risk in ranked],
                    grid=_grid(ranked), level_labels=_LEVEL_LABELS)
