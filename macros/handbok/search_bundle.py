"""One Pagefind bundle from several, each built from part of the site (issue 15).

Pagefind 1.5 holds every page's words in one process: about 505 MB for 4,000 record pages, where
the build may use 400. Indexing the site in parts keeps each Pagefind run small; this module then
writes one bundle that searches exactly as a single run's would, in Pagefind's own file format
(CBOR inside gzip, as pagefind/src/index and pagefind/src/output write it in 1.5.2): pages are
numbered part after part, each word's page list is the parts' lists end to end, and the word
index is cut into chunks by Pagefind's own rule. Fragments (one per page) are moved, not rewritten.

Words are merged as sorted streams, one decoded chunk per part at a time, so the merge holds
about one chunk of each part in memory rather than the index.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import itertools
import json
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

GZIP_PREFIX = b"pagefind_dcd"
ENTRY_FILE = "pagefind-entry.json"
# Pagefind's default word-index chunk size (options.rs, default_index_chunk_size): a chunk ends
# once its words' page entries and locations add up to this many numbers.
CHUNK_SIZE = 20_000
# Pagefind compresses at level 9; level 6 takes a fifth of the time for 2 % more bytes (bench/).
COMPRESS_LEVEL = 6

# One word of the index as Pagefind stores it: [word, pages, variants]; a page is
# [page number minus the one before, locations, meta locations]; a variant is [form, pages].
Word = list[Any]


class BundleMergeError(RuntimeError):
    """A part's bundle has something this merge does not know how to combine."""


@dataclass(frozen=True)
class _Part:
    root: Path
    meta: list[Any]
    page_offset: int
    field_ids: dict[int, int]


def merge_bundles(parts: list[Path], out: Path) -> None:
    """Write into `out` one bundle searching every page of the `parts` bundles (moved from them)."""
    if len(parts) == 1:
        _move(parts[0], out)
        return
    entries = [json.loads((part / ENTRY_FILE).read_text(encoding="utf-8")) for part in parts]
    languages = {language for entry in entries for language in entry["languages"]}
    if len(languages) != 1 or len({entry["version"] for entry in entries}) != 1:
        raise BundleMergeError("Sökindexets delar har olika språk eller Pagefind-versioner.")
    language = languages.pop()
    metas = [_read_meta(part, entry["languages"][language]) for part, entry in zip(parts, entries, strict=True)]
    if any(meta[3] or meta[4] for meta in metas):
        raise BundleMergeError("Sökindexets delar har filter eller sorteringar, som sammanslagningen inte stöder.")

    fields = sorted({field for meta in metas for field in meta[5]})
    offsets = itertools.accumulate((len(meta[1]) for meta in metas[:-1]), initial=0)
    loaded = [_Part(root=part, meta=meta, page_offset=offset,
                    field_ids={old: fields.index(name) for old, name in enumerate(meta[5])})
              for part, meta, offset in zip(parts, metas, offsets, strict=True)]

    out.mkdir(parents=True)
    pages = _move_fragments(loaded, language, out / "fragment")
    chunks = _write_word_chunks(heapq.merge(*(_words(part) for part in loaded), key=lambda w: w[0]),
                                language, out / "index")
    meta = [metas[0][0], pages, chunks, [], [], fields]
    encoded = cbor2.dumps(meta)
    meta_hash = f"{language}_{_full_hash(encoded)[:len(language) + 8]}"
    _write_gzip(out / f"pagefind.{meta_hash}.pf_meta", encoded)

    entry = entries[0]
    entry["languages"][language].update(hash=meta_hash, page_count=len(pages))
    (out / ENTRY_FILE).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for path in parts[0].iterdir():
        if path.is_file() and path.name != ENTRY_FILE and not path.name.endswith(".pf_meta"):
            shutil.copyfile(path, out / path.name)


def _move(source: Path, target: Path) -> None:
    """Rename, or copy the bytes alone when the parts live on another file system."""
    shutil.move(source, target, copy_function=shutil.copyfile)


def read_gzip(path: Path) -> bytes:
    """A Pagefind data file's bytes: gzip with Pagefind's marker in front."""
    return gzip.decompress(path.read_bytes()).removeprefix(GZIP_PREFIX)


def _write_gzip(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(GZIP_PREFIX + data, compresslevel=COMPRESS_LEVEL, mtime=0))


def _read_meta(bundle: Path, entry_language: dict[str, Any]) -> list[Any]:
    """The bundle's page metadata file, named in its entry file's language record."""
    meta: list[Any] = cbor2.loads(read_gzip(bundle / f"pagefind.{entry_language['hash']}.pf_meta"))
    return meta


def _full_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: SHA-1 with each byte in hex without a leading zero."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _move_fragments(parts: list[_Part], language: str, folder: Path) -> list[list[Any]]:
    """Move every part's page fragments into `folder`; the merged page list (hash, word count).

    Fragment names are short hashes that are unique within one part only; a name another part
    already used for different content gets a longer hash of its own.
    """
    folder.mkdir()
    pages: list[list[Any]] = []
    names: set[str] = set()
    for part in parts:
        for name, word_count in part.meta[1]:
            source = part.root / "fragment" / f"{name}.pf_fragment"
            if name not in names:
                names.add(name)
                _move(source, folder / f"{name}.pf_fragment")
            elif (folder / f"{name}.pf_fragment").read_bytes() != source.read_bytes():
                name = _short_hash(f"{language}_{_full_hash(read_gzip(source))}", len(name), names)
                _move(source, folder / f"{name}.pf_fragment")
            pages.append([name, word_count])
    return pages


def _words(part: _Part) -> Iterator[Word]:
    """A part's words in index order, page numbers counted from the merged bundle's first page.

    Page numbers are deltas, so only each list's first entry changes.
    """
    renumber = part.field_ids != {old: old for old in part.field_ids}
    for _, _, chunk_hash in part.meta[2]:
        (words,) = cbor2.loads(read_gzip(part.root / "index" / f"{chunk_hash}.pf_index"))
        for word in words:
            for pages in (word[1], *(variant[1] for variant in word[2])):
                if pages:
                    pages[0][0] += part.page_offset
                if renumber:
                    for page in pages:
                        page[2] = _renumber_fields(page[2], part.field_ids)
            yield word


def _renumber_fields(meta_locations: list[int], field_ids: dict[int, int]) -> list[int]:
    """Meta locations name their field as -(id + 1); ids follow the merged field list."""
    return [-(field_ids[-value - 1] + 1) if value < 0 else value for value in meta_locations]


def _joined(pages: list[list[Any]], more: list[list[Any]]) -> list[list[Any]]:
    """Two delta-coded page lists end to end (`more` starts at an absolute page number)."""
    if pages and more:
        more[0][0] -= sum(page[0] for page in pages)
    return pages + more


def _combined(same_word: list[Word]) -> Word:
    """One word from its entries in several parts (parts in page order)."""
    word, pages, variants = same_word[0]
    forms = {variant[0]: variant for variant in variants}
    for _, more_pages, more_variants in same_word[1:]:
        pages = _joined(pages, more_pages)
        for form, variant_pages in more_variants:
            if form in forms:
                forms[form][1] = _joined(forms[form][1], variant_pages)
            else:
                forms[form] = [form, variant_pages]
    return [word, pages, list(forms.values())]


def _write_word_chunks(words: Iterator[Word], language: str, folder: Path) -> list[list[str]]:
    """Cut the merged words into chunks as Pagefind does and write them; the chunk list."""
    folder.mkdir()
    chunks: list[list[str]] = []
    names: set[str] = set()
    with ThreadPoolExecutor(max_workers=2) as compressing:  # zlib lets go of the GIL
        writes: list[Future[None]] = []
        for chunk in _chunked(words):
            encoded = cbor2.dumps([chunk])
            name = _short_hash(f"{language}_{_full_hash(encoded)}", len(language) + 8, names)
            writes.append(compressing.submit(_write_gzip, folder / f"{name}.pf_index", encoded))
            chunks.append([chunk[0][0], chunk[-1][0], name])
        for write in writes:
            write.result()
    return _trimmed_ranges(chunks)


def _chunked(words: Iterator[Word]) -> Iterator[list[Word]]:
    """Pagefind's `chunk_index`: a chunk ends once its pages and locations reach CHUNK_SIZE."""
    chunk: list[Word] = []
    size = 0
    for _, group in itertools.groupby(words, key=lambda w: w[0]):
        same_word = list(group)
        word = same_word[0] if len(same_word) == 1 else _combined(same_word)
        chunk.append(word)
        size += len(word[1]) + sum(len(page[1]) + len(page[2]) for page in word[1])
        if size >= CHUNK_SIZE:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _short_hash(digest: str, length: int, taken: set[str]) -> str:
    """The shortest prefix of `digest`, at least `length` long, not yet in `taken` (then taken)."""
    while digest[:length] in taken and length < len(digest):
        length += 1
    taken.add(digest[:length])
    return digest[:length]


def _trimmed_ranges(chunks: list[list[str]]) -> list[list[str]]:
    """Pagefind's `chunk_meta`: neighbouring chunks' bounds cut to their shortest distinct prefixes."""
    for before, after in itertools.pairwise(chunks):
        common = len(os.path.commonprefix([before[1], after[0]]))
        to_prefix, from_prefix = before[1][:common + 1], after[0][:common + 1]
        if to_prefix >= before[0]:
            before[1] = to_prefix
        after[0] = from_prefix
    return chunks
