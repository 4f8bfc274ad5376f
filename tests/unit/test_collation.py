"""Swedish collation (issue 13): the server sorts names as the portfolio table's script does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from handbok.collation import sort_key

ROOT = Path(__file__).resolve().parents[2]

TRICKY = [
    "Åtgärd", "Ägare", "Öppen", "Ö", "Ä", "Å", "Z", "zebra", "Zon", "ål", "äl", "öl", "al", "ol",
    "Ärende", "Översyn", "Avtal", "Örebro", "Åre", "Ängelholm", "Västerås", "Vård", "Wien", "vy",
    "Café", "Cafe", "cafe", "CAFE", "Cafés", "cafés", "Cafeteria", "éa", "eb", "ea", "éb", "è", "ê",
    "Müller", "Myller", "Mueller", "Mylla", "Mûller", "über", "yxa", "Ýr", "Yngre",
    "Æble", "Ära", "Ærende", "Øre", "Öre", "Oe", "Œuvre", "Ørsted",
    "fas 2", "fas 10", "fas 02", "fas 1", "fas 100", "Fas 2", "2020 års plan", "Plan 2025", "Plan 2024-2026",
    "e-tjänst", "etjänst", "e tjänst", "E-tjänst", "e–tjänst", "(e)tjänst", "e-hälsa", "ehälsa", "eHälsa",
    "a", "A", "aa", "AA", "Aa", "aA", "b", "B", "ab", "aB", "Ab", "AB",
    "Straße", "Strasse", "STRASSE", "Þorn", "Thorn", "thorn", "Đakovo", "Dakovo", "Ðe", "Łódź", "Lodz",
    "Señor", "Senor", "Garçon", "Garcon", "naïve", "naive", "Ångström", "Angstrom",
    "x", "x1", "x 1", "x-1", "x.1", "x,1", "x_1", "x/1", "x+1", "x%", "x§", "x€", "x$",
    "1177 Vårdguiden", "112", "Vårdguiden 1177", "Ärende 3", "Ärende 12",
]


def _real_names() -> list[str]:
    names = []
    for path in sorted((ROOT / "data").glob("*/*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in ("titel", "namn", "uppdragsagare"):
            if isinstance(record, dict) and isinstance(record.get(field), str):
                names.append(record[field])
    return names


def test_swedish_letters_follow_z_in_order_a_ring_a_umlaut_o_umlaut() -> None:
    words = ["Öppen", "Ärende", "Åtgärd", "Zon", "Avtal", "ål", "äpple", "öl"]
    assert sorted(words, key=sort_key) == ["Avtal", "Zon", "ål", "Åtgärd", "äpple", "Ärende", "öl", "Öppen"]


def test_accents_and_case_only_break_ties() -> None:
    assert sorted(["Cafés", "cafe", "Café", "Cafeteria", "Cafe", "café"], key=sort_key) == [
        "cafe", "Cafe", "café", "Café", "Cafés", "Cafeteria"]
    assert sorted(["Myller", "Müller", "Mylla"], key=sort_key) == ["Mylla", "Myller", "Müller"]


def test_digits_sort_by_value_and_before_letters() -> None:
    assert sorted(["fas 10", "fas b", "fas 2", "fas 1"], key=sort_key) == ["fas 1", "fas 2", "fas 10", "fas b"]


def test_punctuation_and_spaces_sort_before_letters() -> None:
    assert sorted(["etjänst", "e-tjänst", "e tjänst"], key=sort_key) == ["e tjänst", "e-tjänst", "etjänst"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_order_is_node_intl_collator_sv_numeric() -> None:
    words = sorted(set(_real_names() + TRICKY))
    script = ('const w = JSON.parse(require("fs").readFileSync(0, "utf8"));'
              'const c = new Intl.Collator("sv", {numeric: true});'
              'process.stdout.write(JSON.stringify(w.map(a => w.map(b => Math.sign(c.compare(a, b))))));')
    result = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True,
                            text=True, check=True)
    expected = json.loads(result.stdout)
    keys = [sort_key(word) for word in words]
    mismatches = [(a, b, expected[i][j]) for i, a in enumerate(words) for j, b in enumerate(words)
                  if expected[i][j] != (keys[i] > keys[j]) - (keys[i] < keys[j])]
    assert not mismatches[:40]
    assert len(_real_names()) > 50
