"""What `make serve` keeps between rebuilds (issue 15): each cache gives what a fresh build gives.

The end-to-end proof (a serve rebuild equals a clean build) is tests/site/test_serve_incremental.py;
these tests pin the pieces: recorded macro calls, the rebuild state, kept records and exports.
"""

from __future__ import annotations

import csv
import gc
import io
import json
from pathlib import Path

import pytest

from handbok import build_model, pipeline, serve_cache, serve_gc
from handbok.macro_calls import MacroLog, calls_digest
from handbok.render import exports, page_index
from handbok.render.page_index import page_index_json
from handbok.review import review_entries
from tests.real_date import REAL_DATE
from tests.unit.render_samples import AS_OF, sample_portfolio

REPO_ROOT = Path(__file__).resolve().parents[2]


def _log(data: dict[str, str]) -> MacroLog:
    return MacroLog({"show": lambda key, suffix="": data[key] + suffix,
                     "fail": lambda: (_ for _ in ()).throw(ValueError("trasig"))})


def test_a_page_is_unchanged_exactly_when_its_recorded_calls_return_the_same() -> None:
    data = {"a": "ett", "b": "två"}
    log = _log(data)
    show = log.bound()["show"]
    log.begin_page("sida.md")
    assert show("a") + show("b", suffix="!") == "etttvå!"
    log.end_page()
    calls = log.calls["sida.md"]
    assert calls is not None and [c[0] for c in calls] == ["show", "show"]
    assert _log(dict(data)).replay(calls) == calls_digest(calls)
    assert _log({**data, "b": "tre"}).replay(calls) != calls_digest(calls)
    assert _log({**data, "c": "nytt"}).replay(calls) == calls_digest(calls)  # not read by the page


def test_a_call_that_cannot_be_recorded_or_replayed_means_the_page_is_rebuilt() -> None:
    log = _log({"a": "ett"})
    log.begin_page("sida.md")
    assert log.bound()["show"]("a", suffix="x") == "ettx"
    assert log.calls["sida.md"] is not None
    with pytest.raises(TypeError):
        log.bound()["show"](["en lista"])  # not plain: the page is marked, then the macro fails
    assert log.calls["sida.md"] is None
    assert log.replay(None) is None
    assert log.replay([("fail", "[[], {}]", "x")]) is None


def test_calls_outside_a_page_are_not_recorded_and_outputs_are_computed_once() -> None:
    counted = []
    log = MacroLog({"count": lambda: str(counted.append(1) or len(counted))})
    assert log.bound()["count"]() == "1" and log.bound()["count"]() == "1"
    assert log.calls == {}


def test_a_failed_rebuild_makes_the_next_one_rebuild_what_it_may_have_written(tmp_path: Path) -> None:
    path = serve_cache.state_path(tmp_path / "site")
    state = serve_cache.ServeState(path, keys={"a/index.html": "k1", "b/index.html": "k2"},
                                   written=["a/index.html", "b/index.html"])
    state.save()
    loaded = serve_cache.ServeState.load(path)
    assert loaded.keys == state.keys and loaded.written == state.written
    loaded.begin(["a/index.html"])  # the rebuild starts writing a/, then stops
    again = serve_cache.ServeState.load(path)
    assert again.keys == {"b/index.html": "k2"} and again.written is None
    serve_cache.mark_pending(path, ["index.html"])  # the error site, with the first still pending
    assert serve_cache.ServeState.load(path).keys == {"b/index.html": "k2"}
    again.save()  # a completed rebuild clears the pending list
    assert not serve_cache.pending_path(path).exists()
    assert serve_cache.ServeState.load(path).keys == {"b/index.html": "k2"}


def test_stale_files_from_the_last_list_or_from_the_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("gammal/index.html", "ny/index.html", "pagefind/x.pf", "okand.txt"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", encoding="utf-8")
    expected = ["ny/index.html"]
    from_list = serve_cache.stale_files(site, expected, ["gammal/index.html", "ny/index.html", "borta.html"],
                                        kept_dirs=("pagefind",))
    assert from_list == [site / "gammal/index.html"]
    scanned = serve_cache.stale_files(site, expected, None, kept_dirs=("pagefind",))
    assert scanned == [site / "gammal/index.html", site / "okand.txt"]


def test_the_collector_is_paused_during_a_rebuild_and_resumed_after() -> None:
    try:
        serve_gc.pause()
        assert not gc.isenabled()
        serve_gc.pause()  # a rebuild that stopped half-way: collected, paused again
        assert not gc.isenabled()
        serve_gc.collect_and_resume()
        assert gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.real_content
def test_unchanged_records_are_kept_and_records_that_refer_to_a_changed_one_are_not(tmp_path: Path) -> None:
    def load() -> dict[str, list]:
        data = pipeline.load_data(tmp_path / "data", REPO_ROOT / "schemas", today=REAL_DATE)
        assert data.portfolio is not None, data.problems
        return {"portfolio": data.portfolio, "documents": data.documents}

    for folder in ("insatser", "behov", "organisation", "kallor"):
        source = REPO_ROOT / "data" / folder
        (tmp_path / "data" / folder).mkdir(parents=True)
        for file in source.glob("*.yaml"):
            (tmp_path / "data" / folder / file.name).write_bytes(file.read_bytes())
    first = load()["portfolio"]
    assert load()["portfolio"] is first  # nothing changed: the very same portfolio
    need = next(b for b in first.behov if first.initiatives_for_need(b))
    path = tmp_path / "data" / "behov" / f"{need.id}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"titel: {need.titel}", "titel: Ny titel", 1),
                    encoding="utf-8")
    second = load()["portfolio"]
    assert second.behov_by_id(need.id).titel == "Ny titel"
    for insats in second.insatser:
        kept = insats is first.insats(insats.id)
        assert kept == (need.id not in {b.id for b in insats.behov}), insats.id
        assert kept or next(b for b in insats.behov if b.id == need.id).titel == "Ny titel"
    assert len(build_model._KEPT.current) == sum(len(d) for d in load()["documents"].values())


def test_exports_kept_per_record_are_what_json_dumps_and_csv_write_for_the_whole_list() -> None:
    portfolio = sample_portfolio()
    whole = {"format": exports.INSATSER_FORMAT, "version": exports.FORMAT_VERSION,
             "avser_datum": AS_OF.today.isoformat(),
             "insatser": [exports.initiative_record(i, portfolio, AS_OF) for i in sorted(portfolio.insatser, key=lambda i: i.id)]}
    assert exports.initiatives_json(portfolio, as_of=AS_OF) == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"
    empty = exports.json_with_list({"a": 1}, "lista", [])
    assert empty == json.dumps({"a": 1, "lista": []}, ensure_ascii=False, indent=1) + "\n"
    needs = json.loads(exports.needs_json(portfolio, as_of=AS_OF))["behov"]
    assert needs == [exports.need_record(b, portfolio, AS_OF) for b in sorted(portfolio.behov, key=lambda b: b.id)]
    rows = list(csv.reader(io.StringIO(exports.initiatives_csv(portfolio, as_of=AS_OF).removeprefix("\ufeff")),
                           delimiter=";"))
    assert rows[0] == exports.INITIATIVE_COLUMNS and len(rows) == len(portfolio.insatser) + 1
    entries = review_entries([], portfolio, AS_OF)
    expected = {"format": "forandringshandboken/sidor", "version": 1, "avser_datum": AS_OF.today.isoformat(),
                "granskningsintervall_manader": AS_OF.review_months,
                "sidor": [page_index._entry(e) for e in sorted(entries, key=lambda e: e.url)]}
    assert page_index_json(entries, as_of=AS_OF) == json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
