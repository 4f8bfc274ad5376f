"""Issue 28: markup the source scan reads differently from a browser stops the build, located in
its source file, because the built page is checked against the allow-list (output_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build


def test_a_handler_after_a_quoted_angle_bracket_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "principer.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n<img alt="a>b" src="x.png" onerror="alert(1)">\n', encoding="utf-8")
    line = text.count("\n") + 2
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"docs/principer.md:{line}:1: fel: attributet 'onerror' kör kod i läsarens webbläsare och är "
            "inte tillåtet (upptäckt i den byggda sidan); ta bort det") in result.output, result.output
    assert "Traceback" not in result.output


def test_a_page_of_another_markdown_type_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "om" / "x.mkd").write_text("# X\n\n<script>alert(1)</script>\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/om/x.mkd:1:1: fel: sidor ska ha ändelsen .md; byt namn till 'x.md'" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_macro_page_gets_only_the_macros_and_escapes_what_it_computes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n{{ "<scr" ~ "ipt>alert(1)</scr" ~ "ipt>" }}\n', encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html

    page.write_text(text + "\n{{ git }}\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site2")
    line = text.count("\n") + 2
    assert result.returncode != 0
    assert (f"docs/index.md:{line}:1: fel: mallkoden kunde inte köras: UndefinedError: 'git' is undefined"
            in result.output), result.output


def test_a_static_svg_is_checked_after_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "assets" / "bild.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/2000/svg">\n'
        "<x:script>alert(1)</x:script>\n</svg>\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/assets/bild.svg:2:1: fel: HTML-elementet <x:script> är inte tillåtet i handboken (upptäckt i den "
            "byggda sidan); ta bort det") in result.output, result.output
    assert "Traceback" not in result.output
