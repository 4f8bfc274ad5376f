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


def test_removes_empty_tabindex_from_nav_labels():
    html = '<input id="__nav_7"><label class="md-nav__link" for="__nav_7" tabindex="">'
    assert fix_theme_html(html) == '<input id="__nav_7"><label class="md-nav__link" for="__nav_7">'


def test_keeps_a_real_tabindex():
    html = '<input id="__nav_2"><label for="__nav_2" tabindex="0">'
    assert fix_theme_html(html) == html


def test_drops_label_for_a_control_that_is_not_there():
    assert fix_theme_html('<label class="md-nav__title" for="__toc">') == (
        '<label class="md-nav__title">')


def test_keeps_label_for_an_existing_control():
    html = '<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    assert fix_theme_html(html) == html
