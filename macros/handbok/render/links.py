"""Relative Markdown links between generated and authored pages (MkDocs validates them)."""

from __future__ import annotations

from handbok.model import Behov, Enhet, Insats
from handbok.render import escape


def record_source(record: Insats | Behov | Enhet) -> str:
    """The generated Markdown file of a record, relative to the docs root."""
    return record.url.rstrip("/") + ".md"


def record_link(record: Insats | Behov | Enhet, *, root: str) -> str:
    """`[titel](root + insatser/x.md)`; `root` leads from the linking page to the docs root."""
    name = record.namn if isinstance(record, Enhet) else record.titel
    return f"[{escape.text(name)}]({root}{record_source(record)})"


def record_html_link(record: Insats | Behov | Enhet, *, root_url: str) -> str:
    """`<a href="root_url + insatser/x/">titel</a>`, for raw HTML blocks Markdown does not parse.

    `root_url` leads from the linking page's URL to the site root (record pages: `../../`).
    The site tests check every such link resolves in the built HTML.
    """
    name = record.namn if isinstance(record, Enhet) else record.titel
    return f'<a href="{root_url}{record.url}">{escape.text(name)}</a>'


def unit_html_links(units: tuple[Enhet, ...], *, root_url: str) -> str:
    return ", ".join(record_html_link(u, root_url=root_url) for u in units) or "–"
