"""Record pages in the built search index: the title is found, the breadcrumbs are not (issue 13).

Without the exclusion every record's text began with "Start Insatser <title>" and matched
searches for the section's name. The breadcrumbs carry `data-search-exclude` (Material's
search) and are among the selectors Pagefind ignores (handbok/search_index.py, issue 15);
this reads the Pagefind fragments readers download.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from handbok.kinds import PAGE_KINDS
from tests.conftest import REPO_ROOT, search_documents

pytestmark = pytest.mark.build

_TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def _records() -> list[tuple[str, str, str]]:
    """(page URL, title, section label) of every record page, straight from the YAML."""
    records = []
    for kind in PAGE_KINDS:
        for source in sorted((REPO_ROOT / "data" / kind.folder).glob("*.yaml")):
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            records.append((kind.page_url(source.stem), data.get("titel") or data["namn"], kind.label))
    return records


@pytest.fixture(scope="module")
def search_docs(built_site: Path) -> dict[str, dict[str, str]]:
    docs = search_documents(built_site)
    assert docs, "inga Pagefind-fragment i bygget"
    return docs


def test_record_pages_are_indexed_by_title_without_breadcrumbs(search_docs: dict[str, dict[str, str]]) -> None:
    records = _records()
    assert len(records) > 40
    for url, title, section in records:
        page = search_docs.get(url)
        assert page is not None, f"{url} saknas i sökindexet"
        assert html.unescape(page["title"]) == " ".join(title.split())
        text = _plain(page["text"])
        assert not text.startswith("Start"), (url, text[:80])
        assert not text.startswith(f"{section} {title}"), (url, text[:80])


def test_breadcrumb_words_appear_in_no_record_entry(search_docs: dict[str, dict[str, str]]) -> None:
    """No entry of a record page (the page or its sections) starts with the breadcrumb trail."""
    prefixes = {url for url, _, _ in _records()}
    for location, doc in search_docs.items():
        if location.split("#")[0] in prefixes:
            assert not re.match(r"Start (Insatser|Behov|Organisation) ", _plain(doc["text"])), location
