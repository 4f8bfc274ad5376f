"""handbok/fast_markdown.py on its own: the subset it converts and everything it hands back.

Its equality with Python-Markdown on every generated page is tests/site/test_fast_markdown.py;
here: that anything outside the subset returns None (the page then goes through
Python-Markdown), and that a site configuration it does not know turns it off.
"""

from __future__ import annotations

import pytest

from handbok.fast_markdown import MarkdownSettings, convert, settings_for

SETTINGS = MarkdownSettings((("TLO", "tidig lokal omställning"), ("VGR", "Västra Götalandsregionen")),
                            "Länk till det här avsnittet")
LINKS = {"../behov/a.md": "../../behov/a/"}
EXTENSIONS = ["toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "pymdownx.snippets"]
CONFIGS = {"toc": {"permalink": True, "permalink_title": "Länk"},
           "pymdownx.snippets": {"auto_append": ["forkortningar.md"]}}


def _convert(markdown: str):
    return convert(markdown, SETTINGS, LINKS.get)


def test_a_record_page_in_the_subset() -> None:
    page = _convert('<nav class="x"><ol><li>Start</li></ol></nav>\n\n# TLO &amp; mer\n\n'
                    '## Behov {#behov}\n\n- [Ett behov i VGR](../behov/a.md) – <span class="b">TLO</span>\n\n'
                    '!!! warning "Saknas"\n\n    Inget angivet.\n\n## Behov\n\nText om TLO-arbete.')
    assert page is not None
    permalink = 'title="Länk till det här avsnittet">&para;</a>'
    assert page.html == (
        '<nav class="x"><ol><li>Start</li></ol></nav>\n\n'
        f'<h1 id="tlo-mer"><abbr title="tidig lokal omställning">TLO</abbr> &amp; mer'
        f'<a class="headerlink" href="#tlo-mer" {permalink}</h1>\n'
        f'<h2 id="behov">Behov<a class="headerlink" href="#behov" {permalink}</h2>\n'
        '<ul>\n<li><a href="../../behov/a/">Ett behov i <abbr title="Västra Götalandsregionen">VGR</abbr></a>'
        ' – <span class="b"><abbr title="tidig lokal omställning">TLO</abbr></span></li>\n</ul>\n'
        '<div class="admonition warning">\n<p class="admonition-title">Saknas</p>\n'
        '<p>Inget angivet.</p>\n</div>\n'
        f'<h2 id="behov_1">Behov<a class="headerlink" href="#behov_1" {permalink}</h2>\n'
        '<p>Text om <abbr title="tidig lokal omställning">TLO</abbr>-arbete.</p>')
    assert [(t["level"], t["id"], [c["id"] for c in t["children"]]) for t in page.toc_tokens] == [
        (1, "tlo-mer", ["behov", "behov_1"])]
    assert page.anchor_ids == {"tlo-mer", "behov", "behov_1"}


@pytest.mark.parametrize("markdown", [
    "Text med *betoning*.",
    "Text med `kod`.",
    "Text med [länk](https://example.se/).",
    "Text med [länk](../behov/okand.md).",
    "Text med [länk](../behov/a.md#avsnitt).",
    "- ett\n\n- två",
    "- ett\n\n    indraget",
    "Två\nrader.",
    "Blanksteg på slutet  ",
    "*[ABC]: egen förkortning",
    '<div markdown="1">*x*</div>',
    "<span>inline först</span>",
    "1. numrerad",
    "Text med & ensam.",
    "Text {: .klass}",
    "Term\n: definition",
    '!!! note\n\n    Utan rubrik.',
    '!!! note "Rubrik"\n\n    Första.\n\n    Andra stycket.',
    "## Rubrik #",
    "```\nkod\n```",
    "Text\u0000med nolltecken.",
])
def test_anything_outside_the_subset_goes_back_to_python_markdown(markdown: str) -> None:
    assert _convert(markdown) is None


def test_the_real_configuration_gives_the_shared_abbreviations() -> None:
    settings = settings_for(EXTENSIONS, CONFIGS, {"forkortningar.md": "*[TLO]: tidig lokal omställning\n"})
    assert settings == MarkdownSettings((("TLO", "tidig lokal omställning"),), "Länk")


@pytest.mark.parametrize(("extensions", "configs", "appended"), [
    ([*EXTENSIONS, "smarty"], CONFIGS, {}),
    (EXTENSIONS, {**CONFIGS, "toc": {"permalink": True, "baselevel": 2}}, {}),
    (EXTENSIONS, {**CONFIGS, "toc": {"permalink": "#"}}, {}),
    (EXTENSIONS, {**CONFIGS, "abbr": {"glossary": {"X": "y"}}}, {}),
    (EXTENSIONS, CONFIGS, {"forkortningar.md": "*[TLO]: tidig\nEn rad text\n"}),
    (EXTENSIONS, CONFIGS, {"forkortningar.md": '*[TLO]: ""\n'}),
])
def test_a_configuration_it_does_not_know_turns_it_off(extensions, configs, appended) -> None:
    assert settings_for(extensions, configs, appended) is None
