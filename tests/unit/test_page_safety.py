"""Issue 14: an authored page cannot carry code, and its mistakes are located, not tracebacks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from handbok import page_safety
from handbok.authored import check_authored_pages
from handbok.macro_pages import MACRO_PAGES

REPO_ROOT = Path(__file__).resolve().parents[2]
FRONT = "---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n---\n\n# Sida\n\n"
PAGE = "docs/om/sida.md"
TODAY = dt.date(2026, 12, 8)  # fixture pages, pinned
ELEMENT = ("HTML-elementet <{}> är inte tillåtet i handbokens sidor (det kan köra kod eller hämta "
           "innehåll i läsarens webbläsare); skriv innehållet med Markdown")
HANDLER = "attributet '{}' kör kod i läsarens webbläsare och är inte tillåtet; ta bort det"
URL = ("en länk med '{}:' kör kod i läsarens webbläsare och är inte tillåten; länka till en "
       "vanlig https-adress")


def problems_in(tmp_path: Path, body: str, name: str = "om/sida.md", front: str = FRONT) -> list[tuple]:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((front + body).encode() if isinstance(body, str) else body)
    return [(p.path, p.line, p.column, p.message) for p in check_authored_pages(tmp_path / "docs", tmp_path, today=TODAY)]


@pytest.mark.parametrize(("body", "line", "column", "message"), [
    ("Text <script>alert(1)</script>\n", 8, 6, ELEMENT.format("script")),
    ("<SCRIPT src=x></SCRIPT>\n", 8, 1, ELEMENT.format("script")),
    ('<iframe src="https://example.com"></iframe>\n', 8, 1, ELEMENT.format("iframe")),
    ('<object data="x.swf"></object>\n', 8, 1, ELEMENT.format("object")),
    ('<embed src="x.swf">\n', 8, 1, ELEMENT.format("embed")),
    ('<base href="https://example.com/">\n', 8, 1, ELEMENT.format("base")),
    ('<meta http-equiv="refresh" content="0;url=https://example.com">\n', 8, 1, ELEMENT.format("meta")),
    ('<form action="https://example.com"><input></form>\n', 8, 1, ELEMENT.format("form")),
    ("<style>body{display:none}</style>\n", 8, 1, ELEMENT.format("style")),
    ('<img src="x.png" onerror="alert(1)">\n', 8, 18, HANDLER.format("onerror")),
    ('<p\n  ONCLICK = "alert(1)">text</p>\n', 9, 3, HANDLER.format("onclick")),
    ("Stycke\n{: onmouseover=\"alert(1)\" }\n", 9, 4, HANDLER.format("onmouseover")),
    ("[klicka](javascript:alert(1))\n", 8, 1, URL.format("javascript")),
    ('<a href="JaVa&#115;cript:alert(1)">x</a>\n', 8, 1, URL.format("javascript")),
    ('<a href="java\tscript:alert(1)">x</a>\n', 8, 1, URL.format("javascript")),
    ("<vbscript:msgbox(1)>\n", 8, 1, URL.format("vbscript")),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)\n", 8, 1, URL.format("data")),
])
def test_script_capable_markup_is_located(tmp_path: Path, body: str, line: int, column: int,
                                          message: str) -> None:
    assert problems_in(tmp_path, body) == [(PAGE, line, column, message)]


def test_handler_in_front_matter_is_located(tmp_path: Path) -> None:
    front = FRONT.replace("---\n\n", "description: 'x\" onfocus=\"alert(1)\" autofocus x=\"'\n---\n\n")
    assert problems_in(tmp_path, "Text\n", front=front) == [
        (PAGE, 4, 18, HANDLER.format("onfocus")),
        (PAGE, 4, 1, "fältet 'description' får bara innehålla vanlig text, inte tecknen < > \" `")]


def test_ordinary_text_and_escaped_markup_pass(tmp_path: Path) -> None:
    body = ("Skriv `&lt;script&gt;` som text. Ett online-möte = bra. Bild: data:image/png.\n\n"
            "<details><summary>Mer</summary>Text</details>\n\n[Länk](https://example.com/?on=1)\n")
    assert problems_in(tmp_path, body) == []


def test_script_in_an_included_snippet_or_static_file(tmp_path: Path) -> None:
    (tmp_path / "docs" / "mallar" / "filer").mkdir(parents=True)
    (tmp_path / "docs" / "mallar" / "filer" / "mall.md.txt").write_text("<script>x</script>\n")
    (tmp_path / "docs" / "assets").mkdir()
    (tmp_path / "docs" / "assets" / "bild.svg").write_text('<svg onload="alert(1)"></svg>\n')
    assert [(p.path, p.line, p.column) for p in check_authored_pages(tmp_path / "docs", tmp_path, today=TODAY)] == [
        ("docs/assets/bild.svg", 1, 6), ("docs/mallar/filer/mall.md.txt", 1, 1)]


def test_page_in_the_wrong_encoding_is_located(tmp_path: Path) -> None:
    raw = (FRONT + "Förändring\n").encode("cp1252")
    assert problems_in(tmp_path, raw) == [
        (PAGE, 8, 2, "filen är inte sparad som UTF-8 (byte 0xf6); spara om den med teckenkodningen UTF-8")]


def test_mistyped_snippet_path_is_located(tmp_path: Path) -> None:
    (tmp_path / "docs" / "mallar" / "filer").mkdir(parents=True)
    (tmp_path / "docs" / "mallar" / "filer" / "mall.md.txt").write_text("Mall\n")
    body = '--8<-- "mall.md.txt"\n\n--8<-- "mal.md.txt"\n\n;--8<-- "finns-inte.md"\n--8<-- "../../mkdocs.yml"\n'
    assert problems_in(tmp_path, body, name="mallar/sida.md") == [
        ("docs/mallar/sida.md", 10, 1, "filen 'mal.md.txt' som sidan hämtar in med --8<-- finns inte "
         "i docs/mallar/filer/ eller includes/"),
        ("docs/mallar/sida.md", 13, 1, "filen '../../mkdocs.yml' som sidan hämtar in med --8<-- finns "
         "inte i docs/mallar/filer/ eller includes/ (ange bara filens namn)"),
    ]


def test_snippet_markers_are_read_as_pymdownx_reads_them(tmp_path: Path) -> None:
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "latin1.md").write_bytes("Förändring\n".encode("latin-1"))
    (tmp_path / "includes" / "data.csv").write_text("a;b\n", encoding="utf-8")
    body = ('-8<- "finns-inte.md"\n\n--8<--\nfinns-inte.md\n--8<--\n\n--8<-- "/etc/passwd"\n\n'
            '--8<-- "latin1.md"\n\n--8<-- "data.csv"\n')
    folders = "docs/mallar/filer/ eller includes/"
    assert problems_in(tmp_path, body, name="mallar/sida.md") == [
        ("docs/mallar/sida.md", 8, 1, f"filen 'finns-inte.md' som sidan hämtar in med --8<-- finns inte i {folders}"),
        ("docs/mallar/sida.md", 10, 1, BLOCK), ("docs/mallar/sida.md", 12, 1, BLOCK),
        ("docs/mallar/sida.md", 14, 1, f"filen '/etc/passwd' som sidan hämtar in med --8<-- finns inte i {folders} "
                                       "(ange bara filens namn)"),
        ("docs/mallar/sida.md", 16, 1, "filen 'latin1.md' som sidan hämtar in är inte sparad som UTF-8; spara om den "
                                       "med teckenkodningen UTF-8"),
        ("docs/mallar/sida.md", 18, 1, "filen 'data.csv' kan inte hämtas in: bara .md- och .md.txt-filer får hämtas "
                                       "in med --8<--"),
        ("includes/latin1.md", 1, 2, "filen är inte sparad som UTF-8 (byte 0xf6); spara om den med teckenkodningen "
                                     "UTF-8"),
    ]


BLOCK = "hämta in en fil per rad med --8<-- \"namn\" (blockformen med --8<-- på en egen rad används inte)"


def test_snippet_folder_matches_mkdocs_yml() -> None:
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config[config.index("base_path:"):config.index("auto_append:")]
    assert tuple(re.findall(r"- !relative \$config_dir/(\S+)", block)) == page_safety.SNIPPET_DIRS


@pytest.mark.parametrize("value", ["true", "1"])
def test_render_macros_on_an_unlisted_page_is_located(tmp_path: Path, value: str) -> None:
    front = FRONT.replace("ansvarig", f"render_macros: {value}\nansvarig")
    assert problems_in(tmp_path, "{{ nyckeltal() }}\n", front=front) == [
        (PAGE, 2, 1, "sidan får inte köra makron: 'render_macros' är bara tillåtet på sidorna i "
                     "macros/handbok/macro_pages.py (som utvecklarna ansvarar för); ta bort raden")]


def test_render_macros_false_and_listed_pages_are_fine(tmp_path: Path) -> None:
    front = FRONT.replace("ansvarig", "render_macros: true\nansvarig")
    assert problems_in(tmp_path, "Text\n", name="process/bereda.md", front=front) == []
    assert problems_in(tmp_path, "Text\n", front=FRONT.replace("ansvarig", "render_macros: false\nansvarig")) == []


def test_the_list_names_exactly_the_pages_that_render_macros() -> None:
    rendering = {p.relative_to(REPO_ROOT / "docs").as_posix() for p in (REPO_ROOT / "docs").rglob("*.md")
                 if re.search(r"^render_macros: true$", p.read_text(encoding="utf-8"), re.MULTILINE)}
    assert rendering == MACRO_PAGES


def test_review_date_in_front_matter_is_bounded(tmp_path: Path) -> None:
    assert problems_in(tmp_path, "Text\n", front=FRONT.replace("2026-11-23", "9999-01-01")) == [
        (PAGE, 3, 18, "fältet 'senast_granskad' har värdet '9999-01-01': året ska ligga mellan 1900 och 2100")]


def test_deeply_nested_front_matter_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    front = FRONT.replace("ansvarig", "x: " + "[" * 5000 + "]" * 5000 + "\nansvarig")
    assert problems_in(tmp_path, "Text\n", front=front) == [
        (PAGE, 2, 1003, "värdena är nästlade i fler än 20 nivåer (listor eller indragna fält i varandra); en post "
                      "har högst några nivåer")]
