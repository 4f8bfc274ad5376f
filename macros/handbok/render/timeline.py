"""Gantt-style timeline of initiative periods as inline SVG, with a table as text alternative."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from handbok.currency import AsOf, confirmed_on
from handbok.model import Fas, Insats
from handbok.render.badges import label
from handbok.render.blocks import period_text, scroll_region
from handbok.render.templating import markup, render

_LABEL_WIDTH = 280
_CHART_WIDTH = 620
_ROW = 18
_GROUP_GAP = 26
_AXIS = 24
_MAX_LABEL = 38

# A day's x coordinate in the SVG.
_Scale = Callable[[dt.date], float]


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
        return start, max(start, known_until or start), True  # no date known: the start only
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


def _year_lines(first_year: int, last_year: int, x: _Scale) -> list[dict[str, object]]:
    """A grid line at every new year, labelled for each year shown."""
    return [{"year": year, "x": (gx := x(dt.date(year, 1, 1))), "label_x": gx + 3,
             "labelled": year <= last_year} for year in range(first_year, last_year + 2)]


def _period(insats: Insats) -> str:
    """The period as the source or an editor gives it; a forecast nobody confirmed says so (P3)."""
    return period_text(insats.period) + ("" if insats.senast_granskad else " (obekräftad)")


def _bar(insats: Insats, bounds: tuple[dt.date, dt.date, bool], y: int, x: _Scale) -> dict[str, object]:
    start, end, open_ended = bounds
    return {"title": insats.titel, "short_title": _short(insats.titel),
            "period": _period(insats), "open_ended": open_ended,
            "unconfirmed": insats.senast_granskad is None, "label_y": y + 12,
            "x": x(start), "bar_y": y + 3, "width": f"{max(x(end) - x(start), 2.0):.1f}"}


def _svg(groups: list[tuple[str, list[Insats]]], as_of: AsOf) -> str:
    spans = [b for _, items in groups for i in items if (b := _bounds(i, as_of))]
    first_year = min(s.year for s, _, _ in spans)
    last_year = max(e.year for _, e, _ in spans)
    origin = dt.date(first_year, 1, 1)
    total_days = (dt.date(last_year + 1, 1, 1) - origin).days

    def x(day: dt.date) -> float:
        return round(_LABEL_WIDTH + _CHART_WIDTH * (day - origin).days / total_days, 1)

    drawn_groups: list[dict[str, object]] = []
    y = _AXIS
    for group_label, items in groups:
        drawn = [(i, b) for i in items if (b := _bounds(i, as_of))]
        if not drawn:
            continue
        y += _GROUP_GAP
        drawn_groups.append({"label": group_label, "label_y": y - 8,
                             "bars": [_bar(i, b, y + n * _ROW, x) for n, (i, b) in enumerate(drawn)]})
        y += len(drawn) * _ROW
    return render("timeline.svg.j2", width=_LABEL_WIDTH + _CHART_WIDTH + 10, height=y + 6,
                  grid_top=_AXIS - 6, years=_year_lines(first_year, last_year, x), groups=drawn_groups,
                  bar_height=_ROW - 6, first_year=first_year, last_year=last_year,
                  today=as_of.today.isoformat())


def render_timeline(insatser: tuple[Insats, ...], *, as_of: AsOf) -> str:
    """An HTML block: the SVG (when any period is known) and its text alternative."""
    groups = _groups(insatser)
    if not any(_bounds(i, as_of) for _, items in groups for i in items):
        return render("timeline_block.html.j2", figure="", rows=[])
    rows = [(step, i.titel, _period(i)) for step, items in groups for i in items]
    figure = scroll_region(_svg(groups, as_of), label="Tidslinje")
    return render("timeline_block.html.j2", figure=markup(figure), rows=rows)
