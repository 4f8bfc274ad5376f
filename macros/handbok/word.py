"""The templates as Word documents (issue 16), generated at build time from the same Markdown source
as the template pages (docs/mallar/filer/*.md.txt): headings, bullet lists, tables, check boxes.
A4 with 2.5 cm margins (issue 27); a table too wide for a portrait page gets a landscape section.

The output is byte-identical for one build date: document properties and zip entry times are
set from that date, never from the clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, Twips

from handbok.generated import GeneratedFile

HANDBOOK = "Förändringshandboken"
TEMPLATE_SUFFIX = ".md.txt"

_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_BULLET = re.compile(r"^- (?:\[( |x)\] )?(.*)$")
_NUMBERED = re.compile(r"^\d+\. (.*)$")
# "Beslutad: [ÅÅÅÅ-MM-DD] …" starts a line of its own in Word, as it does in the source.
_FIELD_LINE = re.compile(r"^[A-ZÅÄÖ][^:\[\]]{0,40}: ")
_CHECKBOX = {" ": "☐", "x": "☒"}
# A4 in twentieths of a point (w:pgSz 11906 × 16838), the size Swedish offices print on.
A4_WIDTH_TWIPS, A4_HEIGHT_TWIPS = 11906, 16838
MARGIN = Cm(2.5)
# More columns than this do not fit a portrait A4 page legibly (the risk inventory has nine).
PORTRAIT_MAX_COLUMNS = 5


def _blocks(markdown: str) -> Iterator[list[str]]:
    block: list[str] = []
    for line in markdown.splitlines():
        if line.strip():
            block.append(line.rstrip())
        elif block:
            yield block
            block = []
    if block:
        yield block


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _set_page(section: Section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = Twips(A4_WIDTH_TWIPS), Twips(A4_HEIGHT_TWIPS)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = MARGIN


def _add_table(doc: DocxDocument, lines: list[str]) -> None:
    rows = [_cells(line) for line in lines if not re.fullmatch(r"\|?[\s:|-]+\|?", line)]
    wide = len(rows[0]) > PORTRAIT_MAX_COLUMNS
    if wide:
        _set_page(doc.add_section(WD_SECTION.NEW_PAGE), landscape=True)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    if wide:
        _set_page(doc.add_section(WD_SECTION.NEW_PAGE), landscape=False)


def _items(lines: list[str]) -> list[str]:
    """List items with their indented continuation lines joined."""
    items: list[str] = []
    for line in lines:
        if line.startswith((" ", "\t")) and items:
            items[-1] += " " + line.strip()
        else:
            items.append(line)
    return items


def _add_list(doc: DocxDocument, lines: list[str]) -> None:
    for item in _items(lines):
        numbered = _NUMBERED.match(item)
        if numbered:
            doc.add_paragraph(numbered[1], style="List Number")
            continue
        bullet = _BULLET.match(item)
        if bullet and bullet[1] is not None:
            doc.add_paragraph(f"{_CHECKBOX[bullet[1]]} {bullet[2]}")
        else:
            doc.add_paragraph(bullet[2] if bullet else item, style="List Bullet")


def _add_paragraphs(doc: DocxDocument, lines: list[str]) -> None:
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and not _FIELD_LINE.match(line):
            paragraphs[-1] += " " + line.strip()
        else:
            paragraphs.append(line.strip())
    for text in paragraphs:
        doc.add_paragraph(text)


def _add_block(doc: DocxDocument, lines: list[str]) -> None:
    heading = _HEADING.match(lines[0])
    if heading:
        doc.add_heading(heading[2], level=len(heading[1]))
        if len(lines) > 1:
            _add_block(doc, lines[1:])
    elif lines[0].startswith("|"):
        _add_table(doc, lines)
    elif _BULLET.match(lines[0]) or _NUMBERED.match(lines[0]):
        _add_list(doc, lines)
    else:
        _add_paragraphs(doc, lines)


def _set_properties(doc: DocxDocument, title: str, build_date: dt.date) -> None:
    moment = dt.datetime.combine(build_date, dt.time(), tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = title
    props.subject = HANDBOOK
    props.author = HANDBOOK
    props.category = "Mall"
    props.keywords = f"{HANDBOOK}, mall"
    props.comments = f"Mall från {HANDBOOK}."
    props.last_modified_by = HANDBOOK
    props.revision = 1
    props.created = props.modified = props.last_printed = moment
    props.language = "sv-SE"


def _set_swedish(doc: DocxDocument) -> None:
    """Swedish as the default language, so Word checks the spelling in Swedish."""
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), "sv-SE")


def _fixed_zip(data: bytes, build_date: dt.date) -> bytes:
    """The same package with every entry dated the build date, so two builds match byte for byte."""
    stamp = (build_date.year, build_date.month, build_date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def template_title(markdown: str) -> str:
    """"Uppdragshandling" from the template's first heading "# Uppdragshandling: [uppdragets namn]"."""
    first = next((m for line in markdown.splitlines() if (m := _HEADING.match(line))), None)
    if first is None:
        raise ValueError("a template must start with a heading")
    return first[2].split(":", 1)[0].strip()


@functools.lru_cache(maxsize=64)  # `make serve` keeps the core between rebuilds (issue 15)
def render_docx(markdown: str, *, build_date: dt.date) -> bytes:
    """One template as a .docx package (a pure function of the text and the date)."""
    doc = Document()
    _set_page(doc.sections[0], landscape=False)
    doc.styles["Normal"].font.size = Pt(11)
    _set_swedish(doc)
    for block in _blocks(markdown):
        _add_block(doc, block)
    _set_properties(doc, template_title(markdown), build_date)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue(), build_date)


def template_documents(template_dir: Path, *, build_date: dt.date) -> list[GeneratedFile]:
    """`mallar/filer/<namn>.docx` for every `docs/mallar/filer/<namn>.md.txt`."""
    files = []
    for source in sorted(template_dir.glob(f"*{TEMPLATE_SUFFIX}")):
        name = source.name.removesuffix(TEMPLATE_SUFFIX)
        content = render_docx(source.read_text(encoding="utf-8"), build_date=build_date)
        files.append(GeneratedFile(f"mallar/filer/{name}.docx", content, f"docs/mallar/filer/{source.name}"))
    return files
