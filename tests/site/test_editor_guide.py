"""The editor guide's live examples and the overdue-review notice, on built sites."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project
from tests.real_date import REAL_DATE

pytestmark = pytest.mark.build


def _text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_error_example_is_the_validators_real_output(built_site: Path) -> None:
    text = _text(built_site / "om" / "sa-bidrar-du" / "index.html")
    assert ("data/insatser/exempel-med-fel.yaml:3:1: fel: okänt fält 'titl' — menade du 'titel'?"
            in text)
    assert ("data/insatser/exempel-med-fel.yaml:12:18: fel: fältet 'senast_granskad' har värdet "
            "'2026-02-30', som inte är ett giltigt datum (ÅÅÅÅ-MM-DD)") in text
    assert "4 problem hittades." in text


def test_field_reference_lists_every_schema_field(built_site: Path) -> None:
    page = (built_site / "om" / "sa-bidrar-du" / "index.html").read_text(encoding="utf-8")
    for field in ("titel", "fas", "halsokommentar", "statusrapporter[].datum", "malgrupp",
                  "overordnad", "utgivare"):
        assert f"<code>{field}</code>" in page, field


def test_overdue_notice_only_on_overdue_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    # Every other page reviewed on the build's date, so none of them is overdue in any year
    # the test runs (issue 23); principer.md was last reviewed long ago.
    for page in (project / "docs").rglob("*.md"):
        reviewed = "2024-05-01" if page.name == "principer.md" else REAL_DATE.isoformat()
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"^senast_granskad: \S+", f"senast_granskad: {reviewed}", text, count=1,
                               flags=re.MULTILINE), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    notice = ('<p class="handbok-granskningsnotis" role="note">Sidan har inte granskats sedan '
              "2024-05-01. Innehållet kan vara inaktuellt; sidor ska granskas minst en gång på "
              "12 månader.</p>")
    assert notice in (tmp_path / "site" / "principer" / "index.html").read_text(encoding="utf-8")
    overdue = [p for p in (tmp_path / "site").rglob("*.html")
               if "handbok-granskningsnotis" in p.read_text(encoding="utf-8")]
    assert overdue == [tmp_path / "site" / "principer" / "index.html"]
