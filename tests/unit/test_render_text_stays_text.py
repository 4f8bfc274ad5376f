"""Issue 14: data text stays text. Block syntax at its start shows literally wherever a
renderer places it, emphasis never reaches a link target, and no CSV cell starts a formula."""

from __future__ import annotations

import dataclasses
import html
import re

import markdown
import pytest

from handbok.render import escape, exports
from handbok.render.blocks import source_citation
from handbok.render.indexes import render_unit_index
from handbok.render.richtext import render_richtext
from tests.unit.render_samples import AS_OF, KALLA, sample_portfolio
from tests.unit.test_render_exports import _csv_rows

# The Markdown extensions of mkdocs.yml that give block syntax a meaning.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
              "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist"]
BLOCK_STARTS = [
    "!!! danger Varning", "??? note Mer", "???+ note Öppen", "# Rubrik", "### Rubrik", "> Citat",
    "- punkt", "* punkt", "+ punkt", "1. punkt", "---", "***", "___", "| a | b |", "<div>html</div>",
    "~~~ python", "```python", ": definition", "[^1]: fotnot", "*[HTML]: förkortning",
    "    indraget", "=== Flik", "[ ] uppgift", "{: .klass }",
]
STRUCTURE = re.compile(r"<(?!/?(p|a)\b)[a-z][^>]*>")


def _html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


def _visible_text(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize("text", BLOCK_STARTS)
def test_block_syntax_in_a_paragraph_shows_literally(text: str) -> None:
    citation = source_citation(dataclasses.replace(KALLA, titel=text, utgivare="", ar=None))
    rendered = _html(f"Inledning.\n\n{citation}\n\nSlut.")
    assert STRUCTURE.search(rendered) is None, rendered
    assert _visible_text(rendered) == f"Inledning.\n{text.strip()}.\nSlut."


@pytest.mark.parametrize("text", BLOCK_STARTS)
def test_block_syntax_in_a_list_item_shows_literally(text: str) -> None:
    rendered = _html(f"- {escape.text(text)}\n- andra")
    assert re.findall(r"<[a-z]+", rendered) == ["<ul", "<li", "<li"], rendered
    assert _visible_text(rendered) == f"{text.strip()}\nandra"


@pytest.mark.parametrize("text", [t for t in BLOCK_STARTS if t != "- punkt"])  # "- " is a list there
def test_block_syntax_in_rich_text_shows_literally(text: str) -> None:
    rendered = _html(f"Före.\n\n{render_richtext(text)}\n\nEfter.")
    assert re.findall(r"<[a-z]+", rendered) == ["<p", "<div", "<p", "<p"], rendered


@pytest.mark.parametrize(("source", "expected"), [
    ("[länk](https://example.se/*a*b*)", '<a href="https://example.se/*a*b*">länk</a>'),
    ("*[länk](https://example.se/a*)*", '<em><a href="https://example.se/a*">länk</a></em>'),
    ("**a [b](https://x.se/**c**) d**", '<strong>a <a href="https://x.se/**c**">b</a> d</strong>'),
    ("*a [b* c](https://x.se/_d_)", '*a <a href="https://x.se/_d_">b* c</a>'),
    ("[a](https://x.se/*) *b*", '<a href="https://x.se/*">a</a> <em>b</em>'),
    ("[*kursiv* länk](https://x.se/)", '<a href="https://x.se/"><em>kursiv</em> länk</a>'),
])
def test_emphasis_never_reaches_a_link_target(source: str, expected: str) -> None:
    assert render_richtext(source) == f'<div class="handbok-text"><p>{expected}</p></div>'


@pytest.mark.parametrize(("value", "cell"), [
    (" =1+1", "' =1+1"), ("\u3000=1+1", "'\u3000=1+1"), ("\n@SUM(A1)", "'\n@SUM(A1)"),
    ("＝1+1", "'＝1+1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠SUM(A1)", "'＠SUM(A1)"),
    ("Vanlig text", "Vanlig text"), ("2019-03", "2019-03"),
])
def test_csv_formula_guard_covers_whitespace_and_full_width_signs(value: str, cell: str) -> None:
    portfolio = sample_portfolio()
    risky = dataclasses.replace(portfolio.insatser[0], titel=value)
    portfolio = dataclasses.replace(portfolio, insatser=(risky,))
    row = _csv_rows(exports.initiatives_csv(portfolio, as_of=AS_OF).encode("utf-8"))[0]
    assert row["titel"] == cell


def test_unit_index_of_a_deep_tree_does_not_recurse() -> None:
    portfolio = sample_portfolio()
    base = portfolio.enheter[0]
    chain = [dataclasses.replace(base, id=f"e{n}", overordnad_id=f"e{n - 1}" if n else None,
                                 namn=f"E{n}") for n in range(3000)]
    index = render_unit_index(dataclasses.replace(portfolio, enheter=tuple(chain)))
    assert index.count("\n- ") == 1 and index.count("- [E2999]") == 1
