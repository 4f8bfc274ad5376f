"""Issue 23: following a front matter message literally never publishes front matter as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build

PAGE = "docs/principer.md"
FRONT_MATTER_TEXT = re.compile(r"\b(ansvarig|senast_granskad)\s*:")
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)


def _visible_text(html_file: Path) -> str:
    """The page's text outside code (the editor guide shows front matter as an example)."""
    return re.sub(r"<[^>]+>", " ", CODE.sub(" ", html_file.read_text(encoding="utf-8")))


def _without_line(project: Path, rel: str, index: int) -> list[str]:
    path = project / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:index] + lines[index + 1:]), encoding="utf-8")
    return lines


def test_a_missing_closing_line_is_located_and_the_literal_fix_publishes_no_fields(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    original = (project / PAGE).read_text(encoding="utf-8")
    closing = original.split("\n").index("---", 1)
    _without_line(project, PAGE, closing)
    # The old message's advice followed literally: a new block above the existing one.
    about = project / "docs/om/index.md"
    about.write_text("---\nansvarig: Redaktionen\nsenast_granskad: 2026-11-23\n---\n"
                     + about.read_text(encoding="utf-8"), encoding="utf-8")
    broken = build_site(project, tmp_path / "broken")
    assert broken.returncode != 0
    assert (f"{PAGE}:{closing + 1}:1: fel: front matter som börjar på rad 1 saknar sin avslutande "
            "rad '---': skriv en rad med bara '---' här") in broken.output, broken.output
    assert "docs/om/index.md:5:1: fel: här börjar ett andra block med front matter" in broken.output
    assert not (tmp_path / "broken" / "index.html").exists()

    # Do exactly what the message says: a line with only '---' at that line; remove the second block.
    lines = (project / PAGE).read_text(encoding="utf-8").split("\n")
    (project / PAGE).write_text("\n".join(lines[:closing] + ["---"] + lines[closing:]), encoding="utf-8")
    for _ in range(4):
        _without_line(project, "docs/om/index.md", 4)  # the second block's four lines
    fixed = build_site(project, tmp_path / "fixed")
    assert fixed.returncode == 0, fixed.output
    pages = sorted((tmp_path / "fixed").rglob("*.html"))
    assert (tmp_path / "fixed" / "principer" / "index.html") in pages
    shown = [f"{p.relative_to(tmp_path / 'fixed')}: {m.group(0)}" for p in pages
             for m in FRONT_MATTER_TEXT.finditer(_visible_text(p))]
    assert shown == []
