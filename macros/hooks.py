"""MkDocs adapter: wires the engine-independent core (macros/handbok) into a build.

Only this module and macros/main.py import MkDocs. Each event hands its work to
handbok.build; on_config makes the build's one BuildContext and keeps it in the config, so
nothing about a build lives in this module. `mkdocs serve` does not reload hook modules, so
under serve the core is imported afresh for every rebuild and the context carries that copy.
"""

from __future__ import annotations

import importlib
import logging
import os
import posixpath
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

# The core lives beside this file. MkDocs puts a hook's folder on sys.path only while
# loading it, and under serve the core is re-imported later, so keep the folder there.
_CORE_DIR = str(Path(__file__).resolve().parent)
if _CORE_DIR not in sys.path:
    sys.path.insert(0, _CORE_DIR)

import handbok.build as core  # noqa: E402  (the one import of the core)

if TYPE_CHECKING:
    from handbok.fast_markdown import FastPage

# The invocation's command, set once by on_startup before any build. It is the only thing
# kept here: MkDocs passes on_startup no config, and every serve rebuild loads a new config.
_invocation = ("build", False)  # (command, dirty)


def _serving() -> bool:
    return _invocation[0] == "serve"


def on_startup(*, command: str, dirty: bool) -> None:
    global _invocation
    _invocation = (command, dirty)
    # The macros plugin reports its configuration on every (re)build, in English ("Found j2
    # variable …", "Config variables: […]"); editors read only its warnings (issue 23).
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
    if command == "serve" and dirty:
        # `make serve` rebuilds with --dirty so that unchanged pages are skipped (issue 15);
        # MkDocs warns about --dirty on every rebuild, and strict mode would count that.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: "'dirty' build" not in record.getMessage())
    if command == "serve":
        # Every page asks for the problem list (handbok/serve_errors.py), which exists only while
        # something is broken; its 404 is the normal case, not an English warning to read.
        problems_file = core.PREVIEW_PROBLEMS_FILE
        logging.getLogger("mkdocs.livereload").addFilter(
            lambda record: problems_file not in record.getMessage())


def _core_version() -> tuple[tuple[str, int, int], ...]:
    """Every core file with its size and modification time: what says the core was edited."""
    files = sorted(Path(_CORE_DIR, "handbok").rglob("*"))
    return tuple((str(p), s.st_size, s.st_mtime_ns) for p in files if p.is_file()
                 and "__pycache__" not in p.parts for s in [p.stat()])


def _fresh_core() -> ModuleType:
    """Under `mkdocs serve`, the core imported anew when its files changed, so edits take effect.

    An unchanged core is kept, with its compiled templates and caches (issue 15).
    """
    loaded = sys.modules.get(core.__name__)
    version = _core_version()
    if loaded is not None and getattr(loaded, "LOADED_VERSION", None) == version:
        return loaded
    for name in [n for n in sys.modules if n == "handbok" or n.startswith("handbok.")]:
        del sys.modules[name]
    if _CORE_DIR not in sys.path:  # MkDocs restores sys.path after loading this module
        sys.path.insert(0, _CORE_DIR)
    fresh = importlib.import_module(core.__name__)
    fresh.LOADED_VERSION = version  # type: ignore[attr-defined]  # read back by the next rebuild
    return fresh


def context(config: MkDocsConfig) -> core.BuildContext:
    """The build's context, made by on_config."""
    built: core.BuildContext = config[core.CONTEXT_KEY]
    return built


@event_priority(100)  # before the macros plugin's on_config, which reads the context
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = _fresh_core() if _serving() else core
    root = Path(config.config_file_path).resolve().parent
    try:
        # Under `make serve --dirty` the context keeps what the last rebuild built (issue 15).
        dirty_serve = _invocation == ("serve", True)
        built = build.start(root, os.environ, config.extra, serving=_serving(),
                            site_dir=Path(config.site_dir) if dirty_serve else None)
    except build.BuildStopped as stop:
        raise PluginError(str(stop)) from None
    if not built.errors:
        built = build.with_markdown(built, config.markdown_extensions, config.mdx_configs)
        built = build.with_theme_scripts(built, _theme_script_templates(config))
    config[core.CONTEXT_KEY] = built
    if built.warning_lines:  # not through MkDocs' logger, which strict mode would count
        print(*built.warning_lines, sep="\n", file=sys.stderr)
    if built.errors:
        # Under serve, a failed check finishes the rebuild without pages instead of failing
        # (issues 17, 23): MkDocs' live-reload server holds every request after a failed rebuild,
        # and a finished one reloads the open page, which then shows the problems. Not through
        # MkDocs' logger: strict mode counts logged errors and would abort the build.
        print("Förhandsvisningen visar de här felen över varje sida tills de är rättade:", *built.errors, sep="\n",
              file=sys.stderr)
        config["nav"] = None  # no page is built
    return config


def _theme_script_templates(config: MkDocsConfig) -> list[str]:
    """The texts of the theme's script partials, which write its inline scripts (issue 28)."""
    return [path.read_text("utf-8") for folder in config.theme.dirs
            for path in sorted(Path(folder, "partials", "javascripts").glob("*.html"))]


def _core(config: MkDocsConfig) -> ModuleType:
    """The core module that made this build's context (a fresh copy under serve)."""
    return context(config).steps


@event_priority(100)  # generated pages must exist before other plugins look at the files
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    built, build = context(config), _core(config)
    if built.errors:  # no page is built; the problem list is laid over those built before
        return Files([f for f in files if not f.is_documentation_page()])
    authored = {f.dest_uri: f for f in files if f.generated_by is None}
    for file in authored.values():
        file.edit_uri = f"docs/{file.src_uri}"  # the edit action opens the Markdown source
    collisions = []
    for generated in build.generated_files(built, config.site_url or ""):
        file = File.generated(config, generated.path, content=generated.content)
        clash = files.get_file_from_path(generated.path) or authored.get(file.dest_uri)
        if clash is not None and clash.generated_by is None:
            collisions.append(build.collision(clash.src_uri, generated, file.dest_uri))
            continue
        file.edit_uri = generated.source_path  # a record page's edit action opens its YAML
        files.append(file)
    if collisions:
        raise PluginError(build.stop_message(collisions))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages skip Python-Markdown: the whole page when it stays in the subset the
    core converts itself (handbok/fast_markdown.py), else their finished HTML blocks
    (handbok/html_blocks.py). A page needs its front-matter title: MkDocs would otherwise
    take it from the H1 that Python-Markdown no longer sees."""
    if page.file.generated_by is None:
        return markdown
    built, build = context(config), _core(config)
    fast = build.convert_generated(built, markdown, _link_resolver(page, files)) if "title" in page.meta else None
    if fast is not None:
        page.render = _render_converted(page, fast)  # type: ignore[method-assign,assignment]  # see _render_converted
        return ""
    held: str = build.hold_html(built, page.file.src_uri, markdown)
    return held


def _render_converted(page: Page, fast: FastPage) -> Callable[[MkDocsConfig, Files], None]:
    """What Page.render would leave on a page the core has converted, without building a
    Python-Markdown instance for it (about a millisecond a page, most of it spent parsing
    the abbreviation list that pymdownx.snippets appends to every page)."""
    def render(config: MkDocsConfig, files: Files) -> None:
        page.content, page.toc = fast.html, get_toc(fast.toc_tokens)  # type: ignore[arg-type]  # the toc extension's own tokens
        page.present_anchor_ids, page.links_to_anchors = set(fast.anchor_ids), {}
    return render


def _link_resolver(page: Page, files: Files) -> Callable[[str], str | None]:
    """A relative `.md` link's URL from this page, found as MkDocs finds it; None when MkDocs
    would warn (then the page goes through Python-Markdown, which reports it)."""
    folder = posixpath.dirname(page.file.src_uri)

    def resolve(target: str) -> str | None:
        file = files.get_file_from_path(posixpath.normpath(posixpath.join(folder, target)))
        if file is None or not file.is_documentation_page() or file.inclusion.is_excluded():  # type: ignore[no-untyped-call]  # untyped in MkDocs
            return None
        return get_relative_url(file.url, page.file.url)
    return resolve


def on_pre_page(page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
    """The sitemap's dates (and its .gz time stamp) follow the build's one clock, not UTC.

    on_pre_page runs before MkDocs renders sitemap.xml; on_page_context would be too late.
    """
    today = context(config).today
    assert today is not None  # pages are rendered only from a checked project (the error site has none)
    page.update_date = today.isoformat()
    return page


def on_page_context(ctx: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Edit action from the file's edit_uri (set in on_files); overdue-review notice."""
    if page.file.generated_by is None:
        ctx["granskningsnotis"] = _core(config).review_notice(context(config),
                                                              page.meta.get("senast_granskad"))
    base = config.extra.get("redigera_bas", "")
    if base:
        page.edit_url = f"{base}{page.file.edit_uri}" if page.file.edit_uri else None
    return ctx


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """Theme markup fixes (see handbok/html_fixes.py) on every page; focusable abbreviations;
    under `make serve`, the script that shows the problem list over the page (issue 23)."""
    built, build = context(config), _core(config)
    fixed: str = build.fix_page(output)
    source = page.file.edit_uri if page.file.generated_by is not None else f"docs/{page.file.src_uri}"
    source_file = Path(config.config_file_path).parent / (source or "")
    source_text = source_file.read_text("utf-8", errors="replace") if source and source_file.is_file() else ""
    build.check_page_output(built, source or page.file.src_uri, source_text, page.file.dest_uri, fixed)
    previewed: str = build.preview_page(built, fixed)
    return previewed


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    """The same fixes on theme-rendered pages such as 404.html."""
    if template_name == "404.html" and context(config).errors:
        error_page: str = _core(config).error_page(context(config))
        return error_page
    if not template_name.endswith(".html"):
        return output_content
    fixed: str = _core(config).fix_theme_template(output_content)
    return fixed


def on_env(env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The CSP's script hashes (issue 28); under `make serve`, the theme's compiled templates
    are kept between rebuilds (issue 15).

    MkDocs makes a new theme environment for every rebuild and would compile every template of
    Material again (about half a second); the cache is keyed by each template's source.
    """
    env.filters["script_hashes"] = _core(config).csp_script_hashes  # the CSP in overrides/main.html
    env.globals["handbok_serving"] = context(config).serving
    if context(config).serving:
        env.bytecode_cache = jinja2.FileSystemBytecodeCache()
    return env


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    built = context(config)
    _place_record_pages(nav, files)
    built.book.order[:] = [p.file.src_uri for p in nav.pages if p.file.generated_by is None]
    if built.serve_state is not None and not built.errors:
        _skip_unchanged_pages(built, nav, files, config)
    return nav


def _place_record_pages(nav: Navigation, files: Files) -> None:
    """Record pages belong to their section in Portfölj without being listed in the nav (issue 27).

    A record page's parent is its section's index page (Insatser, Behov, Organisation), whose
    parent is the Portfölj section: MkDocs marks a page's parents active, so the Portfölj tab is
    active and the sidebar shows the portfolio's sections; listing 2,000 records in the nav would
    cost a minute of build (TOOLCHAIN.md, "Navigation cost").
    """
    sections = {p.file.src_uri.rsplit("/", 1)[0]: p for p in nav.pages
                if p.file.src_uri.endswith("/index.md") and p.file.generated_by is not None}
    for file in files.documentation_pages():
        folder, _, name = file.src_uri.rpartition("/")
        index = sections.get(folder)
        if index is not None and name != "index.md" and file.page is not None and file.page.parent is None:
            # Page.parent is typed as a Section; MkDocs itself only reads .parent, .active and
            # .ancestors from it, which a Page has too (Material's path and nav templates alike).
            file.page.parent = index  # type: ignore[assignment]


def _skip_unchanged_pages(built: core.BuildContext, nav: Navigation, files: Files, config: MkDocsConfig) -> None:
    """Under `make serve --dirty`, pages whose inputs did not change are not rebuilt (issue 15).

    MkDocs skips a page whose file says it is not modified; such a page keeps the title it had
    (others show it in their nav) and the sitemap date every page gets in on_pre_page.
    """
    pages = [_core(config).PageSource(f.src_uri, f.dest_uri, f.content_bytes, Path(f.abs_dest_path))
             for f in files.documentation_pages()]
    navigation = [(str(p.title or ""), p.url) for p in nav.pages]
    skipped = _core(config).unchanged_pages(built, pages, navigation, [f.dest_uri for f in files])
    today = built.today
    assert today is not None  # only a checked project keeps a serve state
    for file in files.documentation_pages():
        # MkDocs asks each file whether to rebuild it; File has no setting for this. Its own
        # answer (source newer than output) would skip a macro page after a data edit, or every
        # authored page after a nav change, so the page key decides both ways.
        unchanged = file.src_uri in skipped
        file.is_modified = (lambda: False) if unchanged else (lambda: True)  # type: ignore[method-assign]
        if unchanged:
            built.checked_outputs.add(file.dest_uri)  # the output check read it when it was written
        if unchanged and file.page is not None:
            file.page.update_date = today.isoformat()
            if skipped[file.src_uri] is not None:
                file.page.title = skipped[file.src_uri]


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    built, build = context(config), _core(config)
    if page.file.generated_by is None:
        built.book.chapters[page.file.src_uri] = (page.title or "", html)
    else:
        html = build.restore_html(built, page.file.src_uri, html)
    build.record_title(built, page.file.src_uri, page.title)
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    """Fill "Hela handboken" and print it as a PDF, then index the final pages for the reader's search (issue 15)."""
    _core(config).show_problems(context(config), Path(config.site_dir))
    if context(config).errors:
        return  # the preview shows the problem list instead of the site; there is no book page
    site_dir = Path(config.site_dir)
    try:
        _core(config).check_site_output(context(config), site_dir)
    except _core(config).BuildStopped as stop:
        raise PluginError(str(stop)) from None
    _core(config).fill_book(context(config), site_dir)
    _core(config).write_book_pdf(context(config), site_dir, config.extra, config.site_url or "")
    _core(config).build_search(context(config), site_dir)
    if context(config).serve_state is not None:
        _core(config).finish_serve_rebuild(context(config), site_dir)
