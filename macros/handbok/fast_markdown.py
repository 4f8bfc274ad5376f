"""Generated pages' Markdown to HTML without Python-Markdown (issue 15).

A generated page is written by our templates in a small subset of Markdown: headings with
explicit ids, one-line HTML blocks, paragraphs and tight lists of escaped text, links to other
pages and warning boxes. Python-Markdown parses that subset at about a millisecond a page; this
module gives the same HTML, the same table of contents and the same anchors directly. Anything
outside the subset returns None and the page goes through Python-Markdown as before, so the
fast path can only ever be an exact shortcut. tests/site/test_fast_markdown.py compares both
on every generated page of the real, the synthetic and the hostile data.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, unique  # type: ignore[import-untyped]  # no type information

from handbok.abbreviations import DEFINITION
from handbok.html_blocks import HTML_BLOCK

_HEADING = re.compile(r"(#{1,6}) (?P<text>[^\n]*?)(?: \{#(?P<id>[a-z0-9][a-z0-9_-]*)\})?")
_ADMONITION = re.compile(r'!!! (?P<kind>[a-z]+) "(?P<title>[^"\n]+)"')
# Inline pieces the subset allows: a link, an HTML tag, a character reference, plain text.
_INLINE = re.compile(
    r"\[(?P<label>[^\[\]\\`*_<>{}\n]*)\]\((?P<target>[^()\s#?:\\]+\.md)\)"
    r"|(?P<tag></?[a-z]+(?:\s+[a-z-]+=\"[^\"<>]*\")*\s*>)"
    r"|(?P<entity>&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)"
    r"|(?P<text>[^\[\]\\`*_<>&{}\n]+)"
)
_TAGS = re.compile(r"<[^>]*>")
_NUMBERED = re.compile(r"[0-9]+[.)]")
_BARE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)
_IDS = re.compile(r"<[a-z0-9]+\b[^>]*?\sid=\"([^\"]*)\"")


@dataclass(frozen=True)
class MarkdownSettings:
    """What the site's Markdown configuration adds to text: abbreviations and heading permalinks."""

    abbreviations: tuple[tuple[str, str], ...]
    permalink_title: str


@dataclass(frozen=True)
class FastPage:
    """A page converted without Python-Markdown: its HTML, MkDocs' toc tokens, its anchor ids."""

    html: str
    toc_tokens: list[dict[str, Any]]
    anchor_ids: frozenset[str]


LinkResolver = Callable[[str], "str | None"]


def _attribute(value: str) -> str:
    """An attribute value escaped as Python-Markdown's serializer does (an entity's & is kept)."""
    value = _BARE_AMPERSAND.sub("&amp;", value)
    return value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@lru_cache(maxsize=4)
def _abbreviation_pattern(abbreviations: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    names = sorted((name for name, title in abbreviations if title), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in names)})\b") if names else None


class _Converter:
    def __init__(self, settings: MarkdownSettings, resolve_link: LinkResolver) -> None:
        self.titles: Mapping[str, str] = dict(settings.abbreviations)
        self.pattern = _abbreviation_pattern(settings.abbreviations)
        self.permalink_title = _attribute(settings.permalink_title)
        self.resolve_link = resolve_link
        self.headings: list[dict[str, Any]] = []

    def text(self, value: str) -> str:
        """Plain text with the site's abbreviations marked, as Python-Markdown's abbr does."""
        if self.pattern is None:
            return value
        return self.pattern.sub(
            lambda m: f'<abbr title="{_attribute(self.titles[m.group(0)])}">{m.group(0)}</abbr>', value)

    def inline(self, source: str) -> str | None:
        parts, position = [], 0
        for match in _INLINE.finditer(source):
            if match.start() != position:
                return None
            position = match.end()
            if match["label"] is not None:
                href = self.resolve_link(match["target"])
                if href is None:
                    return None
                label = self.inline(match["label"]) if match["label"] else ""
                if label is None:
                    return None
                parts.append(f'<a href="{_attribute(href)}">{label}</a>')
            elif match["text"] is not None:
                parts.append(self.text(match["text"]))
            else:
                parts.append(match.group(0))
        return "".join(parts) if position == len(source) else None


def _heading_html(level: int, inner: str, anchor: str, permalink_title: str) -> str:
    return (f'<h{level} id="{anchor}">{inner}<a class="headerlink" href="#{anchor}" '
            f'title="{permalink_title}">&para;</a></h{level}>')


def _block(converter: _Converter, chunk: str, rest: list[str]) -> str | None:
    """One block of the subset as HTML (ending with its newlines), or None outside the subset."""
    if any(line != line.rstrip() for line in chunk.split("\n")):
        return None
    if HTML_BLOCK.fullmatch(chunk):
        return None if "markdown=" in chunk else chunk + "\n\n"
    if chunk.startswith("#"):
        return _heading(converter, chunk)
    if chunk.startswith("- "):
        return _list(converter, chunk, rest)
    if chunk.startswith("!!! "):
        return _admonition(converter, chunk, rest)
    if chunk[0] in " \t*+>|=~:-!?`" or _NUMBERED.match(chunk) or "\n" in chunk or chunk.startswith("<"):
        return None
    inner = converter.inline(chunk)
    return None if inner is None else f"<p>{inner}</p>\n"


def _heading(converter: _Converter, chunk: str) -> str | None:
    match = _HEADING.fullmatch(chunk)
    if match is None or not match["text"] or match["text"].endswith(("#", " ")):
        return None
    inner = converter.inline(match["text"])
    if inner is None:
        return None
    converter.headings.append({"level": len(match.group(1)), "id": match["id"], "html": inner})
    return f"\0heading{len(converter.headings) - 1}\0\n"


def _list(converter: _Converter, chunk: str, rest: list[str]) -> str | None:
    if rest and rest[0].startswith(("- ", "    ", "\t")):
        return None  # a following list or indented block would make the list loose
    items = []
    for line in chunk.split("\n"):
        inner = converter.inline(line[2:]) if line.startswith("- ") and line[2:3] not in " \t" else None
        if inner is None:
            return None
        items.append(f"<li>{inner}</li>\n")
    return "<ul>\n" + "".join(items) + "</ul>\n"


def _admonition(converter: _Converter, chunk: str, rest: list[str]) -> str | None:
    match = _ADMONITION.fullmatch(chunk)
    if match is None or not rest or "\n" in rest[0] or not rest[0].startswith("    "):
        return None
    if len(rest) > 1 and rest[1].startswith((" ", "\t")):
        return None
    title, body = converter.inline(match["title"]), rest.pop(0)[4:]
    if title is None or body != body.rstrip() or not body or body[0] in " \t*+>|=~:0123456789-!?`#<":
        return None
    paragraph = converter.inline(body)
    if paragraph is None:
        return None
    return (f'<div class="admonition {match["kind"]}">\n<p class="admonition-title">{title}</p>\n'
            f"<p>{paragraph}</p>\n</div>\n")


def _finish_headings(converter: _Converter, body: str) -> tuple[str, list[dict[str, Any]]]:
    """Give every heading its id and permalink, as the toc extension does, and its toc token."""
    used = {h["id"] for h in converter.headings if h["id"]}
    counters: dict[str, int] = {}
    tokens, rendered = [], []
    for heading in converter.headings:
        name = " ".join(_TAGS.sub("", heading["html"]).split())
        anchor = heading["id"] or unique(slugify(html.unescape(name), "-"), used, counters)
        tokens.append({"level": heading["level"], "id": anchor, "name": name, "html": heading["html"],
                       "data-toc-label": ""})
        rendered.append(_heading_html(heading["level"], heading["html"], anchor, converter.permalink_title))
    body = re.sub(r"\0heading(\d+)\0", lambda m: rendered[int(m.group(1))], body)
    return body, nest_toc_tokens(tokens)


def convert(markdown: str, settings: MarkdownSettings, resolve_link: LinkResolver) -> FastPage | None:
    """The page's HTML as Python-Markdown would give it, or None if it leaves the subset."""
    if "\0" in markdown or "\r" in markdown:
        return None
    converter = _Converter(settings, resolve_link)
    chunks = [c for c in re.split(r"\n{2,}", markdown.strip("\n")) if c]
    out = []
    while chunks:
        chunk = chunks.pop(0)
        piece = _block(converter, chunk, chunks)
        if piece is None:
            return None
        out.append(piece)
    body, tokens = _finish_headings(converter, "".join(out).strip())
    return FastPage(body, tokens, frozenset(html.unescape(i) for i in _IDS.findall(body)))


# Extensions whose syntax the subset never uses (so they cannot change its HTML), or whose effect
# this module reproduces: abbr (from the auto-appended list) and toc (ids and permalinks).
_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables",
    "toc", "pymdownx.details", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences",
    "pymdownx.tasklist", "pymdownx.snippets"})


def settings_for(extensions: list[str], configs: Mapping[str, Mapping[str, Any]],
                 appended: Mapping[str, str]) -> MarkdownSettings | None:
    """The settings the subset needs, or None if the site's Markdown does more than it knows.

    `appended` maps each file the snippets extension appends to every page to its text; only
    abbreviation definitions may be in them.
    """
    toc = dict(configs.get("toc", {}))
    if set(extensions) - _EXTENSIONS or toc.pop("permalink", None) is not True:
        return None
    title = toc.pop("permalink_title", "Permanent link")
    if toc or configs.get("abbr") or set(configs.get("pymdownx.snippets", {}).get("auto_prepend", [])):
        return None
    definitions: dict[str, str] = {}
    for text in appended.values():
        lines = [line for line in text.splitlines() if line.strip()]
        found = [DEFINITION.fullmatch(line) for line in lines]
        if not all(m and m["title"] not in ("", '""', "''") for m in found):
            return None
        definitions.update((m["abbr"], m["title"]) for m in found if m is not None)
    return MarkdownSettings(tuple(definitions.items()), str(title))
