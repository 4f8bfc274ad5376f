"""Relative Markdown links between generated and authored pages (MkDocs validates them)."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from handbok.model import Behov, Enhet, Insats
from handbok.render.templating import fragment


def record_source(record: Insats | Behov | Enhet) -> str:
    """The generated Markdown file of a record, relative to the docs root."""
    return record.url.rstrip("/") + ".md"


def relative_url(target: str, *, page_url: str) -> str:
    """The link from one site URL to another, both relative to the site root.

    From a record page (insatser/x/) the section (insatser/) is one level up, the site root ("")
    two; the result always ends in a slash.
    """
    return posixpath.relpath(target or ".", page_url or ".") + "/"


def _name(record: Insats | Behov | Enhet) -> str:
    return record.namn if isinstance(record, Enhet) else record.titel


def record_link(record: Insats | Behov | Enhet, *, root: str) -> str:
    """`[titel](root + insatser/x.md)`; `root` leads from the linking page to the docs root."""
    return _record_link(_name(record), root + record_source(record))


@lru_cache(maxsize=4096)  # every record is linked from several pages
def _record_link(name: str, target: str) -> str:
    return fragment("_partials/record_link.md.j2", name=name, target=target)


def record_html_link(record: Insats | Behov | Enhet, *, root_url: str) -> str:
    """`<a href="root_url + insatser/x/">titel</a>`, for raw HTML blocks Markdown does not parse.

    `root_url` leads from the linking page's URL to the site root (record pages: `../../`).
    The site tests check every such link resolves in the built HTML.
    """
    return _record_html_link(_name(record), root_url + record.url)


@lru_cache(maxsize=4096)
def _record_html_link(name: str, href: str) -> str:
    return fragment("_partials/record_link.html.j2", name=name, href=href)


def unit_html_links(units: tuple[Enhet, ...], *, root_url: str) -> str:
    return ", ".join(record_html_link(u, root_url=root_url) for u in units) or "–"
