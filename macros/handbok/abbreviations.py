"""The shared abbreviation list (includes/forkortningar.md): parsing, checking text, focusable tooltips."""

from __future__ import annotations

import re
from pathlib import Path

ABBREVIATIONS_FILE = Path("includes") / "forkortningar.md"

_DEFINITION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>.+?)\s*$", re.MULTILINE)
# Upper-case words of two or more characters, with hyphenated parts (TLO-KL, UTF-8).
_UPPER_WORD = re.compile(r"(?<![\w-])[A-ZÅÄÖ][A-ZÅÄÖ0-9]+(?:-[A-ZÅÄÖ0-9]+)*(?![\w-])")
_ABBR_TAG = re.compile(r"<abbr (?![^>]*\btabindex=)")

# Upper-case text that is not an abbreviation, with the reason.
NOT_ABBREVIATIONS = {
    "AA": "WCAG:s nivå AA, ingen förkortning",
    "V3": "versionsnummer i standarden EN 301 549 V3.2.1",
    "ÅÅÅÅ": "datumformat",
    "ÅÅÅÅ-MM": "datumformat",
    "ÅÅÅÅ-MM-DD": "datumformat",
}


def parse_abbreviations(text: str) -> dict[str, str]:
    """`*[TLO]: tidig lokal omställning` lines → {"TLO": "tidig lokal omställning"}."""
    return {m["abbr"]: m["title"] for m in _DEFINITION.finditer(text)}


def undefined_abbreviations(text: str, defined: dict[str, str]) -> list[str]:
    """Upper-case words in `text` that are neither defined nor known non-abbreviations, sorted."""
    found = set(_UPPER_WORD.findall(text))
    return sorted(word for word in found if word not in defined and word not in NOT_ABBREVIATIONS)


def make_abbreviations_focusable(html: str) -> str:
    """Let keyboard and touch users reach an abbreviation's tooltip (Material shows it on focus)."""
    return _ABBR_TAG.sub('<abbr tabindex="0" ', html)
