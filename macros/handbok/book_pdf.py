"""The printed handbook (issue 27): "Hela handboken" as an A4 PDF that reads like a book.

A cover (organisation, build date, version, address), a table of contents with page numbers,
chapters dated with their owner and last review, addresses of links as footnotes and the
templates as forms to fill in. `print_document` writes the HTML (a pure function); WeasyPrint,
made for paged media (`target-counter`, running titles, footnotes), turns it into the PDF
reading files from the built site only, never from the network.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import markdown  # type: ignore[import-untyped]  # no type information

from handbok.render import templating
from handbok.whole_book import BOOK_URL, Chapter, chapter_anchor, chapter_sections
from handbok.word import PORTRAIT_MAX_COLUMNS

PDF_NAME = "forandringshandboken.pdf"
PDF_PATH = f"{BOOK_URL}{PDF_NAME}"  # in the site, beside the book page that links it

_LINK = re.compile(r'<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_TEMPLATE_SOURCE = re.compile(
    r'<details\b[^>]*>\s*<summary>[^<]*</summary>(?:(?!</details>).)*?'
    r'<span class="filename">([a-z0-9-]+)\.md</span>.*?</details>', re.S)
_HEADING = re.compile(r"<(/?)h([1-4])\b")
_PLACEHOLDER = re.compile(r"\[([^\[\]<>]*)\]")
# A table with the heading right above it: a landscape page takes both (issue 27).
_TABLE = re.compile(r"(?:<h([3-6])>[^<]*</h\1>\s*)?<table>.*?</table>", re.S)
_END = "slut-"  # an empty block at the end of each chapter: where on which page it ends
# A chapter's last page filled less than a third (from the page's top edge) counts as nearly empty.
NEARLY_EMPTY = 0.34
# Layout passes at most: each moves the chapters after a nearly empty page up onto it, the
# last one prints the table of contents' page numbers found by the one before.
PASSES = 6


@dataclass(frozen=True)
class Cover:
    """What the cover says: who publishes the handbook, when this copy was built, which version."""

    organisation: str | None
    built: dt.date
    version: str
    address: str


@dataclass(frozen=True)
class Layout:
    """What one layout pass tells the next: the chapters that follow their predecessor on its
    nearly empty last page (numbers from 1), and the page of each chapter's title by its id."""

    running_on: frozenset[int] = frozenset()
    pages: Mapping[str, int] = field(default_factory=dict)


FIRST_PASS = Layout()


@dataclass(frozen=True)
class Dating:
    """A chapter's owner and last review, from its front matter."""

    owner: str
    reviewed: dt.date


def _readable(address: str) -> str:
    return address.removeprefix("mailto:")


def _with_footnote(match: re.Match[str], site_url: str) -> str:
    before, href, after, text = match.groups()
    if href.startswith("#"):
        return match.group(0)
    address = href if re.match(r"[a-z]+:", href) else urljoin(site_url + BOOK_URL, html.unescape(href))
    link = f'<a{before}href="{html.escape(address)}"{after}>{text}</a>'
    shown = html.unescape(_TAG.sub("", text)).strip()
    if shown in {address, _readable(address)}:
        return link
    return f'{link}<span class="fotnot">{html.escape(_readable(address))}</span>'


def template_form(source: str) -> str:
    """A template's Markdown (docs/mallar/filer/*.md.txt) as a form: headings, lines to fill in
    where the template has `[...]`, check boxes, and wide tables on a landscape page."""
    body = markdown.markdown(source, extensions=["tables"], output_format="html")
    body = _HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 2}", body)
    body = re.sub(r"<li>\[ \] ", "<li>☐ ", body)
    body = re.sub(r"<li>\[x\] ", "<li>☒ ", body)
    body = _PLACEHOLDER.sub(lambda m: f'<span class="falt">{m[1].strip()}</span>', body)
    return _TABLE.sub(lambda m: _wide(m.group(0)), body)


def _wide(table: str) -> str:
    columns = table.split("</tr>", 1)[0].count("<th")
    return f'<div class="bred">{table}</div>' if columns > PORTRAIT_MAX_COLUMNS else table


def _chapter(section: str, dating: Dating | None, forms: Mapping[str, str], site_url: str) -> str:
    section = _TEMPLATE_SOURCE.sub(
        lambda m: f'<div class="mallformular">{forms[m[1]]}</div>' if m[1] in forms else m.group(0), section)
    section = _LINK.sub(lambda m: _with_footnote(m, site_url), section)
    if dating is None:
        return section
    facts = templating.fragment("_partials/bok_sidfakta.html.j2", dating=dating)
    return re.sub(r"(</h2>)", lambda m: m[1] + facts, section, count=1)


def print_document(chapters: list[Chapter], datings: Mapping[str, Dating], forms: Mapping[str, str],
                   cover: Cover, layout: Layout = FIRST_PASS) -> str:
    """The whole book as one HTML document for paged media.

    `datings` by chapter URL, `forms` by template name (`riskanalys`) replace the template
    pages' Markdown blocks; `cover.address` is the site's URL, which links are resolved against.
    Every chapter starts on a new page except those `layout.running_on`; the table of contents
    prints `layout.pages` (a first pass has none yet).
    """
    sections = [_chapter(s, datings.get(c.url), forms, cover.address)
                for c, s in zip(chapters, chapter_sections(chapters), strict=True)]
    for number in layout.running_on:
        sections[number - 1] = sections[number - 1].replace('class="handbok-kapitel"',
                                                            'class="handbok-kapitel fortsatt"', 1)
    sections = [s.removesuffix("</section>") + f'<div class="kapitelslut" id="{_END}{n}"></div></section>'
                for n, s in enumerate(sections, start=1)]
    # Links to a chapter lead to its title: a chapter that runs on may begin with an empty
    # fragment of its section at the foot of the page before.
    titles = {chapter_anchor(n): _title_id(s) or chapter_anchor(n) for n, s in enumerate(sections, start=1)}
    sections = [re.sub(r'href="#(kapitel-\d+)"', lambda m: f'href="#{titles.get(m[1], m[1])}"', s) for s in sections]
    toc = [(titles[chapter_anchor(n)], c.title, layout.pages.get(titles[chapter_anchor(n)], ""))
           for n, c in enumerate(chapters, start=1)]
    return templating.render("bok_pdf.html.j2", cover=cover, toc=toc,
                             chapters=[templating.markup(s) for s in sections])


def table_of_contents_ids(document: str) -> list[str]:
    """The ids the table of contents of `print_document`'s HTML points at, in order."""
    toc = document[document.index('<nav class="innehall"'):document.index("</nav>")]
    return re.findall(r'<a href="#([^"]+)"', toc)


def _title_id(section: str) -> str | None:
    title = re.search(r'<h2 id="([^"]+)"', section)
    return title[1] if title else None


def _first_pages(pages: list[dict[str, tuple[float, ...]]]) -> dict[str, tuple[int, float]]:
    """Each anchor's first page (from 0) and its top there: a box spanning pages is on each."""
    where: dict[str, tuple[int, float]] = {}
    for index, anchors in enumerate(pages):
        for name, position in anchors.items():
            where.setdefault(name, (index, position[1]))
    return where


def nearly_empty_ends(pages: list[dict[str, tuple[float, ...]]], chapters: int, page_height: float) -> set[int]:
    """Chapters whose last page holds less than a third of a page (their tail spilled over)."""
    where = _first_pages(pages)
    short = set()
    for number in range(1, chapters):
        start, (end, bottom) = where[chapter_anchor(number)][0], where[f"{_END}{number}"]
        if end > start and bottom < page_height * NEARLY_EMPTY:
            short.add(number)
    return short


def _local_only(site_dir: Path) -> object:
    """WeasyPrint's URL fetcher limited to the built site: the build never reaches the network."""
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]  # no type information

    root = site_dir.resolve().as_uri() + "/"

    class SiteFetcher(URLFetcher):  # type: ignore[misc]  # untyped in WeasyPrint
        def fetch(self, url: str, headers: object = None) -> object:
            if not url.startswith(root):
                raise ValueError(f"utskriften hämtar bara filer ur webbplatsen, inte {url}")
            return super().fetch(url, headers)

    return SiteFetcher(allowed_protocols=("file",))


def write_pdf(document: Callable[[Layout], str], chapters: int, site_dir: Path) -> bytes:
    """The PDF of the book (`document(layout)` is `print_document`'s HTML): tagged (PDF/UA-1),
    fonts embedded, no network. A chapter whose predecessor ends on a nearly empty page follows
    it on that page (issue 27); the table of contents prints the pages where the titles landed,
    read from the laid-out pages (WeasyPrint's `target-counter` can name the page before when a
    title is moved on to the next page to stay with its text)."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # imported here: only `make pdf` needs it

    base = (site_dir / BOOK_URL / "index.html").resolve().as_uri()
    layout = FIRST_PASS
    for _ in range(PASSES):
        html = document(layout)
        rendered = HTML(string=html, base_url=base, url_fetcher=_local_only(site_dir)).render()
        anchors = [p.anchors for p in rendered.pages]
        where = _first_pages(anchors)
        pages = {name: where[name][0] + 1 for name in table_of_contents_ids(html)}
        more = frozenset(n + 1 for n in nearly_empty_ends(anchors, chapters, rendered.pages[0].height))
        if more <= layout.running_on and pages == layout.pages:
            break
        layout = Layout(layout.running_on | more, pages)
    pdf: bytes = rendered.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"forandringshandboken")
    return pdf
