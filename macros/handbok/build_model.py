"""Turn validated documents into the frozen model, with references resolved to objects.

Only called when validation found no problems, so every value here has the schema's shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum
from functools import partial
from typing import Any, TypeVar

from handbok.load import Document
from handbok.model import (
    QUOTED_FIELDS,
    Behov,
    BehovStatus,
    Enhet,
    EnhetTyp,
    Fas,
    Finansiering,
    Finansieringskalla,
    Halsa,
    Insats,
    InsatsTyp,
    Kalla,
    PartialDate,
    Period,
    Portfolio,
    Prioritet,
    Rapportintervall,
    Risk,
    SourceRef,
    Status,
    Statusrapport,
    member,
)

E = TypeVar("E", bound=Enum)
R = TypeVar("R")


def build_portfolio(documents: dict[str, list[Document]]) -> Portfolio:
    """The portfolio from valid documents per kind ('insats', 'behov', 'enhet', 'kalla')."""
    kept = _KEPT.begin()
    kallor = {k.id: k for k in (kept(d, (), partial(_kalla, d)) for d in documents.get("kalla", []))}
    enheter = {e.id: e for e in (kept(d, _refs(d, kallor), partial(_enhet, d, kallor))
                                 for d in documents.get("enhet", []))}
    behov = {b.id: b for b in (kept(d, _refs(d, kallor, enheter), partial(_behov, d, kallor, enheter))
                               for d in documents.get("behov", []))}
    insatser = [kept(d, _refs(d, kallor, enheter, behov), partial(_insats, d, kallor, enheter, behov))
                for d in documents.get("insats", [])]
    return _KEPT.portfolio(Portfolio(
        insatser=tuple(sorted(insatser, key=lambda r: r.id)),
        behov=tuple(sorted(behov.values(), key=lambda r: r.id)),
        enheter=tuple(sorted(enheter.values(), key=lambda r: r.id)),
        kallor=tuple(sorted(kallor.values(), key=lambda r: r.id)),
    ))


def _refs(document: Document, kallor: dict[str, Kalla], enheter: dict[str, Enhet] | None = None,
          behov: dict[str, Behov] | None = None) -> tuple[object, ...]:
    """The records a document's record refers to (as the builders below resolve them)."""
    data = document.data
    units = tuple(enheter[u] for u in data["forvaltningar"]) if enheter is not None and "forvaltningar" in data else ()
    needs = tuple(behov[b] for b in data.get("behov") or ()) if behov is not None else ()
    return (kallor[data["kalla"]], *units, *needs)


class _KeptRecords:
    """The records and portfolio the last build made, for `make serve` (issue 15).

    The core is kept between serve rebuilds, and an unchanged file is the same cached
    Document. Its record is reused when every record it refers to was reused too, so the
    pages cached per record (render/*) find it by identity. Each build keeps only its own.
    """

    def __init__(self) -> None:
        self.current: dict[int, tuple[Document, tuple[object, ...], Any]] = {}
        self.last_portfolio: Portfolio | None = None

    def begin(self) -> Callable[[Document, tuple[object, ...], Callable[[], R]], R]:
        previous, self.current = self.current, {}

        def kept(document: Document, refs: tuple[object, ...], build: Callable[[], R]) -> R:
            entry = previous.get(id(document))
            if entry is None or entry[0] is not document or not _same(entry[1], refs):
                entry = (document, refs, build())
            self.current[id(document)] = entry
            record: R = entry[2]
            return record
        return kept

    def portfolio(self, made: Portfolio) -> Portfolio:
        """The last portfolio when it holds the very same records (its lookups are then kept)."""
        last = self.last_portfolio
        if last is None or not all(_same(getattr(last, f), getattr(made, f))
                                   for f in ("insatser", "behov", "enheter", "kallor")):
            self.last_portfolio = last = made
        return last


def _same(first: tuple[object, ...], second: tuple[object, ...]) -> bool:
    return len(first) == len(second) and all(a is b for a, b in zip(first, second, strict=True))


_KEPT = _KeptRecords()


def forget_kept_records() -> None:
    """A one-off build keeps nothing for a next one (the documents go, see pipeline)."""
    _KEPT.current, _KEPT.last_portfolio = {}, None


def _source(document: Document) -> SourceRef:
    return SourceRef(document.path, document.node_at(("id",)).start_mark.line + 1)


def _kalla(document: Document) -> Kalla:
    data = document.data
    year = data.get("ar")
    return Kalla(id=data["id"], titel=data["titel"], utgivare=data.get("utgivare") or "",
                 beskrivning=data["beskrivning"], ar=str(year) if year is not None else None,
                 source=_source(document))


def _enhet(document: Document, kallor: dict[str, Kalla]) -> Enhet:
    data = document.data
    return Enhet(id=data["id"], namn=data["namn"], typ=_optional(EnhetTyp, data.get("typ")),
                 kalla=kallor[data["kalla"]], **_dates(data), overordnad_id=data.get("overordnad"),
                 region_id=data.get("region"), beskrivning=data.get("beskrivning") or "",
                 tidigare_id=tuple(data.get("tidigare_id") or ()), source=_source(document))


def _behov(document: Document, kallor: dict[str, Kalla], enheter: dict[str, Enhet]) -> Behov:
    data = document.data
    return Behov(id=data["id"], titel=data["titel"], beskrivning=data["beskrivning"],
                 malgrupp=data.get("malgrupp") or "",
                 forvaltningar=tuple(enheter[u] for u in data["forvaltningar"]),
                 status=_optional(BehovStatus, data.get("status")), kalla=kallor[data["kalla"]],
                 **_dates(data), prioritet=_optional(Prioritet, data.get("prioritet")),
                 kostnad_kr=data.get("kostnad_kr"), citat=_quotes(data),
                 tidigare_id=tuple(data.get("tidigare_id") or ()), source=_source(document))


def _insats(document: Document, kallor: dict[str, Kalla], enheter: dict[str, Enhet],
            behov: dict[str, Behov]) -> Insats:
    data = document.data
    return Insats(
        id=data["id"], titel=data["titel"], sammanfattning=data["sammanfattning"],
        typ=_optional(InsatsTyp, data.get("typ")), fas=_optional(Fas, data.get("fas")),
        status=_optional(Status, data.get("status")), halsa=_optional(Halsa, data.get("halsa")),
        forvaltningar=tuple(enheter[u] for u in data["forvaltningar"]),
        kalla=kallor[data["kalla"]], **_dates(data), citat=_quotes(data),
        halsokommentar=data.get("halsokommentar") or "",
        beskrivning=data.get("beskrivning") or "",
        behov=tuple(behov[b] for b in data.get("behov") or ()),
        uppdragsagare=data.get("uppdragsagare") or "",
        projektledare=data.get("projektledare") or "",
        period=_period(data.get("period") or {}),
        finansiering=_finansiering(data.get("finansiering")),
        effektmal=tuple(data.get("effektmal") or ()),
        risker=tuple(Risk(r["beskrivning"], r["sannolikhet"], r["konsekvens"], r.get("atgard") or "")
                     for r in data.get("risker") or ()),
        statusrapporter=tuple(Statusrapport(dt.date.fromisoformat(r["datum"]), member(Halsa, r["halsa"]),
                                            r["text"]) for r in data.get("statusrapporter") or ()),
        rapportintervall=_optional(Rapportintervall, data.get("rapportintervall")),
        tidigare_id=tuple(data.get("tidigare_id") or ()),
        source=_source(document),
    )


def _optional(enum: type[E], value: Any) -> E | None:
    """The enum member for a value the source gives, None where it is left out (issue 12)."""
    return enum(value) if value else None


def _dates(data: dict[str, Any]) -> dict[str, Any]:
    """When the record's information is from, and when an editor last confirmed it (if ever)."""
    reviewed, information = data.get("senast_granskad"), data.get("uppgifterna_galler")
    return {"uppgifterna_galler": PartialDate.parse(str(information)) if information else None,
            "senast_granskad": dt.date.fromisoformat(reviewed) if reviewed else None}


def _quotes(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The record's quotes from its source, per field, in the order of QUOTED_FIELDS."""
    quotes = data.get("citat") or {}
    return tuple((name, " ".join(quotes[name].split())) for name in QUOTED_FIELDS if quotes.get(name))


def _period(data: dict[str, Any]) -> Period:
    def parse(value: Any) -> PartialDate | None:
        return PartialDate.parse(str(value)) if value is not None else None
    return Period(start=parse(data.get("start")), slut=parse(data.get("slut")))


def _finansiering(data: dict[str, Any] | None) -> Finansiering | None:
    if not data:
        return None
    return Finansiering(kalla=member(Finansieringskalla, data["kalla"]), belopp_kr=data.get("belopp_kr"),
                        kommentar=data.get("kommentar") or "")
