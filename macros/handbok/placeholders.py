"""Template placeholders that must be replaced before a record can be published (issue 17).

`make ny-insats` / `make nytt-behov` write texts starting with TODO_MARK and reference ids from
PLACEHOLDER_IDS; both are valid YAML and valid ids, so this check is what stops them reaching
the site. The optional fields' example values are placeholders too (issue 23), so uncommenting
them unchanged cannot publish an invented period, goal or status report. Each problem names the
field and, for ids, where the valid ones are listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from handbok.kinds import BEHOV, ENHET, KALLA
from handbok.load import Document
from handbok.problems import Problem

TODO_MARK = "ATT FYLLA I"
# Slug-shaped on purpose: the schema accepts them, so the only message is the one below.
PLACEHOLDER_IDS = {
    "andra-till-en-enhet": ENHET.data_folder,
    "andra-till-en-kalla": KALLA.data_folder,
    "andra-till-ett-behov": BEHOV.data_folder,
}
RULE = "platshallare"


def is_placeholder_id(value: object) -> bool:
    return isinstance(value, str) and value in PLACEHOLDER_IDS


def placeholder_problems(document: Document) -> list[Problem]:
    """One located problem per template placeholder left in the document."""
    problems = []
    for path, value in _strings(document.data, ()):
        field = next((step for step in reversed(path) if isinstance(step, str)), "posten")
        if value in PLACEHOLDER_IDS:
            message = (f"fältet '{field}' innehåller fortfarande mallens platshållare "
                       f"'{value}'; skriv ett riktigt id — giltiga id är filnamnen (utan .yaml) "
                       f"i {PLACEHOLDER_IDS[value]}")
        elif TODO_MARK in value:
            message = (f"fältet '{field}' innehåller fortfarande mallens platshållare "
                       f"('{TODO_MARK}: …'); skriv den riktiga texten eller ta bort fältet om "
                       "det är valfritt")
        else:
            continue
        node = document.node_at(path)
        problems.append(Problem(document.path, node.start_mark.line + 1,
                                node.start_mark.column + 1, message, RULE))
    return problems


def first_at_placeholders(problems: list[Problem]) -> list[Problem]:
    """Where a placeholder stands, only its problem: the schema or a rule would otherwise also
    reject the template's text (`'ATT FYLLA I: …' är inte ett datum`), which is not the fix."""
    marked = {(p.path, p.line, p.column) for p in problems if p.rule == RULE}
    return [p for p in problems if p.rule == RULE or (p.path, p.line, p.column) not in marked]


def _strings(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _strings(item, (*path, position))
