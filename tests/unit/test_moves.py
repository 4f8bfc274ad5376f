"""Issue 17: page moves rewrite nav, links and redirects; nav and link problems are located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbok.moves import add_redirect, rewrite_links, rewrite_nav
from handbok.nav_check import check_nav_and_links

NAV = ("site_name: X\nsite_url: !ENV [SITE_URL, 'https://x/']\nnav:\n  - Start: index.md\n"
       "  - Erfarenheter:\n      - erfarenheter/index.md\n"
       "      - Budget: erfarenheter/budget.md\n  - Insatser: insatser/index.md\n")


def test_links_to_the_moved_page_follow_it() -> None:
    text = ("Se [budget](budget.md#rytm) och [start](../index.md).\n"
            "```\n[kod](budget.md)\n```\n`[kod](budget.md)` och [ref]: budget.md\n")
    updated, edits = rewrite_links("erfarenheter/index.md", text, "erfarenheter/budget.md",
                                   "om/budget.md")
    assert updated.splitlines()[0] == "Se [budget](../om/budget.md#rytm) och [start](../index.md)."
    assert updated.splitlines()[2] == "[kod](budget.md)"  # code is left alone
    assert [(e.line, e.old_target, e.new_target) for e in edits] == [
        (1, "budget.md", "../om/budget.md")]


def test_the_moved_pages_own_links_are_rewritten_for_its_new_folder() -> None:
    text = "[Index](index.md), [Bereda](../process/bereda.md), [mig](#topp)\n"
    updated, _ = rewrite_links("om/djup/budget.md", text, "erfarenheter/budget.md",
                               "om/djup/budget.md", moved_from="erfarenheter/budget.md")
    assert updated == ("[Index](../../erfarenheter/index.md), "
                       "[Bereda](../../process/bereda.md), [mig](#topp)\n")


def test_nav_entry_is_replaced_in_place() -> None:
    updated, lines = rewrite_nav(NAV, "erfarenheter/budget.md", "om/budget.md")
    assert lines == [7]
    assert updated == NAV.replace("Budget: erfarenheter/budget.md", "Budget: om/budget.md")


def test_redirect_is_added_and_older_redirects_lead_on() -> None:
    empty = "# kommentar\nomdirigeringar: []\n"
    assert add_redirect(empty, "a/b.md", "c/b.md", dt.date(2026, 11, 2)) == (
        "# kommentar\nomdirigeringar:\n  - fran: a/b.md\n    till: c/b.md\n"
        "    kommentar: Flyttad 2026-11-02 med make flytta\n")
    older = "omdirigeringar:\n  - fran: x.md\n    till: a/b.md\n"
    assert add_redirect(older, "a/b.md", "c/b.md", dt.date(2026, 11, 2)) == (
        "omdirigeringar:\n  - fran: x.md\n    till: c/b.md\n  - fran: a/b.md\n    till: c/b.md\n"
        "    kommentar: Flyttad 2026-11-02 med make flytta\n")


def test_bare_move_gives_located_swedish_nav_and_link_problems(tmp_path: Path) -> None:
    (tmp_path / "docs/erfarenheter").mkdir(parents=True)
    (tmp_path / "docs/om").mkdir()
    (tmp_path / "mkdocs.yml").write_text(NAV, encoding="utf-8")
    (tmp_path / "docs/index.md").write_text("# Start\n\n[Portfölj](portfolj/index.md)\n", "utf-8")
    (tmp_path / "docs/erfarenheter/index.md").write_text(
        "# E\n\nText.\n[Budget](budget.md)\n[Borta](../finns-inte.md)\n", encoding="utf-8")
    (tmp_path / "docs/om/budget.md").write_text("# Budget\n", encoding="utf-8")  # moved here
    problems = [(p.path, p.line, p.column, p.message) for p in check_nav_and_links(tmp_path)]
    hint = "(flyttar du en sida, gör make flytta FRAN=… TILL=… det åt dig)"
    assert problems == [
        ("docs/erfarenheter/index.md", 4, 10, "länken 'budget.md' leder till "
         f"docs/erfarenheter/budget.md, som inte finns — menade du '../om/budget.md'? Rätta länken {hint}"),
        ("docs/erfarenheter/index.md", 5, 9, "länken '../finns-inte.md' leder till "
         f"docs/finns-inte.md, som inte finns; rätta länken så att den leder till en sida som finns {hint}"),
        ("mkdocs.yml", 7, 17, "navigationen (nav) pekar på 'erfarenheter/budget.md', som inte "
         f"finns i docs/ — menade du 'om/budget.md'? Rätta raden {hint}"),
    ]


def test_the_real_project_has_no_nav_or_link_problems() -> None:
    assert check_nav_and_links(Path(__file__).resolve().parents[2]) == []


def test_link_check_knows_every_generated_single_page() -> None:
    from handbok import links, whole_book
    from handbok.render.page_index import PAGE_INDEX_PATH
    assert links.is_generated(whole_book.BOOK_PATH) and links.is_generated(PAGE_INDEX_PATH)
    assert links.is_generated("mallar/filer/riskanalys.docx")
    assert not links.is_generated("mallar/riskanalys.md")


def test_a_page_that_runs_macros_is_not_moved_by_an_editor(tmp_path: Path, capsys) -> None:
    """Moving a listed macro page would need the developers' list changed too (issue 14)."""
    from handbok.commands import move
    docs = tmp_path / "docs" / "roller"
    docs.mkdir(parents=True)
    (docs / "chef.md").write_text("---\nrender_macros: true\n---\n# Chef\n", encoding="utf-8")
    assert move.main(["--fran", "docs/roller/chef.md", "--till", "docs/roller/chefer.md",
                      "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        "fel: docs/roller/chef.md kör makron och står därför i macros/handbok/macro_pages.py, en lista "
        "som utvecklarna ansvarar för; be en utvecklare flytta sidan (listan ändras samtidigt)\n")
    assert (docs / "chef.md").is_file() and not (docs / "chefer.md").exists()
