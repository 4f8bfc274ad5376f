"""A site indexed in parts searches exactly as one indexed whole (issue 15, search_bundle.py).

Pagefind itself indexes a small site once whole and once in parts; both bundles are decoded
into what a search reads: every page's fragment and, for every word and diacritic form, the
pages (by URL) and locations it is found at. The word index is cut small (Pagefind's unstable
chunk-size setting and ours alike) so that the merged chunk boundaries are checked too.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import cbor2
import pytest

from handbok import search_bundle, search_index
from handbok.search_bundle import read_gzip

WORDS = ("förändring förändringar behoven sjuksköterskor uppdragshandlingen projektledaren insats "
         "uppföljning budget förvaltning region införa bereda ärende kompetens vård omsorg").split()
SMALL_CHUNKS = 300


def _article(number: int) -> str:
    words = " ".join(WORDS[(number * 7 + i) % len(WORDS)] for i in range(40 + number % 13))
    picture = '<img src="bild.png" alt="Bild på ett möte">' if number == 31 else ""
    return (f'<!doctype html><html lang="sv"><head><title>Sida {number} – Handboken</title></head>'
            f'<body><article data-pagefind-body><h1 id="sida-{number}">Sida {number} om {WORDS[number % len(WORDS)]}</h1>'
            f'{picture}<p>{words}</p><h2 id="mer">Mer om sida{number}</h2><p>Unikt ord ord{number}x. {words[:80]}</p>'
            f"</article></body></html>")


def _site(folder: Path) -> Path:
    for number in range(36):
        page = folder / f"sida-{number:02d}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(_article(number), encoding="utf-8")
    return folder


def _meta_file(bundle: Path) -> Path:
    """The bundle's page metadata file, as its entry file names it (one language)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    ((_, info),) = entry["languages"].items()
    return bundle / f"pagefind.{info['hash']}.pf_meta"


def _meta(bundle: Path) -> list[Any]:
    meta: list[Any] = cbor2.loads(read_gzip(_meta_file(bundle)))
    return meta


def _decoded(bundle: Path) -> dict[str, Any]:
    """What a search reads from a bundle, keyed by page URL rather than page number."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    ((language, info),) = entry["languages"].items()
    version, pages, chunks, filters, sorts, fields = _meta(bundle)
    fragments = [json.loads(read_gzip(bundle / "fragment" / f"{name}.pf_fragment")) for name, _ in pages]
    urls = [fragment["url"] for fragment in fragments]

    def located(page_list: list[list[Any]]) -> dict[str, Any]:
        found, number = {}, 0
        for delta, locations, meta_locations in page_list:
            number += delta
            field, meta = None, []
            for value in meta_locations:
                if value < 0:
                    field = fields[-value - 1]
                else:
                    meta.append((field, value))
            found[urls[number]] = (locations, meta)
        return found

    words: dict[str, Any] = {}
    ranges = []
    for low, high, name in chunks:
        (chunk,) = cbor2.loads(read_gzip(bundle / "index" / f"{name}.pf_index"))
        for word, page_list, variants in chunk:
            assert low <= word and (word <= high or word.startswith(high)), (low, high, word)
            assert word not in words
            words[word] = (located(page_list), {form: located(v) for form, v in variants})
        ranges.append((low, high))
    assert ranges == sorted(ranges)
    return {"language": language, "version": version, "page_count": info["page_count"], "filters": filters,
            "sorts": sorts, "fields": fields, "ranges": ranges, "words": words,
            "pages": {fragment["url"]: (fragment, count) for fragment, (_, count) in zip(fragments, pages, strict=True)}}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same site indexed whole and in parts of about 3 KB (several pages each)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", str(SMALL_CHUNKS))
    patch.setattr(search_bundle, "CHUNK_SIZE", SMALL_CHUNKS)
    try:
        built = {}
        for name, part_bytes in (("whole", 10**9), ("parts", 3_000), ("one_page_parts", 1)):
            site = _site(tmp_path_factory.mktemp(name))
            search_index._index_pages(site, part_bytes)
            built[name] = site / search_index.BUNDLE_DIR
        return built
    finally:
        patch.undo()


@pytest.mark.parametrize("parts", ["parts", "one_page_parts"])
def test_a_bundle_merged_from_parts_searches_as_one_built_whole(bundles: dict[str, Path], parts: str) -> None:
    whole, merged = _decoded(bundles["whole"]), _decoded(bundles[parts])
    assert len(merged["pages"]) == merged["page_count"] == 36
    assert len(whole["ranges"]) > 3, "the test must cut the index into several chunks"
    assert merged == whole


def test_pages_with_their_own_meta_fields_keep_them_in_the_merged_bundle(bundles: dict[str, Path]) -> None:
    merged = _decoded(bundles["parts"])
    assert merged["fields"] == sorted(merged["fields"]) and "image" in merged["fields"]
    assert merged["pages"]["/sida-31/"][0]["meta"]["image_alt"] == "Bild på ett möte"


def test_the_merged_bundle_keeps_only_what_the_reader_loads(bundles: dict[str, Path]) -> None:
    names = {path.name for path in bundles["parts"].iterdir()}
    assert names == {"pagefind.js", "pagefind-entry.json", "wasm.sv.pagefind", "fragment", "index",
                     *(name for name in names if name.endswith(".pf_meta"))}
    assert len([name for name in names if name.endswith(".pf_meta")]) == 1


def test_fragment_names_that_collide_across_parts_get_names_of_their_own(tmp_path: Path) -> None:
    # Two parts whose pages Pagefind happened to give the same short name.
    first, second = _site(tmp_path / "first"), tmp_path / "second"
    second.mkdir()
    shutil.move(str(first / "sida-35"), str(second / "sida-35"))
    for site in (first, second):
        search_index._run_pagefind(site, site / "bundle")
    meta_file = _meta_file(second / "bundle")
    meta = _meta(second / "bundle")
    taken = _meta(first / "bundle")[1][0][0]
    (second / "bundle" / "fragment" / f"{meta[1][0][0]}.pf_fragment").rename(
        second / "bundle" / "fragment" / f"{taken}.pf_fragment")
    meta[1][0][0] = taken
    meta_file.write_bytes(gzip.compress(search_bundle.GZIP_PREFIX + cbor2.dumps(meta)))

    search_bundle.merge_bundles([first / "bundle", second / "bundle"], tmp_path / "merged")
    merged = _decoded(tmp_path / "merged")
    assert set(merged["pages"]) == {f"/sida-{number:02d}/" for number in range(36)}
    names = [name for name, _ in _meta(tmp_path / "merged")[1]]
    assert len(set(names)) == 36 and names[-1].startswith("sv_") and names[-1] != taken

