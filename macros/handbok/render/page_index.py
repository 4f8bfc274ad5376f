"""sidor.json: every page and record with owner and review dates, the feed review reminders read.

Versioned like the portfolio exports and described by schemas/sidor.schema.json (issue 12).
Issue 24 added `organisation` (an added field keeps the version); a record's `ansvarig` is the editors.
"""

from __future__ import annotations

from collections.abc import Sequence

from handbok.currency import AsOf
from handbok.kept import kept
from handbok.render.exports import item_json, json_with_list
from handbok.review import ReviewEntry

PAGE_INDEX_FORMAT = "forandringshandboken/sidor"
PAGE_INDEX_VERSION = 1
PAGE_INDEX_PATH = "sidor.json"


def _entry(entry: ReviewEntry) -> dict[str, object]:
    return {
        "url": entry.url,
        "titel": entry.titel,
        "typ": entry.kind,
        "fil": entry.path,
        "ansvarig": entry.ansvarig,
        "organisation": entry.organisation,
        "senast_granskad": entry.senast_granskad.isoformat() if entry.senast_granskad else None,
        "uppgifterna_galler": entry.uppgifterna_galler.iso() if entry.uppgifterna_galler else None,
        "granskas_senast": entry.granskas_senast.isoformat() if entry.granskas_senast else None,
        "forsenad": entry.forsenad,
    }


@kept(maxsize=1 << 14)  # `make serve` writes only the entries that changed (issue 15)
def _entry_json(entry: ReviewEntry) -> str:
    return item_json(_entry(entry))


def page_index_json(entries: Sequence[ReviewEntry], *, as_of: AsOf) -> str:
    head: dict[str, object] = {
        "format": PAGE_INDEX_FORMAT,
        "version": PAGE_INDEX_VERSION,
        "avser_datum": as_of.today.isoformat(),
        "granskningsintervall_manader": as_of.review_months,
    }
    return json_with_list(head, "sidor", [_entry_json(e) for e in sorted(entries, key=lambda e: e.url)])
