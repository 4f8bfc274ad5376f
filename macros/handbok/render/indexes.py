"""Section index pages listing every record: insatser/, behov/, organisation/."""

from __future__ import annotations

from markupsafe import Markup

from handbok.currency import AsOf
from handbok.kinds import PORTFOLIO_PAGE, SECTION_PAGE_ROOT
from handbok.model import BehovStatus, Enhet, Fas, Portfolio
from handbok.render.badges import UNKNOWN_LABEL, label
from handbok.render.blocks import initiative_line, need_line
from handbok.render.links import record_link
from handbok.render.templating import markup, render

INDENT = "    "  # one level of a nested Markdown list


def render_initiative_index(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """Initiatives by step of the process model; an unknown step only when some have none."""
    steps: list[tuple[Fas | None, str, str]] = [(fas, fas.label, fas.value) for fas in Fas]
    steps.append((None, f"Steg: {UNKNOWN_LABEL.lower()}", "fas-saknas"))
    groups = []
    for fas, heading, anchor in steps:
        in_step = sorted((i for i in portfolio.insatser if i.fas is fas), key=lambda i: i.id)
        if fas is not None or in_step:
            lines = [markup(initiative_line(i, as_of, root=SECTION_PAGE_ROOT)) for i in in_step]
            groups.append((heading, anchor, lines))
    return render("index_insatser.md.j2", count=len(portfolio.insatser), steps=groups,
                  portfolio_link=SECTION_PAGE_ROOT + PORTFOLIO_PAGE)


def render_need_index(portfolio: Portfolio, *, as_of: AsOf) -> str:
    """Needs by status; an unknown status only when some have none."""
    statuses: list[tuple[BehovStatus | None, str, str]] = [(s, s.label, s.value) for s in BehovStatus]
    statuses.append((None, f"Status: {UNKNOWN_LABEL.lower()}", "status-saknas"))
    groups = []
    for status, heading, anchor in statuses:
        needs = sorted((b for b in portfolio.behov if b.status is status), key=lambda b: b.id)
        if status is not None or needs:
            lines = [(markup(need_line(b, as_of, root=SECTION_PAGE_ROOT)), b.is_shared) for b in needs]
            groups.append((heading, anchor, lines))
    return render("index_behov.md.j2", count=len(portfolio.behov), statuses=groups)


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
    return render("index_organisation.md.j2", count=len(portfolio.enheter), tree=_tree(roots, portfolio))
