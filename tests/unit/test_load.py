"""The YAML loader: every kind of broken file becomes one located Swedish problem."""

from __future__ import annotations

import pytest

from handbok.load import load_document

PATH = "data/insatser/x.yaml"


def problems(raw: bytes) -> list[tuple[int, int, str]]:
    document, found = load_document(PATH, raw)
    assert document is None, "a broken file must not produce a document"
    assert all(p.path == PATH for p in found)
    return [(p.line, p.column, p.message) for p in found]


def test_valid_file_keeps_dates_as_text_and_remembers_lines() -> None:
    document, found = load_document(PATH, b"# kommentar\nid: x\nperiod:\n  start: 2024-03-01\n")
    assert found == []
    assert document.data == {"id": "x", "period": {"start": "2024-03-01"}}
    node = document.node_at(("period", "start"))
    assert (node.start_mark.line + 1, node.start_mark.column + 1) == (4, 10)
    assert document.header == "# kommentar"


def test_byte_order_mark_is_accepted() -> None:
    document, found = load_document(PATH, "\ufeffid: x\ntitel: Åsa\n".encode())
    assert found == []
    assert document.data == {"id": "x", "titel": "Åsa"}


def test_duplicate_key_points_at_second_occurrence_and_names_the_first() -> None:
    assert problems(b"id: x\ntitel: a\nfas: bereda\ntitel: b\n") == [
        (4, 1, "dubblettnyckel 'titel' (första förekomsten på rad 2)")]


def test_duplicate_key_in_nested_mapping() -> None:
    assert problems(b"id: x\nperiod:\n  start: 2020\n  start: 2021\n") == [
        (4, 3, "dubblettnyckel 'start' (första förekomsten på rad 3)")]


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "YES"])
def test_yaml_11_booleans_where_text_is_expected(word: str) -> None:
    assert problems(f"id: x\ntitel: {word}\n".encode()) == [
        (2, 8, f"värdet '{word}' tolkas av YAML som ja/nej; skriv '{word}' inom citattecken "
               "om det är text")]


def test_quoted_no_is_text() -> None:
    document, found = load_document(PATH, b"id: x\ntitel: 'no'\n")
    assert found == [] and document.data["titel"] == "no"


def test_not_utf8_is_located_at_the_first_bad_byte() -> None:
    assert problems("id: x\ntitel: Förändring\n".encode("latin-1")) == [
        (2, 9, "filen är inte sparad som UTF-8 (byte 0xf6); spara om den med teckenkodningen UTF-8")]


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"# bara en kommentar\n", "\ufeff".encode()])
def test_empty_file(raw: bytes) -> None:
    assert problems(raw) == [(1, 1, "filen är tom: den ska innehålla fälten för en post "
                                    "(t.ex. 'id: …' och 'titel: …')")]


def test_list_instead_of_mapping() -> None:
    assert problems(b"# kommentar\n- id: x\n- id: y\n") == [
        (2, 1, "filen innehåller en lista, men ska innehålla fält med värden "
               "('fält: värde' på varsin rad)")]


def test_single_scalar_instead_of_mapping() -> None:
    assert problems(b"bara text\n") == [
        (1, 1, "filen innehåller ett enstaka värde, men ska innehålla fält med värden "
               "('fält: värde' på varsin rad)")]


def test_tabs_are_reported_on_every_line() -> None:
    assert problems(b"id: x\nperiod:\n\tstart: 2020\n\tslut: 2021\n") == [
        (3, 1, "tabbtecken är inte tillåtna i datafilerna; använd mellanslag"),
        (4, 1, "tabbtecken är inte tillåtna i datafilerna; använd mellanslag")]


def test_syntax_error_is_translated_and_located() -> None:
    assert problems(b"id: x\ntitel: Steg 1: bereda\n") == [
        (2, 14, "YAML-syntaxfel: ett kolon (':') står där inget fält kan börja "
                "(kontrollera indraget, eller sätt texten inom citattecken)")]


def test_unclosed_flow_list() -> None:
    assert problems(b"id: x\nforvaltningar: [a, b\n") == [
        (3, 1, "YAML-syntaxfel: en lista inom hakparenteser avslutas inte med ']'")]


def test_unclosed_braces_say_to_quote_text() -> None:
    assert problems(b"id: x\ntitel: {Steg 1\n") == [
        (3, 1, "YAML-syntaxfel: ett värde som börjar med '{' avslutas inte med '}' (är det text: "
               "sätt den inom citattecken)")]


def test_two_documents_in_one_file() -> None:
    assert problems(b"id: x\n---\nid: y\n") == [
        (2, 1, "YAML-syntaxfel: filen får bara innehålla ett YAML-dokument (ta bort raden '---')")]


def test_aliases_are_refused_at_the_anchor_so_no_expansion_bomb_or_cycle() -> None:
    assert problems(b"id: &a x\ntitel: *a\n") == [
        (1, 5, "ankare och alias (&namn, *namn) används inte i datafilerna; skriv ut värdet")]


def test_python_tags_are_refused() -> None:
    assert problems(b"id: !!python/object:os.system x\n") == [
        (1, 5, "YAML-taggen 'tag:yaml.org,2002:python/object:os.system' stöds inte i "
               "datafilerna; skriv värdet som vanlig text")]


# Issue 14: YAML 1.1 number forms, huge numbers and deep nesting are located problems.

@pytest.mark.parametrize(("written", "read_as"), [
    ("010", "8"), ("007", "7"), ("12:30", "750"), ("1:30.5", "90.5"), ("0x1F", "31"),
    ("0b101", "5"), ("1_000", "1000"), ("1_000.5", "1000.5"),
])
def test_yaml_11_number_forms_must_be_quoted(written: str, read_as: str) -> None:
    assert problems(f"id: x\nbelopp: {written}\n".encode()) == [
        (2, 9, f"värdet '{written}' läses av YAML som talet {read_as}; skriv \"{written}\" inom "
               "citattecken om det är text, eller skriv talet med bara siffror")]


@pytest.mark.parametrize("written", ["0o17", "'010'", '"12:30"', "1e400"])
def test_forms_yaml_reads_as_text_stay_text(written: str) -> None:
    document, found = load_document(PATH, f"id: x\nvarde: {written}\n".encode())
    assert found == [] and document.data["varde"] == written.strip("'\"")


@pytest.mark.parametrize(("written", "value"), [("0", 0), ("-3", -3), ("+12", 12), ("2.5", 2.5),
                                                 ("500000", 500000)])
def test_plain_decimal_numbers_are_numbers(written: str, value: object) -> None:
    document, found = load_document(PATH, f"id: x\nvarde: {written}\n".encode())
    assert found == [] and document.data["varde"] == value


@pytest.mark.parametrize("written", ["9" * 5000, "0x" + "f" * 5000, "1" * 16])
def test_numbers_with_too_many_digits(written: str) -> None:
    digits = sum(c.isalnum() for c in written)
    assert problems(f"id: x\nbelopp_kr: {written}\n".encode()) == [
        (2, 12, f"talet har {digits} siffror, men får ha högst 15")]


NESTED = "värdena är nästlade i fler än 20 nivåer (listor eller indragna fält i varandra); en post har högst några nivåer"


@pytest.mark.parametrize("levels", [21, 1000, 100_000])
def test_deep_flow_nesting_is_located(levels: int) -> None:
    raw = ("id: x\nperiod: " + "[" * levels + "]" * levels + "\n").encode()
    # Up to 1000 levels the 21st '[' is named; beyond, PyYAML's scanner stops first, further on.
    assert [(line, message) for line, _, message in problems(raw)] == [(2, NESTED)]
    assert problems(raw)[0][1] in (28, 1008)


def test_deep_block_nesting_is_located() -> None:
    body = "".join(" " * i + f"k{i}:\n" for i in range(300))
    assert problems(("id: x\nperiod:\n" + body).encode()) == [(23, 21, NESTED)]
    assert problems(("id: x\nrisker:\n" + "- " * 5000 + "a\n").encode()) == [(3, 39, NESTED)]


def test_ordinary_nesting_passes_the_depth_check() -> None:
    document, found = load_document(PATH, b"id: x\nrisker:\n  - beskrivning: [a, {b: [c]}]\n")
    assert found == [] and document.data["risker"] == [{"beskrivning": ["a", {"b": ["c"]}]}]
