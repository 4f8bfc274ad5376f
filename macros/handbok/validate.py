"""Check loaded documents against the JSON Schemas and the cross-record rules; return problems.

Every message is Swedish, names the field and says what is allowed; every problem points at
the YAML node it is about (a missing field at its mapping, an unknown field at its key).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import fastjsonschema
import yaml
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator

from handbok.kinds import ENHET, KIND_BY_NAME, RECORD_KINDS, SLUG_PATTERN
from handbok.load import Document
from handbok.model import QUOTED_FIELDS, PartialDate
from handbok.placeholders import is_placeholder_id
from handbok.problems import Problem
from handbok.suggestions import closest, enum_labels

_SLUG = re.compile(SLUG_PATTERN)
_SLUG_EXPLANATION = ("ska bestå av små bokstäver a–z, siffror och bindestreck (å/ä blir a, ö blir o), "
                     "t.ex. 'skaraborgs-sjukhus'")
# Dates in the data (full or partial) must name a year in this range; the schemas' integer
# years use the same bounds.
YEAR_MIN, YEAR_MAX = 1900, 2100
_TYPE_NAMES = {
    "string": "text", "integer": "ett heltal", "number": "ett tal", "boolean": "true eller false",
    "array": "en lista (rader som börjar med '- ')", "object": "indragna fält (namn: värde)",
    "null": "tomt",
}

# (field, target kind) per record kind; list-valued fields hold several references.
_REFERENCES = {
    "insats": (("forvaltningar", "enhet"), ("behov", "behov"), ("kalla", "kalla")),
    "behov": (("forvaltningar", "enhet"), ("kalla", "kalla")),
    "enhet": (("overordnad", "enhet"), ("region", "enhet"), ("kalla", "kalla")),
    "kalla": (),
}


def schema_header(kind: str) -> str:
    """The first line every data file of this kind starts with (editor completion and checks)."""
    return f"# yaml-language-server: $schema=../../{KIND_BY_NAME[kind].schema_path}"


def _is_whole_number(checker: object, instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


# JSON Schema counts 2020.0 as an integer; the handbook would then publish "500 000.0 kr"
# and "2020.0" (issue 14), so whole numbers must be written without a decimal point.
_Validator: type[Validator] = validators.extend(  # type: ignore[no-untyped-call]  # unannotated in types-jsonschema
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number))


def python_pattern(pattern: str) -> str:
    """An ECMA-262 pattern as Python reads it: `$` matches only at the very end.

    Python's `$` also matches before a final newline, so `id: "x\n"` passed `^…$` (issue 14);
    editors check the same schema with JavaScript, where it does not.
    """
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            char = r"\Z"
        out.append(char)
    return "".join(out)


def with_python_patterns(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {key: python_pattern(value) if key == "pattern" and isinstance(value, str)
                else with_python_patterns(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [with_python_patterns(item) for item in schema]
    return copy.copy(schema)


def load_validators(schema_dir: Path, repo_root: Path) -> tuple[dict[str, Validator],
                                                                list[Problem]]:
    """One validator per kind, with formats enforced; a broken schema file is a problem."""
    loaded: dict[str, Validator] = {}
    problems: list[Problem] = []
    for kind in RECORD_KINDS:
        path = schema_dir / kind.schema_file
        validator, problem = load_validator(path, _relative(path, repo_root))
        if problem is not None:
            problems.append(problem)
        if validator is not None:
            loaded[kind.name] = validator
    return loaded, problems


def load_validator(path: Path, rel: str) -> tuple[Validator | None, Problem | None]:
    """(validator, None) for one schema file, or (None, the located problem with it)."""
    schema, problem = read_schema(path, rel)
    if problem is not None:
        return None, problem
    return _Validator(with_python_patterns(schema), format_checker=Draft202012Validator.FORMAT_CHECKER), None


def read_schema(path: Path, rel: str) -> tuple[Any, Problem | None]:
    try:
        schema = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        return None, Problem(rel, 1, 1, f"schemat kan inte läsas: {error.strerror}", "schema")
    except UnicodeDecodeError as error:
        return None, Problem(rel, 1, 1, f"schemat är inte sparat som UTF-8 (byte {error.start + 1})",
                             "schema")
    except json.JSONDecodeError as error:
        return None, Problem(rel, error.lineno, error.colno, f"schemat är inte giltig JSON: "
                             f"{_json_error(error.msg)}", "schema")
    except RecursionError:
        return None, Problem(rel, 1, 1, "schemat är nästlat för djupt", "schema")
    if not isinstance(schema, dict):
        return None, Problem(rel, 1, 1, "schemat ska vara ett JSON-objekt ({ … })", "schema")
    try:
        Draft202012Validator.check_schema(schema)
        fastjsonschema.compile(with_python_patterns(schema))
    except Exception as error:  # SchemaError, fastjsonschema's definition errors, bad regexes
        where = "/".join(str(step) for step in getattr(error, "path", ())) or "roten"
        message = getattr(error, "message", None) or str(error)
        return None, Problem(rel, 1, 1, f"schemat är ogiltigt vid {where}: {message}", "schema")
    return schema, None


_JSON_ERRORS = {
    "Expecting ',' delimiter": "ett kommatecken saknas",
    "Expecting ':' delimiter": "ett kolon saknas",
    "Expecting property name enclosed in double quotes": "ett fältnamn inom citattecken "
    "väntades (extra kommatecken?)",
    "Expecting value": "ett värde saknas",
    "Unterminated string starting at": "en text saknar avslutande citattecken",
    "Extra data": "text efter schemats slut",
}


def _json_error(message: str) -> str:
    return next((sv for en, sv in _JSON_ERRORS.items() if message.startswith(en)), message)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------- per file


def header_problems(document: Document, kind: str) -> list[Problem]:
    expected = schema_header(kind)
    if document.header.strip() == expected:
        return []
    return [Problem(document.path, 1, 1, f"första raden ska vara '{expected}' (den ger "
                    "kontroll och förslag i editorn)", "schemarad")]


FastCheck = Callable[[Any], bool]


def fast_check(validator: Validator) -> FastCheck:
    """A compiled yes/no check of the same schema, ~15× faster than `iter_errors`.

    Most records are valid, so only the ones it rejects pay for jsonschema's full, located
    error walk (issue 9: validation must stay a small share of the build).
    """
    # read_schema accepts only a JSON object as the schema, so it is a dict here.
    compiled = fastjsonschema.compile(cast(dict[str, Any], validator.schema), formats={"date": _is_date})

    def is_valid(instance: Any) -> bool:
        if _has_float(instance):
            return False  # fastjsonschema counts 2.0 as an integer; let jsonschema decide
        try:
            compiled(instance)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return is_valid


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_float(item) for item in value)
    return False


def _is_date(text: str) -> bool:
    """The same test as jsonschema's `date` format: YYYY-MM-DD and a real calendar day."""
    return bool(_DATE_RE.fullmatch(text) and _full_date(text))


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def schema_problems(document: Document, validator: Validator,
                    is_valid: FastCheck | None = None, *,
                    hints: Mapping[str, str] | None = None) -> list[Problem]:
    """Every schema violation in one document, each located at its YAML node.

    `hints` (field name -> what the field must hold) extend the messages about a missing
    field or a value that does not match the field's pattern.
    """
    if is_valid is not None and is_valid(document.data):
        return []
    problems: list[Problem] = []
    for error in validator.iter_errors(document.data):
        problems.extend(_problems_for_error(document, error, hints or {}))
    return problems


def year_problems(document: Document, validator: Validator) -> list[Problem]:
    """Dates (fields with the `date` format or a partial-date pattern) outside YEAR_MIN–YEAR_MAX.

    The schema's pattern accepts 0000 and 9999, which the timeline and date arithmetic
    cannot represent (issue 14).
    """
    problems = []
    for path, value in _date_values(document.data, validator.schema, ()):
        match = re.match(r"[0-9]{4}", value)
        if match is None or YEAR_MIN <= int(match.group()) <= YEAR_MAX:
            continue
        problems.append(_located(document.path, document.node_at(path),
                                 f"{_subject(path)} har värdet {_show(value)}: året ska ligga mellan "
                                 f"{YEAR_MIN} och {YEAR_MAX}", "ar-utanfor"))
    return problems


def _date_values(value: Any, schema: Any, path: tuple[str | int, ...]) \
        -> Iterator[tuple[tuple[str | int, ...], str]]:
    if not isinstance(schema, dict):
        return
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            yield from _date_values(item, properties.get(key), (*path, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _date_values(item, schema.get("items"), (*path, position))
    elif isinstance(value, str) and _is_date_schema(schema):
        yield path, value


def _is_date_schema(schema: dict[str, Any]) -> bool:
    if schema.get("format") == "date" or str(schema.get("pattern", "")).startswith("^[0-9]{4}"):
        return True
    return any(_is_date_schema(branch) for branch in schema.get("anyOf", []) if isinstance(branch, dict))


def _problems_for_error(document: Document, error: ValidationError,
                        hints: Mapping[str, str]) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    keyword = error.validator
    if keyword in ("anyOf", "oneOf") and not _is_scalar_with_description(error):
        deepest = best_match(error.context or [])
        if deepest is not None:
            yield from _problems_for_error(document, deepest, hints)
            return
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(_keyword_schema(error).get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            node = document.node_at((*path, key), key=True)
            yield _located(document.path, node, _unknown_field_message(key, allowed),
                           "okant-falt")
        return
    if keyword == "required":
        node = document.node_at(path)
        missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        hint = f"; {hints[missing]}" if missing in hints else ""
        yield _located(document.path, node, f"obligatoriskt fält '{missing}' saknas{hint}",
                       "obligatoriskt-falt")
        return
    yield _located(document.path, _value_node(document, path), _value_message(error, path, hints),
                   f"schema-{keyword}")


def _value_node(document: Document, path: tuple[str | int, ...]) -> yaml.Node:
    """The value's node, or its key's when the value is a block list or mapping (which
    starts on the line after the key, where an editor would not look)."""
    node = document.node_at(path)
    if path and isinstance(path[-1], str) and isinstance(node, yaml.CollectionNode):
        return document.node_at(path, key=True)
    return node


def _is_scalar_with_description(error: ValidationError) -> bool:
    return not isinstance(error.instance, dict | list) and "description" in _keyword_schema(error)


def _keyword_schema(error: ValidationError) -> Mapping[str, Any]:
    """The schema object holding the failed keyword (an error from a `false` schema has none)."""
    return error.schema if isinstance(error.schema, Mapping) else {}


def _unknown_field_message(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"okänt fält '{_visible(key)}' — menade du '{close[0]}'?"
    return f"okänt fält '{_visible(key)}' — tillåtna fält är: {', '.join(allowed)}"


def _value_message(error: ValidationError, path: tuple[str | int, ...],
                   hints: Mapping[str, str]) -> str:
    subject = _subject(path)
    hint = hints.get(path[-1]) if path and isinstance(path[-1], str) else None
    value, keyword, schema = error.instance, error.validator, _keyword_schema(error)
    if keyword == "enum":
        allowed = ", ".join(str(v) for v in schema["enum"])
        guess = closest(value, map(str, schema["enum"]), enum_labels()) \
            if isinstance(value, str) else None
        hint = f" — menade du '{guess}'?" if guess else ""
        return f"{subject} har värdet {_show(value)}, tillåtna värden är: {allowed}{hint}"
    if keyword == "type":
        expected = schema["type"]
        names = [expected] if isinstance(expected, str) else expected
        return _type_message(subject, names, value, schema)
    if keyword == "format":
        return f"{subject} har värdet {_show(value)}, som inte är ett giltigt datum (ÅÅÅÅ-MM-DD)"
    if keyword == "pattern":
        return f"{subject} har värdet {_show(value)}, men {hint or _pattern_explanation(schema)}"
    return _bounds_message(subject, value, str(keyword), schema) or \
        f"{subject} är inte giltigt: {error.message}"


def _type_message(subject: str, names: list[str], value: Any, schema: Mapping[str, Any]) -> str:
    if "string" in names and isinstance(value, dict) and len(value) == 1:
        # `- Mål: fler utbildade`: the colon made the text a field (issue 23).
        key, inner = next(iter(value.items()))
        pronoun = "den" if subject.startswith("punkt") else "det"
        quoted = f": {_quoted_example(key, inner)}" if isinstance(inner, str | int | float | None) \
            else ""
        return (f"{subject} ska vara text, men ett kolon (':') gör om {pronoun} till ett fält; sätt "
                f"texten inom citattecken{quoted}")
    if names == ["object"]:
        example = next(iter(schema.get("properties", {})), "namn")
        return (f"{subject} ska ha indragna fält på raderna under sig (som '{example}: …'), men är "
                f"{_describe(value)}")
    wanted = " eller ".join(_TYPE_NAMES.get(n, n) for n in names)
    return f"{subject} ska vara {wanted}, men är {_describe(value)}"


def _quoted_example(key: object, value: str | float | None) -> str:
    """The text as the editor wrote it, in double quotes (a JSON string is valid YAML)."""
    text = f"{key}:" if value is None else f"{key}: {value}"
    return _visible(json.dumps(text, ensure_ascii=False), limit=80)


def _pattern_explanation(schema: Mapping[str, Any]) -> str:
    if schema["pattern"] == python_pattern(SLUG_PATTERN):
        return _SLUG_EXPLANATION
    return f"ska matcha mönstret {schema['pattern'].replace(chr(92) + 'Z', '$')}"


def _bounds_message(subject: str, value: object, keyword: str, schema: Mapping[str, Any]) -> str | None:
    """Messages for numeric bounds, lengths, list rules and the date alternatives."""
    if keyword in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        allowed = f"{low}–{high}" if low is not None and high is not None else \
            (f"minst {low}" if low is not None else f"högst {high}")
        return f"{subject} har värdet {_show(value)}, tillåtet är {allowed}"
    if keyword == "minLength":
        return f"{subject} får inte vara tomt"
    if keyword == "maxLength" and isinstance(value, str):
        return f"{subject} har {len(value)} tecken, men får ha högst {schema['maxLength']}"
    if keyword == "minItems":
        return f"{subject} måste ha minst {schema['minItems']} värde"
    if keyword == "uniqueItems":
        return f"{subject} innehåller samma värde flera gånger"
    if keyword in ("anyOf", "oneOf"):
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", value):
            # Written as a date, but the day or month does not exist (2026-02-30, 2026-13).
            return f"{subject} har värdet {_show(value)}, som inte är ett datum som finns"
        return f"{subject} har värdet {_show(value)}, som inte är tillåtet: {schema['description']}"
    return None


def _subject(path: tuple[str | int, ...]) -> str:
    names = [step for step in path if isinstance(step, str)]
    if not names:
        return "posten"
    if isinstance(path[-1], int):
        return f"punkt {path[-1] + 1} i fältet '{names[-1]}'"
    return f"fältet '{names[-1]}'"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if value is None:
        return "tomt"
    if isinstance(value, str):
        return f"'{_visible(value)}'"
    return _describe(value)


def _visible(text: str, limit: int = 60) -> str:
    """Text safe on one message line: control characters and invisible marks as escapes."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _describe(value: Any) -> str:
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return f"sanningsvärdet {_show(value)}"
    if isinstance(value, int | float):
        return f"talet {value}"
    if isinstance(value, str):
        return f"texten '{_visible(value)}'"
    if isinstance(value, list):
        return "en lista"
    fields = [f"'{_visible(str(key), 30)}: …'" for key in list(value)[:3]]
    if not fields:
        return "tomma klammerparenteser ('{}')"
    more = ", …" if len(value) > 3 else ""
    return f"fältet {fields[0]}" if len(fields) == 1 else f"fälten {', '.join(fields)}{more}"


def _located(path: str, node: yaml.Node, message: str, rule: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, message, rule)


# ---------------------------------------------------------------- across records


def cross_record_problems(documents: dict[str, list[Document]], today: dt.date, *,
                          unreadable: dict[str, set[str]] | None = None) -> list[Problem]:
    """Rules that need more than one record: ids, references, dates and statuses.

    `unreadable` holds, per kind, the file stems of files that could not be parsed: references
    to them count as resolved, so one broken file is reported once, not at every reference.
    """
    unreadable = {kind: set(stems) for kind, stems in (unreadable or {}).items()}
    for kind in RECORD_KINDS:  # a record without a usable id is reported once, by the schema
        unreadable.setdefault(kind.name, set()).update(
            Path(d.path).stem for d in documents.get(kind.name, [])
            if not isinstance(d.data.get("id"), str) or not _SLUG.fullmatch(d.data["id"]))
    index = _IdIndex(documents, unreadable)
    problems: list[Problem] = []
    for kind in RECORD_KINDS:
        for document in documents.get(kind.name, []):
            problems += _id_problems(document, index, kind.name)
            problems += _reference_problems(document, index, kind.name)
            if kind.name in ("insats", "behov", "enhet"):
                problems += _record_date_problems(document, today)
                problems += _source_date_problems(document, index, required=kind.name != "enhet")
            if kind.name in ("insats", "behov"):
                problems += _quote_problems(document)
            if kind.name == "insats":
                problems += _initiative_problems(document, today)
            if kind.name == "behov":
                problems += _need_problems(document, index)
        problems += _old_id_problems(documents.get(kind.name, []), index, kind.name)
    problems += _parent_cycle_problems(documents.get("enhet", []))
    return problems


def _parent_cycle_problems(units: list[Document]) -> list[Problem]:
    """A unit may not be its own ancestor through `overordnad` (the tree would have no root).

    Each unit is walked once (linear in the number of units, no recursion: issue 14).
    """
    parent_of: dict[str, str | None] = {}
    document_of: dict[str, Document] = {}
    for document in units:
        unit_id = _text(document.data.get("id"))
        if unit_id is not None and unit_id not in parent_of:
            parent_of[unit_id] = _text(document.data.get("overordnad"))
            document_of[unit_id] = document
    done: set[str] = set()
    problems = []
    for start in parent_of:
        position: dict[str, int] = {}
        walk: list[str] = []
        current: str | None = start
        while current is not None and current in parent_of and current not in done \
                and current not in position:
            position[current] = len(walk)
            walk.append(current)
            current = parent_of[current]
        if current is not None and current in position:
            cycle = walk[position[current]:]
            for index, unit_id in enumerate(cycle):
                chain = " → ".join([*cycle[index:], *cycle[:index], unit_id])
                problems.append(_located(document_of[unit_id].path,
                                         document_of[unit_id].node_at(("overordnad",)),
                                         f"fältet 'overordnad' bildar en cirkel ({chain}); en enhet "
                                         "kan inte vara överordnad sig själv", "overordnad-cirkel"))
        done.update(walk)
    cyclic = {p.path for p in problems}
    return problems + _depth_problems(parent_of, document_of, cyclic)


MAX_UNIT_DEPTH = 15  # levels below a top unit; the organisation page nests its list this deep


def _depth_problems(parent_of: dict[str, str | None], document_of: dict[str, Document],
                    cyclic: set[str]) -> list[Problem]:
    """The first unit of each chain that lies deeper than MAX_UNIT_DEPTH (linear, memoised)."""
    depth: dict[str, int] = {}
    for start in parent_of:
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = start
        while current in parent_of and current not in depth and current not in seen \
                and document_of[current].path not in cyclic:
            chain.append(current)
            seen.add(current)
            current = parent_of[current]
        base = depth.get(current, 0) if current is not None else 0
        for offset, unit_id in enumerate(reversed(chain), start=1):
            depth[unit_id] = base + offset
    return [_located(document_of[u].path, document_of[u].node_at(("overordnad",)),
                     f"enheten ligger {MAX_UNIT_DEPTH + 1} nivåer under sin översta enhet genom "
                     f"'overordnad'; högst {MAX_UNIT_DEPTH} nivåer är tillåtna", "overordnad-djup")
            for u, d in sorted(depth.items()) if d == MAX_UNIT_DEPTH + 2]


class _IdIndex:
    """Where every id of every kind is defined, and which needs some initiative addresses."""

    def __init__(self, documents: dict[str, list[Document]],
                 unreadable: dict[str, set[str]]) -> None:
        self.by_kind: dict[str, dict[str, Document]] = {kind.name: {} for kind in RECORD_KINDS}
        self.unreadable = unreadable
        self.duplicates: dict[int, Document] = {}
        for kind in RECORD_KINDS:
            for document in documents.get(kind.name, []):
                record_id = _text(document.data.get("id"))
                if record_id is None:
                    continue
                first = self.by_kind[kind.name].setdefault(record_id, document)
                if first is not document:
                    self.duplicates[id(document)] = first
        self.addressed_needs = {need for document in documents.get("insats", [])
                                for need in _text_list(document.data.get("behov"))}

    def kind_of(self, record_id: str) -> str | None:
        return next((kind for kind, ids in self.by_kind.items() if record_id in ids), None)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _text_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _id_problems(document: Document, index: _IdIndex, kind: str) -> list[Problem]:
    record_id = _text(document.data.get("id"))
    if record_id is None or not _SLUG.fullmatch(record_id):
        return []  # the schema reports a malformed id
    node = document.node_at(("id",))
    problems = []
    stem = Path(document.path).stem
    if record_id != stem:
        problems.append(_located(document.path, node, f"fältet 'id' har värdet '{record_id}', men "
                                 f"filen heter '{stem}.yaml'; id och filnamn ska vara lika",
                                 "id-filnamn"))
    first = index.duplicates.get(id(document))
    if first is not None:
        problems.append(_located(document.path, node, f"id '{record_id}' används redan i "
                                 f"{first.path}; varje post behöver ett eget id", "id-dubblett"))
    return problems


def _reference_problems(document: Document, index: _IdIndex, kind: str) -> list[Problem]:
    problems = []
    for field_name, target in _REFERENCES[kind]:
        value = document.data.get(field_name)
        refs = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for position, ref in refs:
            if not isinstance(ref, str) or not _SLUG.fullmatch(ref) or \
                    ref in index.unreadable.get(target, ()) or is_placeholder_id(ref):
                continue  # reported by the schema, the loader or handbok.placeholders
            path = (field_name,) if position is None else (field_name, position)
            message = _reference_message(ref, field_name, target, index,
                                         require_region=(kind, field_name) == ("enhet", "region"))
            if message:
                problems.append(_located(document.path, document.node_at(path), message,
                                         "referens"))
    return problems


def _reference_message(ref: str, field_name: str, target: str, index: _IdIndex, *,
                       require_region: bool) -> str | None:
    target_kind = KIND_BY_NAME[target]
    if ref in index.by_kind[target]:
        if require_region:
            unit_type = index.by_kind[target][ref].data.get("typ")
            if unit_type != "region":
                return (f"referensen '{ref}' i '{field_name}' är en organisationsenhet av typen "
                        f"'{_visible(str(unit_type))}', men ska vara en enhet av typen 'region'")
        return None
    actual = index.kind_of(ref)
    if actual is not None:
        return (f"referensen '{ref}' i '{field_name}' är {KIND_BY_NAME[actual].singular}, men här "
                f"ska det vara {target_kind.singular}")
    message = f"referensen '{ref}' i '{field_name}' finns inte bland {target_kind.plural}"
    close = closest(ref, index.by_kind[target])
    if target != "enhet":
        return message + (f" — menade du '{close}'?" if close else "")
    # Issue 17: say where units live and how to add one; after a question, a new sentence.
    where = (f"enheterna finns i {ENHET.data_folder} (id:t är filnamnet utan .yaml), och saknas "
             "enheten lägger du till den som en ny fil där")
    if close is None:
        return f"{message}; {where}"
    return f"{message} — menade du '{close}'? {where[0].upper()}{where[1:]}"


def _initiative_problems(document: Document, today: dt.date) -> list[Problem]:
    data = document.data
    problems = []
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    start, slut = _partial(period.get("start")), _partial(period.get("slut"))
    if start and slut and slut.last_day() < start.first_day():
        problems.append(_located(document.path, document.node_at(("period", "slut")),
                                 f"fältet 'slut' ({slut.iso()}) ligger före 'start' "
                                 f"({start.iso()})", "period"))
    if data.get("status") == "avslutad" and slut is None and period.get("slut") is None:
        problems.append(_located(document.path, document.node_at(("status",)),
                                 "en avslutad insats (status 'avslutad') ska ha ett slutdatum i "
                                 "'period' → 'slut'", "avslutad-utan-slut"))
    halsa = data.get("halsa")
    if isinstance(halsa, str) and halsa != "enligt-plan" and not _text(data.get("halsokommentar")):
        problems.append(_located(document.path, document.node_at(("halsa",)),
                                 f"fältet 'halsa' är '{_visible(halsa)}': skriv en kort förklaring i "
                                 "fältet 'halsokommentar'", "halsokommentar"))
    reports = data.get("statusrapporter")
    for position, report in enumerate(reports if isinstance(reports, list) else []):
        date = _full_date(report.get("datum")) if isinstance(report, dict) else None
        if date is not None and date > today:
            node = document.node_at(("statusrapporter", position, "datum"))
            problems.append(_located(document.path, node, f"statusrapporten är daterad "
                                     f"{date.isoformat()}, som ligger efter dagens datum "
                                     f"{today.isoformat()}", "rapport-i-framtiden"))
    return problems


def _record_date_problems(document: Document, today: dt.date) -> list[Problem]:
    """Neither the information date nor a confirmation may lie after today."""
    problems = []
    information = _partial(document.data.get("uppgifterna_galler"))
    if information is not None and information.first_day() > today:
        problems.append(_located(document.path, document.node_at(("uppgifterna_galler",)),
                                 f"fältet 'uppgifterna_galler' ({information.iso()}) ligger efter "
                                 f"dagens datum {today.isoformat()}; ange källans datum",
                                 "datum-i-framtiden"))
    reviewed = _full_date(document.data.get("senast_granskad"))
    if reviewed is not None and reviewed > today:
        problems.append(_located(document.path, document.node_at(("senast_granskad",)),
                                 f"fältet 'senast_granskad' ({reviewed.isoformat()}) ligger efter "
                                 f"dagens datum {today.isoformat()}", "datum-i-framtiden"))
    return problems


def _source_date_problems(document: Document, index: _IdIndex, *, required: bool) -> list[Problem]:
    """The information date is the source's date: never invented for a source without one, and
    (`required`: initiatives and needs) given when the source has one (issue 24)."""
    data = document.data
    source = index.by_kind["kalla"].get(_text(data.get("kalla")) or "")
    if source is None:
        return []  # reported as a reference problem
    source_id = data["kalla"]
    if "uppgifterna_galler" in data and source.data.get("ar") is None:
        return [_located(document.path, document.node_at(("uppgifterna_galler",)),
                         f"källan '{source_id}' anger inget datum, så posten kan inte ha "
                         "'uppgifterna_galler'; ta bort fältet (sidan visar då \"Källan anger inget "
                         "datum\") eller ange källans år i fältet 'ar' i källans fil", "kallans-datum")]
    if required and "uppgifterna_galler" not in data and source.data.get("ar") is not None:
        return [_located(document.path, document.node, f"källan '{source_id}' är från "
                         f"{source.data['ar']}: ange källans datum i fältet 'uppgifterna_galler', "
                         "så exakt som källan anger det", "kallans-datum")]
    return []


def _quote_problems(document: Document) -> list[Problem]:
    """A quote belongs to a value the record has (issue 24): `citat` → `status` needs `status`."""
    quotes = document.data.get("citat")
    problems = []
    for name in quotes if isinstance(quotes, dict) else {}:
        if name in QUOTED_FIELDS and document.data.get(name) in (None, "", {}):
            problems.append(_located(document.path, document.node_at(("citat", name), key=True),
                                     f"'citat' → '{name}' citerar källan för fältet '{name}', men "
                                     f"posten har inget värde i '{name}'; ta bort citatet eller "
                                     f"fyll i fältet", "citat-utan-varde"))
    return problems


def _partial(value: Any) -> PartialDate | None:
    try:
        date = PartialDate.parse(str(value)) if isinstance(value, int | str) else None
    except ValueError:
        return None
    return date if date is not None and YEAR_MIN <= date.year <= YEAR_MAX else None


def _full_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _need_problems(document: Document, index: _IdIndex) -> list[Problem]:
    record_id = _text(document.data.get("id"))
    if document.data.get("status") != "tillgodosett" or record_id in index.addressed_needs:
        return []
    return [_located(document.path, document.node_at(("status",)),
                     "behovet har status 'tillgodosett', men ingen insats anger det i sitt fält "
                     "'behov'; lägg till behovet i insatsen som tillgodoser det", "tillgodosett")]


def _old_id_problems(documents: Iterable[Document], index: _IdIndex, kind: str) -> list[Problem]:
    claimed: dict[str, Document] = {}
    problems = []
    for document in documents:
        old_ids = document.data.get("tidigare_id")
        for position, old_id in enumerate(old_ids if isinstance(old_ids, list) else []):
            if not isinstance(old_id, str):
                continue
            node = document.node_at(("tidigare_id", position))
            current = index.by_kind[kind].get(old_id)
            if current is not None:
                whose = "postens eget id" if current is document else f"id för {current.path}"
                problems.append(_located(document.path, node, f"tidigare id '{old_id}' är "
                                         f"{whose}; ett tidigare id får inte användas som id",
                                         "tidigare-id"))
            elif old_id in claimed and claimed[old_id] is not document:
                problems.append(_located(document.path, node, f"tidigare id '{old_id}' anges "
                                         f"redan i {claimed[old_id].path}; en gammal adress kan "
                                         "bara leda till en post", "tidigare-id"))
            else:
                claimed.setdefault(old_id, document)
    return problems
