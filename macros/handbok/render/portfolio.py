"""The portfolio overview (portfolj/index.md): key figures, the filterable table, timeline,
shared needs, what needs attention, and the export documentation."""

from __future__ import annotations

from collections import Counter

from handbok.currency import AsOf, confirmed_on
from handbok.model import BehovStatus, Fas, Halsa, Insats, InsatsTyp, Portfolio, Status
from handbok.render import charts, escape
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
from handbok.render.links import record_link
from handbok.render.timeline import render_timeline

ROOT = "../"


def _count_table(caption: str, heading: str, rows: list[tuple[str, int, int]]) -> str:
    """Counts split into records confirmed as current and records with older information.

    The bar chart beside the table shows the totals; the table tells the two apart.
    """
    body = "".join(f'<tr><th scope="row">{label}</th><td>{current}</td><td>{older}</td>'
                   f"<td>{current + older}</td></tr>" for label, current, older in rows)
    totals = [(label, current + older) for label, current, older in rows]
    table = (f'<table class="handbok-nyckeltal"><caption>{caption}</caption><thead><tr>'
             f'<th scope="col">{heading}</th><th scope="col">Bekräftade</th>'
             f'<th scope="col">Äldre uppgifter</th><th scope="col">Totalt</th></tr></thead>'
             f"<tbody>{body}</tbody></table>")
    # Its own scroll region: long unit names must not widen the page at 390 px.
    return charts.with_bar_chart(f"{caption}, totalt (bekräftade och äldre uppgifter)", totals,
                                 scroll_region(table, label=caption))


def share_without_initiative(portfolio: Portfolio) -> tuple[int, int]:
    """(needs no initiative addresses, all needs)."""
    missing = sum(1 for b in portfolio.behov if not portfolio.initiatives_for_need(b))
    return missing, len(portfolio.behov)


def percent_text(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def _split_counts(records, attribute: str, members, as_of: AsOf) -> list[tuple[str, int, int]]:
    """(label, confirmed, older) per member and for "Uppgift saknas" when any value is unknown."""
    current = Counter(getattr(r, attribute) for r in records if as_of.is_current(r))
    older = Counter(getattr(r, attribute) for r in records if not as_of.is_current(r))
    rows = [(m.label, current[m], older[m]) for m in members]
    if current[None] or older[None]:
        rows.append((UNKNOWN_LABEL, current[None], older[None]))
    return rows


def _unit_counts(portfolio: Portfolio, as_of: AsOf) -> list[tuple[str, int, int]]:
    rows = []
    for unit in portfolio.enheter:
        initiatives = portfolio.initiatives_for_unit(unit)
        current = sum(1 for i in initiatives if as_of.is_current(i))
        if initiatives:
            rows.append((escape.text(unit.namn), current, len(initiatives) - current))
    return sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0]))


def currency_summary(portfolio: Portfolio, as_of: AsOf) -> str:
    """How many records are confirmed as current, as one Swedish sentence (HTML)."""
    insatser = sum(1 for i in portfolio.insatser if as_of.is_current(i))
    behov = sum(1 for b in portfolio.behov if as_of.is_current(b))
    return (f"<strong>{insatser}</strong> av {len(portfolio.insatser)} insatser och "
            f"<strong>{behov}</strong> av {len(portfolio.behov)} behov har uppgifter som är "
            f"bekräftade inom granskningsintervallet ({as_of.review_months} månader). Övriga "
            "bygger på äldre uppgifter: de visas med källans datum och räknas inte som "
            "läget i dag.")


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
    summary = (f'<p class="handbok-nyckeltal-summering"><strong>{len(insatser)}</strong> insatser och '
               f"<strong>{total}</strong> behov. <strong>{missing}</strong> av {total} behov "
               f"({percent_text(missing, total)}) har ingen insats registrerad. "
               f"{currency_summary(portfolio, as_of)}</p>")
    return summary + '<div class="handbok-nyckeltal-grid">' + "".join(tables) + "</div>"


_FILTERS = (
    ("forvaltning", "Förvaltning"), ("fas", "Fas"), ("status", "Status"), ("halsa", "Hälsa"),
    ("aktualitet", "Uppgifternas aktualitet"),
)
_CURRENCY_OPTIONS = [("bekraftad", "Bekräftade inom intervallet"), ("aldre", "Äldre uppgifter")]


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{value}">{text}</option>' for value, text in options)
    return (f'<div class="handbok-filter"><label for="pf-{name}">{label}</label>'
            f'<select id="pf-{name}" data-filter="{name}"><option value="">Alla</option>{items}</select></div>')


def _filter_form(portfolio: Portfolio) -> str:
    units = sorted({u for i in portfolio.insatser for u in i.forvaltningar}, key=lambda u: (u.namn, u.id))
    choices = {
        "forvaltning": [(u.id, escape.text(u.namn)) for u in units],
        "fas": options(list(Fas)),
        "status": options(list(Status)),
        "halsa": options(list(Halsa)),
        "aktualitet": _CURRENCY_OPTIONS,
    }
    selects = "".join(_select(name, heading, choices[name]) for name, heading in _FILTERS)
    return ('<form class="handbok-portfoljfilter" role="search" aria-label="Filtrera insatser" hidden '
            'data-search-exclude>'
            '<div class="handbok-filter handbok-filter--text"><label for="pf-text">Sök i tabellen</label>'
            '<input type="search" id="pf-text" data-filter="text" autocomplete="off"></div>'
            f'{selects}<button type="reset" class="md-button">Visa alla</button></form>'
            '<p class="handbok-antal" id="pf-antal" role="status" aria-live="polite"></p>')


_COLUMNS = ("Insats", "Förvaltningar", "Fas", "Status", "Hälsa", "Period", "Senaste statusrapport",
            "Uppgifterna gäller")


def _currency_cell(insats: Insats, as_of: AsOf) -> str:
    known = confirmed_on(insats)
    date = insats.uppgifterna_galler.iso() if insats.uppgifterna_galler else "Uppgift saknas"
    marker = "" if as_of.is_current(insats) else " <span class=\"handbok-aldre\">(äldre uppgifter)</span>"
    return f'<td data-sort="{known.isoformat() if known else ""}">{date}{marker}</td>'


def _row(insats: Insats, as_of: AsOf) -> str:
    latest = insats.latest_report
    start = insats.period.start.first_day().isoformat() if insats.period.start else ""
    units = ", ".join(f'<a href="{ROOT}{u.url}">{escape.text(u.namn)}</a>' for u in insats.forvaltningar)
    currency = "bekraftad" if as_of.is_current(insats) else "aldre"
    return (f'<tr data-forvaltning="{" ".join(u.id for u in insats.forvaltningar)}" '
            f'data-fas="{token(insats.fas)}" data-status="{token(insats.status)}" '
            f'data-halsa="{token(insats.halsa)}" data-aktualitet="{currency}">'
            f'<th scope="row"><a href="{ROOT}{insats.url}">{escape.text(insats.titel)}</a></th>'
            f"<td>{units or '–'}</td>"
            f'<td data-sort="{rank(insats.fas, list(Fas)) + 1}">{label(insats.fas)}</td>'
            f'<td data-sort="{rank(insats.status, list(Status))}">{status_badge(insats.status)}</td>'
            f'<td data-sort="{rank(insats.halsa, list(Halsa))}">{health_badge(insats.halsa)}</td>'
            f'<td data-sort="{start}">{period_text(insats.period)}</td>'
            f"<td>{latest.datum.isoformat() if latest else '–'}</td>"
            f"{_currency_cell(insats, as_of)}</tr>")


def render_initiative_table(portfolio: Portfolio, *, as_of: AsOf) -> str:
    head = "".join(f'<th scope="col" data-col="{n}">{name}</th>' for n, name in enumerate(_COLUMNS))
    rows = "".join(_row(i, as_of) for i in sorted(portfolio.insatser, key=lambda i: (i.titel.casefold(), i.id)))
    # data-search-exclude sits on elements without same-tag descendants: Material's search
    # parser ends an exclusion at the first closing tag with the same name.
    table = (f'<table class="handbok-portfolj" id="portfolj-tabell" data-search-exclude><caption>Alla insatser '
             f'({len(portfolio.insatser)} st)</caption>'
             f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (f'<div class="handbok-portfolj-block">{_filter_form(portfolio)}'
            f'{scroll_region(table, label="Alla insatser")}</div>')


def render_shared_needs(portfolio: Portfolio, *, as_of: AsOf) -> str:
    shared = sorted((b for b in portfolio.behov if b.is_shared), key=lambda b: (b.titel.casefold(), b.id))
    if not shared:
        return "Inga behov är identifierade av mer än en förvaltning."
    lines = []
    for need in shared:
        joint = [i for i in portfolio.initiatives_for_need(need) if len(i.forvaltningar) >= 2]
        units = ", ".join(escape.text(u.namn) for u in need.forvaltningar)
        answer = (f"gemensam insats finns ({len(joint)})" if joint else "**ingen gemensam insats registrerad**")
        lines.append(f"- {record_link(need, root=ROOT)} – {units} – "
                     f"{need_status_badge(need.status)}{as_of_note(need, as_of)} – {answer}")
    return ("Behov som två eller fler förvaltningar har identifierat, och om en gemensam insats "
            "(med minst två förvaltningar) möter behovet.\n\n" + "\n".join(lines))


def render_attention(portfolio: Portfolio, *, as_of: AsOf) -> str:
    flagged = [(i, attention_reasons(i, as_of)) for i in sorted(portfolio.insatser, key=lambda i: i.id)]
    flagged = [(i, reasons) for i, reasons in flagged if reasons]
    needs = [(b, need_attention_reasons(b, as_of)) for b in sorted(portfolio.behov, key=lambda b: b.id)]
    needs = [(b, reasons) for b, reasons in needs if reasons]
    if not flagged and not needs:
        return "Ingen insats och inget behov kräver särskild uppmärksamhet just nu."
    parts = []
    if flagged:
        parts.append(f"{len(flagged)} insatser behöver uppmärksamhet: uppgifter som behöver bekräftas, "
                     "hälsa risk eller allvarlig avvikelse, försenad statusrapport, passerat slutdatum "
                     "utan att vara avslutad, eller saknade effektmål.\n\n"
                     + "\n".join(f"- {record_link(i, root=ROOT)}: {'; '.join(reasons)}"
                                  for i, reasons in flagged))
    if needs:
        parts.append(f"{len(needs)} behov har uppgifter som behöver bekräftas:\n\n"
                     + "\n".join(f"- {record_link(b, root=ROOT)}: {'; '.join(reasons)}"
                                  for b, reasons in needs))
    return "\n\n".join(parts)


EXPORT_DOCUMENTATION = f"""\
- [Insatser som JSON](insatser.json) · [Insatser som CSV](insatser.csv)
- [Behov som JSON](behov.json) · [Behov som CSV](behov.csv)

Exporterna har fasta adresser och ett versionerat format (version {FORMAT_VERSION}); en ny
version införs bara om ett fält byter betydelse eller tas bort.

**JSON.** Ett objekt med `format` (`forandringshandboken/insatser` eller
`forandringshandboken/behov`), `version`, `avser_datum` (det datum siffrorna avser) och en lista
`insatser` respektive `behov`. Fälten heter som i datafilerna; fält med fasta värden (till
exempel `fas`, `status`, `halsa`, `typ`) innehåller samma koder som datafilerna, datum skrivs
ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, och hänvisningar (`forvaltningar`, `behov`, `insatser`, `kalla`)
är id:n. Insatser har dessutom `url`, `risker` med `riskvarde` (sannolikhet × konsekvens) och
`statusrapporter` med den senaste först; behov har `gemensamt` (två eller fler förvaltningar)
och `insatser` (de insatser som möter behovet). Tomma uppgifter är `null` eller tom text.

**CSV.** UTF-8 med BOM, semikolon som avgränsare och varje fält inom citattecken, så att Excel
med svenska inställningar öppnar filen direkt. En rad per insats eller behov, fasta värden med
sina svenska benämningar, listor med en post per rad i cellen. En cell som skulle börja med
`=`, `+`, `-` eller `@` (även efter inledande blanksteg och i helbreddsform, som `＝`) inleds med
en apostrof så att Excel aldrig tolkar den som en formel.
"""


def render_portfolio_page(portfolio: Portfolio, *, as_of: AsOf) -> str:
    sections = [
        "# Portföljöversikt",
        f'<p class="handbok-avser"><strong>Sammanställd {as_of.today.isoformat()}</strong> '
        "(datumet då webbplatsen byggdes). Varje insats och behov visar det datum dess "
        "uppgifter gäller; bara uppgifter som bekräftats inom granskningsintervallet "
        "räknas som läget i dag.</p>",
        "Översikten sammanställer alla insatser och behov i portföljen, som underlag för "
        "portföljens statusrapportering. Varje insats och behov har en egen sida.",
        "## Nyckeltal {#nyckeltal}",
        render_key_figures(portfolio, as_of=as_of),
        "## Alla insatser {#insatser}",
        "Tabellen är sorterad efter namn. Den går att sortera med kolumnrubrikerna och filtrera "
        "med fälten ovanför den. "
        "Utan JavaScript visas hela tabellen.",
        render_initiative_table(portfolio, as_of=as_of),
        "## Tidslinje {#tidslinje}",
        render_timeline(portfolio.insatser, as_of=as_of),
        "## Gemensamma behov {#gemensamma-behov}",
        render_shared_needs(portfolio, as_of=as_of),
        "## Kräver uppmärksamhet {#kraver-uppmarksamhet}",
        render_attention(portfolio, as_of=as_of),
        "## Exporter och format {#exporter}",
        EXPORT_DOCUMENTATION,
    ]
    return "\n\n".join(sections) + "\n"
