"""Section index pages listing every record: insatser/, behov/, organisation/."""

from __future__ import annotations

from handbok.currency import AsOf
from handbok.model import BehovStatus, Enhet, Fas, Portfolio
from handbok.render.badges import UNKNOWN_LABEL, health_badge, need_status_badge, status_badge
from handbok.render.blocks import as_of_note
from handbok.render.links import record_link

ROOT = "../"


def render_initiative_index(portfolio: Portfolio, *, as_of: AsOf) -> str:
    parts = ["# Insatser",
             f"Portföljen har {len(portfolio.insatser)} insatser, här ordnade efter steg i "
             "processmodellen enligt senast kända uppgifter. "
             "[Portföljöversikten](../portfolj/index.md) går att filtrera och sortera."]
    steps: list[tuple[Fas | None, str, str]] = [(fas, fas.label, fas.value) for fas in Fas]
    steps.append((None, f"Steg: {UNKNOWN_LABEL.lower()}", "fas-saknas"))
    for fas, heading, anchor in steps:
        in_step = sorted((i for i in portfolio.insatser if i.fas is fas), key=lambda i: i.id)
        if fas is None and not in_step:
            continue
        parts.append(f"## {heading} {{#{anchor}}}")
        parts.append("\n".join(
            f"- {record_link(i, root=ROOT)} – {status_badge(i.status)}, {health_badge(i.halsa)}"
            f"{as_of_note(i, as_of)}" for i in in_step) or "Inga insatser i det här steget.")
    return "\n\n".join(parts) + "\n"


def render_need_index(portfolio: Portfolio, *, as_of: AsOf) -> str:
    parts = ["# Behov",
             f"{len(portfolio.behov)} behov som förvaltningarna har identifierat, ordnade efter "
             "status enligt senast kända uppgifter."]
    statuses: list[tuple[BehovStatus | None, str, str]] = [(s, s.label, s.value) for s in BehovStatus]
    statuses.append((None, f"Status: {UNKNOWN_LABEL.lower()}", "status-saknas"))
    for status, heading, anchor in statuses:
        needs = sorted((b for b in portfolio.behov if b.status is status), key=lambda b: b.id)
        if status is None and not needs:
            continue
        parts.append(f"## {heading} {{#{anchor}}}")
        parts.append("\n".join(
            f"- {record_link(b, root=ROOT)} – {need_status_badge(b.status)}{as_of_note(b, as_of)}"
            + (" · Gemensamt behov" if b.is_shared else "")
            for b in needs) or "Inga behov med den här statusen.")
    return "\n\n".join(parts) + "\n"


def _tree(units: list[Enhet], portfolio: Portfolio, depth: int) -> list[str]:
    """Depth-first, with an explicit stack: a long chain of units must not recurse (issue 14)."""
    lines = []
    stack = [(unit, depth) for unit in sorted(units, key=lambda u: u.id, reverse=True)]
    while stack:
        unit, level = stack.pop()
        kind = f" ({unit.typ.label})" if unit.typ else ""
        lines.append(f"{'    ' * level}- {record_link(unit, root=ROOT)}{kind}")
        children = sorted(portfolio.children_of(unit), key=lambda u: u.id, reverse=True)
        stack += [(child, level + 1) for child in children]
    return lines


def render_unit_index(portfolio: Portfolio) -> str:
    known = {u.id for u in portfolio.enheter}
    roots = [u for u in portfolio.enheter if u.overordnad_id not in known]
    body = "\n".join(_tree(roots, portfolio, 0)) or "Inga enheter registrerade."
    return (f"# Organisation\n\nDe {len(portfolio.enheter)} organisatoriska enheter som insatser "
            f"och behov hör till, ordnade som i organisationen.\n\n{body}\n")
