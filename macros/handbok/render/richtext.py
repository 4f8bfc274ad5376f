"""The small Markdown subset allowed in description fields, rendered to escaped HTML.

Supported: paragraphs (blank line between), bullet lists (lines starting with "- "),
**fetstil**, *kursiv* and links [text](https://…). Everything else — raw HTML, template
syntax, headings, images — is shown literally as text, never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbok.render.templating import fragment

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)")

# Syntax found in the text is marked with NUL + a code; NUL is removed from the text first, so a
# marker can only be ours. Neither character is a word character, a space or "*", so emphasis
# matches around a marker exactly as it would around the tag it stands for.
_MARK = "\x00"
_KINDS = {"\x01": "strong", "\x02": "/strong", "\x03": "em", "\x04": "/em", "\x05": "link"}
_MARKS = {kind: _MARK + code for code, kind in _KINDS.items()}
_SPLIT = re.compile(f"{_MARK}([\x01-\x05])")

Part = tuple[str, object]  # ("text", str) | ("strong" | "/strong" | "em" | "/em", "") | ("link", Link)


@dataclass(frozen=True)
class Link:
    href: str
    parts: list[Part]


def _emphasis(text: str) -> str:
    bold = _BOLD.sub(lambda m: _MARKS["strong"] + m.group(1) + _MARKS["/strong"], text)
    return _ITALIC.sub(lambda m: _MARKS["em"] + m.group(1) + _MARKS["/em"], bold)


def _parts(marked: str, links: list[Link]) -> list[Part]:
    """Text and markers as a flat list: emphasis may overlap, so it is not a tree."""
    pieces = _SPLIT.split(marked)
    parts: list[Part] = [("text", pieces[0])] if pieces[0] else []
    for code, text in zip(pieces[1::2], pieces[2::2], strict=True):
        kind = _KINDS[code]
        parts.append((kind, links.pop(0) if kind == "link" else ""))
        if text:
            parts.append(("text", text))
    return parts


def _inline(line: str) -> list[Part]:
    """Links first, then emphasis on the text around and inside them, never on an address.

    Emphasis over the whole line put `<em>` into href values (issue 14).
    """
    links: list[Link] = []

    def hold(match: re.Match[str]) -> str:
        links.append(Link(match.group(2), _parts(_emphasis(match.group(1)), [])))
        return _MARKS["link"]

    return _parts(_emphasis(_LINK.sub(hold, line.replace(_MARK, ""))), links)


def _block(lines: list[str]) -> tuple[str, object]:
    if all(line.startswith("- ") for line in lines):
        return "ul", [_inline(line[2:].strip()) for line in lines]
    return "p", _inline(" ".join(line.strip() for line in lines))


def render_richtext(source: str, *, css_class: str = "handbok-text") -> str:
    """An HTML block (a div, safe to place between blank lines in Markdown); '' for no text."""
    blocks: list[list[str]] = [[]]
    for line in source.strip().splitlines():
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    if not blocks[0]:
        return ""
    return fragment("_partials/richtext.html.j2", css_class=css_class,
                    blocks=[_block(lines) for lines in blocks if lines])
