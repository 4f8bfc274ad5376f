"""MkDocs adapter: wires the engine-independent core (macros/handbok) into a build.

Only this module and macros/main.py import MkDocs. `mkdocs serve` does not reload hook
modules, so everything here delegates to the core, which is re-imported on every rebuild.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# The core lives beside this file. MkDocs puts a hook's folder on sys.path only while
# loading it, and under serve the core is re-imported later, so keep the folder there.
_CORE_DIR = str(Path(__file__).resolve().parent)

PORTFOLIO_KEY = "_handbok_portfolio"
AS_OF_KEY = "_handbok_as_of"
SERVE_ERRORS_KEY = "_handbok_serve_errors"
_serving = False
_edit_sources: dict[str, str] = {}
# "Hela handboken" (issue 16): authored pages in nav order, and their rendered HTML.
_nav_order: list[str] = []
_chapters: dict[str, tuple[str, str]] = {}


def _core(name: str):
    if _CORE_DIR not in sys.path:
        sys.path.insert(0, _CORE_DIR)
    return importlib.import_module(f"handbok.{name}")


def _fresh_core() -> None:
    """Under `mkdocs serve`, drop the cached core modules so edits to them take effect."""
    for name in [n for n in sys.modules if n == "handbok" or n.startswith("handbok.")]:
        del sys.modules[name]


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _serve_error_site(config: MkDocsConfig, problems: list) -> MkDocsConfig:
    """Under serve, a failed check builds an error site instead of failing (issue 17).

    MkDocs' live-reload server holds every request after a failed rebuild; a site that lists
    the problems keeps the preview answering, and its page reloads once they are fixed.
    """
    lines = [p if isinstance(p, str) else _core("problems").format_problem(p)
             for p in sorted(problems, key=str)]
    # Not through MkDocs' logger: strict mode counts logged errors and would abort the build.
    print("Förhandsvisningen visar felen i stället för webbplatsen:", *lines, sep="\n",
          file=sys.stderr)
    config.extra[SERVE_ERRORS_KEY] = lines or ["fel: datan kunde inte läsas"]
    config.extra[PORTFOLIO_KEY] = None
    config.extra.setdefault(AS_OF_KEY, None)
    config["nav"] = None  # its pages are left out of the error site
    return config


def _fail(problems: list) -> None:
    formatted = "\n".join(_core("problems").format_problem(p) for p in sorted(problems))
    raise PluginError(f"Bygget stoppades: {len(problems)} problem i källfilerna.\n{formatted}")


@event_priority(100)  # before the macros plugin's on_config, which reads the portfolio
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _serving:
        _fresh_core()
    root = Path(config.config_file_path).resolve().parent
    try:
        today = _core("builddate").today(os.environ)  # the build's one clock (issue 12)
    except ValueError as error:
        if _serving:
            return _serve_error_site(config, [f"fel: {error}"])
        raise PluginError(f"Bygget stoppades: {error}") from None
    months = _core("review").interval_months(config.extra)
    portfolio, problems = _core("project").check_project(root, today=today)
    config.extra[SERVE_ERRORS_KEY] = None
    if (problems or portfolio is None) and _serving:
        return _serve_error_site(config, problems)
    if problems or portfolio is None:
        _fail(problems)
    config.extra[PORTFOLIO_KEY] = portfolio
    config.extra[AS_OF_KEY] = _core("currency").AsOf(today, months)
    return config


@event_priority(100)  # generated pages must exist before other plugins look at the files
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    if config.extra.get(SERVE_ERRORS_KEY):
        page = _core("serve_errors").render_error_page(config.extra[SERVE_ERRORS_KEY])
        kept = [f for f in files if not f.is_documentation_page()]
        return Files([*kept, File.generated(config, "index.html", content=page)])
    portfolio = config.extra[PORTFOLIO_KEY]
    as_of = config.extra[AS_OF_KEY]
    _edit_sources.clear()
    root = Path(config.config_file_path).resolve().parent
    pages = _core("authored").page_meta(root / "docs", root)
    generated_files = [
        *_core("site").generated_files(portfolio, pages, as_of=as_of),
        *_core("schema_files").published_schema_files(root / "schemas"),
        *_core("redirects").redirect_files(root, portfolio, config.site_url or ""),
        _core("whole_book").placeholder_page(),
        *_core("word").template_documents(root / "docs" / "mallar" / "filer", build_date=as_of.today),
    ]
    authored = {f.dest_uri: f for f in files if f.generated_by is None}
    collisions = []
    for generated in generated_files:
        file = File.generated(config, generated.path, content=generated.content)
        clash = files.get_file_from_path(generated.path) or authored.get(file.dest_uri)
        if clash is not None and clash.generated_by is None:
            collisions.append(_core("source_files").address_collision(
                clash.src_uri, generated.path, file.dest_uri, generated.source_path))
            continue
        files.append(file)
        if generated.source_path:
            _edit_sources[generated.path] = generated.source_path
    if collisions:
        _fail(collisions)
    return files


def on_pre_page(page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
    """The sitemap's dates (and its .gz time stamp) follow the build's one clock, not UTC.

    on_pre_page runs before MkDocs renders sitemap.xml; on_page_context would be too late.
    """
    page.update_date = config.extra[AS_OF_KEY].today.isoformat()
    return page


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Edit action: authored pages open their Markdown, generated pages their YAML."""
    if page.file.generated_by is None:
        as_of = config.extra[AS_OF_KEY]
        context["granskningsnotis"] = _core("review").overdue_notice(
            page.meta.get("senast_granskad"), as_of.today, as_of.review_months)
    base = config.extra.get("redigera_bas", "")
    if not base:
        return context
    if page.file.generated_by is None:
        page.edit_url = f"{base}docs/{page.file.src_uri}"
    elif page.file.src_uri in _edit_sources:
        page.edit_url = f"{base}{_edit_sources[page.file.src_uri]}"
    else:
        page.edit_url = None
    return context


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """Theme markup fixes (see handbok/html_fixes.py) on every page; focusable abbreviations."""
    return _core("abbreviations").make_abbreviations_focusable(_core("html_fixes").fix_theme_html(output))


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    """The same fixes on theme-rendered pages such as 404.html."""
    if template_name == "404.html" and config.extra.get(SERVE_ERRORS_KEY):
        return _core("serve_errors").render_error_page(config.extra[SERVE_ERRORS_KEY])
    if not template_name.endswith(".html"):
        return output_content
    return _core("html_fixes").fix_theme_html(output_content)


def on_nav(nav, /, *, config: MkDocsConfig, files: Files):
    _nav_order[:] = [p.file.src_uri for p in nav.pages if p.file.generated_by is None]
    _chapters.clear()
    return nav


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is None:
        _chapters[page.file.src_uri] = (page.title or "", html)
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    """Fill "Hela handboken" with every authored page's HTML, in nav order."""
    if config.extra.get(SERVE_ERRORS_KEY):
        return  # the preview shows the problem list instead of the site; there is no book page
    book = _core("whole_book")
    target = Path(config.site_dir) / book.BOOK_URL / "index.html"
    page_url = _core("published_urls").page_url
    chapters = [book.Chapter(page_url(src), *_chapters[src]) for src in _nav_order if src in _chapters]
    target.write_text(book.fill_book(target.read_text(encoding="utf-8"), chapters), encoding="utf-8")
    # Issue 15: the reader's search index, after every page (the book included) is final.
    _core("search_index").build_search_index(Path(config.site_dir))

