""""Hela handboken": every authored page in navigation order on one printable page (issue 16).

The page is generated as a placeholder (so it has a URL, a nav entry and the theme) and filled
after the build with the chapters' rendered HTML: headings moved one level down, ids made
unique per chapter, links to other chapters rewritten to places within the page, other links
made relative to the book's own address, and a table of contents first.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from handbok.abbreviations import make_abbreviations_focusable
from handbok.generated import GeneratedFile
from handbok.kept import kept

BOOK_PATH = "hela-handboken.md"
BOOK_URL = "hela-handboken/"
PLACEHOLDER = "HANDBOK-HELA-HANDBOKEN"

_HEADING = re.compile(r"<(/?)h([1-5])\b")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_ID_ATTR = re.compile(r'\b(id|for)="([^"]+)"')
_IDREF_ATTR = re.compile(r'\b(aria-labelledby|aria-describedby|aria-controls)="([^"]+)"')


@dataclass(frozen=True)
class Chapter:
    """One authored page: its site URL (e.g. `process/bereda/`), title and rendered article HTML."""

    url: str
    title: str
    html: str


def placeholder_page() -> GeneratedFile:
    """The book page as built by the theme; `fill_book` replaces the placeholder paragraph."""
    content = ("---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n# Hela handboken\n\n"
               "Hela handboken på en sida, i samma ordning som menyn, att läsa i ett svep eller skriva ut. "
               "Varje kapitel börjar på en ny sida när du skriver ut.\n\n"
               f"{PLACEHOLDER}\n")
    return GeneratedFile(BOOK_PATH, content)


def _anchor(number: int, fragment: str = "") -> str:
    return f"k{number}-{fragment}" if fragment else f"kapitel-{number}"


def _rewrite_url(value: str, chapter: Chapter, numbers: dict[str, int], number: int) -> str:
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("mailto:"):
        return value
    if not parts.path and parts.fragment:
        return f"#{_anchor(number, parts.fragment)}"
    target = urlsplit(urljoin("/" + chapter.url, value))
    site_path = target.path.lstrip("/")
    if site_path in numbers:
        return f"#{_anchor(numbers[site_path], target.fragment)}"
    relative = posixpath.relpath("/" + site_path, "/" + BOOK_URL)
    if target.path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative + (f"#{target.fragment}" if target.fragment else "")


def _chapter_html(chapter: Chapter, numbers: dict[str, int], number: int) -> str:
    html = _HEADERLINK.sub("", chapter.html)
    html = _HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", html)
    html = _URL_ATTR.sub(lambda m: f'{m[1]}="{_rewrite_url(m[2], chapter, numbers, number)}"', html)
    html = _ID_ATTR.sub(lambda m: f'{m[1]}="{_anchor(number, m[2])}"', html)
    html = _IDREF_ATTR.sub(
        lambda m: f'{m[1]}="{" ".join(_anchor(number, ref) for ref in m[2].split())}"', html)
    return f'<section class="handbok-kapitel" id="{_anchor(number)}">\n{html}\n</section>'


@kept(maxsize=512)  # `make serve`: an edited page leaves the other chapters as they were
def _kept_chapter_html(chapter: Chapter, numbers: tuple[tuple[str, int], ...], number: int) -> str:
    return _chapter_html(chapter, dict(numbers), number)


def chapter_sections(chapters: list[Chapter]) -> list[str]:
    """Each chapter as the book shows it: a section `kapitel-N` whose links point within the book."""
    numbers = tuple((c.url, n) for n, c in enumerate(chapters, start=1))
    return [_kept_chapter_html(c, numbers, n) for n, c in enumerate(chapters, start=1)]


def chapter_anchor(number: int) -> str:
    """The id of chapter `number` (from 1) in the book."""
    return _anchor(number)


def _book_actions(pdf: str | None) -> str:
    """The place of the print button (added by docs/assets/js/skriv-ut.js: it needs JavaScript)
    and, when the build printed the book (`make pdf`, issue 27), the PDF to download."""
    link = (f'<a class="md-button" href="{pdf}" download="{pdf}">Ladda ner hela handboken som PDF (A4)</a>'
            if pdf else "")
    return f'<p class="handbok-bokval" data-handbok-utskrift>{link}</p>'


def render_book(chapters: list[Chapter], *, pdf: str | None = None) -> str:
    """The table of contents and every chapter, in the given (navigation) order; `pdf` names the
    printed book beside the page, if there is one."""
    toc = "".join(f'<li><a href="#{_anchor(n)}">{c.title}</a></li>' for n, c in enumerate(chapters, start=1))
    body = make_abbreviations_focusable("\n".join(chapter_sections(chapters)))
    return (f'{_book_actions(pdf)}\n'
            f'<nav class="handbok-innehall" aria-labelledby="hela-innehall"><h2 id="hela-innehall">Innehåll</h2>'
            f"<ol>{toc}</ol></nav>\n{body}")


def fill_book(page_html: str, chapters: list[Chapter], *, pdf: str | None = None) -> str:
    """The built book page with its placeholder paragraph replaced by the chapters."""
    marker = f"<p>{PLACEHOLDER}</p>"
    if marker not in page_html:
        raise ValueError("the book page has no placeholder paragraph")
    return page_html.replace(marker, _rendered_book(tuple(chapters), pdf), 1)


@kept(maxsize=2)  # `make serve`: a data edit leaves every chapter as it was (issue 15)
def _rendered_book(chapters: tuple[Chapter, ...], pdf: str | None) -> str:
    return render_book(list(chapters), pdf=pdf)
