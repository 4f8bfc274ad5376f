"""Small horizontal bar charts as inline SVG, drawn at build time beside the key-figure tables.

The numbers are written at the end of each bar, the SVG carries a text alternative, and the
colours come from the theme's custom properties (handbok-diagram in lasare.css), so the chart
reads in the light and dark palettes and in print. Labels arrive as HTML-safe text, exactly
as the tables beside the charts get them.
"""

from __future__ import annotations

WIDTH = 320
LABEL_HEIGHT = 14
BAR_HEIGHT = 12
ROW_GAP = 8
NUMBER_ROOM = 28


def _row_height() -> int:
    return LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP


def _bar(index: int, label: str, count: int, largest: int) -> str:
    top = index * _row_height()
    length = round((WIDTH - NUMBER_ROOM) * count / largest) if largest else 0
    bar_y = top + LABEL_HEIGHT
    return (f'<text class="handbok-diagram__etikett" x="0" y="{top + LABEL_HEIGHT - 3}">{label}</text>'
            f'<rect class="handbok-diagram__stapel" x="0" y="{bar_y}" width="{length}" height="{BAR_HEIGHT}"/>'
            f'<text class="handbok-diagram__tal" x="{length + 4}" y="{bar_y + BAR_HEIGHT - 2}">{count}</text>')


def text_alternative(caption: str, rows: list[tuple[str, int]]) -> str:
    """What a screen reader hears: the caption, then every label with its number."""
    return f"Stapeldiagram, {caption}: " + ", ".join(f"{label} {count}" for label, count in rows) + "."


def render_bar_chart(caption: str, rows: list[tuple[str, int]]) -> str:
    """One `<svg role="img">` with a bar per row, the count written after each bar."""
    largest = max((count for _, count in rows), default=0)
    height = max(len(rows), 1) * _row_height()
    alternative = text_alternative(caption, rows)
    bars = "".join(_bar(n, label, count, largest) for n, (label, count) in enumerate(rows))
    return (f'<svg class="handbok-diagram" role="img" aria-label="{alternative}" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg" data-search-exclude><title>{alternative}</title>{bars}</svg>')


def with_bar_chart(caption: str, rows: list[tuple[str, int]], table: str) -> str:
    """The chart and the table it draws, side by side (stacked on narrow screens)."""
    return f'<div class="handbok-nyckeltal-par">{render_bar_chart(caption, rows)}{table}</div>'
