"""Functions authored pages call as macros (`{{ insatser_i_fas("bereda") }}`); each returns Markdown.

Each takes the portfolio first; the adapter (macros/main.py) binds it. `root` leads from the
calling page to the docs root (process/ and roller/ pages: "../", the start page: ""), so
links are relative Markdown links that MkDocs validates. Data text is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from handbok.editor_macros import faltreferens, sa_ser_ett_fel_ut
from handbok.model import Fas, Halsa, Insats, Portfolio, Status
from handbok.render import escape
from handbok.render.badges import health_badge, status_badge
from handbok.render.links import record_link
from handbok.render.portfolio import percent_text, share_without_initiative

# Which words in an initiative's uppdragsägare/projektledare text mean that a role takes part.
ROLE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "forvaltningsledningen": ("förvaltningsledning",),
    "uppdragsagare": (),
    "beredningsgrupp": ("beredningsgrupp",),
    "lokalt-utvecklingsansvarig": ("utvecklingsansvarig",),
    "chef": ("chef",),
    "projektledare": (),
    "styrgrupp-och-referensgrupper": ("styrgrupp", "referensgrupp"),
}


def insatser_i_fas(portfolio: Portfolio, fas: str, root: str = "../") -> str:
    """The initiatives currently in one process step (not closed), as a Markdown list."""
    step = Fas(fas)
    current = sorted((i for i in portfolio.insatser if i.fas is step and i.status is not Status.AVSLUTAD),
                     key=lambda i: (i.titel.casefold(), i.id))
    if not current:
        return f"Ingen pågående eller planerad insats i portföljen är i steget {step.label} just nu."
    lines = [f"- {record_link(i, root=root)} – {status_badge(i.status)}, {health_badge(i.halsa)}"
             for i in current]
    return (f"{len(current)} insatser i portföljen är i steget {step.label} just nu "
            f"([portföljöversikten]({root}portfolj/index.md)):\n\n" + "\n".join(lines))


def _role_mentions(insats: Insats, roll: str) -> list[str]:
    fields = (("uppdragsägare", insats.uppdragsagare), ("projektledare", insats.projektledare))
    keywords = ROLE_KEYWORDS[roll]
    found = []
    for field_label, value in fields:
        if not value:
            continue
        named_role = field_label.replace("ä", "a") == roll
        if named_role or any(k in value.casefold() for k in keywords):
            found.append(f"{field_label}: {escape.text(value)}")
    return found


def roll_forekomster(portfolio: Portfolio, roll: str, root: str = "../") -> str:
    """Where a role appears in the portfolio's initiatives (as owner or project lead text)."""
    if roll not in ROLE_KEYWORDS:
        raise ValueError(f"okänd roll {roll!r}; kända roller: {', '.join(ROLE_KEYWORDS)}")
    lines = []
    for insats in sorted(portfolio.insatser, key=lambda i: (i.titel.casefold(), i.id)):
        mentions = _role_mentions(insats, roll)
        if mentions:
            lines.append(f"- {record_link(insats, root=root)} ({insats.fas.label}) – {'; '.join(mentions)}")
    if not lines:
        return "Rollen är inte angiven i någon av portföljens insatser just nu."
    return f"Rollen förekommer i {len(lines)} av portföljens insatser:\n\n" + "\n".join(lines)


def nyckeltal(portfolio: Portfolio, root: str = "") -> str:
    """A few key figures for the start page, linking to the portfolio overview."""
    statuses = Counter(i.status for i in portfolio.insatser)
    health = Counter(i.halsa for i in portfolio.insatser if i.status is not Status.AVSLUTAD)
    missing, total = share_without_initiative(portfolio)
    at_risk = health[Halsa.RISK] + health[Halsa.ALLVARLIG_AVVIKELSE]
    return "\n".join([
        f"- **{len(portfolio.insatser)}** insatser, varav {statuses[Status.PAGAR]} pågår, "
        f"{statuses[Status.PLANERAD]} är planerade och {statuses[Status.AVSLUTAD]} är avslutade",
        f"- Ej avslutade insatser med hälsa risk eller allvarlig avvikelse: **{at_risk}**",
        f"- **{total}** behov, varav {missing} ({percent_text(missing, total)}) utan insats ännu",
        f"- **{len(portfolio.enheter)}** organisatoriska enheter",
        "",
        f"Se [portföljöversikten]({root}portfolj/index.md) för alla siffror och datumet de avser.",
    ])


MACROS: dict[str, Callable[..., str]] = {
    "insatser_i_fas": insatser_i_fas,
    "roll_forekomster": roll_forekomster,
    "nyckeltal": nyckeltal,
    "sa_ser_ett_fel_ut": sa_ser_ett_fel_ut,
    "faltreferens": faltreferens,
}
