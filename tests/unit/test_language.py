"""Reader text (docs/ pages and data/ records) uses plain Swedish: fixed phrasings, and editor
words only in the editor guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
DATA = DOCS.parent / "data"
EDITOR_GUIDE = "om/sa-bidrar-du.md"

# Phrase → what to write instead (issue 16).
AVOIDED = {
    r"\bär åtagen att\b": "har åtagit sig att",
    r"\bförstahandsval\b": "företräder i första hand",
    r"\bbedömning av hälsan\b": "samlad lägesbedömning",
    r"\binput\b": "synpunkter eller inspel",
    r"\bfeedback\b": "återkoppling",
    r"\bhr-nätverk": "HR-nätverk",
    r"\bInsatsen där delades\b": "Satsningen på psykiatrin delades upp",
    r"\bVars ledningsgrupp\b": "Regionstyrelsen träffade områdets ledningsgrupp",
}
# Words only editors need; they belong in the editor guide.
EDITOR_WORDS = [r"\bkodrut\w*", r"\.md`?-fil", r"\bfront matter\b", r"\bändringsbegäran\b",
                r"\barkivet\b"]


def reader_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if p.relative_to(DOCS).as_posix() != EDITOR_GUIDE)


@pytest.mark.parametrize("pattern", list(AVOIDED))
def test_avoided_phrasing_is_not_used(pattern: str) -> None:
    texts = [*sorted(DOCS.rglob("*.md")), *sorted(DATA.rglob("*.yaml"))]
    hits = [f"{p.relative_to(DOCS.parent)}: {m.group(0)!r}" for p in texts
            for m in re.finditer(pattern, p.read_text(encoding="utf-8"), re.IGNORECASE)
            if not (pattern.endswith("nätverk") and m.group(0).startswith("HR"))]
    assert not hits, f"skriv i stället {AVOIDED[pattern]!r}:\n" + "\n".join(hits)


def test_editor_words_only_in_the_editor_guide() -> None:
    hits = [f"{p.relative_to(DOCS)}: {m.group(0)!r}" for p in reader_pages()
            for pattern in EDITOR_WORDS
            for m in re.finditer(pattern, p.read_text(encoding="utf-8"), re.IGNORECASE)]
    assert not hits, "ord för redaktörer hör hemma i " + EDITOR_GUIDE + ":\n" + "\n".join(hits)
