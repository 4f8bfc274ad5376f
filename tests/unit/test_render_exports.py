"""Exports: JSON and CSV round-trip every field, hostile text included."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from handbok.model import Status
from handbok.render import exports
from handbok.site import generated_files
from tests.unit.render_samples import AS_OF, HOSTILE, sample_portfolio


def _files():
    return {f.path: f.content for f in generated_files(sample_portfolio(), (), as_of=AS_OF)}


def test_initiatives_json_round_trips_every_field() -> None:
    portfolio = sample_portfolio()
    document = json.loads(_files()["portfolj/insatser.json"])
    assert (document["format"], document["version"], document["avser_datum"]) == (
        "forandringshandboken/insatser", 3, "2026-11-23")
    by_id = {r["id"]: r for r in document["insatser"]}
    assert list(by_id) == sorted(by_id)
    for insats in portfolio.insatser:
        record = by_id[insats.id]
        field_names = {f.name for f in dataclasses.fields(insats)} - {"source", "_"}
        assert field_names <= set(record) | {"kalla"}, field_names - set(record)
        for name in ("titel", "sammanfattning", "beskrivning", "halsokommentar", "uppdragsagare",
                     "projektledare"):
            assert record[name] == getattr(insats, name)
        assert record["halsa"] == (insats.halsa.value if insats.halsa else None)
        assert record["uppgifterna_galler"] == insats.uppgifterna_galler.iso()
        assert record["senast_granskad"] is None and record["aktuell"] is True
        assert record["forvaltningar"] == [u.id for u in insats.forvaltningar]
        assert record["organisationer"] == ["vgr"]
        assert record["citat"] == dict(insats.citat)
        assert record["behov"] == [b.id for b in insats.behov]
        assert record["effektmal"] == list(insats.effektmal)
        assert [(r["beskrivning"], r["sannolikhet"], r["konsekvens"], r["atgard"]) for r in record["risker"]] == [
            (r.beskrivning, r.sannolikhet, r.konsekvens, r.atgard) for r in insats.risker]
        assert sorted((r["datum"], r["halsa"], r["text"]) for r in record["statusrapporter"]) == sorted(
            (r.datum.isoformat(), r.halsa.value, r.text) for r in insats.statusrapporter)
    hostile = by_id["fientlig-insats"]
    assert hostile["titel"] == HOSTILE and hostile["period"] == {"start": "2025", "slut": None}
    assert hostile["finansiering"] == {"kalla": "egen-budget", "belopp_kr": None, "kommentar": HOSTILE}
    assert by_id["cytostatikakorkort"]["statusrapporter"][0]["datum"] == "2026-10-01"  # newest first


def test_needs_json_round_trips_and_marks_shared_needs() -> None:
    document = json.loads(_files()["portfolj/behov.json"])
    by_id = {r["id"]: r for r in document["behov"]}
    assert by_id["cytostatika"]["gemensamt"] is True and by_id["ensamt-behov"]["gemensamt"] is False
    assert by_id["cytostatika"]["insatser"] == ["cytostatikakorkort"]
    assert by_id["ensamt-behov"]["insatser"] == []
    assert by_id["fientligt-behov"]["titel"] == HOSTILE
    assert by_id["fientligt-behov"]["beskrivning"] == HOSTILE


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_initiatives_csv_has_bom_semicolons_and_round_trips_hostile_text() -> None:
    content = _files()["portfolj/insatser.csv"]
    assert content.decode("utf-8-sig").splitlines()[0].startswith('"id";"titel";')
    rows = {r["id"]: r for r in _csv_rows(content)}
    assert list(rows) == ["cytostatikakorkort", "fientlig-insats", "utan-effektmal"]
    hostile = rows["fientlig-insats"]
    for column in ("titel", "sammanfattning", "lägeskommentar", "uppdragsägare", "projektledare", "effektmål"):
        assert hostile[column] == HOSTILE, column
    assert hostile["läge"] == "Risk för avvikelse från planen" and hostile["status"] == Status.PAGAR.label
    assert hostile["organisation"] == "Västra Götalandsregionen"
    cyto = rows["cytostatikakorkort"]
    assert cyto["förvaltningar"].split("\n") == ["sahlgrenska", "nu-sjukvarden"]
    assert (cyto["start"], cyto["slut"], cyto["belopp_kr"], cyto["högsta_riskvärde"]) == (
        "2019-03", "2020-12", "1200000", "12")
    assert cyto["senaste_statusrapport"] == "2026-10-01"


def test_csv_cells_never_start_a_formula() -> None:
    portfolio = sample_portfolio()
    risky = dataclasses.replace(portfolio.insatser[0], titel="=HYPERLINK(\"http://x\")",
                                sammanfattning="-2+3", uppdragsagare="@SUM(A1)")
    portfolio = dataclasses.replace(portfolio, insatser=(risky,))
    row = _csv_rows(exports.initiatives_csv(portfolio, as_of=AS_OF).encode("utf-8"))[0]
    assert (row["titel"], row["sammanfattning"], row["uppdragsägare"]) == (
        "'=HYPERLINK(\"http://x\")", "'-2+3", "'@SUM(A1)")


def test_needs_csv_round_trips() -> None:
    rows = {r["id"]: r for r in _csv_rows(_files()["portfolj/behov.csv"])}
    assert rows["fientligt-behov"]["titel"] == HOSTILE
    assert rows["fientligt-behov"]["beskrivning"] == HOSTILE
    assert rows["cytostatika"]["gemensamt"] == "ja" and rows["ensamt-behov"]["gemensamt"] == "nej"
    assert rows["cytostatika"]["insatser"] == "cytostatikakorkort"
    assert rows["cytostatika"]["organisation"] == "Västra Götalandsregionen"


def test_exports_carry_the_organisation_and_the_quotes_of_the_real_data() -> None:
    """Issue 24: every record says which organisation it is about, and what its values rest on.

    Read from the frozen copy of the real data, so the pinned date never meets a newer edit."""
    from handbok.currency import AsOf
    from handbok.pipeline import load_portfolio
    from tests.unit.data_repo import REPO_ROOT
    frozen = REPO_ROOT / "tests" / "fixtures" / "portfolio" / "data"
    portfolio, problems = load_portfolio(frozen, REPO_ROOT / "schemas", today=AS_OF.today)
    assert problems == []
    document = json.loads(exports.initiatives_json(portfolio, as_of=AsOf(AS_OF.today, 12)))
    by_id = {r["id"]: r for r in document["insatser"]}
    assert by_id["forandringsledning-chefer-vgr"]["organisationer"] == ["vgr"]
    assert by_id["forandringsledning-chefer-vgr"]["citat"] == {
        "status": "som väntas pågå under hela 2019 och 2020", "period": "som väntas pågå under hela 2019 och 2020"}
    assert by_id["forandringsledning-chefer-vgr"]["uppgifterna_galler"] is None
    assert by_id["hifa"]["organisationer"] == ["region-ej-namngiven"]
    rows = {r["id"]: r for r in _csv_rows(exports.initiatives_csv(portfolio, as_of=AS_OF).encode("utf-8"))}
    assert rows["diagnostikkurs-psykologer-skane"]["organisation"] == "Region Skåne"
    assert rows["samordning-tlo-vgr"]["organisation"] == "Västra Götalandsregionen (VGR)"
