"""The portfolio overview (portfolj/index.md): key figures, the filterable table, timeline,
shared needs, what needs attention, and the export documentation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from markupsafe import Markup

from handbok.collation import sort_key
from handbok.currency import AsOf, confirmed_on
from handbok.kept import kept
from handbok.kinds import SECTION_PAGE_ROOT, SECTION_PAGE_ROOT_URL
from handbok.model import (
    Behov,
    BehovStatus,
    Enhet,
    EnhetTyp,
    Fas,
    Halsa,
    Insats,
    InsatsTyp,
    LabelledEnum,
    Portfolio,
    Status,
)
from handbok.render import charts
from handbok.render.attention import attention_reasons, need_attention_reasons
from handbok.render.badges import (
    UNKNOWN_LABEL,
    health_badge,
    label,
    need_status_badge,
    options,
    rank,
    status_badge,
    token,
)
from handbok.render.blocks import as_of_note, organisation_text, period_text, scroll_region
from handbok.render.exports import FORMAT_VERSION
from handbok.render.links import record_html_link, record_link, unit_html_links
from handbok.render.templating import markup, render
from handbok.render.timeline import render_timeline


@dataclass(frozen=True)
class CountRow:
    """One line of a key-figure table: how many records confirmed as current have the value.

    Older information is never added in (issue 24: no "Totalt" of confirmed and older values).
    """

    label: str
    count: int


class _Titled(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def titel(self) -> str: ...


T = TypeVar("T", bound=_Titled)
R = TypeVar("R", Insats, Behov)


def by_title(records: Iterable[T]) -> list[T]:
    """Records in Swedish alphabetical order of their title (the table script's order), then id."""
    return sorted(records, key=lambda r: (sort_key(r.titel), r.id))


def _count_table(caption: str, heading: str, rows: list[CountRow]) -> str:
    """The table of confirmed records and the bar chart beside it."""
    table = render("portfolio_count_table.html.j2", caption=caption, heading=heading, rows=rows)
    # Its own scroll region: long unit names must not widen the page at 390 px.
    return charts.with_bar_chart(caption, [(row.label, row.count) for row in rows],
                                 scroll_region(table, label=caption))


def share_without_initiative(portfolio: Portfolio) -> tuple[int, int]:
    """(needs no initiative addresses, all needs)."""
    missing = sum(1 for b in portfolio.behov if not portfolio.initiatives_for_need(b))
    return missing, len(portfolio.behov)


def percent_text(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def _counts(records: Sequence[R], attribute: str, members: Iterable[LabelledEnum]) -> list[CountRow]:
    """A row per member, and one for "Uppgift saknas" when any value is unknown."""
    counted = Counter(getattr(r, attribute) for r in records)
    rows = [CountRow(m.label, counted[m]) for m in members]
    if counted[None]:
        rows.append(CountRow(UNKNOWN_LABEL, counted[None]))
    return rows


def _organisation_counts(portfolio: Portfolio, insatser: Sequence[Insats]) -> list[CountRow]:
    """Organisations with initiatives, the most first, then by name."""
    counted = Counter(o.namn for i in insatser for o in portfolio.organisations_of(i))
    return sorted((CountRow(name, n) for name, n in counted.items()),
                  key=lambda r: (-r.count, sort_key(r.label), r.label))


def source_span(records: Sequence[Insats | Behov | Enhet]) -> str:
    """'källor från 2017–2021', with 'och en källa utan datum' when some source has no date."""
    dated = {r.kalla.id: r.uppgifterna_galler.year for r in records if r.uppgifterna_galler is not None}
    undated = len({r.kalla.id for r in records if r.uppgifterna_galler is None})
    parts = []
    if dated:
        years = sorted(dated.values())
        span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
        parts.append(f"{'en källa' if len(dated) == 1 else 'källor'} från {span}")
    if undated:
        parts.append("en källa utan datum" if undated == 1 else f"{undated} källor utan datum")
    return " och ".join(parts)


def currency_summary(portfolio: Portfolio, as_of: AsOf) -> str:
    """How many records are confirmed as current, as one plain Swedish sentence (HTML)."""
    older = [r for r in portfolio.records if not as_of.is_current(r)]
    return render("portfolio_currency.html.j2",
                  initiatives_current=sum(1 for i in portfolio.insatser if as_of.is_current(i)),
                  initiatives=len(portfolio.insatser),
                  needs_current=sum(1 for b in portfolio.behov if as_of.is_current(b)),
                  needs=len(portfolio.behov), review_months=as_of.review_months,
                  span=source_span(older), ever_confirmed=any(r.senast_granskad for r in older))


def render_key_figures(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """A plain sentence while nothing is confirmed; tables and charts of the confirmed records only."""
    current = [i for i in portfolio.insatser if as_of.is_current(i)]
    current_needs = [b for b in portfolio.behov if as_of.is_current(b)]
    missing, total = share_without_initiative(portfolio)
    tables = [] if not current else [
        _count_table("Bekräftade insatser per organisation", "Organisation",
                     _organisation_counts(portfolio, current)),
        _count_table("Bekräftade insatser per fas", "Fas", _counts(current, "fas", Fas)),
        _count_table("Bekräftade insatser per status", "Status", _counts(current, "status", Status)),
        _count_table("Bekräftade insatser per läge", "Läge", _counts(current, "halsa", Halsa)),
        _count_table("Bekräftade insatser per typ", "Typ", _counts(current, "typ", InsatsTyp)),
    ]
    if current_needs:
        tables.append(_count_table("Bekräftade behov per status", "Status",
                                   _counts(current_needs, "status", BehovStatus)))
    return render("portfolio_key_figures.html.j2", needs=total, missing=missing,
                  currency=markup(currency_summary(portfolio, as_of)),
                  tables=[markup(table) for table in tables])


_FILTERS = (
    ("organisation", "Organisation"), ("forvaltning", "Förvaltning"), ("fas", "Fas"), ("status", "Status"),
    ("halsa", "Läge"),
    ("aktualitet", "Uppgifternas aktualitet"),
)
_CURRENCY_OPTIONS = [("bekraftad", "Bekräftade inom intervallet"), ("aldre", "Äldre uppgifter")]


def _filter_form(portfolio: Portfolio) -> str:
    units = sorted({u for i in portfolio.insatser for u in i.forvaltningar},
                   key=lambda u: (sort_key(u.namn), u.id))
    organisations = sorted({o for i in portfolio.insatser for o in portfolio.organisations_of(i)},
                           key=lambda o: (sort_key(o.namn), o.id))
    choices = {
        "organisation": [(o.id, o.namn) for o in organisations],
        "forvaltning": [(u.id, u.namn) for u in units],
        "fas": options(list(Fas)),
        "status": options(list(Status)),
        "halsa": options(list(Halsa)),
        "aktualitet": _CURRENCY_OPTIONS,
    }
    selects = [{"name": name, "heading": heading, "choices": choices[name]} for name, heading in _FILTERS]
    return render("portfolio_filters.html.j2", selects=selects)


_COLUMNS = ("Insats", "Organisation", "Förvaltningar", "Fas", "Status", "Läge", "Period",
            "Senaste statusrapport", "Uppgifterna gäller")


def _row(insats: Insats, organisations: tuple[Enhet, ...], as_of: AsOf) -> dict[str, object]:
    """What the table row shows of one initiative (templates/portfolio_row.html.j2)."""
    known, latest, start = confirmed_on(insats), insats.latest_report, insats.period.start
    return {
        "organisation_ids": " ".join(o.id for o in organisations),
        "organisations": markup(organisation_text(organisations, root_url=SECTION_PAGE_ROOT_URL)),
        "unit_ids": " ".join(u.id for u in insats.forvaltningar),
        "link": markup(record_html_link(insats, root_url=SECTION_PAGE_ROOT_URL)),
        "fas": token(insats.fas), "status": token(insats.status), "halsa": token(insats.halsa),
        "currency": "bekraftad" if as_of.is_current(insats) else "aldre",
        "units": markup(unit_html_links(insats.forvaltningar, root_url=SECTION_PAGE_ROOT_URL)),
        "fas_rank": rank(insats.fas, list(Fas)) + 1, "fas_label": label(insats.fas),
        "status_rank": rank(insats.status, list(Status)), "status_badge": markup(status_badge(insats.status)),
        # A status is never shown bare while unconfirmed (C2): "(obekräftat, källa från 2017)".
        "status_note": markup(as_of_note(insats, as_of)) if insats.status is not None else "",
        "halsa_rank": rank(insats.halsa, list(Halsa)), "health_badge": markup(health_badge(insats.halsa)),
        "start": start.first_day().isoformat() if start else "", "period": period_text(insats.period),
        "latest_report": latest.datum.isoformat() if latest else "–",
        "confirmed": known.isoformat() if known else "", "older": not as_of.is_current(insats),
        "information_date": (insats.uppgifterna_galler.iso() if insats.uppgifterna_galler
                             else "Källan anger inget datum"),
        "reviewed": insats.senast_granskad.isoformat() if insats.senast_granskad else None,
    }


@kept(maxsize=1 << 14)  # `make serve` renders only the rows that changed (issue 15)
def _row_html(insats: Insats, organisations: tuple[Enhet, ...], as_of: AsOf) -> Markup:
    return markup(render("portfolio_row.html.j2", row=_row(insats, organisations, as_of)))


def render_initiative_table(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """The filter form and the table, in Swedish alphabetical order as aria-sort announces."""
    table = render("portfolio_table.html.j2", columns=_COLUMNS,
                   rows=[_row_html(i, portfolio.organisations_of(i), as_of)
                         for i in by_title(portfolio.insatser)])
    return render("portfolio_block.html.j2", filters=markup(_filter_form(portfolio)),
                  table=markup(scroll_region(table, label="Alla insatser")))


def _shared_need(need: Behov, portfolio: Portfolio, as_of: AsOf) -> dict[str, object]:
    joint = [i for i in portfolio.initiatives_for_need(need) if len(i.forvaltningar) >= 2]
    return {"link": markup(record_link(need, root=SECTION_PAGE_ROOT)),
            "units": [u.namn for u in need.forvaltningar],
            "status_badge": markup(need_status_badge(need.status)),
            "as_of_note": markup(as_of_note(need, as_of)), "joint": len(joint)}


def render_shared_needs(portfolio: Portfolio, *, as_of: AsOf) -> str:
    shared = by_title(b for b in portfolio.behov if b.is_shared)
    return render("portfolio_shared_needs.md.j2",
                  needs=[_shared_need(need, portfolio, as_of) for need in shared])


def _flagged(records: Iterable[R], reasons_of: Callable[[R, AsOf], list[str]],
             as_of: AsOf) -> list[dict[str, object]]:
    found = ((r, reasons_of(r, as_of)) for r in sorted(records, key=lambda r: r.id))
    return [{"link": markup(record_link(r, root=SECTION_PAGE_ROOT)), "reasons": reasons}
            for r, reasons in found if reasons]


@dataclass(frozen=True)
class Origin:
    """One organisation's records in the portfolio: how many, how many confirmed, from when."""

    organisation: Enhet
    initiatives: int
    needs: int
    confirmed: int
    span: str


def origins(portfolio: Portfolio, as_of: AsOf, *, unconfirmed_only: bool = False) -> list[Origin]:
    """Per organisation (in Swedish order of name) its records, or only those that wait for an
    editor: not current and never confirmed (a stale confirmation is listed record by record)."""
    grouped: dict[str, list[Insats | Behov]] = {}
    by_id: dict[str, Enhet] = {}
    for record in portfolio.records:
        if unconfirmed_only and (record.senast_granskad is not None or as_of.is_current(record)):
            continue
        for organisation in portfolio.organisations_of(record):
            grouped.setdefault(organisation.id, []).append(record)
            by_id[organisation.id] = organisation
    result = [Origin(by_id[key], sum(isinstance(r, Insats) for r in records),
                     sum(isinstance(r, Behov) for r in records),
                     sum(1 for r in records if as_of.is_current(r)), source_span(records))
              for key, records in grouped.items()]
    return sorted(result, key=lambda o: (sort_key(o.organisation.namn), o.organisation.id))


def _origin_item(origin: Origin) -> dict[str, object]:
    return {"link": markup(record_link(origin.organisation, root=SECTION_PAGE_ROOT)),
            "initiatives": origin.initiatives, "needs": origin.needs, "confirmed": origin.confirmed,
            "span": origin.span, "region_unknown": origin.organisation.typ is not EnhetTyp.REGION}


def render_origins(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """Where the portfolio's records come from, per organisation, and how many are confirmed."""
    items = [_origin_item(o) for o in origins(portfolio, as_of)]
    confirmed = sum(1 for r in portfolio.records if as_of.is_current(r))
    return render("portfolio_origins.md.j2", items=items, confirmed=confirmed,
                  records=len(portfolio.records), review_months=as_of.review_months,
                  ever_confirmed=any(r.senast_granskad for r in portfolio.records))


def render_attention(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """Real signals record by record; records no editor has confirmed in one line per organisation."""
    return render("portfolio_attention.md.j2",
                  initiatives=_flagged(portfolio.insatser, attention_reasons, as_of),
                  needs=_flagged(portfolio.behov, need_attention_reasons, as_of),
                  waiting=[_origin_item(o) for o in origins(portfolio, as_of, unconfirmed_only=True)])


def render_portfolio_page(portfolio: Portfolio, *, as_of: AsOf) -> str:
    return render(
        "portfolio.md.j2", today=as_of.today.isoformat(), format_version=FORMAT_VERSION,
        origins=markup(render_origins(portfolio, as_of=as_of)),
        key_figures=markup(render_key_figures(portfolio, as_of=as_of)),
        table=markup(render_initiative_table(portfolio, as_of=as_of)),
        timeline=markup(render_timeline(portfolio.insatser, as_of=as_of)),
        shared_needs=markup(render_shared_needs(portfolio, as_of=as_of)),
        attention=markup(render_attention(portfolio, as_of=as_of)))
