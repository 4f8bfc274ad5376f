"""Problems found in the data: located, sortable values, formatted only at the boundary."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file. `path` is relative to the repository root, POSIX style."""

    path: str
    line: int
    column: int
    message: str
    rule: str = ""


def format_problem(problem: Problem, *, warning: bool = False) -> str:
    """`data/insatser/x.yaml:12:5: fel: <message>` — the line editors and CI logs read
    (`varning:` for what does not stop the build)."""
    message = problem.message.replace("\r", "\\r").replace("\n", "\\n")  # one line per problem
    level = "varning" if warning else "fel"
    return f"{problem.path}:{problem.line}:{problem.column}: {level}: {message}"


def _escape_annotation_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_annotation_property(text: str) -> str:
    """A property value ends at ',' and the properties at '::': a file name may hold either."""
    return _escape_annotation_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github_annotation(problem: Problem, *, warning: bool = False) -> str:
    """A GitHub Actions workflow command, so the problem shows on the changed line of a PR.

    Escaped as the Actions toolkit escapes its own commands, so no file name or message can end
    the command early, rewrite its properties or start a command of its own.
    """
    command, title = ("warning", "Varning") if warning else ("error", "Valideringsfel")
    return (
        f"::{command} file={_escape_annotation_property(problem.path)},line={problem.line},col={problem.column},"
        f"title={title}::{_escape_annotation_data(problem.message)}"
    )


def problems_summary(count: int) -> str:
    """The closing line after a list of problems, in Swedish with the right pronoun."""
    return f"{count} problem hittades. Rätta {'det' if count == 1 else 'dem'} och kör 'make validate' igen."
