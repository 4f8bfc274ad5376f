"""The escaping policy: the only module that escapes text for a page, a table or a line.

`text` is the policy for generated Markdown pages (below); `html_text` / `html_attribute` for
plain HTML; `markdown_literal` / `markdown_cell` for schema and data text shown literally in
Markdown lists and tables. Templates reach them through render/templating.py.

Every character that HTML, Markdown or a template engine could interpret becomes a numeric
character reference, so the same escaped text is safe in Markdown inline context, raw HTML,
attributes and inline SVG, and `{{`/`{%` never reach Jinja even if a page were rendered.
"""

from __future__ import annotations

import re

_REPLACEMENTS = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    # Markdown syntax (emphasis, links, code, headings, tables, escapes, HTML-like autolinks)
    "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;", "`": "&#96;", "\\": "&#92;",
    "#": "&#35;", "|": "&#124;",
    # Template syntax: Jinja/macros must never see `{{`, `{%` or `{#` from data
    "{": "&#123;", "}": "&#125;",
}
_TABLE = str.maketrans(_REPLACEMENTS)
_HTML_TABLE = str.maketrans({k: _REPLACEMENTS[k] for k in "&<>\"'{}"})


# A leading "-", "+", "=" or "1." would start a list or heading where text begins a Markdown block;
# "!!!", "???", "~~~" and ":" an admonition, a details box, a code fence or a definition (issue 14).
_BLOCK_START = re.compile(r"[-+=!?~:]|\d+[.)]")


def text(value: object) -> str:
    """Escape one line of data text for Markdown, HTML, attributes and SVG (newlines -> spaces)."""
    line = " ".join(str(value).split())
    if _BLOCK_START.match(line):
        return f"&#{ord(line[0])};" + line[1:].translate(_TABLE)
    return line.translate(_TABLE)


def html_text(value: object) -> str:
    """Text inside plain HTML (not Markdown): markup characters and template braces."""
    return str(value).translate(_HTML_TABLE)


def html_attribute(value: object) -> str:
    """A value inside a double- or single-quoted HTML attribute (same characters as html_text)."""
    return html_text(value)


def markdown_literal(value: object) -> str:
    """Plain text shown literally in a Markdown line or table cell: no links, emphasis or HTML."""
    escaped = str(value).replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "`*_[]|#":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def markdown_cell(value: object) -> str:
    """A Markdown table cell (same rules as markdown_literal: one line, `|` cannot split it)."""
    return markdown_literal(value)


def attribute_token(value: object) -> str:
    """A lowercase data-attribute value for the filter script (same escaping as text)."""
    return text(str(value).casefold())


def markdown_code(value: object) -> str:
    """A Markdown code span showing `value` literally (a git ref): fenced with one backtick more
    than the longest backtick run inside it, padded when it starts or ends with a backtick."""
    line = " ".join(str(value).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", line)), default=0) + 1)
    padded = f" {line} " if line.startswith("`") or line.endswith("`") else line
    return f"{fence}{padded}{fence}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def markdown_escaped(value: object) -> str:
    """One line of text for GitHub Markdown (an issue body): syntax backslash-escaped, not entities.

    "@" becomes the full-width "＠": GitHub links a mention through any escape, and an owner
    written "@team" must not ping a team each time the nightly job edits the issue.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split())).replace("@", "\uff20")
