"""Gantt-style timeline of initiative periods as inline SVG, with a table as text alternative."""

from __future__ import annotations

import datetime as dt

from handbok.model import Fas, Insats
from handbok.render import escape
from handbok.render.blocks import period_text, scroll_region

_LABEL_WIDTH = 280
_CHART_WIDTH = 620
_ROW = 18
_GROUP_GAP = 26
_AXIS = 24
_MAX_LABEL = 38


def _bounds(insats: Insats, build_date: dt.date) -> tuple[dt.date, dt.date, bool] | None:
    """(start, end, open_ended) or None when the start is unknown."""
    if insats.period.start is None:
        return None
    start = insats.period.start.first_day()
    if insats.period.slut is None:
        return start, max(start, build_date), True
    return start, max(start, insats.period.slut.last_day()), False


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= _MAX_LABEL else title[: _MAX_LABEL - 1] + "…"


def _start_key(insats: Insats) -> tuple[bool, dt.date, str]:
    start = insats.period.start
    return start is None, start.first_day() if start else dt.date.min, insats.id


def _groups(insatser: tuple[Insats, ...]) -> list[tuple[Fas, list[Insats]]]:
    ordered = sorted(insatser, key=_start_key)
    return [(fas, [i for i in ordered if i.fas is fas]) for fas in Fas]


def _svg(groups, build_date: dt.date) -> str:
    spans = [b for _, items in groups for i in items if (b := _bounds(i, build_date))]
    first_year = min(s.year for s, _, _ in spans)
    last_year = max(e.year for _, e, _ in spans)
    origin = dt.date(first_year, 1, 1)
    total_days = (dt.date(last_year + 1, 1, 1) - origin).days

    def x(day: dt.date) -> float:
        return round(_LABEL_WIDTH + _CHART_WIDTH * (day - origin).days / total_days, 1)

    parts, y = [], _AXIS
    for year in range(first_year, last_year + 2):
        gx = x(dt.date(year, 1, 1))
        parts.append(f'<line class="handbok-tl-rutnat" x1="{gx}" y1="{_AXIS - 6}" x2="{gx}" y2="@H@"/>')
        if year <= last_year:
            parts.append(f'<text class="handbok-tl-ar" x="{gx + 3}" y="14">{year}</text>')
    for fas, items in groups:
        drawn = [(i, b) for i in items if (b := _bounds(i, build_date))]
        if not drawn:
            continue
        y += _GROUP_GAP
        parts.append(f'<text class="handbok-tl-grupp" x="0" y="{y - 8}">{fas.label}</text>')
        for insats, (start, end, open_ended) in drawn:
            title = escape.text(insats.titel)
            bar_class = "handbok-tl-stapel handbok-tl-stapel--oppen" if open_ended else "handbok-tl-stapel"
            parts.append(
                f'<g><title>{title}: {period_text(insats.period)}</title>'
                f'<text class="handbok-tl-etikett" x="0" y="{y + 12}">{escape.text(_short(insats.titel))}</text>'
                f'<rect class="{bar_class}" x="{x(start)}" y="{y + 3}" '
                f'width="{max(x(end) - x(start), 2.0):.1f}" height="{_ROW - 6}" rx="2"/></g>')
            y += _ROW
    height = y + 6
    body = "".join(parts).replace("@H@", str(height))
    return (f'<svg class="handbok-tidslinje" role="img" aria-labelledby="tl-titel tl-beskrivning" '
            f'viewBox="0 0 {_LABEL_WIDTH + _CHART_WIDTH + 10} {height}" '
            f'width="{_LABEL_WIDTH + _CHART_WIDTH + 10}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg" data-search-exclude>'
            f'<title id="tl-titel">Tidslinje över insatsernas perioder, grupperade efter fas</title>'
            f'<desc id="tl-beskrivning">Varje stapel visar en insats från start till slut, '
            f'{first_year}–{last_year}. Streckade staplar saknar slutdatum och visas till '
            f'{build_date.isoformat()}. Samma uppgifter finns i tabellen under bilden.</desc>'
            f"{body}</svg>")


def _text_alternative(groups) -> str:
    rows = "".join(
        f'<tr><td>{fas.label}</td><td>{escape.text(i.titel)}</td><td>{period_text(i.period)}</td></tr>'
        for fas, items in groups for i in items)
    table = ('<table class="handbok-tl-tabell"><caption>Insatsernas perioder per fas</caption>'
             '<thead><tr><th scope="col">Fas</th><th scope="col">Insats</th>'
             f'<th scope="col">Period</th></tr></thead><tbody>{rows}</tbody></table>')
    return (f'<details class="handbok-tl-text" data-search-exclude><summary>Tidslinjen som tabell</summary>'
            f"{table}</details>")


def render_timeline(insatser: tuple[Insats, ...], *, build_date: dt.date) -> str:
    """An HTML block: the SVG (when any period is known) and its text alternative."""
    groups = _groups(insatser)
    if not any(_bounds(i, build_date) for _, items in groups for i in items):
        return "<p>Ingen insats har en känd period ännu.</p>"
    figure = scroll_region(_svg(groups, build_date), label="Tidslinje")
    return f'<div class="handbok-tidslinje-block">{figure}{_text_alternative(groups)}</div>'
