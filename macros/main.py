"""mkdocs-macros adapter: exposes the core's page macros to the pages that may use them.

Pages opt in with `render_macros: true` (render_by_default is false), so data text in
generated pages is never evaluated as a template; only the pages in
handbok/macro_pages.py may opt in, and every page renders in a Jinja sandbox that reaches
nothing but the handbook's macros (issue 14). A template error stops the build with the
page's file and line instead of the plugin's traceback.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Template, TemplateSyntaxError
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page
    from mkdocs_macros.plugin import MacrosPlugin

sys.path.insert(0, str(Path(__file__).resolve().parent))

from handbok.build import CONTEXT_KEY  # noqa: E402  (the core, beside this file)

# Values a page may read attributes of; everything else (functions, objects) stays out of reach.
_PLAIN_TYPES = (str, int, float, bool, list, tuple, dict, type(None))


def define_env(env: MacrosPlugin) -> None:
    # The build context hooks.on_config made (it runs first): data macros get the validated
    # portfolio and the build's date, configuration macros mkdocs.yml's `extra`, editor
    # macros the repository root.
    # Calls go through the core, which records them for `make serve` (handbok/macro_calls.py).
    context = env.conf[CONTEXT_KEY]
    for name, function in context.steps.macros(context, env.conf.extra).items():
        env.macro(function, name)  # type: ignore[no-untyped-call]  # unannotated in mkdocs-macros


class _PageTemplate(Template):
    environment: _Sandbox  # the template class of _Sandbox only

    def render(self, *args: Any, **kwargs: Any) -> str:
        # The plugin passes its page variables (config, git, environment, plugin, page …);
        # a page sees the handbook's macros only (issue 28).
        macros = {name: value for name, value in kwargs.items() if name in self.environment.macro_names}
        try:
            return super().render(**macros)
        except Exception as error:  # recorded; on_post_page_macros stops the build with it
            self.environment.record(error, _template_line(error))
            return ""


class _Sandbox(ImmutableSandboxedEnvironment):
    """Only plain values' attributes and the allowed callables; failures recorded, not raised."""

    template_class = _PageTemplate

    def __init__(self, allowed_callables: list[Any], macro_names: list[str], **options: Any) -> None:
        super().__init__(**options)
        self.allowed = {id(c) for c in allowed_callables}
        self.macro_names = set(macro_names)
        self.failure: tuple[int, str] | None = None
        self.front_matter_lines = 0

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return type(obj) in _PLAIN_TYPES and super().is_safe_attribute(obj, attr, value)

    def is_safe_callable(self, obj: Any) -> bool:
        bound_to_plain = type(getattr(obj, "__self__", None)) in _PLAIN_TYPES[:-1]
        return (id(obj) in self.allowed or bound_to_plain) and super().is_safe_callable(obj)

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        try:
            return super().from_string(source, globals, template_class)
        except TemplateSyntaxError as error:
            self.record(error, error.lineno)
            return super().from_string("")

    def record(self, error: Exception, line: int) -> None:
        if self.failure is None:
            self.failure = (line, _swedish(error))


def _swedish(error: Exception) -> str:
    if isinstance(error, SecurityError):
        return (f"mallkoden försöker nå något som sidor inte får använda ({error}); en sida får bara "
                "anropa handbokens makron, t.ex. {{ nyckeltal() }}")
    if isinstance(error, TemplateSyntaxError):
        return f"mallkoden har ett syntaxfel: {error.message}"
    return f"mallkoden kunde inte köras: {type(error).__name__}: {error}"


def _template_line(error: Exception) -> int:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno or 1 if frames else 1


def _sandbox_for(plugin: MacrosPlugin) -> _Sandbox:
    """The plugin's Jinja environment rebuilt as a sandbox with the same settings and names."""
    old = plugin.env
    if isinstance(old, _Sandbox):
        return old
    options = {name: getattr(old, name) for name in (
        "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
        "comment_start_string", "comment_end_string", "line_statement_prefix",
        "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence",
        "keep_trailing_newline", "undefined", "finalize")}
    names = plugin.conf[CONTEXT_KEY].steps.macro_names()
    allowed = [plugin.macros[name] for name in names] + list(DEFAULT_NAMESPACE.values())
    # Autoescape on: text a page computes is escaped; the macros' output is marked safe where
    # the core makes it (build.macros). Only the macros are globals, with Jinja's own filters.
    sandbox = _Sandbox(allowed, names, loader=None, autoescape=True, **options)
    sandbox.globals.update({name: plugin.macros[name] for name in names})
    plugin._env = sandbox  # the plugin builds a plain Environment in on_config; no setter exists
    return sandbox


def on_pre_page_macros(env: MacrosPlugin) -> None:
    from handbok.macro_pages import MACRO_PAGES

    page = env.page
    if page.meta.get("render_macros") not in (None, False) and page.file.src_uri not in MACRO_PAGES:
        raise PluginError(f"Bygget stoppades: docs/{page.file.src_uri}:1:1: fel: sidan får inte "
                          "köra makron ('render_macros' är bara tillåtet på sidorna i "
                          "macros/handbok/macro_pages.py)")
    sandbox = _sandbox_for(env)
    sandbox.failure = None
    sandbox.front_matter_lines = _lines_before(page, env.markdown)
    context = env.conf[CONTEXT_KEY]
    context.steps.begin_page_macros(context, page.file.src_uri)


def _lines_before(page: Page, markdown: str) -> int:
    """Lines of front matter above the Markdown the template is rendered from."""
    if not page.file.abs_src_path or not markdown:
        return 0
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    start = source.find(markdown)
    return source.count("\n", 0, start) if start > 0 else 0


def on_post_page_macros(env: MacrosPlugin) -> None:
    context = env.conf[CONTEXT_KEY]
    context.steps.end_page_macros(context)
    sandbox = _sandbox_for(env)
    if sandbox.failure is None:
        return
    line, message = sandbox.failure
    sandbox.failure = None
    raise PluginError(f"Bygget stoppades: 1 problem i källfilerna.\n"
                      f"docs/{env.page.file.src_uri}:{line + sandbox.front_matter_lines}:1: fel: {message}")
