"""Status, health and phase shown as text plus an icon, never by colour alone.

A value the source does not give is None and shows as "Uppgift saknas", with its own token for
filters and CSS (issue 12).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from handbok.model import BehovStatus, Halsa, LabelledEnum, Status
from handbok.render.templating import fragment

UNKNOWN_TOKEN = "saknas"
UNKNOWN_LABEL = "Uppgift saknas"

_HEALTH_ICONS = {Halsa.ENLIGT_PLAN: "✔", Halsa.RISK: "▲", Halsa.ALLVARLIG_AVVIKELSE: "✖"}
_STATUS_ICONS = {Status.PLANERAD: "○", Status.PAGAR: "►", Status.PAUSAD: "‖", Status.AVSLUTAD: "■"}
_NEED_ICONS = {BehovStatus.IDENTIFIERAT: "○", BehovStatus.ATGARDAS: "►",
               BehovStatus.TILLGODOSETT: "✔"}
_UNKNOWN_ICON = "–"
_ICONS: dict[str, dict[Any, str]] = {"halsa": _HEALTH_ICONS, "status": _STATUS_ICONS, "behovstatus": _NEED_ICONS}


@cache  # a few dozen distinct badges, each on hundreds of pages
def _badge(kind: str, member: LabelledEnum | None) -> str:
    icon = _ICONS[kind][member] if member is not None else _UNKNOWN_ICON
    return fragment("_partials/badge.html.j2", kind=kind, token=token(member), icon=icon,
                    label=label(member))


def token(member: LabelledEnum | None) -> str:
    """The filter/CSS token; an unknown value gets its own token."""
    return member.value if member is not None else UNKNOWN_TOKEN


def label(member: LabelledEnum | None) -> str:
    return member.label if member is not None else UNKNOWN_LABEL


def rank(member: LabelledEnum | None, members: Sequence[LabelledEnum]) -> int:
    """Sort position: the enum's order, unknown last."""
    return list(members).index(member) if member is not None else len(members)


def options(members: Sequence[LabelledEnum]) -> list[tuple[str, str]]:
    """(token, label) for every member and for "Uppgift saknas" — the filter options."""
    return [(m.value, m.label) for m in members] + [(UNKNOWN_TOKEN, UNKNOWN_LABEL)]


def health_badge(halsa: Halsa | None) -> str:
    return _badge("halsa", halsa)


def status_badge(status: Status | None) -> str:
    return _badge("status", status)


def need_status_badge(status: BehovStatus | None) -> str:
    return _badge("behovstatus", status)
