"""The review-reminder issue: overdue entries of a parsed sidor.json → (title, body) in Swedish Markdown.

The body never mentions the day it was made (sidor.json's `avser_datum`), so the same set of
overdue entries always gives the same bytes and the nightly job edits the issue only on change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handbok.collation import SortKey, sort_key
from handbok.render import escape

FORMAT = "forandringshandboken/sidor"
VERSION = 1
TITLE_PREFIX = "Granskning:"
NO_OWNER = "Ingen ansvarig angiven"
KIND_LABELS = {"sida": "Sida", "insats": "Insats", "behov": "Behov", "enhet": "Enhet"}

# Markdown punctuation that would turn a title or owner into a link, emphasis, heading or table.


@dataclass(frozen=True)
class OverdueEntry:
    """One overdue page or record, as sidor.json gives it."""

    url: str
    titel: str
    typ: str
    fil: str
    ansvarig: str
    senast_granskad: str | None
    uppgifterna_galler: str | None
    granskas_senast: str | None  # None: a record whose source has no date and nobody confirmed


def overdue_entries(sidor: Mapping[str, Any]) -> list[OverdueEntry]:
    """The entries with `forsenad: true`; ValueError if this is not a sidor.json we know."""
    if sidor.get("format") != FORMAT or sidor.get("version") != VERSION:
        raise ValueError(f"inte en sidförteckning i formatet {FORMAT} version {VERSION}")
    try:
        return [_entry(item) for item in sidor["sidor"] if item["forsenad"] is True]
    except (KeyError, TypeError) as error:
        raise ValueError(f"sidförteckningen saknar fältet {error}") from error


def _entry(item: Mapping[str, Any]) -> OverdueEntry:
    return OverdueEntry(item["url"], item["titel"], item["typ"], item["fil"], item["ansvarig"].strip(),
                        item["senast_granskad"], item["uppgifterna_galler"], item["granskas_senast"])


def issue_title(count: int) -> str:
    """`Granskning: N sidor och poster är försenade`, singular for one."""
    if count == 1:
        return f"{TITLE_PREFIX} 1 sida eller post är försenad"
    return f"{TITLE_PREFIX} {count} sidor och poster är försenade"


def _owner_order(owner: str) -> tuple[bool, SortKey, str]:
    # Entries without an owner last: they need someone to take them on. Owners in Swedish order.
    return (owner == "", sort_key(owner), owner)


def group_by_owner(entries: Sequence[OverdueEntry]) -> list[tuple[str, list[OverdueEntry]]]:
    """(owner, entries) per owner, owners alphabetically, each group the longest overdue first."""
    owners = sorted({entry.ansvarig for entry in entries}, key=_owner_order)
    return [(owner, sorted((e for e in entries if e.ansvarig == owner),
                           key=lambda e: (e.granskas_senast or "", e.url, e.fil)))
            for owner in owners]


def _address(url: str, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/{url}" if site_url else f"/{url}"


def _entry_lines(entry: OverdueEntry, site_url: str) -> list[str]:
    kind = KIND_LABELS.get(entry.typ, entry.typ)
    lines = [f"- **[{escape.markdown_escaped(entry.titel)}](<{_address(entry.url, site_url)}>)** ({kind}, `{entry.fil}`)",
             f"  - Skulle granskas senast: {entry.granskas_senast or 'genast (källan saknar datum)'}",
             f"  - Senast granskad: {entry.senast_granskad or 'aldrig bekräftad'}"]
    if entry.typ != "sida":
        lines.append(f"  - Uppgifterna gäller: {entry.uppgifterna_galler or 'källan anger inget datum'}")
    return lines


def _count_text(count: int) -> str:
    return "1 sida eller post" if count == 1 else f"{count} sidor och poster"


def issue_body(entries: Sequence[OverdueEntry], *, site_url: str = "") -> str:
    """The issue text: how to resolve it, then the overdue entries grouped by owner."""
    lines = [f"{_count_text(len(entries))} har passerat sitt datum för granskning. Läs igenom "
             "innehållet och rätta det som inte stämmer. Skriv sedan dagens datum i `senast_granskad` "
             "(i sidans inledning eller i postens YAML-fil) för att bekräfta att innehållet gäller.",
             "",
             "Ärendet skapas och uppdateras av den nattliga körningen och stängs när inget längre "
             "är försenat. Ändringar du gör här skrivs över.",
             ""]
    for owner, group in group_by_owner(entries):
        lines += [f"## {escape.markdown_escaped(owner) if owner else NO_OWNER} ({len(group)})", ""]
        for entry in group:
            lines += _entry_lines(entry, site_url)
        lines.append("")
    return "\n".join(lines)


def review_issue(sidor: Mapping[str, Any], *, site_url: str = "") -> tuple[str, str] | None:
    """(title, body) for the reminder issue, or None when nothing is overdue."""
    entries = overdue_entries(sidor)
    if not entries:
        return None
    return issue_title(len(entries)), issue_body(entries, site_url=site_url)
