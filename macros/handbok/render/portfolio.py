"""The portfolio overview (portfolj/index.md): key figures, the filterable table, timeline,
shared needs, what needs attention, and the export documentation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from markupsafe import Markup

from handbok.collation import sort_key
from handbok.currency import AsOf, Dated, confirmed_on
from handbok.kept import kept
from handbok.kinds import SECTION_PAGE_ROOT, SECTION_PAGE_ROOT_URL
from handbok.model import Behov, BehovStatus, Fas, Halsa, Insats, InsatsTyp, LabelledEnum, Portfolio, Status
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
from handbok.render.blocks import as_of_note, period_text, scroll_region
from handbok.render.exports import FORMAT_VERSION
from handbok.render.links import record_html_link, record_link, unit_html_links
from handbok.render.templating import markup, render
from handbok.render.timeline import render_timeline


@dataclass(frozen=True)
class CountRow:
    """One line of a key-figure table: records confirmed as current and records with older information."""

    label: str
    current: int
    older: int


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
    """The table tells confirmed and older information apart; the bar chart beside it shows totals."""
    table = render("portfolio_count_table.html.j2", caption=caption, heading=heading, rows=rows)
    totals = [(row.label, row.current + row.older) for row in rows]
    # Its own scroll region: long unit names must not widen the page at 390 px.
    return charts.with_bar_chart(f"{caption}, totalt (bekräftade och äldre uppgifter)", totals,
                                 scroll_region(table, label=caption))


def share_without_initiative(portfolio: Portfolio) -> tuple[int, int]:
    """(needs no initiative addresses, all needs)."""
    missing = sum(1 for b in portfolio.behov if not portfolio.initiatives_for_need(b))
    return missing, len(portfolio.behov)


def percent_text(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def _split_counts(records: Sequence[Dated], attribute: str, members: Iterable[LabelledEnum],
                  as_of: AsOf) -> list[CountRow]:
    """A row per member, and one for "Uppgift saknas" when any value is unknown."""
    current = Counter(getattr(r, attribute) for r in records if as_of.is_current(r))
    older = Counter(getattr(r, attribute) for r in records if not as_of.is_current(r))
    rows = [CountRow(m.label, current[m], older[m]) for m in members]
    if current[None] or older[None]:
        rows.append(CountRow(UNKNOWN_LABEL, current[None], older[None]))
    return rows


def _unit_counts(portfolio: Portfolio, as_of: AsOf) -> list[CountRow]:
    """Units with initiatives, the most initiatives first, then by name."""
    rows = []
    for unit in portfolio.enheter:
        initiatives = portfolio.initiatives_for_unit(unit)
        current = sum(1 for i in initiatives if as_of.is_current(i))
        if initiatives:
            rows.append(CountRow(unit.namn, current, len(initiatives) - current))
    return sorted(rows, key=lambda r: (-(r.current + r.older), sort_key(r.label), r.label))


def currency_summary(portfolio: Portfolio, as_of: AsOf) -> str:
    """How many records are confirmed as current, as one Swedish sentence (HTML)."""
    return render("portfolio_currency.html.j2",
                  initiatives_current=sum(1 for i in portfolio.insatser if as_of.is_current(i)),
                  initiatives=len(portfolio.insatser),
                  needs_current=sum(1 for b in portfolio.behov if as_of.is_current(b)),
                  needs=len(portfolio.behov), review_months=as_of.review_months)


def render_key_figures(portfolio: Portfolio, *, as_of: AsOf) -> str:
    insatser = portfolio.insatser
    missing, total = share_without_initiative(portfolio)
    tables = [
        _count_table("Insatser per fas", "Fas", _split_counts(insatser, "fas", Fas, as_of)),
        _count_table("Insatser per status", "Status", _split_counts(insatser, "status", Status, as_of)),
        _count_table("Insatser per hälsa", "Hälsa", _split_counts(insatser, "halsa", Halsa, as_of)),
        _count_table("Insatser per typ", "Typ", _split_counts(insatser, "typ", InsatsTyp, as_of)),
        _count_table("Behov per status", "Status",
                     _split_counts(portfolio.behov, "status", BehovStatus, as_of)),
        _count_table("Insatser per förvaltning", "Förvaltning", _unit_counts(portfolio, as_of)),
    ]
    return render("portfolio_key_figures.html.j2", initiatives=len(insatser), needs=total,
                  missing=missing, missing_share=percent_text(missing, total),
                  currency=markup(currency_summary(portfolio, as_of)),
                  tables=[markup(table) for table in tables])


_FILTERS = (
    ("forvaltning", "Förvaltning"), ("fas", "Fas"), ("status", "Status"), ("halsa", "Hälsa"),
    ("aktualitet", "Uppgifternas aktualitet"),
)
_CURRENCY_OPTIONS = [("bekraftad", "Bekräftade inom intervallet"), ("aldre", "Äldre uppgifter")]


def _filter_form(portfolio: Portfolio) -> str:
    units = sorted({u for i in portfolio.insatser for u in i.forvaltningar},
                   key=lambda u: (sort_key(u.namn), u.id))
    choices = {
        "forvaltning": [(u.id, u.namn) for u in units],
        "fas": options(list(Fas)),
        "status": options(list(Status)),
        "halsa": options(list(Halsa)),
        "aktualitet": _CURRENCY_OPTIONS,
    }
    selects = [{"name": name, "heading": heading, "choices": choices[name]} for name, heading in _FILTERS]
    return render("portfolio_filters.html.j2", selects=selects)


_COLUMNS = ("Insats", "Förvaltningar", "Fas", "Status", "Hälsa", "Period", "Senaste statusrapport",
            "Uppgifterna gäller")


def _row(insats: Insats, as_of: AsOf) -> dict[str, object]:
    """What the table row shows of one initiative (templates/portfolio_row.html.j2)."""
    known, latest, start = confirmed_on(insats), insats.latest_report, insats.period.start
    return {
        "unit_ids": " ".join(u.id for u in insats.forvaltningar),
        "link": markup(record_html_link(insats, root_url=SECTION_PAGE_ROOT_URL)),
        "fas": token(insats.fas), "status": token(insats.status), "halsa": token(insats.halsa),
        "currency": "bekraftad" if as_of.is_current(insats) else "aldre",
        "units": markup(unit_html_links(insats.forvaltningar, root_url=SECTION_PAGE_ROOT_URL)),
        "fas_rank": rank(insats.fas, list(Fas)) + 1, "fas_label": label(insats.fas),
        "status_rank": rank(insats.status, list(Status)), "status_badge": markup(status_badge(insats.status)),
        "halsa_rank": rank(insats.halsa, list(Halsa)), "health_badge": markup(health_badge(insats.halsa)),
        "start": start.first_day().isoformat() if start else "", "period": period_text(insats.period),
        "latest_report": latest.datum.isoformat() if latest else "–",
        "confirmed": known.isoformat() if known else "", "older": not as_of.is_current(insats),
        "information_date": insats.uppgifterna_galler.iso() if insats.uppgifterna_galler else "Uppgift saknas",
    }


@kept(maxsize=1 << 14)  # `make serve` renders only the rows that changed (issue 15)
def _row_html(insats: Insats, as_of: AsOf) -> Markup:
    return markup(render("portfolio_row.html.j2", row=_row(insats, as_of)))


def render_initiative_table(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """The filter form and the table, in Swedish alphabetical order as aria-sort announces."""
    table = render("portfolio_table.html.j2", columns=_COLUMNS,
                   rows=[_row_html(i, as_of) for i in by_title(portfolio.insatser)])
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


def render_attention(portfolio: Portfolio, *, as_of: AsOf) -> str:
    return render("portfolio_attention.md.j2",
                  initiatives=_flagged(portfolio.insatser, attention_reasons, as_of),
                  needs=_flagged(portfolio.behov, need_attention_reasons, as_of))


def render_portfolio_page(portfolio: Portfolio, *, as_of: AsOf) -> str:
    return render(
        "portfolio.md.j2", today=as_of.today.isoformat(), format_version=FORMAT_VERSION,
        key_figures=markup(render_key_figures(portfolio, as_of=as_of)),
        table=markup(render_initiative_table(portfolio, as_of=as_of)),
        timeline=markup(render_timeline(portfolio.insatser, as_of=as_of)),
        shared_needs=markup(render_shared_needs(portfolio, as_of=as_of)),
        attention=markup(render_attention(portfolio, as_of=as_of)))
