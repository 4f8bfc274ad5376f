"""Functions authored pages call as macros (`{{ insatser_i_fas("bereda") }}`); each returns Markdown.

Each takes a MacroData (the portfolio and the build's date) first; the adapter (macros/main.py)
binds it. `root` leads from the
calling page to the docs root (process/ and roller/ pages: "../", the start page: ""), so
links are relative Markdown links that MkDocs validates. Data text is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from handbok.currency import AsOf
from handbok.editor_macros import faltreferens, sa_ser_ett_fel_ut
from handbok.model import Fas, Halsa, Insats, Portfolio, Status
from handbok.render import escape
from handbok.render.badges import health_badge, status_badge
from handbok.render.blocks import as_of_note
from handbok.render.links import record_link
from handbok.render.portfolio import percent_text, share_without_initiative


@dataclass(frozen=True)
class MacroData:
    """What data macros read: the validated portfolio and the build's date and review interval."""

    portfolio: Portfolio
    as_of: AsOf

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


def _by_title(insatser) -> list[Insats]:
    return sorted(insatser, key=lambda i: (i.titel.casefold(), i.id))


def insatser_i_fas(data: MacroData, fas: str, root: str = "../") -> str:
    """The initiatives in one process step (not closed), as Markdown lists.

    Only records confirmed within the review interval are called current; the others are
    listed apart with the date their information is from (issue 12).
    """
    step, as_of = Fas(fas), data.as_of
    in_step = _by_title(i for i in data.portfolio.insatser
                        if i.fas is step and i.status is not Status.AVSLUTAD)
    current = [i for i in in_step if as_of.is_current(i)]
    older = [i for i in in_step if not as_of.is_current(i)]
    parts = []
    if current:
        parts.append(f"{len(current)} insatser i portföljen är i steget {step.label} enligt uppgifter "
                     f"som bekräftats inom granskningsintervallet "
                     f"([portföljöversikten]({root}portfolj/index.md)):\n\n"
                     + "\n".join(f"- {record_link(i, root=root)} – {status_badge(i.status)}, "
                                  f"{health_badge(i.halsa)}" for i in current))
    else:
        parts.append(f"Ingen insats i portföljen har bekräftade uppgifter om att den är i steget "
                     f"{step.label} just nu ([portföljöversikten]({root}portfolj/index.md)).")
    if older:
        parts.append(f"{len(older)} insatser var i steget enligt äldre uppgifter som inte har "
                     "bekräftats sedan dess:\n\n"
                     + "\n".join(f"- {record_link(i, root=root)} – {status_badge(i.status)}, "
                                  f"{health_badge(i.halsa)}{as_of_note(i, as_of)}" for i in older))
    return "\n\n".join(parts)


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


def roll_forekomster(data: MacroData, roll: str, root: str = "../") -> str:
    """Where a role appears in the portfolio's initiatives (as owner or project lead text)."""
    if roll not in ROLE_KEYWORDS:
        raise ValueError(f"okänd roll {roll!r}; kända roller: {', '.join(ROLE_KEYWORDS)}")
    lines = []
    for insats in _by_title(data.portfolio.insatser):
        mentions = _role_mentions(insats, roll)
        if mentions:
            step = insats.fas.label if insats.fas else "steg okänt"
            lines.append(f"- {record_link(insats, root=root)} ({step}) – {'; '.join(mentions)}")
    if not lines:
        return "Rollen är inte angiven i någon av portföljens insatser just nu."
    return f"Rollen förekommer i {len(lines)} av portföljens insatser:\n\n" + "\n".join(lines)


def nyckeltal(data: MacroData, root: str = "") -> str:
    """A few key figures for the start page, confirmed and older information told apart."""
    portfolio, as_of = data.portfolio, data.as_of
    current = [i for i in portfolio.insatser if as_of.is_current(i)]
    statuses = Counter(i.status for i in current)
    health = Counter(i.halsa for i in current if i.status is not Status.AVSLUTAD)
    missing, total = share_without_initiative(portfolio)
    at_risk = health[Halsa.RISK] + health[Halsa.ALLVARLIG_AVVIKELSE]
    older = len(portfolio.insatser) - len(current)
    return "\n".join([
        f"- **{len(portfolio.insatser)}** insatser, varav **{len(current)}** med uppgifter som "
        f"bekräftats inom granskningsintervallet ({as_of.review_months} månader); bland dem "
        f"{statuses[Status.PAGAR]} pågår, {statuses[Status.PLANERAD]} är planerade och "
        f"{statuses[Status.AVSLUTAD]} är avslutade",
        f"- **{older}** insatser bygger på äldre uppgifter som behöver bekräftas och räknas inte "
        "som läget i dag",
        f"- Bekräftade, ej avslutade insatser med hälsa risk eller allvarlig avvikelse: **{at_risk}**",
        f"- **{total}** behov, varav {missing} ({percent_text(missing, total)}) utan registrerad insats",
        f"- **{len(portfolio.enheter)}** organisatoriska enheter",
        "",
        f"Se [portföljöversikten]({root}portfolj/index.md) för alla siffror, datumet varje "
        "uppgift gäller och vad som kräver uppmärksamhet.",
    ])


MACROS: dict[str, Callable[..., str]] = {
    "insatser_i_fas": insatser_i_fas,
    "roll_forekomster": roll_forekomster,
    "nyckeltal": nyckeltal,
    "sa_ser_ett_fel_ut": sa_ser_ett_fel_ut,
    "faltreferens": faltreferens,
}
