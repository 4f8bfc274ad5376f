"""Issue 17: `make diff` after a page move, a review and a new record lists all three."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from handbok.page_diff import Tree, diff_trees, render_markdown
from tests.conftest import REPO_ROOT

ENV = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "macros"), "SOURCE_DATE_EPOCH": "1795000000"}
PAGE = "---\nansvarig: Redaktionen\nsenast_granskad: {date}\n---\n\n# {title}\n\nText.\n"
NEW_INSATS = """# yaml-language-server: $schema=../../schemas/insats.schema.json
id: ny-insats
titel: Ny insats
sammanfattning: Kort.
status: planerad
forvaltningar:
  - testsjukhuset
  - testambulansen
kalla: testkalla
uppgifterna_galler: "2026-10"
period:
  start: "2027-01"
  slut: "2027-12"
effektmal:
  - Färre avvikelser
  - Kortare väntetid
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    *args], cwd=root, check=True, capture_output=True)


def test_diff_lists_a_moved_page_a_review_a_new_record_and_addresses(tmp_path: Path) -> None:
    root = tmp_path
    shutil.copytree(REPO_ROOT / "tests/fixtures/editor/data", root / "data")
    shutil.copytree(REPO_ROOT / "schemas", root / "schemas")
    (root / "docs/erfarenheter").mkdir(parents=True)
    (root / "docs/erfarenheter/budget.md").write_text(PAGE.format(date="2026-01-10", title="Budget"))
    (root / "docs/index.md").write_text(PAGE.format(date="2026-01-10", title="Start"))
    (root / "data/omdirigeringar.yaml").write_text("omdirigeringar: []\n")
    (root / "publicerade-adresser.txt").write_text("# lista\n/\n/erfarenheter/budget/\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "bas")

    (root / "docs/om").mkdir()
    _git(root, "mv", "docs/erfarenheter/budget.md", "docs/om/budget.md")
    (root / "data/omdirigeringar.yaml").write_text(
        "omdirigeringar:\n  - fran: erfarenheter/budget.md\n    till: om/budget.md\n")
    (root / "docs/index.md").write_text(PAGE.format(date="2026-11-02", title="Start"))
    (root / "data/insatser/ny-insats.yaml").write_text(NEW_INSATS, encoding="utf-8")
    (root / "publicerade-adresser.txt").write_text(
        "# lista\n/\n/erfarenheter/budget/\n/insatser/ny-insats/\n/om/budget/\n")

    result = subprocess.run([sys.executable, "-m", "handbok.cli", "diff", "--base", "HEAD",
                             "--root", str(root)], capture_output=True, text=True, env=ENV,
                            cwd=root, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert "### Nya insatser (1)\n\n- **Ny insats** (`ny-insats`)\n" in result.stdout
    assert ("    - status: Planerad\n"
            "    - förvaltningar: testsjukhuset, testambulansen\n"
            "    - period: 2027-01 – 2027-12\n"
            "    - effektmål: Färre avvikelser; Kortare väntetid\n") in result.stdout
    assert result.stdout.endswith(
        "## Sidor och adresser\n\n"
        "### Flyttade sidor (1)\n\n- `docs/erfarenheter/budget.md` → `docs/om/budget.md`\n\n"
        "### Granskade sidor (1)\n\n- `docs/index.md`: senast granskad 2026-01-10 → 2026-11-02\n\n"
        "### Nya omdirigeringar (1)\n\n- `erfarenheter/budget.md` → `om/budget.md`\n\n"
        "### Nya publicerade adresser (2)\n\n- `/insatser/ny-insats/`\n- `/om/budget/`\n")


def test_added_removed_and_changed_pages_and_lost_addresses() -> None:
    old = Tree({"a.md": "# A\n", "b.md": "# B\n", "c.md": "# C\n"}, (), ("/a/", "/b/"))
    new = Tree({"a.md": "# A ändrad\n", "c.md": "# C\n", "d/e.md": "# E\n"}, (), ("/a/",))
    text = render_markdown(diff_trees(old, new))
    assert "### Nya sidor (1)\n\n- `docs/d/e.md`\n" in text
    assert "### Borttagna sidor (1)\n\n- `docs/b.md`\n" in text
    assert "### Ändrade sidor (1)\n\n- `docs/a.md`\n" in text
    assert "### Adresser borttagna ur publicerade-adresser.txt (1)\n\n- `/b/`\n" in text
    assert render_markdown(diff_trees(old, old)) == ""


GLOSSARY = """---
ansvarig: Redaktionen
senast_granskad: {date}
---

# Ordlista

## Förkortningar {{#forkortningar}}

TLO
:   Tidig lokal omställning.
{extra}
## Ord och begrepp {{#ord-och-begrepp}}

Beredning
:   {beredning}
"""
START = "---\nansvarig: Redaktionen\nsenast_granskad: 2026-01-10\n---\n\n# Start\n\nSe [budgeten]({link}).\n"


def test_diff_names_the_unit_the_glossary_terms_the_abbreviations_and_link_only_pages(tmp_path: Path) -> None:
    """Issue 23: a renamed unit once, a new unit, glossary terms, abbreviations, rewritten links."""
    root = tmp_path
    shutil.copytree(REPO_ROOT / "tests/fixtures/editor/data", root / "data")
    shutil.copytree(REPO_ROOT / "schemas", root / "schemas")
    (root / "docs/erfarenheter").mkdir(parents=True)
    (root / "includes").mkdir()
    (root / "docs/erfarenheter/budget.md").write_text(PAGE.format(date="2026-01-10", title="Budget"))
    (root / "docs/index.md").write_text(START.format(link="erfarenheter/budget.md"))
    (root / "docs/ordlista.md").write_text(
        GLOSSARY.format(date="2026-01-10", extra="", beredning="Analys av ett ärende."))
    (root / "includes/forkortningar.md").write_text("*[TLO]: tidig lokal omställning\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "bas")

    unit = root / "data/organisation/testsjukhuset.yaml"
    unit.write_text(unit.read_text().replace("namn: Testsjukhuset", "namn: Testsjukhuset i Skövde"))
    (root / "data/organisation/testhemsjukvarden.yaml").write_text(
        "# yaml-language-server: $schema=../../schemas/enhet.schema.json\n"
        "id: testhemsjukvarden\nnamn: Testhemsjukvården\ntyp: sjukhus\noverordnad: testsjukhuset\n"
        "kalla: testkalla\n", encoding="utf-8")
    (root / "docs/om").mkdir()
    _git(root, "mv", "docs/erfarenheter/budget.md", "docs/om/budget.md")
    (root / "docs/index.md").write_text(START.format(link="om/budget.md"))
    (root / "docs/ordlista.md").write_text(GLOSSARY.format(
        date="2026-11-02", extra="\nSIP\n:   Samordnad individuell plan.\n",
        beredning="Analys av ett ärende före beslut."), encoding="utf-8")
    (root / "includes/forkortningar.md").write_text(
        "*[SIP]: samordnad individuell plan\n*[TLO]: tidig lokal omställning (TLO)\n", encoding="utf-8")

    result = subprocess.run([sys.executable, "-m", "handbok.cli", "diff", "--base", "HEAD",
                             "--root", str(root)], capture_output=True, text=True, env=ENV,
                            cwd=root, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "## Dataändringar jämfört med `HEAD`",
        "",
        "### Nya organisationsenheter (1)",
        "",
        "- **Testhemsjukvården** (`testhemsjukvarden`)",
        "    - typ: Sjukhus",
        "    - överordnad: testsjukhuset",
        "",
        "### Ändrade organisationsenheter (1)",
        "",
        "- **Testsjukhuset i Skövde** (`testsjukhuset`)",
        "    - namn: Testsjukhuset → Testsjukhuset i Skövde",
        "",
        "## Ordlista och förkortningar",
        "",
        "### Nya termer i ordlistan (1)",
        "",
        "- `SIP`: Samordnad individuell plan.",
        "",
        "### Ändrade termer i ordlistan (1)",
        "",
        "- `Beredning`: Analys av ett ärende före beslut.",
        "",
        "### Nya förkortningar (1)",
        "",
        "- `SIP`: samordnad individuell plan",
        "",
        "### Ändrade förkortningar (1)",
        "",
        "- `TLO`: tidig lokal omställning → tidig lokal omställning (TLO)",
        "",
        "## Sidor och adresser",
        "",
        "### Flyttade sidor (1)",
        "",
        "- `docs/erfarenheter/budget.md` → `docs/om/budget.md`",
        "",
        "### Granskade sidor (1)",
        "",
        "- `docs/ordlista.md`: senast granskad 2026-01-10 → 2026-11-02, och texten är ändrad",
        "",
        "### Sidor där bara länkar ändrades (1)",
        "",
        "Texten är densamma, bara länkarnas mål är nya (som när `make flytta` flyttar en sida). "
        "Sidorna behöver ingen ny granskning.",
        "",
        "- `docs/index.md`",
    ]


def test_a_page_with_new_words_and_new_links_is_changed_not_links_only() -> None:
    old = Tree({"a.md": "Se [b](b.md).\n"})
    new = Tree({"a.md": "Läs [b](c/b.md).\n"})
    assert render_markdown(diff_trees(old, new)).splitlines()[-3:] == [
        "### Ändrade sidor (1)", "", "- `docs/a.md`"]


def test_removed_terms_and_abbreviations() -> None:
    old = Tree({"ordlista.md": "## Förkortningar {#forkortningar}\n\nSU\n:   Sahlgrenska.\n"},
               abbreviations={"SU": "Sahlgrenska Universitetssjukhuset"})
    new = Tree({"ordlista.md": "## Förkortningar {#forkortningar}\n"})
    assert render_markdown(diff_trees(old, new)).splitlines() == [
        "## Ordlista och förkortningar",
        "",
        "### Borttagna termer ur ordlistan (1)",
        "",
        "- `SU`: Sahlgrenska.",
        "",
        "### Borttagna förkortningar (1)",
        "",
        "- `SU`: Sahlgrenska Universitetssjukhuset",
        "",
        "## Sidor och adresser",
        "",
        "### Ändrade sidor (1)",
        "",
        "- `docs/ordlista.md`",
    ]
