"""Status, health and phase shown as text plus an icon, never by colour alone.

A value the source does not give is None and shows as "Uppgift saknas", with its own token for
filters and CSS (issue 12).
"""

from __future__ import annotations

from collections.abc import Sequence

from handbok.model import BehovStatus, Halsa, LabelledEnum, Status

UNKNOWN_TOKEN = "saknas"
UNKNOWN_LABEL = "Uppgift saknas"

_HEALTH_ICONS = {Halsa.ENLIGT_PLAN: "✔", Halsa.RISK: "▲", Halsa.ALLVARLIG_AVVIKELSE: "✖"}
_STATUS_ICONS = {Status.PLANERAD: "○", Status.PAGAR: "►", Status.PAUSAD: "‖", Status.AVSLUTAD: "■"}
_NEED_ICONS = {BehovStatus.IDENTIFIERAT: "○", BehovStatus.ATGARDAS: "►",
               BehovStatus.TILLGODOSETT: "✔"}
_UNKNOWN_ICON = "–"


def _badge(kind: str, token: str, icon: str, label: str) -> str:
    return (f'<span class="handbok-badge handbok-{kind} handbok-{kind}--{token}">'
            f'<span class="handbok-ikon" aria-hidden="true">{icon}</span> {label}</span>')


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
    icon = _HEALTH_ICONS[halsa] if halsa is not None else _UNKNOWN_ICON
    return _badge("halsa", token(halsa), icon, label(halsa))


def status_badge(status: Status | None) -> str:
    icon = _STATUS_ICONS[status] if status is not None else _UNKNOWN_ICON
    return _badge("status", token(status), icon, label(status))


def need_status_badge(status: BehovStatus | None) -> str:
    icon = _NEED_ICONS[status] if status is not None else _UNKNOWN_ICON
    return _badge("behovstatus", token(status), icon, label(status))
