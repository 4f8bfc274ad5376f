"""Functions authored pages call as macros (`{{ insatser_i_fas("bereda") }}`); each returns Markdown.

Each takes a MacroData (the portfolio and the build's date) first; the adapter (macros/main.py)
binds it. `root` leads from the
calling page to the docs root (process/ and roller/ pages: "../", the start page: ""), so
links are relative Markdown links that MkDocs validates. The Markdown comes from templates
(render/templates/macro_*.md.j2), which escape data text; names are in Swedish order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from handbok.currency import AsOf
from handbok.kept import kept
from handbok.model import Fas, Halsa, Insats, Portfolio, Status, member
from handbok.render.badges import health_badge, status_badge
from handbok.render.blocks import as_of_note
from handbok.render.links import record_link
from handbok.render.portfolio import by_title, origins, percent_text, share_without_initiative, source_span
from handbok.render.templating import fragment, markup, render


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


def _listed(insats: Insats, as_of: AsOf, root: str) -> dict[str, object]:
    return {"link": markup(record_link(insats, root=root)),
            "status_badge": markup(status_badge(insats.status)),
            "health_badge": markup(health_badge(insats.halsa)),
            "as_of_note": markup(as_of_note(insats, as_of))}


def insatser_i_fas(data: MacroData, fas: str, root: str = "../") -> str:
    """The initiatives in one process step (not closed), as Markdown lists.

    Only records confirmed within the review interval are called current; the others are
    listed apart with the date their information is from (issue 12).
    """
    step, as_of = member(Fas, fas), data.as_of
    in_step = by_title(i for i in data.portfolio.insatser
                       if i.fas is step and i.status is not Status.AVSLUTAD)
    return render("macro_insatser_i_fas.md.j2", step=step.label, root=root,
                  current=[_listed(i, as_of, root) for i in in_step if as_of.is_current(i)],
                  older=[_listed(i, as_of, root) for i in in_step if not as_of.is_current(i)])


def _role_mentions(insats: Insats, roll: str) -> list[tuple[str, str]]:
    fields = (("uppdragsägare", insats.uppdragsagare), ("projektledare", insats.projektledare))
    keywords = ROLE_KEYWORDS[roll]
    found = []
    for field_label, value in fields:
        if not value:
            continue
        named_role = field_label.replace("ä", "a") == roll
        if named_role or any(k in value.casefold() for k in keywords):
            found.append((field_label, value))
    return found


def roll_forekomster(data: MacroData, roll: str, root: str = "../") -> str:
    """Where a role appears in the portfolio's initiatives (as owner or project lead text), and
    whether that information is confirmed and from when (C7)."""
    if roll not in ROLE_KEYWORDS:
        raise ValueError(f"okänd roll {roll!r}; kända roller: {', '.join(ROLE_KEYWORDS)}")
    named = [i for i in by_title(data.portfolio.insatser) if _role_mentions(i, roll)]
    found = [line for line in (_role_mention(i, roll, root) for i in named) if line]
    older = [i for i in named if not data.as_of.is_current(i)]
    return render("macro_roll_forekomster.md.j2", found=found, older=len(older), span=source_span(older))


@kept(maxsize=1 << 15)  # `make serve` asks again after every data edit (issue 15)
def _role_mention(insats: Insats, roll: str, root: str) -> Markup | None:
    """The initiative's line on the role's page, None when it does not name the role."""
    mentions = _role_mentions(insats, roll)
    if not mentions:
        return None
    return markup(fragment("_partials/role_mention.md.j2", link=markup(record_link(insats, root=root)),
                           mentions=mentions, step=insats.fas.label if insats.fas else "steg okänt"))


def nyckeltal(data: MacroData, root: str = "") -> str:
    """A few key figures for the start page, confirmed and older information told apart."""
    portfolio, as_of = data.portfolio, data.as_of
    current = [i for i in portfolio.insatser if as_of.is_current(i)]
    statuses = Counter(i.status for i in current)
    health = Counter(i.halsa for i in current if i.status is not Status.AVSLUTAD)
    missing, total = share_without_initiative(portfolio)
    return render("macro_nyckeltal.md.j2", root=root, initiatives=len(portfolio.insatser),
                  current=len(current), review_months=as_of.review_months,
                  origins=[(o.organisation.namn, o.initiatives) for o in origins(portfolio, as_of)],
                  span=source_span([r for r in portfolio.records if not as_of.is_current(r)]),
                  ever_confirmed=any(r.senast_granskad for r in portfolio.records if not as_of.is_current(r)),
                  ongoing=statuses[Status.PAGAR], planned=statuses[Status.PLANERAD],
                  closed=statuses[Status.AVSLUTAD],
                  older=len(portfolio.insatser) - len(current),
                  at_risk=health[Halsa.RISK] + health[Halsa.ALLVARLIG_AVVIKELSE],
                  needs=total, missing=missing, missing_share=percent_text(missing, total),
                  units=len(portfolio.enheter))


MACROS: dict[str, Callable[..., str]] = {
    "insatser_i_fas": insatser_i_fas,
    "roll_forekomster": roll_forekomster,
    "nyckeltal": nyckeltal,
}
