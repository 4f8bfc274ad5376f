"""Reproducible builds: the same tree and SOURCE_DATE_EPOCH give byte-identical files.

This includes sitemap.xml.gz (its gzip header carries a time stamp), the search index and
the generated portfolio exports. Both builds pin REAL_EPOCH (tests/real_date.py, via
build_site): a fixed instant that is never before the real content's newest date (issue 23).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, build_site
from tests.real_date import REAL_DATE, epoch_of

pytestmark = pytest.mark.build


def file_digests(site_dir: Path) -> dict[str, str]:
    return {p.relative_to(site_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site_dir.rglob("*")) if p.is_file()}


def differences(first: dict[str, str], second: dict[str, str]) -> list[str]:
    only = sorted(set(first) ^ set(second))
    changed = sorted(k for k in set(first) & set(second) if first[k] != second[k])
    return [f"bara i ett av byggena: {k}" for k in only] + [f"olika innehåll: {k}" for k in changed]


def test_two_builds_are_byte_identical(built_site, tmp_path):
    again = build_site(REPO_ROOT, tmp_path / "site")
    assert again.returncode == 0, again.output
    first, second = file_digests(built_site), file_digests(again.site_dir)
    for name in ("sitemap.xml.gz", "pagefind/pagefind-entry.json"):
        assert name in first, f"{name} saknas i bygget"
    found = differences(first, second)
    assert not found, "Två byggen med samma SOURCE_DATE_EPOCH skiljer sig:\n" + "\n".join(found)


def test_a_different_epoch_is_detected(built_site, tmp_path):
    """Negative control: the comparison sees a change of build date (sitemap.xml.gz at least).

    The other date is a day later, not earlier: an earlier one would call the newest real
    content the future and refuse to build."""
    next_day = epoch_of(REAL_DATE + dt.timedelta(days=1))
    other = build_site(REPO_ROOT, tmp_path / "site", env={"SOURCE_DATE_EPOCH": next_day})
    assert other.returncode == 0, other.output
    found = differences(file_digests(built_site), file_digests(other.site_dir))
    assert "olika innehåll: sitemap.xml.gz" in found, found
