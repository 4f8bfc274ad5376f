"""The inventory of published addresses: what a built site serves, compared with the list.

An address is a site-relative path starting with `/`: every page (`/roller/chef/`), every redirect
page, the exports and schemas (`/portfolj/insatser.json`), and every heading anchor on authored
pages (`/process/bereda/#resultat`). Theme assets and the search index are not addresses anyone
links to, so they are left out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from handbok.kinds import PAGE_KINDS

INVENTORY_FILE = "publicerade-adresser.txt"
INVENTORY_HEADER = (
    "# Publicerade adresser i Förändringshandboken: sidor, omdirigeringar, exporter, scheman\n"
    "# och rubrikankare på skrivna sidor. Andra webbplatser länkar hit, så en rad får bara\n"
    "# försvinna efter ett godkänt beslut. Filen skrivs av `make urls`; ändra den inte för hand.\n"
)
_UNLISTED_DIRS = {"assets", "search", "pagefind"}  # pagefind/: the search index (issue 15)
_UNLISTED_FILES = {"sitemap.xml.gz"}
_REDIRECT_MARK = re.compile(rb'<meta\s+http-equiv="refresh"\s+content="0;\s*url=([^"]+)"', re.I)
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def page_url(markdown_path: str) -> str:
    """The directory URL MkDocs gives a Markdown file: `roller/chef.md` -> `roller/chef/`."""
    stem = markdown_path[: -len(".md")] if markdown_path.endswith(".md") else markdown_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def authored_page_urls(docs_dir: Path) -> set[str]:
    """Addresses (`/process/bereda/`) of the Markdown pages written by hand in docs/."""
    return set(authored_page_sources(docs_dir))


def authored_page_sources(docs_dir: Path) -> dict[str, str]:
    """Address → docs-relative path (`/process/bereda/` → `process/bereda.md`) of every page."""
    paths = (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    return {"/" + page_url(path): path for path in paths}


@dataclass(frozen=True)
class SiteAddresses:
    """What one built site serves: its addresses, and where each redirect page leads."""

    entries: frozenset[str]
    redirects: Mapping[str, str] = field(default_factory=dict)

    def serves(self, entry: str) -> bool:
        """True if the address works: it exists, or it is an anchor kept on a redirect's target."""
        if entry in self.entries:
            return True
        page, _, anchor = entry.partition("#")
        target = self.redirects.get(page)
        return bool(anchor) and target is not None and f"{target}#{anchor}" in self.entries


def scan_site(site_dir: Path, authored_urls: Collection[str]) -> SiteAddresses:
    """Every published address of a built site; headings are read only on authored pages."""
    entries: set[str] = set()
    redirects: dict[str, str] = {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative.split("/", 1)[0] in _UNLISTED_DIRS or relative in _UNLISTED_FILES:
            continue
        address = _address_of(relative)
        entries.add(address)
        if not relative.endswith(".html"):
            continue
        raw = path.read_bytes()
        target = _redirect_target(address, raw)
        if target is not None:
            redirects[address] = target
        elif address in authored_urls:
            entries.update(f"{address}#{anchor}" for anchor in heading_ids(raw.decode("utf-8")))
    return SiteAddresses(frozenset(entries), redirects)


def _address_of(relative: str) -> str:
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def _redirect_target(address: str, raw: bytes) -> str | None:
    match = _REDIRECT_MARK.search(raw[:4096])
    if match is None:
        return None
    target: bytes = match.group(1)
    absolute = urljoin(f"https://handbok.invalid{address}", target.decode("utf-8"))
    return urlsplit(absolute).path


def heading_ids(html: str) -> list[str]:
    """Ids of the h2–h6 headings in a page's article (the h1 is the page itself)."""
    parser = _HeadingParser()
    parser.feed(html)
    parser.close()
    return parser.ids


class _HeadingParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._article_depth += 1
        elif tag in _HEADINGS and self._article_depth:
            anchor = dict(attrs).get("id")
            if anchor:
                self.ids.append(anchor)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article_depth:
            self._article_depth -= 1


def format_inventory(entries: Iterable[str]) -> str:
    return INVENTORY_HEADER + "".join(f"{entry}\n" for entry in sorted(set(entries)))


def parse_inventory(text: str) -> list[str]:
    """The addresses listed in the inventory file (comments and blank lines skipped)."""
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@dataclass(frozen=True)
class Comparison:
    """Listed addresses the site no longer serves, and served addresses not yet listed."""

    missing: tuple[str, ...]
    unlisted: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unlisted


def compare(listed: Iterable[str], site: SiteAddresses) -> Comparison:
    listed_set = set(listed)
    missing = sorted(entry for entry in listed_set if not site.serves(entry))
    return Comparison(tuple(missing), tuple(sorted(site.entries - listed_set)))


def updated_inventory(listed: Iterable[str], site: SiteAddresses) -> list[str]:
    """The new inventory: what the site serves, plus listed anchors still kept through redirects."""
    kept = {entry for entry in listed if site.serves(entry)}
    return sorted(site.entries | kept)


_APPROVED = "eller kör make urls TA_BORT=ja om borttagningen är avsiktlig och godkänd."
_RECORD_SECTIONS = tuple(f"/{kind.section}" for kind in PAGE_KINDS)


def missing_message(entry: str, site: SiteAddresses,
                    pages: Mapping[str, str] | None = None) -> str:
    """What an editor reads when a listed address is gone: which one, and what to do.

    `pages` maps the site's authored page addresses to their docs/ paths, so a moved page's
    redirect can be written out ready to paste (issue 17).
    """
    page, _, anchor = entry.partition("#")
    if not anchor or page not in site.entries:
        return (f"Adressen {entry} publiceras inte längre och ingen omdirigering täcker den. "
                + _redirect_advice(page, site, pages or {}))
    if page in site.redirects:
        return (f"Ankaret {entry} finns inte på sidan {site.redirects[page]}, dit {page} "
                f"omdirigeras. Ge motsvarande rubrik där ankaret {{#{anchor}}}, {_APPROVED}")
    return (f"Ankaret {entry} finns inte längre på sidan {page}. Ge rubriken ett fast ankare, "
            f"t.ex. '## Ny rubrik {{#{anchor}}}', {_APPROVED}")


def _redirect_advice(page: str, site: SiteAddresses, pages: Mapping[str, str]) -> str:
    if page.startswith(_RECORD_SECTIONS):
        return ("Har posten bytt id: skriv det gamla id:t under tidigare_id i posten (en ny "
                f"rad '- {page.strip('/').split('/')[-1]}'), {_APPROVED}")
    name = page.strip("/").split("/")[-1]
    same_name = sorted(path for url, path in pages.items()
                       if url not in site.redirects and url.strip("/").split("/")[-1] == name
                       and url != page)
    target = same_name[0] if len(same_name) == 1 else "<den nya sidans sökväg i docs/>.md"
    return ("Har sidan flyttat: lägg till i data/omdirigeringar.yaml\n"
            f"  - fran: {page.lstrip('/')}\n    till: {target}\n"
            "(make flytta FRAN=… TILL=… gör det och resten av flytten åt dig), " + _APPROVED)


def unlisted_message(entry: str) -> str:
    return (f"Adressen {entry} publiceras men saknas i {INVENTORY_FILE}. Kör make urls och ta "
            "med ändringen i din pull request.")


def comparison_messages(comparison: Comparison, site: SiteAddresses,
                        pages: Mapping[str, str] | None = None) -> list[str]:
    """One message per problem; a vanished page's anchors are not repeated under it."""
    gone_pages = {entry for entry in comparison.missing if "#" not in entry}
    missing = [entry for entry in comparison.missing
               if "#" not in entry or entry.partition("#")[0] not in gone_pages]
    return ([missing_message(entry, site, pages) for entry in missing]
            + [unlisted_message(entry) for entry in comparison.unlisted])
