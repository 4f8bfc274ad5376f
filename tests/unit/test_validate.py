"""Schema and cross-record rules: exact file, line, column and Swedish message for each."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from data_repo import BASE, REPO_ROOT, check, insats, located

from handbok.model import Halsa, PartialDate, Status
from tests.real_date import REAL_DATE

I = "data/insatser/i.yaml"
B = "data/behov/b.yaml"
U = "data/organisation/u.yaml"


def test_base_repo_is_valid_and_builds_the_model(tmp_path: Path) -> None:
    portfolio, problems = check(tmp_path)
    assert problems == []
    initiative = portfolio.insats("i")
    assert initiative.status is Status.PAGAR and initiative.halsa is None
    assert initiative.forvaltningar[0].id == "u" and initiative.behov[0].id == "b"
    assert initiative.source.path == I and initiative.source.line == 2
    assert portfolio.initiatives_for_need(portfolio.behov_by_id("b")) == (initiative,)


@pytest.mark.real_content
def test_real_dataset_is_valid() -> None:
    from handbok.pipeline import load_portfolio
    portfolio, problems = load_portfolio(REPO_ROOT / "data", REPO_ROOT / "schemas", today=REAL_DATE)
    assert problems == []
    assert {k.id for k in portfolio.kallor} == {r.kalla.id for r in portfolio.insatser} | \
        {r.kalla.id for r in portfolio.behov} | {r.kalla.id for r in portfolio.enheter}


@pytest.mark.real_content
def test_real_dataset_stays_valid_a_year_ahead_and_after_reviews(tmp_path: Path) -> None:
    """No coupling to the calendar or to the seed's review dates (issue 12): validation passes
    with today one year after the real date, and after every record is confirmed today."""
    import shutil

    from handbok.pipeline import load_portfolio
    next_year = REAL_DATE + dt.timedelta(days=366)
    _, problems = load_portfolio(REPO_ROOT / "data", REPO_ROOT / "schemas", today=next_year)
    assert problems == []
    shutil.copytree(REPO_ROOT / "data", tmp_path / "data")
    reviewed_today = REAL_DATE
    for path in [*(tmp_path / "data" / "insatser").glob("*.yaml"), *(tmp_path / "data" / "behov").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        text = "\n".join(line for line in text.splitlines() if not line.startswith("senast_granskad:"))
        path.write_text(text + f"\nsenast_granskad: {reviewed_today.isoformat()}\n", encoding="utf-8")
    portfolio, problems = load_portfolio(tmp_path / "data", REPO_ROOT / "schemas", today=reviewed_today)
    assert problems == []
    assert all(r.senast_granskad == reviewed_today for r in portfolio.insatser + portfolio.behov)


def test_missing_required_field_points_at_the_mapping(tmp_path: Path) -> None:
    body = insats().replace("titel: Insats\n", "")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 2, 1, "obligatoriskt fält 'titel' saknas")]


def test_unknown_field_suggests_the_closest_name(tmp_path: Path) -> None:
    body = insats().replace("titel: Insats", "titl: Insats")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 2, 1, "obligatoriskt fält 'titel' saknas"),
        (I, 3, 1, "okänt fält 'titl' — menade du 'titel'?")]


def test_unknown_field_without_close_match_lists_allowed_fields(tmp_path: Path) -> None:
    found = located(tmp_path, {("kalla", "k"): "id: k\ntitel: T\nbeskrivning: B\nxyz: 1\nar: 2017\n"})
    assert found == [("data/kallor/k.yaml", 5, 1, "okänt fält 'xyz' — tillåtna fält är: ar, "
                      "beskrivning, id, titel, utgivare")]


def test_wrong_enum_lists_allowed_values(tmp_path: Path) -> None:
    assert located(tmp_path, {("insats", "i"): insats(status="klar")}) == [
        (I, 7, 9, "fältet 'status' har värdet 'klar', tillåtna värden är: planerad, pagar, "
                  "pausad, avslutad")]


def test_wrong_type_names_what_is_expected(tmp_path: Path) -> None:
    body = insats("finansiering:\n  kalla: egen-budget\n  belopp_kr: 1 000 kr\n")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 16, 14, "fältet 'belopp_kr' ska vara ett heltal, men är texten '1 000 kr'")]


def test_colon_in_a_list_item_says_to_quote_the_text(tmp_path: Path) -> None:
    """Issue 23: `- Mål: fler utbildade` gets the same hint as a field does."""
    body = insats('effektmal:\n  - Mål: fler utbildade\n  - Fler utbildade\n  - "Syfte:"\n  - Syfte:\n'
                  "sammanfattning:\n  Kort: text\n")
    body = body.replace("sammanfattning: Kort.\n", "")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 14, 5, "punkt 1 i fältet 'effektmal' ska vara text, men ett kolon (':') gör om den till "
                   'ett fält; sätt texten inom citattecken: "Mål: fler utbildade"'),
        (I, 17, 5, "punkt 4 i fältet 'effektmal' ska vara text, men ett kolon (':') gör om den till "
                   'ett fält; sätt texten inom citattecken: "Syfte:"'),
        (I, 18, 1, "fältet 'sammanfattning' ska vara text, men ett kolon (':') gör om det till ett "
                   'fält; sätt texten inom citattecken: "Kort: text"')]


def test_fields_where_text_or_a_list_belongs_are_named_without_jargon(tmp_path: Path) -> None:
    body = insats("period: 2026\nrisker:\n  beskrivning: R\n  sannolikhet: 2\n",
                  titel="\n  Namn: a\n  Mer: b")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 3, 1, "fältet 'titel' ska vara text, men är fälten 'Namn: …', 'Mer: …'"),
        (I, 16, 9, "fältet 'period' ska ha indragna fält på raderna under sig (som 'start: …'), men "
                   "är talet 2026"),
        (I, 17, 1, "fältet 'risker' ska vara en lista (rader som börjar med '- '), men är fälten "
                   "'beskrivning: …', 'sannolikhet: …'")]


def test_risk_values_out_of_range(tmp_path: Path) -> None:
    body = insats("risker:\n  - beskrivning: R\n    sannolikhet: 5\n    konsekvens: 0\n")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 16, 18, "fältet 'sannolikhet' har värdet 5, tillåtet är 1–4"),
        (I, 17, 17, "fältet 'konsekvens' har värdet 0, tillåtet är 1–4")]


def test_impossible_dates(tmp_path: Path) -> None:
    body = insats("senast_granskad: 2026-13-01\nperiod:\n  start: 2023-02-30\nstatusrapporter:\n"
                  "  - datum: 2023-02-30\n    halsa: risk\n    text: T\n")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 14, 18, "fältet 'senast_granskad' har värdet '2026-13-01', som inte är ett giltigt "
                    "datum (ÅÅÅÅ-MM-DD)"),
        (I, 16, 10, "fältet 'start' har värdet '2023-02-30', som inte är ett datum som finns"),
        (I, 18, 12, "fältet 'datum' har värdet '2023-02-30', som inte är ett giltigt datum "
                    "(ÅÅÅÅ-MM-DD)")]


def test_information_date_and_confirmation_may_not_lie_after_today(tmp_path: Path) -> None:
    body = insats("senast_granskad: 2026-11-24\n", uppgifterna_galler="2026-12")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 13, 21, "fältet 'uppgifterna_galler' (2026-12) ligger efter dagens datum 2026-11-23; "
                    "ange källans datum"),
        (I, 14, 18, "fältet 'senast_granskad' (2026-11-24) ligger efter dagens datum 2026-11-23")]


def test_unknown_status_phase_and_type_are_allowed_and_stay_unknown(tmp_path: Path) -> None:
    body = "\n".join(line for line in insats().splitlines()
                     if not line.startswith(("typ:", "fas:", "status:"))) + "\n"
    portfolio, problems = check(tmp_path, {("insats", "i"): body})
    assert problems == []
    initiative = portfolio.insats("i")
    assert (initiative.typ, initiative.fas, initiative.status, initiative.senast_granskad) == (None, None, None, None)
    assert initiative.uppgifterna_galler == PartialDate(2017, 6, 13)


def test_bad_id_pattern(tmp_path: Path) -> None:
    body = insats(behov="\n  - Behov B")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 11, 5, "punkt 1 i fältet 'behov' har värdet 'Behov B', men ska bestå av små "
                   "bokstäver a–z, siffror och bindestreck (å/ä blir a, ö blir o), t.ex. "
                   "'skaraborgs-sjukhus'")]


def test_missing_schema_line(tmp_path: Path) -> None:
    raw = BASE[("kalla", "k")].encode()
    assert located(tmp_path, {("kalla", "k"): raw}) == [
        ("data/kallor/k.yaml", 1, 1, "första raden ska vara '# yaml-language-server: "
         "$schema=../../schemas/kalla.schema.json' (den ger kontroll och förslag i editorn)")]


def test_file_with_yml_extension(tmp_path: Path) -> None:
    check(tmp_path)
    (tmp_path / "data" / "kallor" / "z.yml").write_text("id: z\n", encoding="utf-8")
    from handbok.pipeline import load_portfolio
    _, problems = load_portfolio(tmp_path / "data", REPO_ROOT / "schemas",
                                       today=dt.date(2026, 11, 23))
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("data/kallor/z.yml", 1, "datafiler ska ha ändelsen .yaml; byt namn till 'z.yaml'")]


# ---------------------------------------------------------------- cross-record rules


def test_id_must_equal_file_name(tmp_path: Path) -> None:
    body = insats().replace("id: i\n", "id: annat\n")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 2, 5, "fältet 'id' har värdet 'annat', men filen heter 'i.yaml'; id och filnamn "
                  "ska vara lika")]


def test_duplicate_ids(tmp_path: Path) -> None:
    found = located(tmp_path, {("insats", "j"): insats()})
    assert found == [
        ("data/insatser/j.yaml", 2, 5, "fältet 'id' har värdet 'i', men filen heter 'j.yaml'; "
         "id och filnamn ska vara lika"),
        ("data/insatser/j.yaml", 2, 5, "id 'i' används redan i data/insatser/i.yaml; varje post "
         "behöver ett eget id")]


def test_reference_that_does_not_exist(tmp_path: Path) -> None:
    body = insats(forvaltningar="\n  - sahlgrenska")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 9, 5, "referensen 'sahlgrenska' i 'forvaltningar' finns inte bland "
                  "organisationsenheterna; enheterna finns i data/organisation/ (id:t är "
                  "filnamnet utan .yaml), och saknas enheten lägger du till den som en ny fil där")]


def test_reference_suggests_close_id(tmp_path: Path) -> None:
    body = insats(kalla="kk")
    assert located(tmp_path, {("insats", "i"): body, ("kalla", "kk2"): None}) == [
        (I, 12, 8, "referensen 'kk' i 'kalla' finns inte bland källorna — menade du 'k'?")]


def test_reference_to_the_wrong_kind(tmp_path: Path) -> None:
    body = insats(behov="\n  - u")
    assert located(tmp_path, {("insats", "i"): body, ("behov", "b"): BASE[("behov", "b")]
                              .replace("atgardas", "identifierat")}) == [
        (I, 11, 5, "referensen 'u' i 'behov' är en organisationsenhet, men här ska det vara "
                   "ett behov")]


def test_region_must_be_a_unit_of_type_region(tmp_path: Path) -> None:
    body = BASE[("enhet", "u")].replace("region: r", "region: u")
    assert located(tmp_path, {("enhet", "u"): body}) == [
        (U, 6, 9, "referensen 'u' i 'region' är en organisationsenhet av typen 'sjukhus', men "
                  "ska vara en enhet av typen 'region'")]


def test_end_before_start_with_partial_dates(tmp_path: Path) -> None:
    body = insats("period:\n  start: 2020-03\n  slut: 2019\n")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 16, 9, "fältet 'slut' (2019) ligger före 'start' (2020-03)")]


def test_same_month_start_and_end_is_fine(tmp_path: Path) -> None:
    body = insats("period:\n  start: 2020-03-15\n  slut: 2020-03\n")
    assert located(tmp_path, {("insats", "i"): body}) == []


def test_status_report_in_the_future(tmp_path: Path) -> None:
    body = insats("statusrapporter:\n  - datum: 2026-11-24\n    halsa: enligt-plan\n    text: T\n")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 15, 12, "statusrapporten är daterad 2026-11-24, som ligger efter dagens datum "
                    "2026-11-23")]
    assert located(tmp_path, {("insats", "i"): body}, today=dt.date(2026, 11, 24)) == []


def test_closed_initiative_needs_an_end_date(tmp_path: Path) -> None:
    assert located(tmp_path, {("insats", "i"): insats(status="avslutad")}) == [
        (I, 7, 9, "en avslutad insats (status 'avslutad') ska ha ett slutdatum i 'period' → "
                  "'slut'")]
    closed = insats("period:\n  slut: 2024\n", status="avslutad")
    assert located(tmp_path, {("insats", "i"): closed}) == []


def test_satisfied_need_needs_an_initiative(tmp_path: Path) -> None:
    need = BASE[("behov", "b")].replace("atgardas", "tillgodosett")
    assert located(tmp_path, {("behov", "b"): need, ("insats", "i"): insats().replace("behov:\n  - b\n", "")}) == [
        (B, 7, 9, "behovet har status 'tillgodosett', men ingen insats anger det i sitt fält "
                  "'behov'; lägg till behovet i insatsen som tillgodoser det")]
    assert located(tmp_path, {("behov", "b"): need}) == []


def test_health_other_than_on_plan_needs_a_comment(tmp_path: Path) -> None:
    assert located(tmp_path, {("insats", "i"): insats("halsa: risk\n")}) == [
        (I, 14, 8, "fältet 'halsa' är 'risk': skriv en kort förklaring i fältet 'halsokommentar'")]
    commented = insats("halsa: risk\nhalsokommentar: Försenad leverans.\n")
    portfolio, problems = check(tmp_path, {("insats", "i"): commented})
    assert problems == [] and portfolio.insats("i").halsa is Halsa.RISK


def test_old_id_equal_to_a_current_id(tmp_path: Path) -> None:
    other = insats("tidigare_id:\n  - i\n").replace("id: i\n", "id: j\n")
    assert located(tmp_path, {("insats", "j"): other}) == [
        ("data/insatser/j.yaml", 15, 5, "tidigare id 'i' är id för data/insatser/i.yaml; ett "
         "tidigare id får inte användas som id")]


def test_old_id_claimed_twice(tmp_path: Path) -> None:
    first = insats("tidigare_id:\n  - gammal\n")
    second = insats("tidigare_id:\n  - gammal\n").replace("id: i\n", "id: j\n")
    assert located(tmp_path, {("insats", "i"): first, ("insats", "j"): second}) == [
        ("data/insatser/j.yaml", 15, 5, "tidigare id 'gammal' anges redan i data/insatser/i.yaml; "
         "en gammal adress kan bara leda till en post")]


def test_all_problems_of_all_files_are_reported_sorted(tmp_path: Path) -> None:
    found = located(tmp_path, {
        ("insats", "i"): insats(status="klar", fas="fas1"),
        ("behov", "b"): b"- en lista\n",
        ("kalla", "k"): "id: k\ntitel: no\nbeskrivning: B\nar: 2017\n",
    })
    assert [(path, line) for path, line, _, _ in found] == [
        (B, 1), ("data/insatser/i.yaml", 6), (I, 7), ("data/kallor/k.yaml", 3)]
    assert found == sorted(found)


def test_broken_schema_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for path in (REPO_ROOT / "schemas").glob("*.json"):
        (schemas / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (schemas / "kalla.schema.json").write_text("{ trasig", encoding="utf-8")
    from handbok.pipeline import load_portfolio
    portfolio, problems = load_portfolio(tmp_path / "data", schemas, today=dt.date(2026, 11, 23))
    assert portfolio is None
    assert [(p.path, p.line) for p in problems] == [("schemas/kalla.schema.json", 1)]


def test_every_schema_property_has_swedish_title_and_description() -> None:
    def walk(schema: dict, where: str):
        for name, prop in schema.get("properties", {}).items():
            yield f"{where}.{name}", prop
            nested = prop.get("items", prop)
            yield from walk(nested, f"{where}.{name}")
    for path in sorted((REPO_ROOT / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == f"schemas/{path.name}"
        assert schema["additionalProperties"] is False
        for where, prop in walk(schema, path.stem):
            assert prop.get("title") and prop.get("description"), where
            if prop.get("type") == "object":
                assert prop.get("additionalProperties") is False, where


def test_partial_date_comparison_used_by_the_period_rule() -> None:
    assert PartialDate.parse("2019").last_day() < PartialDate.parse("2020-03").first_day()


def test_a_cycle_of_parent_units_is_reported_at_each_overordnad(tmp_path: Path) -> None:
    found = located(tmp_path, {
        ("enhet", "r"): "id: r\nnamn: Region R\ntyp: region\noverordnad: u\nkalla: k\n",
    })
    assert [line for line in found if "cirkel" in line[3]] == [
        ("data/organisation/r.yaml", 5, 13, "fältet 'overordnad' bildar en cirkel (r → u → r); "
         "en enhet kan inte vara överordnad sig själv"),
        ("data/organisation/u.yaml", 5, 13, "fältet 'overordnad' bildar en cirkel (u → r → u); "
         "en enhet kan inte vara överordnad sig själv"),
    ]


def test_a_quote_needs_the_value_it_quotes_for(tmp_path: Path) -> None:
    """Issue 24: `citat` holds the source's sentence for a value the record has."""
    body = insats('citat:\n  status: "som väntas pågå"\n  halsa: "delvis fått stå tillbaka"\n')
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 16, 3, "'citat' → 'halsa' citerar källan för fältet 'halsa', men posten har inget värde i "
                   "'halsa'; ta bort citatet eller fyll i fältet")]
    portfolio, problems = check(tmp_path, {("insats", "i"): body.replace("  halsa: \"delvis fått stå tillbaka\"\n", "")})
    assert problems == [] and portfolio.insats("i").citat == (("status", "som väntas pågå"),)


def test_a_quote_for_an_unknown_field_suggests_the_closest(tmp_path: Path) -> None:
    body = insats('citat:\n  stauts: "som väntas pågå"\n')
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 15, 3, "okänt fält 'stauts' — menade du 'status'?")]


def test_no_invented_date_for_a_source_without_one(tmp_path: Path) -> None:
    """V1: a source without `ar` has no date; the record may not give one."""
    undated = {("kalla", "k"): "id: k\ntitel: Källa\nbeskrivning: En källa utan datum.\n"}
    assert located(tmp_path, {**undated, ("enhet", "r"): "id: r\nnamn: Region R\ntyp: region\nkalla: k\n",
                              ("enhet", "u"): "id: u\nnamn: U\ntyp: sjukhus\nregion: r\nkalla: k\n",
                              ("behov", "b"): BASE[("behov", "b")].replace("uppgifterna_galler: 2017-06-13\n", "")}) == [
        (I, 13, 21, "källan 'k' anger inget datum, så posten kan inte ha 'uppgifterna_galler'; ta bort "
                    "fältet (sidan visar då \"Källan anger inget datum\") eller ange källans år i fältet 'ar' "
                    "i källans fil")]


def test_a_dated_source_needs_the_records_date(tmp_path: Path) -> None:
    body = insats().replace("uppgifterna_galler: 2017-06-13\n", "")
    assert located(tmp_path, {("insats", "i"): body}) == [
        (I, 2, 1, "källan 'k' är från 2017: ange källans datum i fältet 'uppgifterna_galler', så exakt "
                  "som källan anger det")]
