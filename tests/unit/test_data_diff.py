"""The data-change summary on constructed portfolios (the git-backed command: test_diff_command)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from handbok.data_diff import ChangeKind, diff_portfolios, render_markdown
from handbok.model import (
    Behov,
    BehovStatus,
    Enhet,
    EnhetTyp,
    Fas,
    Halsa,
    Insats,
    InsatsTyp,
    Kalla,
    PartialDate,
    Portfolio,
    Status,
    Statusrapport,
)

KALLA = Kalla("tlo", "TLO-rapport", "VGR", "Rapport")
INFO_DATE = PartialDate(2025, 12)
SU = Enhet("su", "SU", KALLA, typ=EnhetTyp.SJUKHUS, uppgifterna_galler=INFO_DATE)
SKAS = Enhet("skas", "SkaS", KALLA, typ=EnhetTyp.SJUKHUS, uppgifterna_galler=INFO_DATE)
BASE_INSATS = Insats("korkort", "Körkort för cytostatika", "Kort.", (SU,), KALLA, uppgifterna_galler=INFO_DATE,
                     typ=InsatsTyp.FLERA_FORVALTNINGAR, fas=Fas.BEREDA, status=Status.PAGAR,
                     halsa=Halsa.ENLIGT_PLAN, senast_granskad=dt.date(2026, 1, 1))
BASE_BEHOV = Behov("spss", "SPSS-utbildning", "Text.", "Psykologer", (SKAS,), KALLA, uppgifterna_galler=INFO_DATE,
                   status=BehovStatus.IDENTIFIERAT, senast_granskad=dt.date(2026, 1, 1))


def _portfolio(insatser=(), behov=()) -> Portfolio:
    return Portfolio(tuple(insatser), tuple(behov), (SU, SKAS), (KALLA,))


def test_nothing_changed() -> None:
    old = _portfolio([BASE_INSATS], [BASE_BEHOV])
    diff = diff_portfolios(old, _portfolio([BASE_INSATS], [BASE_BEHOV]))
    assert diff.empty
    assert render_markdown(diff, "origin/main") == (
        "## Dataändringar jämfört med `origin/main`\n\n"
        "Inga ändringar i insatser, behov, organisationsenheter eller källor.\n")


def test_field_changes_use_swedish_labels() -> None:
    report = Statusrapport(dt.date(2026, 3, 1), Halsa.RISK, "Lärare saknas *just nu*.")
    changed = dataclasses.replace(BASE_INSATS, fas=Fas.INFORA, halsa=Halsa.RISK,
                                  halsokommentar="Lärare saknas.", forvaltningar=(SU, SKAS),
                                  statusrapporter=(report,))
    diff = diff_portfolios(_portfolio([BASE_INSATS]), _portfolio([changed]))
    assert render_markdown(diff, "main").splitlines()[2:] == [
        "### Ändrade insatser (1)",
        "",
        "- **Körkort för cytostatika** (`korkort`)",
        "    - fas: Bereda → Införa",
        "    - läge: Enligt plan → Risk för avvikelse från planen",
        "    - kommentar om läget: ändrad",
        "    - förvaltningar: su → su, skas",
        "    - ny statusrapport 2026-03-01: Risk för avvikelse från planen – Lärare saknas \\*just nu\\*.",
    ]


def test_a_quote_and_a_removed_source_date_are_listed() -> None:
    """Issue 24: what a value rests on is part of the record; a removed date shows as missing."""
    changed = dataclasses.replace(BASE_INSATS, citat=(("status", "som väntas pågå"),), uppgifterna_galler=None)
    lines = render_markdown(diff_portfolios(_portfolio([BASE_INSATS]), _portfolio([changed])), "main").splitlines()
    assert lines[-2:] == ["    - citat ur källan: ändrad", "    - uppgifterna gäller: 2025-12 → –"]


def test_new_removed_and_renamed() -> None:
    renamed = dataclasses.replace(BASE_INSATS, id="cytostatikakorkort", tidigare_id=("korkort",))
    new_need = dataclasses.replace(BASE_BEHOV, id="diagnostik", titel="Diagnostikkurs")
    diff = diff_portfolios(_portfolio([BASE_INSATS], [BASE_BEHOV]),
                           _portfolio([renamed], [new_need]))
    kinds = [(c.record_type, c.kind, c.id, c.previous_id) for c in diff.changes]
    assert kinds == [("insats", ChangeKind.CHANGED, "cytostatikakorkort", "korkort"),
                     ("behov", ChangeKind.NEW, "diagnostik", None),
                     ("behov", ChangeKind.REMOVED, "spss", None)]
    text = render_markdown(diff, "main")
    assert "- **Körkort för cytostatika** (`cytostatikakorkort`) – bytte id från `korkort`" in text
    assert "### Nya behov (1)\n\n- **Diagnostikkurs** (`diagnostik`)\n" in text
    assert "### Borttagna behov (1)\n\n- **SPSS-utbildning** (`spss`)\n" in text


def test_titles_cannot_inject_markdown_or_html() -> None:
    hostile = dataclasses.replace(BASE_INSATS, id="x", titel="<script>x</script> [länk](http://a)")
    text = render_markdown(diff_portfolios(_portfolio(), _portfolio([hostile])), "main")
    assert "<script>" not in text
    assert "&lt;script&gt;x&lt;/script&gt; \\[länk\\](http://a)" in text


def test_financing_change_shows_source_and_amount() -> None:
    from handbok.model import Finansiering, Finansieringskalla

    funded = dataclasses.replace(BASE_INSATS, finansiering=Finansiering(
        Finansieringskalla.OMSTALLNINGSFONDEN, belopp_kr=1_200_000))
    diff = diff_portfolios(_portfolio([BASE_INSATS]), _portfolio([funded]))
    assert "    - finansiering: – → Omställningsfonden (1 200 000 kr)" in \
        render_markdown(diff, "main").splitlines()


def _with_unit(records, old: Enhet, new: Enhet):
    """The records with every reference to unit `old` pointing at `new` (as the loader builds them)."""
    return [dataclasses.replace(r, forvaltningar=tuple(new if u == old else u for u in r.forvaltningar))
            for r in records]


def test_a_unit_with_a_new_name_is_listed_once_not_with_every_record_that_names_it() -> None:
    """Issue 23: records refer to units by id; a unit's own change is the unit's entry."""
    renamed = dataclasses.replace(SU, namn="Sahlgrenska Universitetssjukhuset")
    need = dataclasses.replace(BASE_BEHOV, forvaltningar=(SU,))
    old = Portfolio((BASE_INSATS,), (need,), (SU, SKAS), (KALLA,))
    new = Portfolio(tuple(_with_unit([BASE_INSATS], SU, renamed)), tuple(_with_unit([need], SU, renamed)),
                    (renamed, SKAS), (KALLA,))
    assert render_markdown(diff_portfolios(old, new), "main").splitlines()[2:] == [
        "### Ändrade organisationsenheter (1)",
        "",
        "- **Sahlgrenska Universitetssjukhuset** (`su`)",
        "    - namn: SU → Sahlgrenska Universitetssjukhuset",
    ]


def test_a_unit_with_a_new_id_is_listed_once_as_the_unit_s_rename() -> None:
    renamed = dataclasses.replace(SU, id="sahlgrenska", tidigare_id=("su",))
    old = Portfolio((BASE_INSATS,), (), (SU, SKAS), (KALLA,))
    new = Portfolio(tuple(_with_unit([BASE_INSATS], SU, renamed)), (), (renamed, SKAS), (KALLA,))
    assert render_markdown(diff_portfolios(old, new), "main").splitlines()[2:] == [
        "### Ändrade organisationsenheter (1)",
        "",
        "- **SU** (`sahlgrenska`) – bytte id från `su`",
    ]


def test_new_unit_and_new_source_are_listed() -> None:
    source = Kalla("arsrapport", "Årsrapport 2026", "Regionhälsan", "Rapport")
    unit = Enhet("hemsjukvarden", "Hemsjukvården", source, typ=EnhetTyp.SJUKHUS,
                 overordnad_id="skas", uppgifterna_galler=INFO_DATE)
    old = _portfolio([BASE_INSATS])
    new = Portfolio((BASE_INSATS,), (), (SU, SKAS, unit), (KALLA, source))
    assert render_markdown(diff_portfolios(old, new), "main").splitlines()[2:] == [
        "### Nya organisationsenheter (1)",
        "",
        "- **Hemsjukvården** (`hemsjukvarden`)",
        "    - typ: Sjukhus",
        "    - överordnad: skas",
        "",
        "### Nya källor (1)",
        "",
        "- **Årsrapport 2026** (`arsrapport`)",
        "    - utgivare: Regionhälsan",
    ]
