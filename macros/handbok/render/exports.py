"""Portfolio exports at stable URLs: JSON (versioned format) and CSV for Swedish Excel.

JSON: `{"format": "forandringshandboken/insatser", "version": 2, "avser_datum": …, "insatser": […]}`
(and likewise `behov`); enum fields hold the YAML tokens or null where the source does not
say, dates are ISO 8601 (partial dates as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD).
Version 2 (issue 12): typ/fas/status may be null, `uppgifterna_galler` and `aktuell` added,
`senast_granskad` null until an editor confirms the record. Version 3 (issue 24): `organisationer`
(the ids of the regions or equivalent the record's units belong to) and `citat` (the source's
sentence per value) added, `uppgifterna_galler` null when the source gives no date; in CSV the
column `organisation` (names) added and `hälsa`/`hälsokommentar` renamed `läge`/`lägeskommentar`. CSV: UTF-8 with BOM, semicolon
separated, every field quoted, enum fields as Swedish labels, lists joined with newlines; a
cell that would start with =, +, - or @ (also after whitespace, also full-width) gets a
leading apostrophe so Excel never runs it as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from handbok.currency import AsOf, Dated
from handbok.kept import kept
from handbok.model import Behov, Enhet, Insats, LabelledEnum, PartialDate, Portfolio
from handbok.render.badges import label

FORMAT_VERSION = 3
INSATSER_FORMAT = "forandringshandboken/insatser"
BEHOV_FORMAT = "forandringshandboken/behov"
# Full-width signs too: Excel reads ＝＋－＠ as formula starts, after any leading whitespace.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _iso(value: PartialDate | dt.date | None) -> str | None:
    if isinstance(value, PartialDate):
        return value.iso()
    return value.isoformat() if value else None


def _value(member: LabelledEnum | None) -> str | None:
    return member.value if member is not None else None


def _currency(record: Dated, as_of: AsOf) -> dict[str, object]:
    return {"uppgifterna_galler": _iso(record.uppgifterna_galler),
            "senast_granskad": _iso(record.senast_granskad),
            "aktuell": as_of.is_current(record)}


def initiative_record(insats: Insats, portfolio: Portfolio, as_of: AsOf) -> dict[str, object]:
    return _initiative_record(insats, portfolio.organisations_of(insats), as_of)


def _initiative_record(insats: Insats, organisations: tuple[Enhet, ...], as_of: AsOf) -> dict[str, object]:
    finansiering = insats.finansiering
    return {
        "id": insats.id,
        "url": insats.url,
        "titel": insats.titel,
        "sammanfattning": insats.sammanfattning,
        "beskrivning": insats.beskrivning,
        "typ": _value(insats.typ),
        "fas": _value(insats.fas),
        "status": _value(insats.status),
        "halsa": _value(insats.halsa),
        "halsokommentar": insats.halsokommentar,
        "citat": dict(insats.citat),
        "organisationer": [o.id for o in organisations],
        "forvaltningar": [u.id for u in insats.forvaltningar],
        "behov": [b.id for b in insats.behov],
        "uppdragsagare": insats.uppdragsagare,
        "projektledare": insats.projektledare,
        "period": {"start": _iso(insats.period.start), "slut": _iso(insats.period.slut)},
        "finansiering": None if finansiering is None else {
            "kalla": finansiering.kalla.value, "belopp_kr": finansiering.belopp_kr,
            "kommentar": finansiering.kommentar},
        "effektmal": list(insats.effektmal),
        "risker": [{"beskrivning": r.beskrivning, "sannolikhet": r.sannolikhet,
                    "konsekvens": r.konsekvens, "riskvarde": r.varde, "atgard": r.atgard}
                   for r in insats.risker],
        "statusrapporter": [{"datum": r.datum.isoformat(), "halsa": r.halsa.value, "text": r.text}
                            for r in sorted(insats.statusrapporter, key=lambda r: r.datum, reverse=True)],
        "rapportintervall": insats.rapportintervall.value if insats.rapportintervall else None,
        "kalla": insats.kalla.id,
        **_currency(insats, as_of),
        "tidigare_id": list(insats.tidigare_id),
    }


def need_record(need: Behov, portfolio: Portfolio, as_of: AsOf) -> dict[str, object]:
    return _need_record(need, _initiative_ids(need, portfolio), portfolio.organisations_of(need), as_of)


def _need_record(need: Behov, initiatives: tuple[str, ...], organisations: tuple[Enhet, ...],
                 as_of: AsOf) -> dict[str, object]:
    return {
        "id": need.id,
        "url": need.url,
        "titel": need.titel,
        "beskrivning": need.beskrivning,
        "malgrupp": need.malgrupp,
        "organisationer": [o.id for o in organisations],
        "forvaltningar": [u.id for u in need.forvaltningar],
        "gemensamt": need.is_shared,
        "status": _value(need.status),
        "citat": dict(need.citat),
        "prioritet": need.prioritet.value if need.prioritet else None,
        "kostnad_kr": need.kostnad_kr,
        "insatser": list(initiatives),
        "kalla": need.kalla.id,
        **_currency(need, as_of),
        "tidigare_id": list(need.tidigare_id),
    }


def _json(document: dict[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def json_with_list(head: dict[str, object], key: str, items: list[str]) -> str:
    """_json({**head, key: [...]}) from items already serialised at their depth (item_json).

    Items are cached per record, so `make serve` serialises only the records that changed
    (issue 15); json.dumps with indent is pure Python and slow on the whole list.
    """
    if not items:
        return _json({**head, key: []})
    return _json({**head, key: [None]}).replace("\n  null\n", "\n" + ",\n".join(items) + "\n", 1)


def item_json(record: dict[str, object]) -> str:
    """One list item of an export, as _json writes it two levels down."""
    return "\n".join("  " + line for line in _json(record).removesuffix("\n").split("\n"))


@kept(maxsize=1 << 14)
def _initiative_json(insats: Insats, organisations: tuple[Enhet, ...], as_of: AsOf) -> str:
    return item_json(_initiative_record(insats, organisations, as_of))


@kept(maxsize=1 << 14)
def _need_json(need: Behov, initiatives: tuple[str, ...], organisations: tuple[Enhet, ...], as_of: AsOf) -> str:
    return item_json(_need_record(need, initiatives, organisations, as_of))


def initiatives_json(portfolio: Portfolio, *, as_of: AsOf) -> str:
    return json_with_list({"format": INSATSER_FORMAT, "version": FORMAT_VERSION,
                            "avser_datum": as_of.today.isoformat()}, "insatser",
                           [_initiative_json(i, portfolio.organisations_of(i), as_of)
                            for i in sorted(portfolio.insatser, key=lambda i: i.id)])


def needs_json(portfolio: Portfolio, *, as_of: AsOf) -> str:
    return json_with_list({"format": BEHOV_FORMAT, "version": FORMAT_VERSION,
                            "avser_datum": as_of.today.isoformat()}, "behov",
                           [_need_json(b, _initiative_ids(b, portfolio), portfolio.organisations_of(b), as_of)
                            for b in sorted(portfolio.behov, key=lambda b: b.id)])


def _initiative_ids(need: Behov, portfolio: Portfolio) -> tuple[str, ...]:
    return tuple(sorted(i.id for i in portfolio.initiatives_for_need(need)))


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) or text.lstrip().startswith(_FORMULA_STARTS) \
        else text


def _csv(header: list[str], lines: list[str]) -> str:
    """The file from its header and its rows, each row already a line (_csv_line)."""
    return "\ufeff" + _csv_text(header) + "".join(lines)


def _csv_text(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def _csv_line(row: list[object]) -> str:
    return _csv_text([_cell(v) for v in row])


INITIATIVE_COLUMNS = [
    "id", "titel", "sammanfattning", "organisation", "typ", "fas", "status", "läge", "lägeskommentar",
    "förvaltningar", "behov", "uppdragsägare", "projektledare", "start", "slut",
    "finansiering", "belopp_kr", "effektmål", "antal_risker", "högsta_riskvärde",
    "rapportintervall", "senaste_statusrapport", "källa", "uppgifterna_gäller", "senast_granskad",
    "aktuell", "url",
]


def initiatives_csv(portfolio: Portfolio, *, as_of: AsOf) -> str:
    return _csv(INITIATIVE_COLUMNS, [_initiative_csv(i, portfolio.organisations_of(i), as_of)
                                     for i in sorted(portfolio.insatser, key=lambda i: i.id)])


@kept(maxsize=1 << 14)  # see _initiative_json
def _initiative_csv(i: Insats, organisations: tuple[Enhet, ...], as_of: AsOf) -> str:
    latest = i.latest_report
    return _csv_line([
        i.id, i.titel, i.sammanfattning, "\n".join(o.namn for o in organisations), label(i.typ), label(i.fas), label(i.status),
        label(i.halsa), i.halsokommentar, "\n".join(u.id for u in i.forvaltningar),
        "\n".join(b.id for b in i.behov), i.uppdragsagare, i.projektledare,
        _iso(i.period.start), _iso(i.period.slut),
        i.finansiering.kalla.label if i.finansiering else None,
        i.finansiering.belopp_kr if i.finansiering else None,
        "\n".join(i.effektmal), len(i.risker), max((r.varde for r in i.risker), default=None),
        i.rapportintervall.label if i.rapportintervall else None,
        latest.datum.isoformat() if latest else None, i.kalla.titel,
        *_currency_cells(i, as_of), i.url,
    ])


NEED_COLUMNS = [
    "id", "titel", "beskrivning", "målgrupp", "organisation", "förvaltningar", "gemensamt", "status",
    "prioritet", "kostnad_kr", "insatser", "källa", "uppgifterna_gäller", "senast_granskad",
    "aktuell", "url",
]


def _currency_cells(record: Dated, as_of: AsOf) -> list[object]:
    return [_iso(record.uppgifterna_galler), _iso(record.senast_granskad),
            "ja" if as_of.is_current(record) else "nej"]


def needs_csv(portfolio: Portfolio, *, as_of: AsOf) -> str:
    return _csv(NEED_COLUMNS, [_need_csv(b, _initiative_ids(b, portfolio), portfolio.organisations_of(b), as_of)
                               for b in sorted(portfolio.behov, key=lambda b: b.id)])


@kept(maxsize=1 << 14)  # see _initiative_json
def _need_csv(b: Behov, initiatives: tuple[str, ...], organisations: tuple[Enhet, ...], as_of: AsOf) -> str:
    return _csv_line([
        b.id, b.titel, b.beskrivning, b.malgrupp, "\n".join(o.namn for o in organisations),
        "\n".join(u.id for u in b.forvaltningar),
        "ja" if b.is_shared else "nej", label(b.status),
        b.prioritet.label if b.prioritet else None, b.kostnad_kr,
        "\n".join(initiatives), b.kalla.titel,
        *_currency_cells(b, as_of), b.url,
    ])
