"""Escaping data text: every output kind shows hostile text literally and never executes it."""

from __future__ import annotations

import html
import re

import pytest

from handbok.render import escape
from handbok.render.blocks import page_heading
from handbok.render.richtext import render_richtext
from handbok.site import generated_files
from tests.unit.render_samples import AS_OF, HOSTILE, sample_portfolio

_DANGEROUS = ("<script", "{{", "{%", "</b>", '"citat"')


def test_escaped_text_decodes_back_to_the_original() -> None:
    assert html.unescape(escape.text(HOSTILE)) == HOSTILE


@pytest.mark.parametrize("line", ["- punkt", "+ punkt", "1. punkt", "12) punkt", "=== rubrik"])
def test_text_cannot_start_a_markdown_block(line: str) -> None:
    escaped = escape.text(line)
    assert escaped.startswith("&#") and html.unescape(escaped) == line


def test_text_keeps_dates_and_plain_words_readable() -> None:
    assert escape.text("2019") == "2019"
    assert escape.text("Körkort för cytostatika 🚑") == "Körkort för cytostatika 🚑"


def test_page_heading_puts_the_escaped_title_in_front_matter() -> None:
    heading = page_heading('A "b" </title><script>')
    assert heading.startswith('---\ntitle: "A &quot;b&quot; &lt;/title&gt;&lt;script&gt;"\n---\n\n# A ')


def test_richtext_supports_the_subset_and_escapes_the_rest() -> None:
    rendered = render_richtext("Ett **viktigt** och *kursivt* [ord](https://example.se/a?b=1&c=2)\n\n"
                               "- ett\n- två <b>\n\n{{ x }} <script>y</script>")
    assert rendered == (
        '<div class="handbok-text"><p>Ett <strong>viktigt</strong> och <em>kursivt</em> '
        '<a href="https://example.se/a?b=1&amp;c=2">ord</a></p>'
        "<ul><li>ett</li><li>två &lt;b&gt;</li></ul>"
        "<p>&#123;&#123; x &#125;&#125; &lt;script&gt;y&lt;/script&gt;</p></div>")


def test_richtext_refuses_non_http_links() -> None:
    assert "href" not in render_richtext("[x](javascript:alert(1))")


def test_no_generated_text_file_contains_raw_hostile_markup() -> None:
    files = generated_files(sample_portfolio(), (), as_of=AS_OF)
    pages = [f for f in files if f.path.endswith(".md")]
    assert len(pages) == 14
    for page in pages:
        for token in _DANGEROUS:
            assert token not in page.content, (page.path, token)


def test_hostile_title_survives_in_the_svg_timeline_as_text() -> None:
    files = {f.path: f for f in generated_files(sample_portfolio(), (), as_of=AS_OF)}
    portfolio = files["portfolj/index.md"].content
    svg = re.search(r"<svg class=\"handbok-tidslinje\".*?</svg>", portfolio, re.S).group(0)
    titles = [html.unescape(t) for t in re.findall(r"<g><title>(.*?)</title>", svg)]
    assert f"{HOSTILE}: 2025 – slut okänt (obekräftad)" in titles
