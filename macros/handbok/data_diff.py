"""What changed in the data between two portfolios, as values and as a Swedish Markdown summary."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from handbok.model import Behov, Enhet, Insats, Kalla, LabelledEnum, PartialDate, Period, Portfolio, Statusrapport
from handbok.render import escape
from handbok.render.blocks import amount_text
from handbok.render.templating import markup, render

Record = Insats | Behov | Enhet | Kalla
R = TypeVar("R", Insats, Behov, Enhet, Kalla)
# (record class name, old id) -> new id, for records renamed through `tidigare_id`
Renames = dict[tuple[str, str], str]


class ChangeKind(Enum):
    NEW = "ny"
    REMOVED = "borttagen"
    CHANGED = "ändrad"


@dataclass(frozen=True)
class RecordChange:
    """One initiative, need, unit or source that is new, removed or changed (a rename is a change)."""

    kind: ChangeKind
    record_type: str  # "insats" | "behov" | "enhet" | "kalla"
    id: str
    titel: str
    previous_id: str | None = None
    fields: tuple[str, ...] = ()
    new_reports: tuple[Statusrapport, ...] = ()

    @property
    def renamed(self) -> bool:
        return self.previous_id is not None and self.previous_id != self.id


@dataclass(frozen=True)
class DataDiff:
    changes: tuple[RecordChange, ...]

    @property
    def empty(self) -> bool:
        return not self.changes


def _text(value: object) -> str:
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Period):
        return f"{_text(value.start)} – {_text(value.slut)}"
    if isinstance(value, tuple):
        return ", ".join(_text(v) for v in value)
    if hasattr(value, "id"):
        return str(value.id)
    return str(value)


def _finansiering(insats: Insats) -> str:
    f = insats.finansiering
    if f is None:
        return "–"
    amount = f" ({amount_text(f.belopp_kr)})" if f.belopp_kr is not None else ""
    return f"{f.kalla.label}{amount}"


# (label shown to editors, how to read the value, whether to show old → new or just "ändrad")
_Field = tuple[str, Callable[[R], object], bool]

_INSATS_FIELDS: tuple[_Field[Insats], ...] = (
    ("titel", lambda r: r.titel, True),
    ("sammanfattning", lambda r: r.sammanfattning, False),
    ("beskrivning", lambda r: r.beskrivning, False),
    ("typ", lambda r: r.typ, True),
    ("fas", lambda r: r.fas, True),
    ("status", lambda r: r.status, True),
    ("läge", lambda r: r.halsa, True),
    ("kommentar om läget", lambda r: r.halsokommentar, False),
    ("förvaltningar", lambda r: r.forvaltningar, True),
    ("behov", lambda r: r.behov, True),
    ("uppdragsägare", lambda r: r.uppdragsagare, True),
    ("projektledare", lambda r: r.projektledare, True),
    ("period", lambda r: r.period, True),
    ("citat ur källan", lambda r: r.citat, False),
    ("finansiering", _finansiering, True),
    ("effektmål", lambda r: r.effektmal, False),
    ("risker", lambda r: r.risker, False),
    ("rapportintervall", lambda r: r.rapportintervall, True),
    ("källa", lambda r: r.kalla, True),
    ("uppgifterna gäller", lambda r: r.uppgifterna_galler, True),
    ("senast granskad", lambda r: r.senast_granskad, True),
)

_ENHET_FIELDS: tuple[_Field[Enhet], ...] = (
    ("namn", lambda r: r.namn, True),
    ("typ", lambda r: r.typ, True),
    ("överordnad", lambda r: r.overordnad_id, True),
    ("region", lambda r: r.region_id, True),
    ("beskrivning", lambda r: r.beskrivning, False),
    ("källa", lambda r: r.kalla, True),
    ("uppgifterna gäller", lambda r: r.uppgifterna_galler, True),
    ("senast granskad", lambda r: r.senast_granskad, True),
)

_KALLA_FIELDS: tuple[_Field[Kalla], ...] = (
    ("titel", lambda r: r.titel, True),
    ("utgivare", lambda r: r.utgivare, True),
    ("år", lambda r: r.ar, True),
    ("beskrivning", lambda r: r.beskrivning, False),
)

_BEHOV_FIELDS: tuple[_Field[Behov], ...] = (
    ("titel", lambda r: r.titel, True),
    ("beskrivning", lambda r: r.beskrivning, False),
    ("målgrupp", lambda r: r.malgrupp, True),
    ("förvaltningar", lambda r: r.forvaltningar, True),
    ("status", lambda r: r.status, True),
    ("citat ur källan", lambda r: r.citat, False),
    ("prioritet", lambda r: r.prioritet, True),
    ("kostnad (kr)", lambda r: r.kostnad_kr, True),
    ("källa", lambda r: r.kalla, True),
    ("uppgifterna gäller", lambda r: r.uppgifterna_galler, True),
    ("senast granskad", lambda r: r.senast_granskad, True),
)


def _comparable(value: object, renames: Renames) -> object:
    """The value with every referenced record replaced by its id (after a rename), so a unit
    whose name changed does not make each record that names it "changed" (issue 23)."""
    if isinstance(value, tuple):
        return tuple(_comparable(v, renames) for v in value)
    if isinstance(value, (Insats, Behov, Enhet, Kalla)):
        kind = type(value).__name__
        return kind, renames.get((kind, value.id), value.id)
    return value


def _field_changes(old: R, new: R, fields: Sequence[_Field[R]], renames: Renames) -> tuple[str, ...]:
    changes = []
    for label, read, show_values in fields:
        before, after = read(old), read(new)
        if _comparable(before, renames) == _comparable(after, {}):
            continue
        if show_values:
            changes.append(f"{label}: {_text(before)} → {_text(after)}")
        else:
            changes.append(f"{label}: ändrad")
    return tuple(changes)


def _new_reports(old: Record, new: Record) -> tuple[Statusrapport, ...]:
    if not isinstance(new, Insats) or not isinstance(old, Insats):
        return ()
    seen = set(old.statusrapporter)
    return tuple(sorted((r for r in new.statusrapporter if r not in seen), key=lambda r: r.datum))


def _title(record: Record) -> str:
    return record.namn if isinstance(record, Enhet) else record.titel


def _previous(record: Record, old_by_id: Mapping[str, R], new_ids: set[str]) -> R | None:
    """The old record this one continues: the same id, or an old id in `tidigare_id`."""
    if record.id in old_by_id:
        return old_by_id[record.id]
    earlier = record.tidigare_id if not isinstance(record, Kalla) else ()
    renamed_from = [i for i in earlier if i in old_by_id and i not in new_ids]
    return old_by_id[renamed_from[0]] if renamed_from else None


def _renames(old: Sequence[R], new: Sequence[R]) -> Renames:
    old_by_id, new_ids = {r.id: r for r in old}, {r.id for r in new}
    renames: Renames = {}
    for record in new:
        previous = _previous(record, old_by_id, new_ids)
        if previous is not None and previous.id != record.id:
            renames[type(record).__name__, previous.id] = record.id
    return renames


def _diff_records(record_type: str, old: Sequence[R], new: Sequence[R],
                  fields: Sequence[_Field[R]], renames: Renames) -> list[RecordChange]:
    old_by_id = {r.id: r for r in old}
    new_ids = {r.id for r in new}
    matched_old: set[str] = set()
    changes = []
    for record in sorted(new, key=lambda r: r.id):
        previous = _previous(record, old_by_id, new_ids)
        if previous is None:
            changes.append(RecordChange(ChangeKind.NEW, record_type, record.id, _title(record),
                                        fields=_new_record_facts(record),
                                        new_reports=_new_reports_of_new(record)))
            continue
        matched_old.add(previous.id)
        field_changes = _field_changes(previous, record, fields, renames)
        reports = _new_reports(previous, record)
        if field_changes or reports or previous.id != record.id:
            changes.append(RecordChange(ChangeKind.CHANGED, record_type, record.id, _title(record),
                                        previous.id, field_changes, reports))
    for record in sorted(old, key=lambda r: r.id):
        if record.id not in matched_old:
            changes.append(RecordChange(ChangeKind.REMOVED, record_type, record.id, _title(record)))
    return changes


def _new_record_facts(record: Record) -> tuple[str, ...]:
    """What a reviewer checks first on a new record (issue 17): status, units, period, goals."""
    if isinstance(record, Enhet):
        return (f"typ: {_text(record.typ) if record.typ else 'uppgift saknas'}",
                f"överordnad: {record.overordnad_id or 'ingen'}")
    if isinstance(record, Kalla):
        return (f"utgivare: {record.utgivare}",)
    facts = [f"status: {_text(record.status) if record.status else 'uppgift saknas'}",
             f"förvaltningar: {_text(record.forvaltningar)}"]
    if isinstance(record, Insats):
        period = record.period
        has_period = period.start is not None or period.slut is not None
        facts.append(f"period: {_text(period) if has_period else 'uppgift saknas'}")
        goals = "; ".join(record.effektmal) if record.effektmal else "inga angivna"
        facts.append(f"effektmål: {goals}")
        facts.append(f"hälsa: {_text(record.halsa) if record.halsa else 'uppgift saknas'}")
    return tuple(facts)


def _new_reports_of_new(record: Record) -> tuple[Statusrapport, ...]:
    if not isinstance(record, Insats):
        return ()
    return tuple(sorted(record.statusrapporter, key=lambda r: r.datum))


def diff_portfolios(old: Portfolio, new: Portfolio) -> DataDiff:
    """Records added, removed, renamed (via `tidigare_id`) or changed field by field. A reference
    counts as changed only when it names another record, not when the record it names changed."""
    renames = {**_renames(old.enheter, new.enheter), **_renames(old.behov, new.behov)}
    changes = [*_diff_records("insats", old.insatser, new.insatser, _INSATS_FIELDS, renames),
               *_diff_records("behov", old.behov, new.behov, _BEHOV_FIELDS, renames),
               *_diff_records("enhet", old.enheter, new.enheter, _ENHET_FIELDS, renames),
               *_diff_records("kalla", old.kallor, new.kallor, _KALLA_FIELDS, renames)]
    return DataDiff(tuple(changes))


_SECTIONS = (
    ("insats", ChangeKind.NEW, "Nya insatser"),
    ("insats", ChangeKind.CHANGED, "Ändrade insatser"),
    ("insats", ChangeKind.REMOVED, "Borttagna insatser"),
    ("behov", ChangeKind.NEW, "Nya behov"),
    ("behov", ChangeKind.CHANGED, "Ändrade behov"),
    ("behov", ChangeKind.REMOVED, "Borttagna behov"),
    ("enhet", ChangeKind.NEW, "Nya organisationsenheter"),
    ("enhet", ChangeKind.CHANGED, "Ändrade organisationsenheter"),
    ("enhet", ChangeKind.REMOVED, "Borttagna organisationsenheter"),
    ("kalla", ChangeKind.NEW, "Nya källor"),
    ("kalla", ChangeKind.CHANGED, "Ändrade källor"),
    ("kalla", ChangeKind.REMOVED, "Borttagna källor"),
)


def render_markdown(diff: DataDiff, base: str) -> str:
    """The summary a pull request shows: one section per kind of change, or a line saying none."""
    sections = []
    for record_type, kind, heading in _SECTIONS:
        selected = [c for c in diff.changes if c.record_type == record_type and c.kind is kind]
        if selected:
            sections.append((heading, selected))
    return render("data_diff.md.j2", base=markup(escape.markdown_code(base)), sections=sections)
