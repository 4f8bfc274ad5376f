"""Read one YAML data file into a document that remembers its node tree, or located problems.

Values are built from the composed node tree by hand (not PyYAML's constructor) so that
duplicate keys, YAML 1.1 booleans written as text and aliases are caught with a line number,
and dates stay the strings the editor typed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import yaml

from handbok.problems import Problem

try:
    _BaseLoader: type[yaml.CSafeLoader] | type[yaml.SafeLoader] = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: same behaviour, slower
    _BaseLoader = yaml.SafeLoader


@functools.lru_cache(maxsize=1 << 16)
def _implicit_tag(value: str, implicit: tuple[bool, bool]) -> str:
    return str(yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, implicit))  # type: ignore[no-untyped-call]  # untyped in PyYAML


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]  # one of two loader classes
    """The safe loader with plain scalars' tags remembered: the same few words ("Uppgift
    saknas", field names, dates) recur thousands of times across the data files."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _implicit_tag(value, implicit)
        return str(super().resolve(kind, value, implicit))

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_AMBIGUOUS_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# YAML 1.1 reads `010` as 8, `12:30` as 750, `0x1f`, `0o17`, `0b11` and `1_000` as numbers
# (issue 14): only plain decimal numbers are taken as numbers, anything else must be quoted.
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
MAX_DIGITS = 15  # whole kronor up to 10^15; longer numbers are typing mistakes
MAX_DEPTH = 20  # records nest 3 levels; deep nesting would exhaust the parser's stack
MAX_FILE_BYTES = 1_000_000  # the largest source file is a few kB; a huge one stalls the build (issue 28)
# C0 controls but tab and line ends, DEL, and the bidirectional overrides and isolates: invisible
# in an editor, they reach HTML, CSV and JSON and can reorder what a reader sees (issue 28).
INVISIBLE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")

# PyYAML's own wording for the commonest syntax errors, in Swedish.
_SYNTAX_TRANSLATIONS = {
    "mapping values are not allowed": "ett kolon (':') står där inget fält kan börja "
    "(kontrollera indraget, eller sätt texten inom citattecken)",
    "could not find expected ':'": "ett kolon (':') saknas efter fältnamnet",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "did not find expected key": "indraget stämmer inte: ett fält står på fel nivå",
    "did not find expected node content": "ett värde saknas eller står på fel nivå",
    "cannot start any token": "ett tecken som inte får inleda ett värde (sätt texten inom "
    "citattecken)",
    "did not find expected '-' indicator": "indraget stämmer inte: en listpunkt ('- ') "
    "står på fel nivå",
    "did not find expected ',' or ']'": "en lista inom hakparenteser avslutas inte med ']'",
    "did not find expected ',' or '}'": "ett värde som börjar med '{' avslutas inte med '}' (är "
    "det text: sätt den inom citattecken)",
    "found undefined alias": "aliaset (*namn) pekar inte på något ankare",
    "found another document": "filen får bara innehålla ett YAML-dokument (ta bort raden '---')",
    "found unknown escape character": "okänd escape-sekvens med '\\' i en text inom citattecken",
}


@dataclass(frozen=True)
class Document:
    """One data file: its repository-relative path, its YAML node tree and its plain value."""

    path: str
    node: yaml.Node
    data: Any
    header: str = ""  # the first line, where the editor's schema comment belongs

    def node_at(self, path: tuple[str | int, ...], *, key: bool = False) -> yaml.Node:
        """The node at a JSON-style path (the key's node with `key`), or its nearest ancestor."""
        return node_at(self.node, path, key=key)


def node_at(root: yaml.Node, path: tuple[str | int, ...], *, key: bool = False) -> yaml.Node:
    node = root
    for index, step in enumerate(path):
        last = index == len(path) - 1
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == step), None)
            if match is None:
                return node
            node = match[0] if (key and last) else match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def load_document(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file's bytes; on any problem the document is None and the problems say why."""
    text, problems = decode_text(path, raw)
    if text is None:
        return None, problems
    problems = _tab_problems(path, text)
    if problems:
        return None, problems
    try:
        too_deep = _nesting_problem(path, text)
        if too_deep is not None:
            return None, [too_deep]
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, f"filen är inte giltig YAML: {error}", "yaml-syntax")]
    if node is None:
        return None, [Problem(path, 1, 1, "filen är tom: den ska innehålla fälten för en post "
                              "(t.ex. 'id: …' och 'titel: …')", "tom-fil")]
    if not isinstance(node, yaml.MappingNode):
        what = "en lista" if isinstance(node, yaml.SequenceNode) else "ett enstaka värde"
        return None, [_at(path, node, f"filen innehåller {what}, men ska innehålla fält "
                          "med värden ('fält: värde' på varsin rad)", "inte-mappning")]
    builder = _ValueBuilder(path)
    data = builder.build(node)
    if builder.problems:
        return None, builder.problems
    return Document(path, node, data, text.split("\n", 1)[0]), []


def decode_text(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text; None, with a located problem, when it is too large, not UTF-8 or holds
    an invisible control character."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, 1, f"filen är {len(raw)} byte, men en källfil får vara högst "
                              f"{MAX_FILE_BYTES} byte; dela upp den", "filstorlek")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(path, line, column, "filen är inte sparad som UTF-8 (byte "
                              f"0x{raw[error.start]:02x}); spara om den med teckenkodningen UTF-8",
                              "inte-utf8")]
    control = INVISIBLE_CONTROLS.search(text)
    if control is not None:
        return None, [control_problem(path, text, control.start())]
    return text, []


def control_problem(path: str, text: str, offset: int) -> Problem:
    """An invisible control character at `offset` of `text`, located."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(path, line, column, f"texten innehåller ett osynligt styrtecken (U+{ord(text[offset]):04X}), "
                   "som inte får förekomma i handboken; ta bort det", "styrtecken")


def _tab_problems(path: str, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find("\t")
        if column >= 0:
            problems.append(Problem(path, number, column + 1, "tabbtecken är inte tillåtna i "
                                    "datafilerna; använd mellanslag", "tabb"))
    return problems


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


_STRUCTURE_PREFIX = re.compile(r"^[ ]*(?:[-?:][ ]+)*", re.MULTILINE)


def _nesting_problem(path: str, text: str) -> Problem | None:
    """A located problem when collections nest deeper than MAX_DEPTH, found before composing.

    libyaml's composer recurses once per level and crashes the interpreter at a few thousand
    levels (issue 14), so depth is counted on the parser's events first. Every level needs a
    '[', a '{' or a column of block structure, so most files are cleared without parsing.
    """
    bound = text.count("[") + text.count("{") + \
        max((len(m) for m in _STRUCTURE_PREFIX.findall(text)), default=0)
    if bound <= MAX_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _nesting_at(path, event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # PyYAML 6.0.4's scanner stops at 1000 levels, before the parser yields the 21st.
        if "nesting depth" not in str(error.problem) or error.problem_mark is None:
            raise
        return _nesting_at(path, error.problem_mark)
    return None


class _Position(Protocol):
    """Where an event or error is: PyYAML's Mark or libyaml's."""

    line: int
    column: int


def _nesting_at(path: str, mark: _Position | None) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(path, line, column, f"värdena är nästlade i fler än {MAX_DEPTH} "
                   "nivåer (listor eller indragna fält i varandra); en post har högst några nivåer", "nastling")


def syntax_explanation(error: yaml.MarkedYAMLError) -> str:
    """PyYAML's reason for a syntax error, in Swedish where the wording is known."""
    problem = (error.problem or "").strip()
    return next((sv for en, sv in _SYNTAX_TRANSLATIONS.items() if en in problem), problem)


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(path, line, column, f"YAML-syntaxfel: {syntax_explanation(error)}", "yaml-syntax")


def _at(path: str, node: yaml.Node, message: str, rule: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, message, rule)


class _ValueBuilder:
    """Turns a node tree into dicts, lists and scalars, collecting located problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def build(self, node: yaml.Node) -> Any:
        if id(node) in self._seen:
            self.problems.append(_at(self.path, node, "ankare och alias (&namn, *namn) används "
                                     "inte i datafilerna; skriv ut värdet", "alias"))
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node) if node.tag == _MAP else self._bad_tag(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value] if node.tag == _SEQ \
                else self._bad_tag(node)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        return self._bad_tag(node)  # the composer makes only scalars, sequences and mappings

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in {_STR, _INT, _BOOL,
                                                                                 _NULL, _FLOAT}:
                self.problems.append(_at(self.path, key_node, "ett fältnamn måste vara ett "
                                         "enkelt ord, t.ex. 'titel'", "nyckel"))
                continue
            key = key_node.value
            if key in first_line:
                self.problems.append(_at(self.path, key_node, f"dubblettnyckel '{key}' (första "
                                         f"förekomsten på rad {first_line[key]})", "dubblettnyckel"))
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        control = INVISIBLE_CONTROLS.search(text)
        if control is not None:  # written as an escape ("\x1b", "\u202e") in a quoted value
            self.problems.append(_at(self.path, node, f"värdet innehåller ett osynligt styrtecken "
                                     f"(U+{ord(control.group()):04X}), som inte får förekomma i handboken; "
                                     "ta bort det", "styrtecken"))
            return text
        if tag in (_STR, _TIMESTAMP):
            return text
        if tag == _NULL:
            return None
        if tag == _INT:
            return self._number(node, _PLAIN_INT, _SCALAR_CONSTRUCTOR.construct_yaml_int)
        if tag == _FLOAT:
            return self._number(node, _PLAIN_FLOAT, _SCALAR_CONSTRUCTOR.construct_yaml_float)
        if tag == _BOOL:
            if text.lower() in _AMBIGUOUS_BOOLEANS:
                self.problems.append(_at(self.path, node, f"värdet '{text}' tolkas av YAML som "
                                         f"ja/nej; skriv '{text}' inom citattecken om det är text",
                                         "tvetydigt-sanningsvarde"))
                return text
            return text.lower() == "true"
        return self._bad_tag(node)

    def _number(self, node: yaml.ScalarNode, plain: re.Pattern[str],
                construct: Callable[[yaml.ScalarNode], object]) -> Any:
        text = node.value
        mantissa = re.split("[eE]", text)[0] if plain is _PLAIN_FLOAT else text
        digits = sum(c.isalnum() for c in mantissa)
        if digits > MAX_DIGITS:
            self.problems.append(_at(self.path, node, f"talet har {digits} siffror, men får ha "
                                     f"högst {MAX_DIGITS}", "stort-tal"))
            return None
        if not plain.fullmatch(text):
            self.problems.append(_at(self.path, node, f"värdet '{text}' läses av YAML som talet "
                                     f"{construct(node)}; skriv \"{text}\" inom citattecken om "
                                     "det är text, eller skriv talet med bara siffror", "yaml11-tal"))
            return text
        return construct(node)

    def _bad_tag(self, node: yaml.Node) -> None:
        self.problems.append(_at(self.path, node, f"YAML-taggen '{node.tag}' stöds inte i "
                                 "datafilerna; skriv värdet som vanlig text", "tagg"))
        return None
