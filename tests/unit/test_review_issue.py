"""The nightly review-reminder issue: title, grouping by owner, order, and a body that only changes with the data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from handbok.review_issue import group_by_owner, issue_title, overdue_entries, review_issue
from tests.conftest import REPO_ROOT


def _page(url: str, titel: str, ansvarig: str, due: str, *, forsenad: bool = True,
          typ: str = "sida", senast: str | None = "2024-01-10", galler: str | None = None) -> dict:
    folder = {"insats": "insatser", "behov": "behov", "enhet": "organisation"}.get(typ)
    fil = f"data/{folder}/{url.split('/')[1]}.yaml" if folder else f"docs/{url.rstrip('/') or 'index'}.md"
    return {"url": url, "titel": titel, "typ": typ, "fil": fil, "ansvarig": ansvarig,
            "senast_granskad": senast, "uppgifterna_galler": galler, "granskas_senast": due,
            "forsenad": forsenad}


def _sidor(*pages: dict, today: str = "2026-11-29") -> dict:
    return {"format": "forandringshandboken/sidor", "version": 1, "avser_datum": today,
            "granskningsintervall_manader": 12, "sidor": sorted(pages, key=lambda p: p["url"])}


SIDOR = _sidor(
    _page("process/bereda/", "Bereda", "Processägaren", "2025-03-01"),
    _page("principer/", "Principer", "Redaktionen", "2025-06-01"),
    _page("checklista/", "Checklista", "Redaktionen", "2025-01-15"),
    _page("insatser/c1-korkort/", "C1-körkort för ambulanspersonal", "", "2018-06-30",
          typ="insats", senast=None, galler="2017-06-13"),
    _page("behov/kompetens/", "Kompetens [äldre]", "  ", "2020-12-31", typ="behov", senast=None,
          galler="2019"),
    _page("roller/chef/", "Chef", "Redaktionen", "2027-11-01", forsenad=False),
)


def test_the_test_data_is_a_valid_sidor_json() -> None:
    schema = json.loads((REPO_ROOT / "schemas" / "sidor.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(SIDOR)


def test_title_counts_overdue_entries_with_singular_for_one() -> None:
    assert issue_title(5) == "Granskning: 5 sidor och poster är försenade"
    assert issue_title(1) == "Granskning: 1 sida eller post är försenad"
    assert review_issue(SIDOR)[0] == "Granskning: 5 sidor och poster är försenade"


def test_one_overdue_entry_reads_in_the_singular() -> None:
    title, body = review_issue(_sidor(_page("principer/", "Principer", "Redaktionen", "2025-06-01")))
    assert title == "Granskning: 1 sida eller post är försenad"
    assert body.startswith("1 sida eller post har passerat sitt datum för granskning.")


def test_nothing_overdue_gives_no_issue() -> None:
    assert review_issue(_sidor(_page("roller/chef/", "Chef", "Redaktionen", "2027-11-01", forsenad=False))) is None
    assert review_issue(_sidor()) is None


def test_groups_by_owner_alphabetically_with_no_owner_last_and_longest_overdue_first() -> None:
    groups = group_by_owner(overdue_entries(SIDOR))
    assert [(owner, [e.url for e in entries]) for owner, entries in groups] == [
        ("Processägaren", ["process/bereda/"]),
        ("Redaktionen", ["checklista/", "principer/"]),
        ("", ["insatser/c1-korkort/", "behov/kompetens/"]),
    ]


def test_body_lists_each_entry_under_its_owner() -> None:
    _, body = review_issue(SIDOR, site_url="https://handbok.example.se/")
    assert "## Processägaren (1)\n\n- **[Bereda](<https://handbok.example.se/process/bereda/>)** " \
           "(Sida, `docs/process/bereda.md`)\n  - Skulle granskas senast: 2025-03-01\n" \
           "  - Senast granskad: 2024-01-10\n" in body
    assert body.index("## Processägaren") < body.index("## Redaktionen (2)") \
        < body.index("## Ingen ansvarig angiven (2)")
    assert body.index("[Checklista]") < body.index("[Principer]")
    assert "Roller" not in body and "[Chef]" not in body


def test_records_show_their_information_date_and_never_confirmed() -> None:
    _, body = review_issue(SIDOR)
    record = body[body.index("- **[C1-körkort"):]
    assert record.splitlines()[:4] == [
        "- **[C1-körkort för ambulanspersonal](</insatser/c1-korkort/>)** (Insats, `data/insatser/c1-korkort.yaml`)",
        "  - Skulle granskas senast: 2018-06-30",
        "  - Senast granskad: aldrig bekräftad",
        "  - Uppgifterna gäller: 2017-06-13",
    ]
    page = body[body.index("- **[Bereda"):].splitlines()
    assert not page[3].startswith("  - Uppgifterna gäller")


def test_a_record_whose_source_has_no_date_says_so() -> None:
    """Issue 24 (V1): no invented year, and no 'uppgift saknas' for a source's silence."""
    undated = _sidor(_page("insatser/tlo/", "TLO", "Redaktionen för Förändringshandboken", None,
                           typ="insats", senast=None, galler=None))
    _, body = review_issue(undated)
    assert "  - Skulle granskas senast: genast (källan saknar datum)\n" in body
    assert "  - Uppgifterna gäller: källan anger inget datum\n" in body


def test_markdown_in_titles_is_escaped() -> None:
    _, body = review_issue(SIDOR)
    assert "[Kompetens \\[äldre\\]](</behov/kompetens/>)" in body


def test_body_is_the_same_on_another_day_and_in_another_order() -> None:
    later = _sidor(*reversed(SIDOR["sidor"]), today="2027-02-01")
    assert review_issue(later) == review_issue(SIDOR)
    assert "2026-11-29" not in review_issue(SIDOR)[1]


def test_body_changes_when_an_entry_is_confirmed() -> None:
    confirmed = _sidor(*[p for p in SIDOR["sidor"] if p["url"] != "principer/"])
    title, body = review_issue(confirmed)
    assert title == "Granskning: 4 sidor och poster är försenade"
    assert "[Principer]" not in body and body != review_issue(SIDOR)[1]


@pytest.mark.parametrize("broken", [{"format": "annat", "version": 1, "sidor": []},
                                    {"format": "forandringshandboken/sidor", "version": 2, "sidor": []},
                                    {"format": "forandringshandboken/sidor", "version": 1,
                                     "sidor": [{"url": "x/", "forsenad": True}]}])
def test_an_unknown_or_broken_index_is_a_value_error(broken: dict) -> None:
    with pytest.raises(ValueError):
        review_issue(broken)


def _cli(tmp_path: Path, sidor: dict) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    (tmp_path / "sidor.json").write_text(json.dumps(sidor, ensure_ascii=False), encoding="utf-8")
    title, body = tmp_path / "titel.txt", tmp_path / "text.md"
    completed = subprocess.run(
        [sys.executable, "-m", "handbok.cli", "review-issue", "--sidor", str(tmp_path / "sidor.json"),
         "--title-file", str(title), "--body-file", str(body)],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={"PYTHONPATH": str(REPO_ROOT / "macros"), "PATH": "/usr/bin:/bin"})
    return completed, title, body


def test_command_writes_title_and_body(tmp_path: Path) -> None:
    completed, title, body = _cli(tmp_path, SIDOR)
    assert completed.returncode == 0, completed.stderr
    assert title.read_text(encoding="utf-8") == "Granskning: 5 sidor och poster är försenade\n"
    assert body.read_text(encoding="utf-8") == review_issue(SIDOR)[1]


def test_command_writes_nothing_when_nothing_is_overdue(tmp_path: Path) -> None:
    completed, title, body = _cli(tmp_path, _sidor())
    assert (completed.returncode, completed.stdout) == (0, "Inga sidor eller poster är försenade; inget ärende behövs.\n")
    assert not title.exists() and not body.exists()


def test_command_reports_a_file_that_is_not_a_page_index(tmp_path: Path) -> None:
    completed, title, _ = _cli(tmp_path, {"format": "annat"})
    assert completed.returncode == 1
    assert completed.stderr.startswith("fel: ") and not title.exists()


def test_a_record_without_any_date_sorts_first_and_says_so() -> None:
    sidor = {"format": "forandringshandboken/sidor", "version": 1, "avser_datum": "2026-11-29",
             "granskningsintervall_manader": 12, "sidor": [
                 {"url": "organisation/a/", "titel": "A", "typ": "enhet", "fil": "data/organisation/a.yaml",
                  "ansvarig": "A", "senast_granskad": None, "uppgifterna_galler": None,
                  "granskas_senast": None, "forsenad": True},
                 {"url": "organisation/b/", "titel": "B", "typ": "enhet", "fil": "data/organisation/b.yaml",
                  "ansvarig": "A", "senast_granskad": None, "uppgifterna_galler": "2019",
                  "granskas_senast": "2020-12-31", "forsenad": True}]}
    entries = overdue_entries(sidor)
    assert [e.url for _, group in group_by_owner(entries) for e in group] == [
        "organisation/a/", "organisation/b/"]
    _, body = review_issue(sidor)
    assert "Skulle granskas senast: genast (källan saknar datum)" in body


def test_an_owner_or_title_never_mentions_anyone() -> None:
    sidor = _sidor(_page("principer/", "Principer för @alla", "@region/redaktionen", "2025-06-01"))
    _, body = review_issue(sidor)
    assert "@" not in body
    assert "## ＠region/redaktionen (1)" in body and "[Principer för ＠alla]" in body
