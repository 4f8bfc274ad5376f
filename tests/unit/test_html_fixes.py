"""Theme markup fixes: autocomplete removed from checkbox inputs only."""

from __future__ import annotations

from handbok.html_fixes import fix_theme_html


def test_removes_autocomplete_from_material_toggles():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
            'autocomplete="off">')
    assert fix_theme_html(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">')


def test_keeps_autocomplete_on_text_inputs():
    html = '<input type="text" class="md-search__input" autocomplete="off" name="query">'
    assert fix_theme_html(html) == html


def test_leaves_page_text_alone():
    html = '<p>type="checkbox" autocomplete="off"</p>'
    assert fix_theme_html(html) == html
