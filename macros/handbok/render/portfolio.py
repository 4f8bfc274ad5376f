"""The portfolio overview (portfolj/index.md): key figures, the filterable table, timeline,
shared needs, what needs attention, and the export documentation."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from handbok.model import BehovStatus, Fas, Halsa, Insats, InsatsTyp, Portfolio, Status
from handbok.render import charts, escape
from handbok.render.attention import attention_reasons
from handbok.render.badges import (
    health_badge,
    health_label,
    health_rank,
    health_token,
    need_status_badge,
    status_badge,
)
from handbok.render.blocks import period_text, scroll_region
from handbok.render.exports import FORMAT_VERSION
from handbok.render.links import record_link
from handbok.render.timeline import render_timeline

ROOT = "../"


def _count_table(caption: str, heading: str, rows: list[tuple[str, int]]) -> str:
    body = "".join(f'<tr><th scope="row">{label}</th><td>{count}</td></tr>' for label, count in rows)
    return charts.with_bar_chart(caption, rows, (
        f'<table class="handbok-nyckeltal"><caption>{caption}</caption><thead><tr>'
        f'<th scope="col">{heading}</th><th scope="col">Antal</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"))


def share_without_initiative(portfolio: Portfolio) -> tuple[int, int]:
    """(needs no initiative addresses, all needs)."""
    missing = sum(1 for b in portfolio.behov if not portfolio.initiatives_for_need(b))
    return missing, len(portfolio.behov)


def percent_text(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def _enum_counts(insatser, attribute: str, members) -> list[tuple[str, int]]:
    counts = Counter(getattr(i, attribute) for i in insatser)
    return [(m.label, counts[m]) for m in members]


def _health_counts(insatser) -> list[tuple[str, int]]:
    counts = Counter(i.halsa for i in insatser)
    return [(health_label(h), counts[h]) for h in (*Halsa, None) if h is not None or counts[h]]


def _unit_counts(portfolio: Portfolio) -> list[tuple[str, int]]:
    rows = [(escape.text(u.namn), len(portfolio.initiatives_for_unit(u))) for u in portfolio.enheter]
    return sorted(((n, c) for n, c in rows if c), key=lambda r: (-r[1], r[0]))


def render_key_figures(portfolio: Portfolio) -> str:
    insatser = portfolio.insatser
    missing, total = share_without_initiative(portfolio)
    need_counts = Counter(b.status for b in portfolio.behov)
    tables = [
        _count_table("Insatser per fas", "Fas", _enum_counts(insatser, "fas", Fas)),
        _count_table("Insatser per status", "Status", _enum_counts(insatser, "status", Status)),
        _count_table("Insatser per hälsa", "Hälsa", _health_counts(insatser)),
        _count_table("Insatser per typ", "Typ", _enum_counts(insatser, "typ", InsatsTyp)),
        _count_table("Behov per status", "Status", [(s.label, need_counts[s]) for s in BehovStatus]),
        _count_table("Insatser per förvaltning", "Förvaltning", _unit_counts(portfolio)),
    ]
    summary = (f'<p class="handbok-nyckeltal-summering"><strong>{len(insatser)}</strong> insatser och '
               f"<strong>{total}</strong> behov. <strong>{missing}</strong> av {total} behov "
               f"({percent_text(missing, total)}) har ingen insats ännu.</p>")
    return summary + '<div class="handbok-nyckeltal-grid">' + "".join(tables) + "</div>"


_FILTERS = (
    ("forvaltning", "Förvaltning"), ("fas", "Fas"), ("status", "Status"), ("halsa", "Hälsa"),
)


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{value}">{text}</option>' for value, text in options)
    return (f'<div class="handbok-filter"><label for="pf-{name}">{label}</label>'
            f'<select id="pf-{name}" data-filter="{name}"><option value="">Alla</option>{items}</select></div>')


def _filter_form(portfolio: Portfolio) -> str:
    units = sorted({u for i in portfolio.insatser for u in i.forvaltningar}, key=lambda u: (u.namn, u.id))
    options = {
        "forvaltning": [(u.id, escape.text(u.namn)) for u in units],
        "fas": [(f.value, f.label) for f in Fas],
        "status": [(s.value, s.label) for s in Status],
        "halsa": [(health_token(h), health_label(h)) for h in (*Halsa, None)],
    }
    selects = "".join(_select(name, label, options[name]) for name, label in _FILTERS)
    return ('<form class="handbok-portfoljfilter" role="search" aria-label="Filtrera insatser" hidden '
            'data-search-exclude>'
            '<div class="handbok-filter handbok-filter--text"><label for="pf-text">Sök i tabellen</label>'
            '<input type="search" id="pf-text" data-filter="text" autocomplete="off"></div>'
            f'{selects}<button type="reset" class="md-button">Visa alla</button></form>'
            '<p class="handbok-antal" id="pf-antal" role="status" aria-live="polite"></p>')


_COLUMNS = ("Insats", "Förvaltningar", "Fas", "Status", "Hälsa", "Period", "Senaste statusrapport")


def _row(insats: Insats) -> str:
    latest = insats.latest_report
    start = insats.period.start.first_day().isoformat() if insats.period.start else ""
    fas_number = list(Fas).index(insats.fas) + 1
    units = ", ".join(f'<a href="{ROOT}{u.url}">{escape.text(u.namn)}</a>' for u in insats.forvaltningar)
    return (f'<tr data-forvaltning="{" ".join(u.id for u in insats.forvaltningar)}" '
            f'data-fas="{insats.fas.value}" data-status="{insats.status.value}" data-halsa="{health_token(insats.halsa)}">'
            f'<th scope="row"><a href="{ROOT}{insats.url}">{escape.text(insats.titel)}</a></th>'
            f"<td>{units or '–'}</td>"
            f'<td data-sort="{fas_number}">{insats.fas.label}</td>'
            f'<td data-sort="{list(Status).index(insats.status)}">{status_badge(insats.status)}</td>'
            f'<td data-sort="{health_rank(insats.halsa)}">{health_badge(insats.halsa)}</td>'
            f'<td data-sort="{start}">{period_text(insats.period)}</td>'
            f"<td>{latest.datum.isoformat() if latest else '–'}</td></tr>")


def render_initiative_table(portfolio: Portfolio) -> str:
    head = "".join(f'<th scope="col" data-col="{n}">{label}</th>' for n, label in enumerate(_COLUMNS))
    rows = "".join(_row(i) for i in sorted(portfolio.insatser, key=lambda i: (i.titel.casefold(), i.id)))
    # data-search-exclude sits on elements without same-tag descendants: Material's search
    # parser ends an exclusion at the first closing tag with the same name.
    table = (f'<table class="handbok-portfolj" id="portfolj-tabell" data-search-exclude><caption>Alla insatser '
             f'({len(portfolio.insatser)} st)</caption>'
             f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (f'<div class="handbok-portfolj-block">{_filter_form(portfolio)}'
            f'{scroll_region(table, label="Alla insatser")}</div>')


def render_shared_needs(portfolio: Portfolio) -> str:
    shared = sorted((b for b in portfolio.behov if b.is_shared), key=lambda b: (b.titel.casefold(), b.id))
    if not shared:
        return "Inga behov är identifierade av mer än en förvaltning."
    lines = []
    for need in shared:
        joint = [i for i in portfolio.initiatives_for_need(need) if len(i.forvaltningar) >= 2]
        units = ", ".join(escape.text(u.namn) for u in need.forvaltningar)
        answer = (f"gemensam insats finns ({len(joint)})" if joint else "**ingen gemensam insats ännu**")
        lines.append(f"- {record_link(need, root=ROOT)} – {units} – "
                     f"{need_status_badge(need.status)} – {answer}")
    return ("Behov som två eller fler förvaltningar har identifierat, och om en gemensam insats "
            "(med minst två förvaltningar) möter behovet.\n\n" + "\n".join(lines))


def render_attention(portfolio: Portfolio, *, build_date: dt.date) -> str:
    flagged = [(i, attention_reasons(i, build_date)) for i in sorted(portfolio.insatser, key=lambda i: i.id)]
    flagged = [(i, reasons) for i, reasons in flagged if reasons]
    if not flagged:
        return "Ingen insats kräver särskild uppmärksamhet just nu."
    lines = [f"- {record_link(i, root=ROOT)}: {'; '.join(reasons)}"
             for i, reasons in flagged]
    return (f"{len(flagged)} insatser behöver uppmärksamhet: hälsa risk eller allvarlig avvikelse, "
            "försenad statusrapport, passerat slutdatum utan att vara avslutad, eller saknade effektmål."
            "\n\n"
            + "\n".join(lines))


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
`=`, `+`, `-` eller `@` inleds med en apostrof så att Excel aldrig tolkar den som en formel.
"""


def render_portfolio_page(portfolio: Portfolio, *, build_date: dt.date) -> str:
    sections = [
        "# Portföljöversikt",
        f'<p class="handbok-avser"><strong>Siffrorna avser {build_date.isoformat()}</strong> '
        "(datumet då webbplatsen byggdes).</p>",
        "Översikten sammanställer alla insatser och behov i portföljen, som underlag för "
        "portföljens statusrapportering. Varje insats och behov har en egen sida.",
        "## Nyckeltal {#nyckeltal}",
        render_key_figures(portfolio),
        "## Alla insatser {#insatser}",
        "Tabellen är sorterad efter namn. Den går att sortera med kolumnrubrikerna och filtrera "
        "med fälten ovanför den. "
        "Utan JavaScript visas hela tabellen.",
        render_initiative_table(portfolio),
        "## Tidslinje {#tidslinje}",
        render_timeline(portfolio.insatser, build_date=build_date),
        "## Gemensamma behov {#gemensamma-behov}",
        render_shared_needs(portfolio),
        "## Kräver uppmärksamhet {#kraver-uppmarksamhet}",
        render_attention(portfolio, build_date=build_date),
        "## Exporter och format {#exporter}",
        EXPORT_DOCUMENTATION,
    ]
    return "\n\n".join(sections) + "\n"
