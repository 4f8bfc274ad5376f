"""Overdue reviews: the interval arithmetic, the `make granskning` table and the page notice."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from handbok.authored import PageMeta
from handbok.currency import AsOf
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
    SourceRef,
    Status,
)
from handbok.review import add_months, is_overdue, overdue_items, overdue_notice, render_table, review_entries

D = dt.date
KALLA = Kalla("tlo", "TLO-rapport", "Västra Götalandsregionen", "Rapport")
OLD_INFO = PartialDate(2017, 6, 13)
SU = Enhet("su", "Sahlgrenska Universitetssjukhuset", KALLA, typ=EnhetTyp.SJUKHUS, uppgifterna_galler=OLD_INFO,
           senast_granskad=D(2026, 6, 1), source=SourceRef("data/organisation/su.yaml"))
SKAS = Enhet("skas", "Skaraborgs Sjukhus", KALLA, typ=EnhetTyp.SJUKHUS, uppgifterna_galler=OLD_INFO,
             senast_granskad=D(2026, 6, 1), source=SourceRef("data/organisation/skas.yaml"))


def _insats(record_id: str, reviewed: dt.date | None, uppdragsagare: str = "") -> Insats:
    return Insats(record_id, f"Insats {record_id}", "Kort.", (SU, SKAS), KALLA, uppgifterna_galler=OLD_INFO,
                  typ=InsatsTyp.FLERA_FORVALTNINGAR, fas=Fas.BEREDA, status=Status.PAGAR,
                  halsa=Halsa.ENLIGT_PLAN, senast_granskad=reviewed, uppdragsagare=uppdragsagare,
                  source=SourceRef(f"data/insatser/{record_id}.yaml"))


def _behov(record_id: str, reviewed: dt.date | None) -> Behov:
    return Behov(record_id, "Behov | med streck", "Text.", "Sjuksköterskor", (SKAS,), KALLA,
                 uppgifterna_galler=OLD_INFO, status=BehovStatus.IDENTIFIERAT, senast_granskad=reviewed,
                 source=SourceRef(f"data/behov/{record_id}.yaml"))


PAGES = [
    PageMeta("docs/index.md", "Förändringshandboken", "Redaktionen", D(2026, 1, 10)),
    PageMeta("docs/process/bereda.md", "Bereda", "Beredningsgruppen", D(2024, 11, 30)),
    PageMeta("docs/roller/chef.md", "Chef", "HR-strategerna", D(2025, 11, 30)),
]
PORTFOLIO = Portfolio(
    insatser=(_insats("korkort", D(2025, 6, 1), "Förvaltningsledningen"),
              _insats("c1-utbildning", D(2026, 6, 1))),
    behov=(_behov("spss", D(2025, 2, 28)),),
    enheter=(SU, SKAS), kallor=(KALLA,))


@pytest.mark.parametrize(("start", "months", "expected"), [
    (D(2025, 3, 1), 12, D(2026, 3, 1)),
    (D(2025, 1, 31), 1, D(2025, 2, 28)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2025, 11, 15), 3, D(2026, 2, 15)),
])
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_overdue_only_after_the_whole_interval() -> None:
    assert not is_overdue(D(2025, 3, 1), D(2026, 3, 1), 12)
    assert is_overdue(D(2025, 3, 1), D(2026, 3, 2), 12)


def test_overdue_items_on_fixtures_oldest_first() -> None:
    items = overdue_items(PAGES, PORTFOLIO, AsOf(D(2026, 12, 1), 12))
    assert [(i.path, i.kind, i.ansvarig, i.granskas_senast) for i in items] == [
        ("docs/process/bereda.md", "sida", "Beredningsgruppen", D(2025, 11, 30)),
        ("data/behov/spss.yaml", "behov", "Redaktionen för Förändringshandboken", D(2026, 2, 28)),
        ("data/insatser/korkort.yaml", "insats", "Redaktionen för Förändringshandboken", D(2026, 6, 1)),
        ("docs/roller/chef.md", "sida", "HR-strategerna", D(2026, 11, 30)),
    ]


def test_record_never_confirmed_counts_from_its_information_date() -> None:
    never = _insats("aldrig", None)
    entry = review_entries([], dataclasses.replace(PORTFOLIO, insatser=(never,)), AsOf(D(2018, 6, 13), 12))
    by_url = {e.url: e for e in entry}
    assert by_url["insatser/aldrig/"].granskas_senast == D(2018, 6, 13)
    assert by_url["insatser/aldrig/"].forsenad is False
    later = {e.url: e for e in review_entries([], dataclasses.replace(PORTFOLIO, insatser=(never,)),
                                               AsOf(D(2018, 6, 14), 12))}
    assert later["insatser/aldrig/"].forsenad is True
    assert later["insatser/aldrig/"].senast_granskad is None


def test_entries_cover_pages_records_and_units_with_urls() -> None:
    entries = review_entries(PAGES, PORTFOLIO, AsOf(D(2026, 12, 1), 12))
    assert [(e.url, e.kind) for e in entries] == [
        ("", "sida"), ("behov/spss/", "behov"), ("insatser/c1-utbildning/", "insats"),
        ("insatser/korkort/", "insats"), ("organisation/skas/", "enhet"), ("organisation/su/", "enhet"),
        ("process/bereda/", "sida"), ("roller/chef/", "sida")]


def test_shorter_interval_lists_more_and_the_editors_own_every_record() -> None:
    """The organisations a record is about are no owners of it (issue 24, V26)."""
    items = overdue_items(PAGES, PORTFOLIO, AsOf(D(2026, 12, 1), 3))
    owners = {i.path: i.ansvarig for i in items}
    assert owners["data/insatser/c1-utbildning.yaml"] == "Redaktionen för Förändringshandboken"
    organisations = {i.path: i.organisation for i in items}
    assert organisations["data/insatser/c1-utbildning.yaml"] == "Sahlgrenska Universitetssjukhuset, Skaraborgs Sjukhus"
    assert organisations["docs/process/bereda.md"] is None
    assert len(items) == 8


def test_render_table_exact() -> None:
    as_of = AsOf(D(2026, 3, 1), 12)
    assert render_table(overdue_items(PAGES, PORTFOLIO, as_of), as_of=as_of) == (
        "## Granskning: sidor och poster som inte granskats på 12 månader\n"
        "\n"
        "Jämfört med 2026-03-01. En post räknas från datumet dess uppgifter gäller, eller från när "
        "en redaktör senast bekräftade den.\n"
        "\n"
        "| Skulle granskas senast | Senast granskad | Uppgifterna gäller | Typ | Titel | Ansvarig | Fil |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 2025-11-30 | 2024-11-30 | – | sida | Bereda | Beredningsgruppen | `docs/process/bereda.md` |\n"
        "| 2026-02-28 | 2025-02-28 | 2017-06-13 | behov | Behov \\| med streck | Redaktionen för Förändringshandboken | "
        "`data/behov/spss.yaml` |\n"
        "\n"
        "2 att granska.\n"
    )


def test_render_table_when_nothing_is_overdue() -> None:
    text = render_table([], as_of=AsOf(D(2026, 3, 1), 12))
    assert text.endswith("Allt är granskat inom intervallet.\n")


@pytest.mark.parametrize("reviewed", [D(2025, 5, 1), "2025-05-01", dt.datetime(2025, 5, 1, 8)])
def test_notice_on_overdue_page(reviewed: object) -> None:
    assert overdue_notice(reviewed, D(2026, 5, 2), 12) == (
        "Sidan har inte granskats sedan 2025-05-01. Innehållet kan vara inaktuellt; "
        "sidor ska granskas minst en gång på 12 månader.")


@pytest.mark.parametrize("reviewed", [D(2025, 5, 1), None, "", "inte ett datum", 2025])
def test_no_notice_when_recent_or_unknown(reviewed: object) -> None:
    assert overdue_notice(reviewed, D(2026, 5, 1), 12) is None


def test_render_table_says_when_a_records_source_has_no_date() -> None:
    undated = dataclasses.replace(_insats("odaterad", None), uppgifterna_galler=None)
    portfolio = dataclasses.replace(PORTFOLIO, insatser=(undated,), behov=(), enheter=PORTFOLIO.enheter)
    as_of = AsOf(D(2026, 3, 1), 12)
    table = render_table(overdue_items([], portfolio, as_of), as_of=as_of)
    assert ("| – | aldrig | källan anger inget datum | insats | Insats odaterad | "
            "Redaktionen för Förändringshandboken | `data/insatser/odaterad.yaml` |") in table
