"""The macros each page called in one build, and what they returned (`make serve`, issue 15).

A page that renders macros depends on the data only through its macros' output. Every call
is recorded with its page, its arguments and a digest of its output. The next serve rebuild
calls the same macros again with the new data (serve_cache.py): a page whose calls all return
what they returned before, and whose source did not change, renders to the same HTML and is
not rebuilt. Outputs are kept for the rest of the build, so a rebuilt page's macros are not
evaluated twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# One recorded call: the macro's name, its arguments as JSON, the digest of its output.
Call = tuple[str, str, str]
_PLAIN = (str, int, float, bool, type(None))


def _arguments(args: Sequence[Any], kwargs: dict[str, Any]) -> str | None:
    """The arguments as JSON, or None when one is not a plain value that JSON gives back as is."""
    values = [*args, *kwargs.values()]
    if any(type(value) not in _PLAIN for value in values):
        return None
    return json.dumps([list(args), kwargs], ensure_ascii=False, sort_keys=True)


def output_digest(output: object) -> str:
    return hashlib.sha256(str(output).encode("utf-8")).hexdigest()


def calls_digest(calls: Sequence[Call]) -> str:
    return hashlib.sha256(json.dumps([list(c) for c in calls]).encode("utf-8")).hexdigest()


@dataclass
class MacroLog:
    """The build's macros by name, with every call made while a page was rendered."""

    macros: dict[str, Callable[..., str]]
    page: str | None = None  # the page whose macros are being rendered
    # Per page rendered in this build: its calls; None when a call could not be recorded.
    calls: dict[str, list[Call] | None] = field(default_factory=dict)
    results: dict[tuple[str, str], str] = field(default_factory=dict)  # output per call

    def bound(self) -> dict[str, Callable[..., str]]:
        """The macros as pages call them: each call goes through `call`."""
        return {name: _Recorded(self, name) for name in self.macros}

    def begin_page(self, src: str) -> None:
        self.page = src
        self.calls[src] = []

    def end_page(self) -> None:
        self.page = None

    def call(self, name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> str:
        arguments = _arguments(args, kwargs)
        if arguments is None:
            if self.page is not None:
                self.calls[self.page] = None  # this page cannot be checked: always rebuilt
            return self.macros[name](*args, **kwargs)
        output = self.evaluate(name, arguments)
        recorded = self.calls.get(self.page) if self.page is not None else None
        if recorded is not None:
            recorded.append((name, arguments, output_digest(output)))
        return output

    def evaluate(self, name: str, arguments: str) -> str:
        """The macro's output for arguments as recorded (computed once per build)."""
        if (name, arguments) not in self.results:
            args, kwargs = json.loads(arguments)
            self.results[(name, arguments)] = self.macros[name](*args, **kwargs)
        return self.results[(name, arguments)]

    def replay(self, calls: Sequence[Call] | None) -> str | None:
        """The digest of `calls` made again now (as calls_digest gives for the calls recorded
        when a page is rendered); None when a page's calls are unknown or one of them fails."""
        if calls is None:
            return None
        try:
            now = [(name, arguments, output_digest(self.evaluate(name, arguments)))
                   for name, arguments, _ in calls]
        except Exception:  # noqa: BLE001 - the page is rebuilt, and its build reports the error
            return None
        return calls_digest(now)


class _Recorded:
    """One macro as a page calls it (mkdocs-macros registers callables)."""

    def __init__(self, log: MacroLog, name: str) -> None:
        self.log, self.name = log, name
        self.__doc__ = log.macros[name].__doc__

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        return self.log.call(self.name, args, kwargs)
