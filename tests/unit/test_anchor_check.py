"""Issue 23: links to missing anchors and missing pages get located Swedish lines with a
"menade du", from the project's own check (make validate, make build, make serve)."""

from __future__ import annotations

import shutil
from pathlib import Path

from handbok.anchor_check import check_anchors
from handbok.builddate import today
from handbok.nav_check import check_nav_and_links
from handbok.problems import format_problem
from handbok.project import check_project

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = today({})  # the real Stockholm date: the real data is checked as it stands today
MOVE_HINT = "(flyttar du en sida, gör make flytta FRAN=… TILL=… det åt dig)"


def _real_docs(tmp_path: Path, added_to_principer: str) -> Path:
    """The real pages, data and Markdown settings, with one line added at the end of principer.md."""
    for folder in ("docs", "includes", "data", "schemas"):
        shutil.copytree(REPO_ROOT / folder, tmp_path / folder)
    shutil.copy(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    page = tmp_path / "docs/principer.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + added_to_principer + "\n", encoding="utf-8")
    return tmp_path


def _lines(root: Path) -> list[str]:
    return [format_problem(p) for p in check_nav_and_links(root)]


def _last_line(root: Path) -> int:
    return len((root / "docs/principer.md").read_text(encoding="utf-8").splitlines())


def test_missing_anchor_on_another_page_lists_its_anchors(tmp_path: Path) -> None:
    root = _real_docs(tmp_path, "Se [provet](prov.md#finns-inte).")
    # A page of the test's own, so an editor's new heading on a real page never changes this line.
    (root / "docs/prov.md").write_text("# Prov\n\n## Första delen\n\n## Andra delen {#andra}\n\nText.\n",
                                       encoding="utf-8")
    assert _lines(root) == [
        f"docs/principer.md:{_last_line(root)}:13: fel: ankaret '#finns-inte' finns inte på sidan "
        "'prov.md' — menade du något av '#andra', '#forsta-delen', '#prov'?"]


def test_misspelt_anchor_on_another_page_gets_the_closest(tmp_path: Path) -> None:
    root = _real_docs(tmp_path, "Se [riskvärdet](mallar/riskanalys.md#riskvärden).")
    assert _lines(root) == [
        f"docs/principer.md:{_last_line(root)}:17: fel: ankaret '#riskvärden' finns inte på sidan "
        "'mallar/riskanalys.md' — menade du '#riskvarde'?"]


def test_missing_anchor_on_the_same_page(tmp_path: Path) -> None:
    root = _real_docs(tmp_path, "Källorna står [nedan](#kallorna).")
    assert _lines(root) == [
        f"docs/principer.md:{_last_line(root)}:23: fel: ankaret '#kallorna' finns inte på den här "
        "sidan — menade du '#kallor'?"]


def test_missing_page_suggests_the_page_meant_and_says_to_fix_the_link(tmp_path: Path) -> None:
    root = _real_docs(tmp_path, "Se [mallen](mallar/riskanalyss.md) och [den andra](mallar/saknas.md).")
    line = _last_line(root)
    assert _lines(root) == [
        f"docs/principer.md:{line}:13: fel: länken 'mallar/riskanalyss.md' leder till "
        "docs/mallar/riskanalyss.md, som inte finns — menade du 'mallar/riskanalys.md'? "
        f"Rätta länken {MOVE_HINT}",
        f"docs/principer.md:{line}:52: fel: länken 'mallar/saknas.md' leder till "
        "docs/mallar/saknas.md, som inte finns; rätta länken så att den leder till en sida som "
        f"finns {MOVE_HINT}"]


def test_heading_ids_are_made_as_the_build_makes_them(tmp_path: Path) -> None:
    """toc's ids from the heading text (å/ä/ö folded), `{#id}` attributes and raw HTML ids count;
    links in code do not."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [SITE_URL, 'https://x/']\nmarkdown_extensions:\n  - attr_list\n"
        "  - toc:\n      permalink: true\n", encoding="utf-8")
    (tmp_path / "docs/a.md").write_text(
        "---\nansvarig: X\n---\n# Så gör du\n\n## Egen {#eget-id}\n\n<div id=\"ratt\"></div>\n\n"
        "[a](#sa-gor-du) [b](#eget-id) [c](#ratt) [d](b.md#forsta-steget) `[e](#kod)`\n\n"
        "```\n[f](#kod)\n```\n\n[g](#egetid) [h](b.md#andra)\n", encoding="utf-8")
    (tmp_path / "docs/b.md").write_text("# Första steget\n", encoding="utf-8")
    assert [(p.path, p.line, p.column, p.message) for p in check_anchors(tmp_path)] == [
        ("docs/a.md", 16, 5, "ankaret '#egetid' finns inte på den här sidan — menade du '#eget-id'?"),
        ("docs/a.md", 16, 18, "ankaret '#andra' finns inte på sidan 'b.md' — menade du något av "
         "'#forsta-steget'?"),
    ]


def test_anchor_on_a_page_without_anchors(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("markdown_extensions:\n  - toc\n", encoding="utf-8")
    (tmp_path / "docs/a.md").write_text("Text och [b](b.md#topp).\n", encoding="utf-8")
    (tmp_path / "docs/b.md").write_text("Bara text.\n", encoding="utf-8")
    assert [format_problem(p) for p in check_anchors(tmp_path)] == [
        "docs/a.md:1:14: fel: ankaret '#topp' finns inte på sidan 'b.md', som inte har några "
        "ankare; ta bort '#topp' ur länken"]


def test_links_into_pages_made_from_the_data(tmp_path: Path) -> None:
    """A record page's anchors come from the page the build makes; a record that does not exist
    is a missing page, with the record meant."""
    root = _real_docs(tmp_path, "Se [hälsan](insatser/hifa.md#riskerna) och [HIFA](insatser/hiffa.md).")
    _, problems = check_project(root, today=TODAY)
    line = _last_line(root)
    assert [format_problem(p) for p in problems] == [
        f"docs/principer.md:{line}:13: fel: ankaret '#riskerna' finns inte på sidan "
        "'insatser/hifa.md' — menade du '#risker'?",
        f"docs/principer.md:{line}:51: fel: länken 'insatser/hiffa.md' leder till "
        "docs/insatser/hiffa.md, som inte finns — menade du 'insatser/hifa.md'? "
        f"Rätta länken {MOVE_HINT}"]


def test_links_to_files_folders_and_absolute_addresses(tmp_path: Path) -> None:
    """What else stops a strict MkDocs build in English is reported first, located, in Swedish."""
    root = _real_docs(tmp_path, "[a](/insatser/hifa/) [b](roller/) [c](assets/logo.svgg) "
                                "[d](namn@region.se) [e](../x.pdf) [f](filer.pdf) "
                                "[g](mallar/filer/riskanalys.docx) [h](schemas/sidor.schema.json)")
    line = _last_line(root)
    _, problems = check_project(root, today=TODAY)
    assert [format_problem(p) for p in problems] == [
        f"docs/principer.md:{line}:5: fel: länken '/insatser/hifa/' börjar med '/' och leder inte "
        "rätt när webbplatsen ligger på en annan adress; skriv en relativ länk till sidans .md-fil "
        "— menade du 'insatser/hifa.md'?",
        f"docs/principer.md:{line}:26: fel: länken 'roller/' pekar på en mapp, inte en sida; länka "
        "till sidans .md-fil — menade du 'roller/index.md'?",
        f"docs/principer.md:{line}:39: fel: länken 'assets/logo.svgg' leder till "
        "docs/assets/logo.svgg, som inte finns; rätta länken — menade du 'assets/logo.svg'?",
        f"docs/principer.md:{line}:61: fel: länken 'namn@region.se' leder till en fil som inte "
        "finns — menade du 'mailto:namn@region.se'?",
        f"docs/principer.md:{line}:81: fel: länken '../x.pdf' leder till en plats utanför docs/, "
        "som inte finns; rätta länken",
        f"docs/principer.md:{line}:95: fel: länken 'filer.pdf' leder till docs/filer.pdf, som inte "
        "finns; rätta länken"]
