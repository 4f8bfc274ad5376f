"""Record addresses in the published-address list that no record serves any more (issue 23).

An id changed without `tidigare_id` breaks every link to the old address. `make urls` and the
pull-request check stop on it after a build; `make validate` and the build warn about it
already, at the record the editor is editing. Warnings, not errors: an approved removal goes
through `make urls TA_BORT=ja`, which needs a build that succeeds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from handbok.kinds import PAGE_KINDS
from handbok.model import Behov, Enhet, Insats, Portfolio
from handbok.problems import Problem
from handbok.published_urls import INVENTORY_FILE, parse_inventory
from handbok.redirects import RedirectPage

RULE = "id-utan-tidigare-id"


def vanished_record_warnings(inventory: str | None, portfolio: Portfolio,
                             redirects: Iterable[RedirectPage]) -> list[Problem]:
    """One warning per listed record address that neither a record nor a redirect serves.

    Located at the one record of that kind whose address is not listed yet (most likely the
    renamed one), else at the address's line in the list.
    """
    if inventory is None:
        return []
    listed = parse_inventory(inventory)
    lines = {line.strip(): number for number, line in enumerate(inventory.splitlines(), start=1)}
    served = {f"/{r.old_url}" for r in redirects}
    records: dict[str, Sequence[Insats | Behov | Enhet]] = {
        "insats": portfolio.insatser, "behov": portfolio.behov, "enhet": portfolio.enheter}
    warnings = []
    for kind in PAGE_KINDS:
        section = f"/{kind.section}"
        own = {f"/{kind.page_url(r.id)}": r.source for r in records[kind.name]}
        new = [source for url, source in own.items() if url not in listed and source is not None]
        for entry in listed:
            old = entry.removeprefix(section).removesuffix("/")
            if not entry.startswith(section) or not entry.endswith("/") or not old or "/" in old \
                    or entry in own or entry in served:
                continue
            path, line = (new[0].path, new[0].line) if len(new) == 1 else (INVENTORY_FILE, lines[entry])
            warnings.append(Problem(path, line, 1, _message(entry, old), RULE))
    return warnings


def _message(entry: str, old: str) -> str:
    return (f"adressen {entry} är publicerad (den står i {INVENTORY_FILE}), men ingen post har "
            f"id:t '{old}' längre, så länkar dit slutar fungera. Har posten bytt id: skriv det "
            f"gamla id:t under tidigare_id i posten (en ny rad '- {old}'); är den borttagen efter "
            "ett godkänt beslut: kör make urls TA_BORT=ja (annars stoppar kontrollen i pull "
            "requesten)")

