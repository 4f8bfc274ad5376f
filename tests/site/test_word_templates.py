"""Templates as Word documents (issue 16): the same headings and tables as the template pages."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from docx import Document

from handbok.word import HANDBOOK, render_docx
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.build

TEMPLATES = ["uppdragshandling", "beredningsunderlag", "riskanalys", "statusrapport", "foranmalan"]


def web_template_text(site: Path, name: str) -> str:
    """The template as the page shows it in its code block."""
    page = (site / "mallar" / name / "index.html").read_text(encoding="utf-8")
    block = re.search(r"<pre\b.*?<code\b[^>]*>(.*?)</code></pre>", page, re.S)
    assert block, f"mallar/{name}/: ingen kodruta med mallen"
    return html.unescape(re.sub(r"<[^>]+>", "", block.group(1)))


def web_headings(text: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^#{1,3} (.+)$", text, re.M)]


def web_table_headers(text: str) -> list[list[str]]:
    lines = text.splitlines()
    return [[c.strip() for c in line.strip().strip("|").split("|")]
            for n, line in enumerate(lines) if line.startswith("|") and (n == 0 or not lines[n - 1].startswith("|"))]


@pytest.mark.parametrize("name", TEMPLATES)
def test_word_document_matches_the_web_page(built_site: Path, name: str) -> None:
    doc = Document(str(built_site / "mallar" / "filer" / f"{name}.docx"))
    text = web_template_text(built_site, name)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == web_headings(text)
    assert [[c.text for c in t.rows[0].cells] for t in doc.tables] == web_table_headers(text)
    for table in doc.tables:
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert doc.core_properties.title == headings[0].split(":")[0]
    assert doc.core_properties.subject == HANDBOOK == "Förändringshandboken"


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_page_links_its_word_document(built_site: Path, name: str) -> None:
    page = (built_site / "mallar" / name / "index.html").read_text(encoding="utf-8")
    assert f'href="../filer/{name}.docx"' in page and f'download="{name}.docx"' in page


def test_checkboxes_lists_and_dates_in_the_package() -> None:
    source = "# Prov: [namn]\n\n- [ ] Ej klar\n- [x] Klar\n- Punkt\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n"
    first = render_docx(source, build_date=dt.date(2026, 11, 23))
    assert first == render_docx(source, build_date=dt.date(2026, 11, 23))
    assert first != render_docx(source, build_date=dt.date(2026, 11, 24))
    path = REPO_ROOT / "test-artifacts" / "prov.docx"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(first)
    doc = Document(str(path))
    assert [p.text for p in doc.paragraphs][1:] == ["☐ Ej klar", "☒ Klar", "Punkt"]
    assert doc.core_properties.created == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
