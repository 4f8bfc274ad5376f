"""The shared abbreviation list (includes/forkortningar.md): parsing, checking text, focusable tooltips."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ABBREVIATIONS_FILE = Path("includes") / "forkortningar.md"

DEFINITION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>.+?)\s*$", re.MULTILINE)
# Upper-case words of two or more characters, with hyphenated parts (TLO-KL, UTF-8).
_UPPER_WORD = re.compile(r"(?<![\w-])[A-ZÅÄÖ][A-ZÅÄÖ0-9]+(?:-[A-ZÅÄÖ0-9]+)*(?![\w-])")
_LINK_OR_ABBR = re.compile(r"<(/?)(a|abbr)\b([^>]*)>")

# Upper-case text that is not an abbreviation, with the reason.
NOT_ABBREVIATIONS = {
    "A4": "pappersformatet A4, ingen förkortning",
    "AA": "WCAG:s nivå AA, ingen förkortning",
    "SABA": "del av namnet SABA Cloud, ingen förkortning (ordlistan förklarar namnet)",
    "V3": "versionsnummer i standarden EN 301 549 V3.2.1",
    "ÅÅÅÅ": "datumformat",
    "ÅÅÅÅ-MM": "datumformat",
    "ÅÅÅÅ-MM-DD": "datumformat",
}


@dataclass(frozen=True)
class Abbreviation:
    """One `*[TLO]: tidig lokal omställning` line of the list, with its line number."""

    abbr: str
    title: str
    line: int


def parse_abbreviations(text: str) -> dict[str, str]:
    """`*[TLO]: tidig lokal omställning` lines → {"TLO": "tidig lokal omställning"}."""
    return {m["abbr"]: m["title"] for m in DEFINITION.finditer(text)}


def abbreviation_lines(text: str) -> tuple[list[Abbreviation], list[int]]:
    """The list's definitions with their lines, and the numbers of other non-blank lines
    (pymdownx.snippets would append those to every page as text)."""
    found, stray = [], []
    for number, line in enumerate(text.splitlines(), 1):
        match = DEFINITION.fullmatch(line)
        if match:
            found.append(Abbreviation(match["abbr"], match["title"], number))
        elif line.strip():
            stray.append(number)
    return found, stray


def undefined_abbreviations(text: str, defined: dict[str, str]) -> list[str]:
    """Upper-case words in `text` that are neither defined nor known non-abbreviations, sorted."""
    found = set(_UPPER_WORD.findall(text))
    return sorted(word for word in found if word not in defined and word not in NOT_ABBREVIATIONS)


def make_abbreviations_focusable(html: str) -> str:
    """Let keyboard and touch users reach an abbreviation's tooltip (Material shows it on focus).

    Abbreviations inside a link stay as they are: HTML forbids a focusable element inside `<a>`.
    """
    parts: list[str] = []
    depth, last = 0, 0
    for tag in _LINK_OR_ABBR.finditer(html):
        closing, name, attrs = tag.groups()
        if name == "a":
            depth = max(0, depth - 1) if closing else depth + 1
        elif not closing and depth == 0 and "tabindex=" not in attrs:
            parts.append(html[last:tag.start()] + f'<abbr tabindex="0"{attrs}>')
            last = tag.end()
    return "".join(parts) + html[last:]
