"""The template layer: markup only from templates, escaping only in escape.py, roots from kinds."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from handbok.kinds import BEHOV, ENHET, INSATS, RECORD_PAGE_ROOT_URL
from handbok.model import Finansiering, Finansieringskalla
from handbok.render import blocks, templating
from handbok.render.links import relative_url
from handbok.render.richtext import render_richtext

RENDER_DIR = Path(blocks.__file__).parent
# The modules of issue 13's first step; escape.py is the one allowed to escape.
TEMPLATED = ["initiative_page", "need_page", "unit_page", "indexes", "blocks", "badges", "links",
             "risk_matrix", "richtext", "attention", "templating"]
_TAG = re.compile(r"</?[a-z][a-z0-9]*[\s>]")


def _tree(name: str) -> ast.Module:
    return ast.parse((RENDER_DIR / f"{name}.py").read_text(encoding="utf-8"))


def test_emphasis_never_enters_an_address() -> None:
    assert render_richtext("[x](https://example.org/*a*)") == (
        '<div class="handbok-text"><p><a href="https://example.org/*a*">x</a></p></div>')


@pytest.mark.parametrize("name", TEMPLATED)
def test_no_python_string_builds_markup(name: str) -> None:
    """Tags come from templates: no string or f-string in the module (docstrings aside) holds one."""
    tree = _tree(name)
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            assert not _TAG.search(node.value), (name, node.lineno, node.value[:60])


@pytest.mark.parametrize("name", TEMPLATED)
def test_no_escaping_and_no_roots_outside_the_policy(name: str) -> None:
    source = (RENDER_DIR / f"{name}.py").read_text(encoding="utf-8")
    for forbidden in ("maketrans", "html.escape", "&amp;", "&lt;", '"../', "'../"):
        assert forbidden not in source, (name, forbidden)


@pytest.mark.parametrize("name", TEMPLATED)
def test_functions_stay_short(name: str) -> None:
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.FunctionDef):
            assert node.end_lineno - node.lineno + 1 < 40, (name, node.name)


def test_financing_text_takes_no_escaper() -> None:
    assert list(inspect.signature(blocks.financing_text).parameters) == ["finansiering"]
    assert blocks.financing_text(Finansiering(Finansieringskalla.EGEN_BUDGET, 0, "<b>*x*</b>")) == (
        "Egen budget, 0 kr (&lt;b&gt;&#42;x&#42;&lt;/b&gt;)")
    assert blocks.financing_text(None) == "Uppgift saknas"


@pytest.mark.parametrize("kind", [INSATS, BEHOV, ENHET])
def test_record_breadcrumbs_lead_home_through_the_portfolio_to_the_section_and_stay_out_of_search(kind) -> None:
    heading = blocks.page_heading("A & B", kind=kind, record_id="x")
    assert heading == (
        '---\ntitle: "A &amp; B"\nhide: [path]\n---\n\n'
        '<nav class="handbok-brodsmulor" aria-label="Du är här" data-search-exclude><ol>'
        '<li><a href="../../">Start</a></li><li><a href="../../portfolj/">Portfölj</a></li>'
        f'<li><a href="../">{kind.label}</a></li>'
        '<li aria-current="page">A &amp; B</li></ol></nav>\n\n# A &amp; B')


def test_a_page_without_a_kind_has_no_breadcrumbs() -> None:
    assert blocks.page_heading("Titel") == '---\ntitle: "Titel"\n---\n\n# Titel'


def test_relative_urls_agree_with_the_registry() -> None:
    assert relative_url("", page_url=INSATS.page_url("x")) == RECORD_PAGE_ROOT_URL
    assert relative_url(INSATS.section, page_url=INSATS.page_url("x")) == "../"
    assert relative_url("process/infora/", page_url=BEHOV.page_url("y")) == "../../process/infora/"


@pytest.mark.parametrize("value, shown", [(None, "–"), ("", "–"), ("  \n", "–"), ("-a", "&#45;a"), (0, "0")])
def test_otherwise_falls_back_only_for_values_without_text(value: object, shown: str) -> None:
    template = templating.environment().from_string('{{ value|otherwise("–") }}')
    assert template.render(value=value) == shown


def test_every_template_compiles_and_partials_end_without_a_blank_line() -> None:
    env = templating.environment()
    names = env.list_templates(extensions=["j2"])
    assert "insats.md.j2" in names and "_partials/richtext.html.j2" in names
    for name in names:
        env.get_template(name)
