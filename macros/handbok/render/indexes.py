"""Section index pages listing every record: insatser/, behov/, organisation/."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from markupsafe import Markup

from handbok.currency import AsOf
from handbok.kinds import PORTFOLIO_PAGE, SECTION_PAGE_ROOT
from handbok.model import Behov, BehovStatus, Enhet, Fas, Insats, Portfolio
from handbok.render.badges import UNKNOWN_LABEL, label
from handbok.render.blocks import initiative_line, need_line
from handbok.render.links import record_link
from handbok.render.portfolio import source_span
from handbok.render.templating import markup, render

INDENT = "    "  # one level of a nested Markdown list
T = TypeVar("T")


Record = TypeVar("Record", Insats, Behov)
Value = TypeVar("Value", Fas, BehovStatus)


def _groups(records: Iterable[Record], values: Iterable[Value], value_of: Callable[[Record], Value | None],
            unknown: tuple[str, str], line: Callable[[Record], T]) -> list[tuple[str, str, list[T]]]:
    """(heading, anchor, lines) per value that some record has, in order (L8: no empty sections)."""
    ordered = sorted(records, key=lambda r: r.id)
    steps: list[tuple[Value | None, str, str]] = [(v, v.label, v.value) for v in values]
    steps.append((None, *unknown))
    groups = []
    for value, heading, anchor in steps:
        members = [r for r in ordered if value_of(r) is value]
        if members:
            groups.append((heading, anchor, [line(r) for r in members]))
    return groups


def render_initiative_index(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """Initiatives by step of the process model; an unknown step only when some have none."""
    groups = _groups(portfolio.insatser, Fas, lambda i: i.fas,
                     ("Steg okänt", "fas-saknas"),
                     lambda i: markup(initiative_line(i, as_of, root=SECTION_PAGE_ROOT)))
    return render("index_insatser.md.j2", count=len(portfolio.insatser), steps=groups,
                  portfolio_link=SECTION_PAGE_ROOT + PORTFOLIO_PAGE)


def render_need_index(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """Needs by status; an unknown status only when some have none."""
    groups = _groups(portfolio.behov, BehovStatus, lambda b: b.status,
                     (f"Status: {UNKNOWN_LABEL.lower()}", "status-saknas"),
                     lambda b: (markup(need_line(b, as_of, root=SECTION_PAGE_ROOT)), b.is_shared))
    return render("index_behov.md.j2", count=len(portfolio.behov), statuses=groups,
                  span=source_span(portfolio.behov))


def _tree(units: list[Enhet], portfolio: Portfolio) -> list[tuple[Markup, Markup, str | None]]:
    """(indent, link, type) depth-first, with an explicit stack: a long chain of units must not
    recurse (issue 14)."""
    lines = []
    stack = [(unit, 0) for unit in sorted(units, key=lambda u: u.id, reverse=True)]
    while stack:
        unit, level = stack.pop()
        lines.append((markup(INDENT * level), markup(record_link(unit, root=SECTION_PAGE_ROOT)),
                      label(unit.typ) if unit.typ else None))
        children = sorted(portfolio.children_of(unit), key=lambda u: u.id, reverse=True)
        stack += [(child, level + 1) for child in children]
    return lines


def render_unit_index(portfolio: Portfolio) -> str:
    known = {u.id for u in portfolio.enheter}
    roots = [u for u in portfolio.enheter if u.overordnad_id not in known]
    organisations = {portfolio.organisation_of(u).id for u in portfolio.enheter}
    return render("index_organisation.md.j2", count=len(portfolio.enheter), tree=_tree(roots, portfolio),
                  organisations=len(organisations), span=source_span(portfolio.enheter))
