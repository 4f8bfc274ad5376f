"""The handbook's domain model: frozen records with references resolved to objects.

YAML field names and enum values are lowercase ASCII (what editors type and URLs use);
`label` gives the Swedish text shown to readers.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import KW_ONLY, dataclass, field, fields
from enum import Enum
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from handbok.kinds import BEHOV, ENHET, INSATS


class LabelledEnum(Enum):
    """An enum whose value is the YAML/URL token and whose `label` is the Swedish display text."""

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        return member

    # Declared for type checkers, which cannot see what a custom `__new__` stores in `_value_`.
    value: str
    label: str


E = TypeVar("E", bound=Enum)


def member(enum: type[E], value: str) -> E:
    """The member of `enum` whose value is `value`; raises ValueError for an unknown value.

    Same as `enum(value)`. Type checkers read that call against LabelledEnum's two-argument
    `__new__` (python/mypy#10573), though after class creation Enum looks the value up instead.
    """
    return enum(value)


class Fas(LabelledEnum):
    """The four steps of the process model, in order; values are the step pages' slugs."""

    TA_EMOT_ARENDE = ("ta-emot-arende", "Ta emot ärende")
    BEREDA = ("bereda", "Bereda")
    INFORA = ("infora", "Införa")
    FORVALTA_OCH_FOLJA_UPP = ("forvalta-och-folja-upp", "Förvalta och följa upp")

    @property
    def url(self) -> str:
        return f"process/{self.value}/"


class Status(LabelledEnum):
    PLANERAD = ("planerad", "Planerad")
    PAGAR = ("pagar", "Pågår")
    PAUSAD = ("pausad", "Pausad")
    AVSLUTAD = ("avslutad", "Avslutad")


class Halsa(LabelledEnum):
    """How an initiative keeps to its plan ("Läge"); anything but ENLIGT_PLAN needs a comment.

    Labels that cannot be read as patients' health or a Lex Maria report (issue 24, L10).
    """

    ENLIGT_PLAN = ("enligt-plan", "Enligt plan")
    RISK = ("risk", "Risk för avvikelse från planen")
    ALLVARLIG_AVVIKELSE = ("allvarlig-avvikelse", "Allvarlig avvikelse från planen")


HALSA_HEADING = "Läge"  # the field's name on pages; the data key stays `halsa`

# The values a record's `citat` may quote its source for (issue 24), with their Swedish names.
QUOTED_FIELDS = {"typ": "typ", "fas": "fas", "status": "status", "halsa": "läge", "period": "period"}


class InsatsTyp(LabelledEnum):
    FLERA_FORVALTNINGAR = ("flera-forvaltningar", "Gemensam för flera förvaltningar")
    FORVALTNINGSSPECIFIK = ("forvaltningsspecifik", "Förvaltningsspecifik")
    REGIONGEMENSAM = ("regiongemensam", "Regiongemensam")


class Rapportintervall(LabelledEnum):
    """Agreed reporting interval; `days` is when the latest report counts as stale."""

    VECKOVIS = ("veckovis", "Varje vecka")
    VARANNAN_VECKA = ("varannan-vecka", "Varannan vecka")
    MANADSVIS = ("manadsvis", "Varje månad")
    TERTIALVIS = ("tertialvis", "Varje tertial")
    HALVARSVIS = ("halvarsvis", "Varje halvår")
    ARSVIS = ("arsvis", "Varje år")

    @property
    def days(self) -> int:
        return {"veckovis": 7, "varannan-vecka": 14, "manadsvis": 31,
                "tertialvis": 123, "halvarsvis": 184, "arsvis": 366}[self.value]


class Finansieringskalla(LabelledEnum):
    OMSTALLNINGSFONDEN = ("omstallningsfonden", "Omställningsfonden")
    FOREBYGGANDE_MEDEL = ("forebyggande-medel", "Förebyggande medel (KOM-KR)")
    EGEN_BUDGET = ("egen-budget", "Egen budget")
    STATSBIDRAG = ("statsbidrag", "Statsbidrag")
    PROFESSIONSMILJARDEN = ("professionsmiljarden", "Professionsmiljarden")
    OFINANSIERAD = ("ofinansierad", "Ingen särskild finansiering – ska rymmas i befintlig budget")


class BehovStatus(LabelledEnum):
    IDENTIFIERAT = ("identifierat", "Identifierat")
    ATGARDAS = ("atgardas", "Åtgärdas")
    TILLGODOSETT = ("tillgodosett", "Tillgodosett")


class Prioritet(LabelledEnum):
    HOG = ("hog", "Hög")
    MEDEL = ("medel", "Medel")
    LAG = ("lag", "Låg")


class EnhetTyp(LabelledEnum):
    REGION = ("region", "Region")
    FORVALTNING = ("forvaltning", "Förvaltning")
    SJUKHUS = ("sjukhus", "Sjukhus")
    REGIONOMRADE = ("regionomrade", "Regionområde")
    AMBULANSVERKSAMHET = ("ambulansverksamhet", "Ambulansverksamhet")
    STAB = ("stab", "Stab")
    AVDELNING = ("avdelning", "Avdelning")
    OMRADE = ("omrade", "Område")
    NATVERK = ("natverk", "Nätverk eller arbetsgrupp")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as the source gives it: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raises ValueError for anything else."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
            raise ValueError(f"not a (partial) ISO date: {text!r}")
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            dt.date(*numbers)  # raises for impossible dates such as 2023-02-30
        elif len(numbers) == 2 and not 1 <= numbers[1] <= 12:
            raise ValueError(f"month out of range: {text!r}")
        return cls(*numbers)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def _kept_hash(record: Any) -> int:
    """The hash dataclasses would compute (of the compared fields), computed once per record.

    Pages are cached per record (render/*), so records are hashed on every lookup, and a
    record's hash covers the records it refers to; records are frozen, so it never changes.
    """
    kept: int | None = record.__dict__.get("_hash")
    if kept is None:
        kept = hash(tuple(getattr(record, f.name) for f in fields(record) if f.compare))
        object.__setattr__(record, "_hash", kept)
    return kept


@dataclass(frozen=True)
class Period:
    start: PartialDate | None = None
    slut: PartialDate | None = None


@dataclass(frozen=True)
class SourceRef:
    """Where a record's facts come from (source file path for the edit link, line of `id`)."""

    path: str
    line: int = 1


Quotes = tuple[tuple[str, str], ...]
"""(field, the sentence from the source the value rests on), as the record's `citat` gives them."""


def quote_for(quotes: Quotes, field_name: str) -> str | None:
    return next((text for name, text in quotes if name == field_name), None)


@dataclass(frozen=True)
class Kalla:
    """A source document the handbook's facts are traceable to."""

    __hash__ = _kept_hash

    id: str
    titel: str
    utgivare: str
    beskrivning: str
    ar: str | None = None
    source: SourceRef | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Enhet:
    """An organisation unit (förvaltning, sjukhus, regionområde, ambulansverksamhet …)."""

    __hash__ = _kept_hash

    id: str
    namn: str
    kalla: Kalla
    _: KW_ONLY
    typ: EnhetTyp | None = None  # None: the source does not say (issue 12)
    uppgifterna_galler: PartialDate | None = None  # None: the source gives no date at all
    senast_granskad: dt.date | None = None
    overordnad_id: str | None = None
    region_id: str | None = None
    beskrivning: str = ""
    tidigare_id: tuple[str, ...] = ()
    source: SourceRef | None = field(default=None, compare=False)

    @property
    def url(self) -> str:
        return ENHET.page_url(self.id)


@dataclass(frozen=True)
class Behov:
    """A competence or development need identified by one or more units."""

    __hash__ = _kept_hash

    id: str
    titel: str
    beskrivning: str
    malgrupp: str
    forvaltningar: tuple[Enhet, ...]
    kalla: Kalla
    _: KW_ONLY
    uppgifterna_galler: PartialDate | None = None  # None: the source gives no date (issue 24)
    status: BehovStatus | None = None  # None: the source does not say (issue 12)
    citat: Quotes = ()
    senast_granskad: dt.date | None = None  # None: no editor has confirmed the record
    prioritet: Prioritet | None = None
    kostnad_kr: int | None = None
    tidigare_id: tuple[str, ...] = ()
    source: SourceRef | None = field(default=None, compare=False)

    @property
    def url(self) -> str:
        return BEHOV.page_url(self.id)

    @property
    def is_shared(self) -> bool:
        """'Gemensamt behov': identified by two or more units."""
        return len(self.forvaltningar) >= 2


@dataclass(frozen=True)
class Finansiering:
    kalla: Finansieringskalla
    belopp_kr: int | None = None
    kommentar: str = ""


@dataclass(frozen=True)
class Risk:
    beskrivning: str
    sannolikhet: int
    konsekvens: int
    atgard: str = ""

    @property
    def varde(self) -> int:
        """Risk value = probability × consequence (1–16), as in the VGR risk model."""
        return self.sannolikhet * self.konsekvens


@dataclass(frozen=True)
class Statusrapport:
    datum: dt.date
    halsa: Halsa
    text: str


@dataclass(frozen=True)
class Insats:
    """An initiative: a change or competence effort in the portfolio."""

    __hash__ = _kept_hash

    id: str
    titel: str
    sammanfattning: str
    forvaltningar: tuple[Enhet, ...]
    kalla: Kalla
    _: KW_ONLY
    uppgifterna_galler: PartialDate | None = None  # None: the source gives no date (issue 24)
    citat: Quotes = ()
    # None: the source does not say (issues 4 and 12); shown as "Uppgift saknas".
    typ: InsatsTyp | None = None
    fas: Fas | None = None
    status: Status | None = None
    halsa: Halsa | None = None
    senast_granskad: dt.date | None = None  # None: no editor has confirmed the record
    halsokommentar: str = ""
    beskrivning: str = ""
    behov: tuple[Behov, ...] = ()
    uppdragsagare: str = ""
    projektledare: str = ""
    period: Period = Period()
    finansiering: Finansiering | None = None
    effektmal: tuple[str, ...] = ()
    risker: tuple[Risk, ...] = ()
    statusrapporter: tuple[Statusrapport, ...] = ()
    rapportintervall: Rapportintervall | None = None
    tidigare_id: tuple[str, ...] = ()
    source: SourceRef | None = field(default=None, compare=False)

    @property
    def url(self) -> str:
        return INSATS.page_url(self.id)

    @property
    def latest_report(self) -> Statusrapport | None:
        return max(self.statusrapporter, key=lambda r: r.datum, default=None)


class _ById(NamedTuple):
    """The records by id, per kind that other records refer to."""

    insats: dict[str, Insats]
    behov: dict[str, Behov]
    enhet: dict[str, Enhet]


class _Reverse(NamedTuple):
    """Reverse references by the referred record's id."""

    need: dict[str, tuple[Insats, ...]]
    unit_insats: dict[str, tuple[Insats, ...]]
    unit_behov: dict[str, tuple[Behov, ...]]
    children: dict[str, tuple[Enhet, ...]]


@dataclass(frozen=True)
class Portfolio:
    """All validated records, sorted by id, with the reverse lookups pages need."""

    def __repr__(self) -> str:
        # Short on purpose: mkdocs-macros serialises its variables (and so this) on every build.
        return f"Portfolio({len(self.insatser)} insatser, {len(self.behov)} behov, {len(self.enheter)} enheter)"

    insatser: tuple[Insats, ...]
    behov: tuple[Behov, ...]
    enheter: tuple[Enhet, ...]
    kallor: tuple[Kalla, ...]

    @cached_property
    def _by_id(self) -> _ById:
        return _ById(insats={i.id: i for i in self.insatser}, behov={b.id: b for b in self.behov},
                     enhet={e.id: e for e in self.enheter})

    @cached_property
    def _reverse(self) -> _Reverse:
        """Reverse references computed once, so every page lookup is O(1) (build stays linear)."""
        by_need: dict[str, list[Insats]] = {}
        by_unit_insats: dict[str, list[Insats]] = {}
        for insats in self.insatser:
            for need in insats.behov:
                by_need.setdefault(need.id, []).append(insats)
            for unit in insats.forvaltningar:
                by_unit_insats.setdefault(unit.id, []).append(insats)
        by_unit_behov: dict[str, list[Behov]] = {}
        for need in self.behov:
            for unit in need.forvaltningar:
                by_unit_behov.setdefault(unit.id, []).append(need)
        children: dict[str, list[Enhet]] = {}
        for unit in self.enheter:
            if unit.overordnad_id is not None:
                children.setdefault(unit.overordnad_id, []).append(unit)
        return _Reverse(
            need={k: tuple(v) for k, v in by_need.items()},
            unit_insats={k: tuple(v) for k, v in by_unit_insats.items()},
            unit_behov={k: tuple(v) for k, v in by_unit_behov.items()},
            children={k: tuple(v) for k, v in children.items()},
        )

    @property
    def records(self) -> tuple[Insats | Behov, ...]:
        """The initiatives, then the needs."""
        return (*self.insatser, *self.behov)

    def insats(self, record_id: str) -> Insats:
        return self._by_id.insats[record_id]

    def behov_by_id(self, record_id: str) -> Behov:
        return self._by_id.behov[record_id]

    def enhet(self, record_id: str) -> Enhet:
        return self._by_id.enhet[record_id]

    def initiatives_for_need(self, need: Behov) -> tuple[Insats, ...]:
        return self._reverse.need.get(need.id, ())

    def initiatives_for_unit(self, unit: Enhet) -> tuple[Insats, ...]:
        return self._reverse.unit_insats.get(unit.id, ())

    def needs_for_unit(self, unit: Enhet) -> tuple[Behov, ...]:
        return self._reverse.unit_behov.get(unit.id, ())

    def children_of(self, unit: Enhet) -> tuple[Enhet, ...]:
        return self._reverse.children.get(unit.id, ())

    def parent_of(self, unit: Enhet) -> Enhet | None:
        if unit.overordnad_id is None:
            return None
        return self.enhet(unit.overordnad_id)

    def organisation_of(self, unit: Enhet) -> Enhet:
        """The region (or equivalent) a unit belongs to: its `region`, else the top of its tree.

        Regionhälsan tops its own tree: its source does not name its region (issue 24).
        """
        if unit.region_id is not None:
            return self.enhet(unit.region_id)
        top = unit
        while (parent := self.parent_of(top)) is not None:  # validation rules out cycles
            top = parent
        return top

    def organisations_of(self, record: Insats | Behov) -> tuple[Enhet, ...]:
        """The organisations of a record's units, once each, in the order the units come."""
        found = {self.organisation_of(unit).id: self.organisation_of(unit) for unit in record.forvaltningar}
        return tuple(found.values())
