"""One build's steps behind the MkDocs adapter (macros/hooks.py, macros/main.py), free of MkDocs.

The adapter makes a BuildContext once per build (on_config) and keeps it in the MkDocs config
under CONTEXT_KEY; every later event reads it from there. The date is read from the
environment once, here, and everything else is derived from the checked Project.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from markupsafe import Markup

from handbok import (
    abbreviations,
    book_pdf,
    builddate,
    editor_macros,
    fast_markdown,
    html_blocks,
    html_fixes,
    kept,
    macro_calls,
    macro_pages,
    output_check,
    page_macros,
    pipeline,
    redirects,
    review,
    schema_files,
    search_index,
    serve_cache,
    serve_errors,
    serve_gc,
    site,
    site_macros,
    source_files,
    whole_book,
    word,
)
from handbok.currency import AsOf
from handbok.generated import GeneratedFile
from handbok.problems import Problem, format_problem
from handbok.project import Project, check_project
from handbok.published_urls import page_url

CONTEXT_KEY = "handbok"  # where the adapter keeps the BuildContext in the MkDocs config
PDF_SWITCH = "HANDBOK_PDF"  # set to "ja" by `make pdf`
PREVIEW_PROBLEMS_FILE = serve_errors.PROBLEMS_FILE  # what every page asks for under `make serve`


class BuildStopped(Exception):
    """The build must stop; the message lists the problems (the adapter raises it as its own error)."""


@dataclass
class Book:
    """"Hela handboken" (issue 16), collected during one build: authored pages in nav order, their HTML."""

    order: list[str] = field(default_factory=list)
    chapters: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class PageSource:
    """One page as the adapter sees it before it is built (for `make serve`'s page keys)."""

    src: str
    dest: str
    source: bytes
    dest_file: Path


@dataclass(frozen=True)
class BuildContext:
    """Everything one build knows, made once: the checked project and the build's date.

    `errors` is set instead under `make serve` when the check failed: the preview then lays the
    problem list over every page it has (serve_errors.py) and builds no page.
    """

    root: Path
    serving: bool
    project: Project | None = None
    as_of: AsOf | None = None
    errors: tuple[str, ...] = ()
    # `make pdf` (HANDBOK_PDF=ja): the book is also printed to a PDF (issue 27; it takes a while).
    print_book: bool = False
    book: Book = field(default_factory=Book, compare=False)
    # Generated pages' finished HTML blocks, held out of Python-Markdown (src -> blocks).
    held_blocks: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # Under `make serve` (--dirty): what the last rebuild built, to skip unchanged pages.
    serve_state: serve_cache.ServeState | None = field(default=None, compare=False)
    # The macros pages call in this build, with what each page called (made by `macros`).
    macro_log: list[macro_calls.MacroLog] = field(default_factory=list, compare=False)
    # How generated pages skip Python-Markdown (fast_markdown.py); None: they do not.
    markdown_settings: fast_markdown.MarkdownSettings | None = field(default=None, compare=False)
    # The theme's inline scripts (output_check.py) and what the output check found (issue 28).
    theme_scripts: tuple[re.Pattern[str], ...] = field(default=(), compare=False)
    output_problems: list[Problem] = field(default_factory=list, compare=False)
    checked_outputs: set[str] = field(default_factory=set, compare=False)

    @property
    def warning_lines(self) -> list[str]:
        """What the build reports without stopping (`…: varning: …`), for the terminal."""
        warnings = self.project.warnings if self.project is not None else ()
        return [format_problem(w, warning=True) for w in warnings]

    @property
    def today(self) -> dt.date | None:
        return self.as_of.today if self.as_of is not None else None

    @property
    def steps(self) -> ModuleType:
        """The module that made this context: under serve, the copy imported for this rebuild."""
        return sys.modules[type(self).__module__]


def start(root: Path, environ: Mapping[str, str], extra: Mapping[str, Any], *,
          serving: bool, site_dir: Path | None = None) -> BuildContext:
    """Read the date, check the project; raise BuildStopped on a problem unless serving.

    `site_dir` is given under `make serve` (--dirty): the last rebuild's state is read from
    beside it, and the cycle collector is paused during a rebuild (serve_gc.py).
    """
    try:
        today = builddate.today(environ)  # the build's one clock (issue 12)
    except ValueError as error:
        if serving:
            return _error_site(root, [f"fel: {error}"])
        raise BuildStopped(f"Bygget stoppades: {error}") from None
    if site_dir is not None and serve_cache.state_path(site_dir).exists():
        serve_gc.pause()  # resumed in the background after the rebuild (build_search)
    kept.keep(serving)  # only `make serve` renders the records again (kept.py)
    project, problems = check_project(root, today=today)
    if not serving:
        pipeline.forget_loaded_documents()
    if (problems or project is None) and serving:
        lines = [format_problem(p) for p in sorted(problems, key=str)]
        return _error_site(root, lines or ["fel: datan kunde inte läsas"])
    if problems or project is None:
        raise BuildStopped(stop_message(problems))
    state = serve_cache.ServeState.load(serve_cache.state_path(site_dir)) if site_dir else None
    return BuildContext(root, serving, project, AsOf(today, review.interval_months(extra)),
                        print_book=environ.get(PDF_SWITCH, "") == "ja" and not serving, serve_state=state)


def _error_site(root: Path, lines: list[str]) -> BuildContext:
    """Under serve, a failed check builds no page: the pages already built stay, with the
    problem list laid over them (issues 17, 23)."""
    serve_gc.resume()
    return BuildContext(root, True, errors=tuple(lines))


def stop_message(problems: list[Problem]) -> str:
    formatted = "\n".join(format_problem(p) for p in sorted(problems))
    return f"Bygget stoppades: {len(problems)} problem i källfilerna.\n{formatted}"


def generated_files(context: BuildContext, site_url: str) -> list[GeneratedFile]:
    """Every file the build adds to the authored ones: record pages, indexes, exports, redirects."""
    project, as_of, root = context.project, context.as_of, context.root
    assert project is not None and as_of is not None
    return [
        *site.generated_files(project.portfolio, project.pages, as_of=as_of),
        *schema_files.published_schema_files(root / "schemas"),
        *redirects.redirect_files(project.redirects, site_url),
        whole_book.placeholder_page(),
        *word.template_documents(root / "docs" / "mallar" / "filer", build_date=as_of.today),
    ]


def collision(authored: str, generated: GeneratedFile, address: str) -> Problem:
    return source_files.address_collision(authored, generated.path, address, generated.source_path)


def error_page(context: BuildContext) -> str:
    return serve_errors.render_error_page(list(context.errors))


def preview_page(context: BuildContext, html: str) -> str:
    """Under `make serve`, a page that lays the problem list over itself when there is one."""
    return serve_errors.with_preview_script(html) if context.serving else html


def show_problems(context: BuildContext, site_dir: Path) -> None:
    """Under `make serve`, the problem list every page shows, or none once the check passes."""
    if context.serving:
        serve_errors.write_problems(site_dir, list(context.errors))


def review_notice(context: BuildContext, reviewed: object) -> str | None:
    assert context.as_of is not None
    return review.overdue_notice(reviewed, context.as_of.today, context.as_of.review_months)


def fix_page(html: str) -> str:
    """Theme markup fixes (handbok/html_fixes.py) and focusable abbreviations on every page."""
    return abbreviations.make_abbreviations_focusable(html_fixes.fix_theme_html(html))


def fix_theme_template(html: str) -> str:
    return html_fixes.fix_theme_html(html)


def fill_book(context: BuildContext, site_dir: Path) -> None:
    """Fill "Hela handboken" with every authored page's HTML, in nav order."""
    if context.serve_state is not None:  # chapters skipped in this rebuild come from the last one
        for src, chapter in context.serve_state.chapters.items():
            context.book.chapters.setdefault(src, chapter)
    target = site_dir / whole_book.BOOK_URL / "index.html"
    pdf = book_pdf.PDF_NAME if context.print_book else None
    target.write_text(whole_book.fill_book(target.read_text(encoding="utf-8"), _book_chapters(context), pdf=pdf),
                      encoding="utf-8")


def _book_chapters(context: BuildContext) -> list[whole_book.Chapter]:
    return [whole_book.Chapter(page_url(src), *context.book.chapters[src])
            for src in context.book.order if src in context.book.chapters]


def write_book_pdf(context: BuildContext, site_dir: Path, extra: Mapping[str, Any], site_url: str) -> None:
    """The printed handbook beside the book page, under `make pdf` (issue 27): its layout passes
    take from several seconds to a minute, too long for every `make build` and serve rebuild."""
    if not context.print_book:
        return
    project, today = context.project, context.today
    assert project is not None and today is not None
    datings = {page_url(p.path.removeprefix("docs/")): book_pdf.Dating(p.ansvarig, p.senast_granskad)
               for p in project.pages}
    forms = {source.name.removesuffix(word.TEMPLATE_SUFFIX): book_pdf.template_form(source.read_text(encoding="utf-8"))
             for source in sorted((context.root / "docs" / "mallar" / "filer").glob(f"*{word.TEMPLATE_SUFFIX}"))}
    organisation = str(extra.get(site_macros.ORGANISATION_KEY) or "").strip() or None
    # The version is the build date: the copy holds the handbook as it was published that day.
    cover = book_pdf.Cover(organisation, today, f"Utgåva {today.isoformat()}", site_url)
    chapters = _book_chapters(context)
    pdf = book_pdf.write_pdf(
        lambda layout: book_pdf.print_document(chapters, datings, forms, cover, layout),
        len(chapters), site_dir)
    (site_dir / book_pdf.PDF_PATH).write_bytes(pdf)


def macros(context: BuildContext, extra: Mapping[str, Any]) -> dict[str, Callable[..., str]]:
    """Every macro by name, as pages call it; under `make serve` the calls are recorded for
    the next rebuild (macro_calls.py)."""
    if context.project is None or context.as_of is None:
        return {}  # the serve error site: no page renders macros
    data = page_macros.MacroData(context.project.portfolio, context.as_of)
    tables = [(page_macros.MACROS, data), (site_macros.MACROS, extra), (editor_macros.MACROS, context.root)]
    bound: dict[str, Callable[..., str]] = {name: _safe_output(functools.partial(function, first))
                                            for table, first in tables for name, function in table.items()}
    if not context.serving:
        return bound
    log = macro_calls.MacroLog(bound)
    context.macro_log[:] = [log]
    return log.bound()


def _safe_output(function: Callable[..., str]) -> Callable[..., str]:
    """A macro whose Markdown the page's autoescaping sandbox keeps as it is (issue 28)."""
    @functools.wraps(function)
    def safe(*args: Any, **kwargs: Any) -> str:
        return Markup(function(*args, **kwargs))  # the macros escape what they take from data
    return safe


def begin_page_macros(context: BuildContext, src: str) -> None:
    """A page's macros are about to be rendered (mkdocs-macros' pre-macro step)."""
    for log in context.macro_log:
        log.begin_page(src)


def end_page_macros(context: BuildContext) -> None:
    for log in context.macro_log:
        log.end_page()


def macro_names() -> list[str]:
    return [*page_macros.MACROS, *site_macros.MACROS, *editor_macros.MACROS]


def with_markdown(context: BuildContext, extensions: Sequence[str],
                  configs: Mapping[str, Mapping[str, Any]]) -> BuildContext:
    """The context with the site's Markdown settings, if generated pages can skip Python-Markdown."""
    snippets = configs.get("pymdownx.snippets", {})
    bases = snippets.get("base_path", ["."])
    appended = {}
    for name in snippets.get("auto_append", []):
        found = [Path(base) / name for base in ([bases] if isinstance(bases, str) else bases)]
        existing = [path for path in found if path.is_file()]
        if not existing:
            return context
        appended[name] = existing[0].read_text(encoding="utf-8-sig")
    settings = fast_markdown.settings_for(list(extensions), configs, appended)
    return dataclasses.replace(context, markdown_settings=settings)


def convert_generated(context: BuildContext, markdown: str,
                      resolve_link: fast_markdown.LinkResolver) -> fast_markdown.FastPage | None:
    """A generated page converted without Python-Markdown, or None if it leaves the subset."""
    if context.markdown_settings is None:
        return None
    return fast_markdown.convert(markdown, context.markdown_settings, resolve_link)


def hold_html(context: BuildContext, src: str, markdown: str) -> str:
    """A generated page's Markdown with its finished HTML blocks held back (html_blocks.py)."""
    held, context.held_blocks[src] = html_blocks.hold_html_blocks(markdown)
    return held


def restore_html(context: BuildContext, src: str, html: str) -> str:
    return html_blocks.restore_html_blocks(html, context.held_blocks.pop(src, ()))


def unchanged_pages(context: BuildContext, pages: Sequence[PageSource],
                    navigation: Iterable[tuple[str, str]], produced: Iterable[str]) -> dict[str, str | None]:
    """Under `make serve`: the pages this rebuild may skip (src -> the title they had).

    A page's key covers its source, the shared inputs, the nav, the date and, for pages that
    render macros, what their macros return now (serve_cache.py). The book page is always rebuilt.
    """
    state, as_of = context.serve_state, context.as_of
    assert state is not None and as_of is not None
    shared = serve_cache.digest(serve_cache.tree_digest(context.root, serve_cache.SHARED_INPUTS),
                                as_of.today.isoformat(), str(as_of.review_months))
    nav = serve_cache.navigation_signature(navigation)
    state.current, state.produced, state.macro_keys = {}, list(produced), {}
    skipped: dict[str, str | None] = {}
    for page in pages:
        base = key = serve_cache.page_key(shared=shared, navigation=nav, source=page.source)
        if page.src in macro_pages.MACRO_PAGES:
            key = _with_macro_output(context, state, page.src, base)
        state.current[page.dest] = key
        if page.src != whole_book.BOOK_PATH and state.unchanged(page.dest, key, page.dest_file):
            skipped[page.src] = state.titles.get(page.src)
        elif page.src in macro_pages.MACRO_PAGES:
            state.macro_keys[page.src] = (page.dest, base)  # its key follows from the calls it makes
    for gone in set(state.calls) - {page.src for page in pages}:
        del state.calls[gone]
    state.begin(page.dest for page in pages if page.src not in skipped)
    return skipped


def _with_macro_output(context: BuildContext, state: serve_cache.ServeState, src: str, key: str) -> str:
    """A macro page's key with its macros' output now; "" (never equal) when that is unknown."""
    replayed = context.macro_log[0].replay(state.calls.get(src)) if context.macro_log else None
    return serve_cache.digest(key, replayed) if replayed is not None else ""


def _record_macro_calls(context: BuildContext, state: serve_cache.ServeState) -> None:
    """The keys of the macro pages rebuilt now, from the calls they made (macro_calls.py)."""
    made = context.macro_log[0].calls if context.macro_log else {}
    for src, (dest, key) in state.macro_keys.items():
        calls = made.get(src)
        state.current[dest] = serve_cache.digest(key, macro_calls.calls_digest(calls)) if calls is not None else ""
        if calls is None:
            state.calls.pop(src, None)  # not known: rebuilt next time too
        else:
            state.calls[src] = calls


def record_title(context: BuildContext, src: str, title: str | None) -> None:
    if context.serve_state is not None and title is not None:
        context.serve_state.titles[src] = title


def finish_serve_rebuild(context: BuildContext, site_dir: Path) -> None:
    """Remove what a clean build would not have written; keep this rebuild's keys and chapters."""
    state = context.serve_state
    assert state is not None
    expected = [*state.produced, "404.html", "sitemap.xml", "sitemap.xml.gz"]
    for stale in serve_cache.stale_files(site_dir, expected, state.written, kept_dirs=("search", "pagefind")):
        stale.unlink()
    _record_macro_calls(context, state)
    state.keys, state.chapters, state.written = state.current, dict(context.book.chapters), expected
    state.save()


def build_search(context: BuildContext, site_dir: Path) -> None:
    """The reader's search index (Pagefind), once every page is final (issue 15).

    Under `make serve` it is built in the background, so the edited page is served at once.
    """
    if context.serving:
        search_index.build_search_index_in_background(site_dir, then=serve_gc.collect_and_resume)
    else:
        search_index.build_search_index(site_dir)


def csp_script_hashes(html: str) -> str:
    """The adapter's Jinja filter for the CSP in overrides/main.html: the hashes of the
    inline scripts that the theme's script partials render on this page."""
    return output_check.script_hashes(html)


# Files written into the site that a browser may read as markup (issue 28).
_MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".xml", ".xsl")


def with_theme_scripts(context: BuildContext, templates: Iterable[str]) -> BuildContext:
    """The context knowing the theme's inline scripts (the texts of its script partials), the
    redirect pages' script, and under `make serve` the preview's own script, which pages kept
    from the last rebuild carry."""
    own = [redirects.REDIRECT_TEMPLATE.read_text(encoding="utf-8"),
           *([serve_errors.preview_script()] if context.serving else [])]
    return dataclasses.replace(context, theme_scripts=output_check.theme_script_patterns([*templates, *own]))


def check_page_output(context: BuildContext, src: str, source_text: str, dest: str, html: str) -> None:
    """The output check of one written page; what it finds stops the build at its end."""
    context.output_problems.extend(output_check.output_problems(src, source_text, html, context.theme_scripts))
    context.checked_outputs.add(dest)


def check_site_output(context: BuildContext, site_dir: Path) -> None:
    """The output check of every other markup file in the site (static files from docs/, theme
    pages from overrides/), then BuildStopped if any written file failed it."""
    for path in sorted(site_dir.rglob("*")):
        dest = path.relative_to(site_dir).as_posix()
        if dest in context.checked_outputs or dest == "sitemap.xml" or not path.name.lower().endswith(_MARKUP_SUFFIXES):
            continue
        source = next((f"{folder}/{dest}" for folder in ("docs", "overrides") if (context.root / folder / dest).is_file()),
                      f"site/{dest}")
        source_path = context.root / source
        text = source_path.read_text("utf-8", errors="replace") if source_path.is_file() else ""
        context.output_problems.extend(output_check.output_problems(source, text, path.read_text("utf-8", errors="replace"),
                                                       context.theme_scripts))
    if context.output_problems:
        raise BuildStopped(stop_message(sorted(set(context.output_problems))))
