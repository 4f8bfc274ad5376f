"""Status, health and phase shown as text plus an icon, never by colour alone."""

from __future__ import annotations

from handbok.model import BehovStatus, Halsa, Status

_HEALTH_ICONS = {Halsa.ENLIGT_PLAN: "✔", Halsa.RISK: "▲", Halsa.ALLVARLIG_AVVIKELSE: "✖"}
_STATUS_ICONS = {Status.PLANERAD: "○", Status.PAGAR: "►", Status.PAUSAD: "‖", Status.AVSLUTAD: "■"}
_NEED_ICONS = {BehovStatus.IDENTIFIERAT: "○", BehovStatus.ATGARDAS: "►",
               BehovStatus.TILLGODOSETT: "✔"}


def _badge(kind: str, token: str, icon: str, label: str) -> str:
    return (f'<span class="handbok-badge handbok-{kind} handbok-{kind}--{token}">'
            f'<span class="handbok-ikon" aria-hidden="true">{icon}</span> {label}</span>')


NO_HEALTH_TOKEN = "ingen-bedomning"
NO_HEALTH_LABEL = "Ingen bedömning"


def health_token(halsa: Halsa | None) -> str:
    """The filter/CSS token; initiatives whose source gives no health get their own token."""
    return halsa.value if halsa is not None else NO_HEALTH_TOKEN


def health_label(halsa: Halsa | None) -> str:
    return halsa.label if halsa is not None else NO_HEALTH_LABEL


def health_rank(halsa: Halsa | None) -> int:
    return list(Halsa).index(halsa) if halsa is not None else len(Halsa)


def health_badge(halsa: Halsa | None) -> str:
    icon = _HEALTH_ICONS[halsa] if halsa is not None else "–"
    return _badge("halsa", health_token(halsa), icon, health_label(halsa))


def status_badge(status: Status) -> str:
    return _badge("status", status.value, _STATUS_ICONS[status], status.label)


def need_status_badge(status: BehovStatus) -> str:
    return _badge("behovstatus", status.value, _NEED_ICONS[status], status.label)
