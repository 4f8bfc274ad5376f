"""The one Jinja2 environment every generated page and fragment is rendered with.

Autoescape is on and every `{{ value }}` goes through `escape.text` (the policy for generated
Markdown pages, safe in Markdown, HTML, attributes and SVG) unless a filter from `escape`
already marked it safe: `|html`, `|cell`, `|literal`, `|attr`. Undefined names fail
(StrictUndefined). Templates live in render/templates/ beside the renderers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from handbok.render import escape

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def _finalize(value: object) -> object:
    """Data reaches the page escaped by the generated-page policy; Markup passes as it is."""
    if isinstance(value, Markup):
        return value
    return Markup(escape.text(value))


def _otherwise(value: object, fallback: str) -> object:
    """The value, or the fallback when the value has no visible text (None, "", spaces)."""
    return value if value is not None and str(value).split() else fallback


def _safe(function: Callable[[object], str]) -> Callable[[object], Markup]:
    return lambda value: Markup(function(value))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        # Compiled templates kept on disk (keyed by each template's source): `make serve`
        # re-imports the core on every rebuild and would otherwise compile them all again.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.filters.update({
        "html": _safe(escape.html_text),
        "attr": _safe(escape.html_attribute),
        "cell": _safe(escape.markdown_cell),
        "literal": _safe(escape.markdown_literal),
        "token": _safe(escape.attribute_token),
        "otherwise": _otherwise,
    })
    return env


@cache
def _template(template_name: str) -> jinja2.Template:
    return environment().get_template(template_name)


def render(template_name: str, /, **context: Any) -> str:
    """Render one template with the given names; the only way generated text is produced."""
    return _template(template_name).render(**context)


def fragment(template_name: str, /, **context: Any) -> str:
    """Render a partial: one piece of HTML or Markdown, without the newline its file ends with."""
    return render(template_name, **context).removesuffix("\n")


def markup(html: str) -> Markup:
    """HTML a renderer already built from escaped parts (a nested template's output)."""
    return Markup(html)
