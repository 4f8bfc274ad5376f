"""Templates as Word documents (issue 16): the same headings and tables as the template pages."""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
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


PORTRAIT, LANDSCAPE = ("11906", "16838", ""), ("16838", "11906", "landscape")
_PAGE_SIZE = re.compile(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"(?: w:orient="(\w+)")?/>')


def document_xml(site: Path, name: str) -> str:
    with zipfile.ZipFile(site / "mallar" / "filer" / f"{name}.docx") as package:
        return package.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("name", TEMPLATES)
def test_word_document_is_a4_with_swedish_margins(built_site: Path, name: str) -> None:
    xml = document_xml(built_site, name)
    sizes = _PAGE_SIZE.findall(xml)
    assert sizes[0] == sizes[-1] == PORTRAIT  # A4 portrait, not US Letter (12240 × 15840)
    assert set(sizes) <= {PORTRAIT, LANDSCAPE}
    margins = re.findall(r'<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"', xml)
    assert margins and all(m == ("1417",) * 4 for m in margins)  # 2.5 cm
    wide = [t for t in re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S) if t.count("<w:gridCol ") > 5]
    assert (LANDSCAPE in sizes) == bool(wide)


def test_risk_inventory_table_has_a_landscape_page_of_its_own(built_site: Path) -> None:
    xml = document_xml(built_site, "riskanalys")
    assert _PAGE_SIZE.findall(xml) == [PORTRAIT, LANDSCAPE, PORTRAIT]
    # A section's properties close it: the nine-column table lies between the first two.
    first, landscape = (m.start() for m in list(_PAGE_SIZE.finditer(xml))[:2])
    table = xml.index("Risk eller hot")
    assert first < table < landscape
    assert xml.index("Justeringar i uppdraget") > landscape


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_page_leads_with_its_word_document(built_site: Path, name: str) -> None:
    page = (built_site / "mallar" / name / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([^"]+)"', page)
    assert headings.index("ladda-ner") < headings.index("sa-anvander-du-mallen") < headings.index("mallen-i-markdown")
    word = page.index(f'download="{name}.docx" href="../filer/{name}.docx"')
    assert page.index('id="ladda-ner"') < word < page.index('id="sa-anvander-du-mallen"')
    markdown = page.index(f'download="{name}.md" href="../filer/{name}.md.txt"')
    assert page.index('id="mallen-i-markdown"') < markdown
    # The Markdown text is there for those who open it, folded away for everyone else.
    folded = re.search(r"<details[^>]*>\s*<summary>Visa mallen i Markdown</summary>(.*?)</details>", page, re.S)
    assert folded and f'<span class="filename">{name}.md</span>' in folded.group(1)


def test_template_index_links_every_download(built_site: Path) -> None:
    page = (built_site / "mallar" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="ladda-ner"'):page.index('id="sa-fyller-du-i-en-mall"')]
    linked = re.findall(r'href="filer/([^"]+)"', section)
    assert linked == [f"{n}.{ext}" for n in TEMPLATES for ext in ("docx", "md.txt")]
    assert all((built_site / "mallar" / "filer" / f).is_file() for f in linked)


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
