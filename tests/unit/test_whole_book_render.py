""""Hela handboken" (issue 16): chapters, unique ids, links within the page."""

from __future__ import annotations

import pytest

from handbok.whole_book import PLACEHOLDER, Chapter, fill_book, placeholder_page, render_book

CHAPTERS = [
    Chapter("", "Start", '<h1 id="start">Start<a class="headerlink" href="#start">¶</a></h1>'
            '<p><a href="process/bereda/#resultat">Bereda</a> <a href="insatser/x/">X</a>'
            ' <a href="https://example.se/">ute</a></p><h2 id="kallor">Källor</h2>'),
    Chapter("process/bereda/", "Bereda", '<h1 id="bereda">Bereda</h1><h2 id="resultat">Resultat</h2>'
            '<p><a href="#resultat">här</a> <a href="../../">start</a> <a href="../../mallar/filer/a.md.txt">fil</a></p>'
            '<label for="c1">Ruta</label><input id="c1"><h2 id="kallor">Källor</h2>'),
]


def test_chapters_get_unique_ids_and_lower_headings() -> None:
    book = render_book(CHAPTERS)
    assert '<section class="handbok-kapitel" id="kapitel-1">' in book
    assert '<h2 id="k1-start">Start</h2>' in book and '<h3 id="k2-resultat">' in book
    assert 'id="k1-kallor"' in book and 'id="k2-kallor"' in book and 'id="kallor"' not in book
    assert 'for="k2-c1"' in book and 'id="k2-c1"' in book and "headerlink" not in book


def test_links_point_within_the_page_or_relative_to_it() -> None:
    book = render_book(CHAPTERS)
    assert 'href="#k2-resultat">Bereda' in book and 'href="#k2-resultat">här' in book
    assert 'href="#kapitel-1">start' in book
    assert 'href="../insatser/x/"' in book and 'href="../mallar/filer/a.md.txt"' in book
    assert 'href="https://example.se/"' in book


def test_table_of_contents_lists_chapters_in_order() -> None:
    assert '<ol><li><a href="#kapitel-1">Start</a></li><li><a href="#kapitel-2">Bereda</a></li></ol>' in render_book(CHAPTERS)


def test_fill_replaces_the_placeholder_once() -> None:
    assert PLACEHOLDER in placeholder_page().content
    filled = fill_book(f"<article><p>{PLACEHOLDER}</p></article>", CHAPTERS)
    assert PLACEHOLDER not in filled and filled.count("handbok-kapitel") == 2
    with pytest.raises(ValueError):
        fill_book("<article></article>", CHAPTERS)
