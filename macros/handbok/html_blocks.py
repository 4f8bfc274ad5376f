"""Generated HTML kept out of Python-Markdown (issue 15).

A generated page's raw HTML blocks (the facts box, the process position, the portfolio
table, ...) are finished HTML, yet Python-Markdown would parse every one of them again. Each
one-line block standing alone between blank lines is replaced by a placeholder paragraph
before conversion and put back, unchanged, afterwards: the same bytes, without the parsing.
"""

from __future__ import annotations

import re

# One complete element on one line, of a tag Python-Markdown treats as a raw HTML block.
HTML_BLOCK = re.compile(r"<(div|nav|p|table|figure|section|ol|ul|dl|details|aside)\b[^\n]*</\1>")
_TOKEN = "handbokblock{:06d}"


def hold_html_blocks(markdown: str) -> tuple[str, tuple[str, ...]]:
    """The Markdown with standalone HTML blocks replaced by placeholders, and the blocks."""
    chunks = markdown.split("\n\n")
    blocks: list[str] = []
    for index, chunk in enumerate(chunks):
        if index and HTML_BLOCK.fullmatch(chunk):
            chunks[index] = _TOKEN.format(len(blocks))
            blocks.append(chunk)
    return "\n\n".join(chunks), tuple(blocks)


def restore_html_blocks(html: str, blocks: tuple[str, ...]) -> str:
    """Put the held blocks back where Python-Markdown left their placeholder paragraphs."""
    if not blocks:
        return html
    # Python-Markdown ends a raw HTML block with a blank line; a paragraph gets one newline.
    return re.sub(r"<p>handbokblock(\d{6})</p>", lambda m: blocks[int(m.group(1))] + "\n", html)
