"""Reproducible builds: the same tree and SOURCE_DATE_EPOCH give byte-identical files.

This includes sitemap.xml.gz (its gzip header carries a time stamp), the search index and
the generated portfolio exports.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, build_site

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
    for name in ("sitemap.xml.gz", "search/search_index.json"):
        assert name in first, f"{name} saknas i bygget"
    found = differences(first, second)
    assert not found, "Två byggen med samma SOURCE_DATE_EPOCH skiljer sig:\n" + "\n".join(found)


def test_a_different_epoch_is_detected(built_site, tmp_path):
    """Negative control: the comparison sees a change of build date (sitemap.xml.gz at least)."""
    other = build_site(REPO_ROOT, tmp_path / "site", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert other.returncode == 0, other.output
    found = differences(file_digests(built_site), file_digests(other.site_dir))
    assert "olika innehåll: sitemap.xml.gz" in found, found
