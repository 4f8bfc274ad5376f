"""Bar charts for the key figures (issue 16): numbers on the bars, a text alternative, proportions."""

from __future__ import annotations

import re

from handbok.render.charts import render_bar_chart, text_alternative, with_bar_chart

ROWS = [("Bereda", 5), ("Införa", 10), ("Ta emot ärende", 0)]


def test_every_number_is_written_and_bars_are_proportional() -> None:
    svg = render_bar_chart("Insatser per fas", ROWS)
    numbers = re.findall(r'<text class="handbok-diagram__tal"[^>]*>(\d+)</text>', svg)
    assert numbers == ["5", "10", "0"]
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths[1] == 2 * widths[0] and widths[2] == 0 and widths[1] > 200


def test_text_alternative_names_every_bar() -> None:
    svg = render_bar_chart("Insatser per fas", ROWS)
    alternative = "Stapeldiagram, Insatser per fas: Bereda 5, Införa 10, Ta emot ärende 0."
    assert text_alternative("Insatser per fas", ROWS) == alternative
    assert f'role="img" aria-label="{alternative}"' in svg and f"<title>{alternative}</title>" in svg


def test_empty_chart_is_still_an_image_with_a_name() -> None:
    svg = render_bar_chart("Behov per status", [])
    assert 'role="img"' in svg and 'height="34"' in svg


def test_table_is_folded_under_the_chart() -> None:
    """Issue 27: the chart reads its numbers out (role="img"); the table is there on request."""
    pair = with_bar_chart("X", [("a", 1)], "<table><caption>X</caption></table>")
    assert pair.startswith('<div class="handbok-nyckeltal-par"><svg')
    assert pair.endswith('</svg><details class="handbok-nyckeltal-tabell"><summary>Siffrorna som tabell</summary>'
                         "<table><caption>X</caption></table></details></div>")


def test_labels_are_escaped_by_the_template() -> None:
    svg = render_bar_chart("Insatser per förvaltning", [('<b>"A&B"</b> {{ x }}', 2)])
    assert "<b>" not in svg and "{{" not in svg
    assert ('<text class="handbok-diagram__etikett" x="0" y="11">'
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#123;&#123; x &#125;&#125;</text>") in svg
