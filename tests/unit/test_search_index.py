"""The search index step's pure parts: which HTML Pagefind reads, and Material's index shrunk."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace

from handbok import search_index
from handbok.search_index import indexable_html, material_config_only, remove_abandoned, scratch_parent

PAGE = ('<html lang="sv"><head><title>Bereda – Handboken</title></head><body><nav>meny</nav>'
        '<article class="md-content__inner md-typeset" data-pagefind-body><h1 id="b">Bereda</h1>'
        '<dl><dt>Typ</dt><dd>Gemensam</dd></dl></article><footer>sidfot</footer></body></html>')


def test_only_the_marked_article_is_indexed():
    html = indexable_html(PAGE)
    assert html is not None
    assert "<title>Bereda – Handboken</title>" in html and "<h1 id=\"b\">Bereda</h1>" in html
    assert "meny" not in html and "sidfot" not in html


def test_words_in_adjacent_blocks_stay_apart():
    assert "<dt>Typ</dt> <dd>Gemensam</dd> " in indexable_html(PAGE)


def test_pages_without_the_mark_are_left_out():
    assert indexable_html(PAGE.replace(" data-pagefind-body", "")) is None


def test_material_index_keeps_its_config_and_no_documents():
    config = {"lang": ["sv"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"]}
    full = json.dumps({"config": config, "docs": [{"location": "", "title": "Å", "text": "ö"}]})
    assert json.loads(material_config_only(full)) == {"config": config, "docs": []}


def test_scratch_goes_to_memory_only_with_room_for_twice_the_pages(tmp_path, monkeypatch):
    page = tmp_path / "sida.html"
    page.write_bytes(b"x" * 1000)
    memory = tmp_path / "minne"
    assert scratch_parent([page], memory) == Path(tempfile.gettempdir())  # no such folder
    memory.mkdir()
    assert scratch_parent([page], memory) == memory
    monkeypatch.setattr(search_index.shutil, "disk_usage", lambda _: SimpleNamespace(total=10_000, used=8_000, free=2_000))
    assert scratch_parent([page], memory) == Path(tempfile.gettempdir())


def test_scratch_left_by_a_process_that_is_gone_is_removed(tmp_path):
    ended = subprocess.Popen(["true"])
    ended.wait()
    abandoned = tmp_path / f"handbok-sok-{ended.pid}-abc"
    own = tmp_path / f"handbok-sok-{os.getpid()}-def"
    unrelated = tmp_path / "handbok-sok-annat"
    for folder in (abandoned, own, unrelated):
        (folder / "sidor-0").mkdir(parents=True)
    remove_abandoned(tmp_path, "handbok-sok-")
    assert not abandoned.exists() and own.exists() and unrelated.exists()
