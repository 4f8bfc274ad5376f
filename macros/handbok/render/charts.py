"""Small horizontal bar charts as inline SVG, drawn at build time beside the key-figure tables.

The numbers are written at the end of each bar, the SVG carries a text alternative, and the
colours come from the theme's custom properties (handbok-diagram in portfolj.css), so the chart
reads in the light and dark palettes and in print. Labels arrive as plain text; the
template escapes them.
"""

from __future__ import annotations

from handbok.render.templating import markup, render

WIDTH = 320
LABEL_HEIGHT = 14
BAR_HEIGHT = 12
ROW_GAP = 8
NUMBER_ROOM = 28


def _row_height() -> int:
    return LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP


def _bar(index: int, label: str, count: int, largest: int) -> dict[str, object]:
    top = index * _row_height()
    length = round((WIDTH - NUMBER_ROOM) * count / largest) if largest else 0
    bar_y = top + LABEL_HEIGHT
    return {"label": label, "count": count, "length": length, "label_y": top + LABEL_HEIGHT - 3,
            "bar_y": bar_y, "number_x": length + 4, "number_y": bar_y + BAR_HEIGHT - 2}


def text_alternative(caption: str, rows: list[tuple[str, int]]) -> str:
    """What a screen reader hears: the caption, then every label with its number (plain text)."""
    return f"Stapeldiagram, {caption}: " + ", ".join(f"{label} {count}" for label, count in rows) + "."


def render_bar_chart(caption: str, rows: list[tuple[str, int]]) -> str:
    """One `<svg role="img">` with a bar per row, the count written after each bar."""
    largest = max((count for _, count in rows), default=0)
    return render("chart_bar.svg.j2", alternative=text_alternative(caption, rows), width=WIDTH,
                  height=max(len(rows), 1) * _row_height(), bar_height=BAR_HEIGHT,
                  bars=[_bar(n, label, count, largest) for n, (label, count) in enumerate(rows)])


def with_bar_chart(caption: str, rows: list[tuple[str, int]], table: str) -> str:
    """The chart and the table it draws (HTML), side by side (stacked on narrow screens)."""
    return render("chart_pair.html.j2", chart=markup(render_bar_chart(caption, rows)), table=markup(table))
