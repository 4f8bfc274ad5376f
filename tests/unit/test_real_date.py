"""tests/real_date.py: the date tests over the real content run at (issue 23)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbok.builddate import today as stockholm_today
from tests.real_date import REAL_DATE, REAL_EPOCH, epoch_of, newest_content_date, real_content_date


def _write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def test_newest_date_comes_from_the_fields_validation_bounds_by_today(tmp_path: Path) -> None:
    _write(tmp_path, "data/insatser/a.yaml", 'uppgifterna_galler: "2030-02"\nperiod:\n  slut: "2099-12"\n'
           "statusrapporter:\n  - datum: 2030-03-04\n    text: 'datum: 2098-01-01'\n")
    _write(tmp_path, "data/behov/b.yaml", "senast_granskad: 2030-01-31  # bekräftad\n")
    _write(tmp_path, "docs/a.md", "---\nansvarig: R\nsenast_granskad: 2030-03-05\n---\n\n"
           "Exempel:\n\nsenast_granskad: 2097-01-01\n")
    assert newest_content_date(tmp_path) == dt.date(2030, 3, 5)


def test_the_real_date_is_never_before_the_clock_or_the_content(tmp_path: Path) -> None:
    assert newest_content_date(tmp_path) is None
    assert real_content_date(tmp_path) == stockholm_today({})
    _write(tmp_path, "data/behov/b.yaml", "senast_granskad: 2199-01-02\n")
    assert real_content_date(tmp_path) == dt.date(2199, 1, 2)
    assert REAL_DATE >= stockholm_today({})


def test_the_epoch_is_the_date_in_stockholm() -> None:
    assert stockholm_today({"SOURCE_DATE_EPOCH": REAL_EPOCH}) == REAL_DATE
    for date in (dt.date(2027, 3, 28), dt.date(2027, 10, 31), dt.date(2027, 12, 31)):  # DST changes
        assert stockholm_today({"SOURCE_DATE_EPOCH": epoch_of(date)}) == date
