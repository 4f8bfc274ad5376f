"""What changed in the data between two portfolios, as values and as a Swedish Markdown summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from handbok.model import Behov, Insats, LabelledEnum, PartialDate, Period, Portfolio, Statusrapport
from handbok.render import escape
from handbok.render.blocks import amount_text
from handbok.render.templating import markup, render

Record = Insats | Behov
R = TypeVar("R", Insats, Behov)


class ChangeKind(Enum):
    NEW = "ny"
    REMOVED = "borttagen"
    CHANGED = "ändrad"


@dataclass(frozen=True)
class RecordChange:
    """One initiative or need that is new, removed or changed (a rename is a change)."""

    kind: ChangeKind
    record_type: str  # "insats" | "behov"
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


def _field_changes(old: R, new: R, fields: Sequence[_Field[R]]) -> tuple[str, ...]:
    changes = []
    for label, read, show_values in fields:
        before, after = read(old), read(new)
        if _text(before) == _text(after) and before == after:
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


def _diff_records(record_type: str, old: Sequence[R], new: Sequence[R],
                  fields: Sequence[_Field[R]]) -> list[RecordChange]:
    old_by_id = {r.id: r for r in old}
    new_ids = {r.id for r in new}
    matched_old: set[str] = set()
    changes = []
    for record in sorted(new, key=lambda r: r.id):
        previous = old_by_id.get(record.id)
        if previous is None:
            renamed_from = [i for i in record.tidigare_id if i in old_by_id and i not in new_ids]
            previous = old_by_id[renamed_from[0]] if renamed_from else None
        if previous is None:
            changes.append(RecordChange(ChangeKind.NEW, record_type, record.id, record.titel,
                                        fields=_new_record_facts(record),
                                        new_reports=_new_reports_of_new(record)))
            continue
        matched_old.add(previous.id)
        field_changes = _field_changes(previous, record, fields)
        reports = _new_reports(previous, record)
        if field_changes or reports or previous.id != record.id:
            changes.append(RecordChange(ChangeKind.CHANGED, record_type, record.id, record.titel,
                                        previous.id, field_changes, reports))
    for record in sorted(old, key=lambda r: r.id):
        if record.id not in matched_old:
            changes.append(RecordChange(ChangeKind.REMOVED, record_type, record.id, record.titel))
    return changes


def _new_record_facts(record: Record) -> tuple[str, ...]:
    """What a reviewer checks first on a new record (issue 17): status, units, period, goals."""
    facts = [f"status: {_text(record.status) if record.status else 'uppgift saknas'}",
             f"förvaltningar: {_text(record.forvaltningar)}"]
    if isinstance(record, Insats):
        period = record.period
        has_period = period.start is not None or period.slut is not None
        facts.append(f"period: {_text(period) if has_period else 'uppgift saknas'}")
        goals = "; ".join(record.effektmal) if record.effektmal else "inga angivna"
        facts.append(f"effektmål: {goals}")
    return tuple(facts)


def _new_reports_of_new(record: Record) -> tuple[Statusrapport, ...]:
    if not isinstance(record, Insats):
        return ()
    return tuple(sorted(record.statusrapporter, key=lambda r: r.datum))


def diff_portfolios(old: Portfolio, new: Portfolio) -> DataDiff:
    """Initiatives and needs added, removed, renamed (via `tidigare_id`) or changed field by field."""
    changes = [*_diff_records("insats", old.insatser, new.insatser, _INSATS_FIELDS),
               *_diff_records("behov", old.behov, new.behov, _BEHOV_FIELDS)]
    return DataDiff(tuple(changes))


_SECTIONS = (
    ("insats", ChangeKind.NEW, "Nya insatser"),
    ("insats", ChangeKind.CHANGED, "Ändrade insatser"),
    ("insats", ChangeKind.REMOVED, "Borttagna insatser"),
    ("behov", ChangeKind.NEW, "Nya behov"),
    ("behov", ChangeKind.CHANGED, "Ändrade behov"),
    ("behov", ChangeKind.REMOVED, "Borttagna behov"),
)


def render_markdown(diff: DataDiff, base: str) -> str:
    """The summary a pull request shows: one section per kind of change, or a line saying none."""
    sections = []
    for record_type, kind, heading in _SECTIONS:
        selected = [c for c in diff.changes if c.record_type == record_type and c.kind is kind]
        if selected:
            sections.append((heading, selected))
    return render("data_diff.md.j2", base=markup(escape.markdown_code(base)), sections=sections)
