"""Gantt-style timeline of initiative periods as inline SVG, with a table as text alternative."""

from __future__ import annotations

import datetime as dt

from handbok.currency import AsOf, confirmed_on
from handbok.model import Fas, Insats
from handbok.render import escape
from handbok.render.badges import label
from handbok.render.blocks import period_text, scroll_region

_LABEL_WIDTH = 280
_CHART_WIDTH = 620
_ROW = 18
_GROUP_GAP = 26
_AXIS = 24
_MAX_LABEL = 38


def _bounds(insats: Insats, as_of: AsOf) -> tuple[dt.date, dt.date, bool] | None:
    """(start, end, open_ended) or None when the start is unknown.

    Without an end date a bar runs to today only while the record is confirmed as current,
    otherwise to the last date its information is known to hold (issue 12).
    """
    if insats.period.start is None:
        return None
    start = insats.period.start.first_day()
    if insats.period.slut is None:
        known_until = as_of.today if as_of.is_current(insats) else confirmed_on(insats)
        return start, max(start, known_until), True
    return start, max(start, insats.period.slut.last_day()), False


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= _MAX_LABEL else title[: _MAX_LABEL - 1] + "…"


def _start_key(insats: Insats) -> tuple[bool, dt.date, str]:
    start = insats.period.start
    return start is None, start.first_day() if start else dt.date.min, insats.id


def _groups(insatser: tuple[Insats, ...]) -> list[tuple[str, list[Insats]]]:
    """(step label, initiatives) per step in order, then those whose step is unknown."""
    ordered = sorted(insatser, key=_start_key)
    steps: list[Fas | None] = [*Fas, None]
    groups = [(label(fas), [i for i in ordered if i.fas is fas]) for fas in steps]
    return [(name, items) for name, items in groups if items]


def _svg(groups, as_of: AsOf) -> str:
    spans = [b for _, items in groups for i in items if (b := _bounds(i, as_of))]
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
    for group_label, items in groups:
        drawn = [(i, b) for i in items if (b := _bounds(i, as_of))]
        if not drawn:
            continue
        y += _GROUP_GAP
        parts.append(f'<text class="handbok-tl-grupp" x="0" y="{y - 8}">{group_label}</text>')
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
            f'{as_of.today.isoformat()} om uppgifterna är bekräftade, annars till datumet '
            f'uppgifterna gäller. Samma uppgifter finns i tabellen under bilden.</desc>'
            f"{body}</svg>")


def _text_alternative(groups) -> str:
    rows = "".join(
        f'<tr><td>{group_label}</td><td>{escape.text(i.titel)}</td><td>{period_text(i.period)}</td></tr>'
        for group_label, items in groups for i in items)
    table = ('<table class="handbok-tl-tabell"><caption>Insatsernas perioder per fas</caption>'
             '<thead><tr><th scope="col">Fas</th><th scope="col">Insats</th>'
             f'<th scope="col">Period</th></tr></thead><tbody>{rows}</tbody></table>')
    return (f'<details class="handbok-tl-text" data-search-exclude><summary>Tidslinjen som tabell</summary>'
            f"{table}</details>")


def render_timeline(insatser: tuple[Insats, ...], *, as_of: AsOf) -> str:
    """An HTML block: the SVG (when any period is known) and its text alternative."""
    groups = _groups(insatser)
    if not any(_bounds(i, as_of) for _, items in groups for i in items):
        return "<p>Ingen insats har en känd period ännu.</p>"
    figure = scroll_region(_svg(groups, as_of), label="Tidslinje")
    return f'<div class="handbok-tidslinje-block">{figure}{_text_alternative(groups)}</div>'
