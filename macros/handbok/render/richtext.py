"""The small Markdown subset allowed in description fields, rendered to escaped HTML.

Supported: paragraphs (blank line between), bullet lists (lines starting with "- "),
**fetstil**, *kursiv* and links [text](https://…). Everything else — raw HTML, template
syntax, headings, images — is shown literally as text, never interpreted.
"""

from __future__ import annotations

import re

_HTML = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "{": "&#123;", "}": "&#125;",
})
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)")


def _emphasis(text: str) -> str:
    return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", text))


def _inline(line: str) -> str:
    """Links first, then emphasis on the text around and inside them, never on an address.

    Emphasis over the whole line put `<em>` into href values (issue 14).
    """
    escaped = line.translate(_HTML).replace("\x00", "")
    links: list[str] = []

    def hold(match: re.Match[str]) -> str:
        links.append(f'<a href="{match.group(2)}">{_emphasis(match.group(1))}</a>')
        return f"\x00{len(links) - 1}\x00"

    held = _emphasis(_LINK.sub(hold, escaped))
    return re.sub("\x00([0-9]+)\x00", lambda m: links[int(m.group(1))], held)


def _block(lines: list[str]) -> str:
    if all(line.startswith("- ") for line in lines):
        items = "".join(f"<li>{_inline(line[2:].strip())}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    return f"<p>{_inline(' '.join(line.strip() for line in lines))}</p>"


def render_richtext(source: str, *, css_class: str = "handbok-text") -> str:
    """An HTML block (a div, safe to place between blank lines in Markdown); '' for no text."""
    blocks: list[list[str]] = [[]]
    for line in source.strip().splitlines():
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    rendered = "".join(_block(lines) for lines in blocks if lines)
    if not rendered:
        return ""
    return f'<div class="{css_class}">{rendered}</div>'
