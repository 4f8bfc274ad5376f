"""The one pure entry point: data folder + schema folder -> (Portfolio | None, problems)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbok import placeholders, schema_enums, source_files, validate
from handbok.build_model import build_portfolio
from handbok.load import Document, load_document
from handbok.model import Portfolio
from handbok.problems import Problem


def load_portfolio(data_dir: Path, schema_dir: Path, *,
                   today: dt.date) -> tuple[Portfolio | None, list[Problem]]:
    """Load and validate every data file; the portfolio is None when any problem was found.

    `today` (Europe/Stockholm, from handbok.builddate at the boundary) is what dates in the
    data may not lie after. Paths in problems are relative to the folder holding `data_dir`
    (the repository root).
    """
    repo_root = data_dir.parent
    validators, problems = validate.load_validators(schema_dir, repo_root)
    problems += schema_enums.enum_problems({n: v.schema for n, v in validators.items()}, schema_dir,
                                           repo_root)
    if problems:
        return None, sorted(problems)
    problems = source_files.data_inventory_problems(data_dir, repo_root) + \
        source_files.symlink_problems(data_dir, repo_root)
    fast_checks = {name: validate.fast_check(v) for name, v in validators.items()}
    documents: dict[str, list[Document]] = {}
    unreadable: dict[str, set[str]] = {}
    for kind in validate.KINDS:
        loaded, kind_problems = _load_kind(data_dir / kind.folder, repo_root, kind.name)
        documents[kind.name] = loaded
        unreadable[kind.name] = {Path(p.path).stem for p in problems + kind_problems
                                 if p.path.startswith(f"{data_dir.name}/{kind.folder}/")}
        problems += kind_problems
        for document in loaded:
            problems += validate.header_problems(document, kind.name)
            found = validate.schema_problems(document, validators[kind.name], fast_checks[kind.name])
            problems += found or validate.year_problems(document, validators[kind.name])
            problems += placeholders.placeholder_problems(document)
    problems += validate.cross_record_problems(documents, today, unreadable=unreadable)
    if problems:
        return None, sorted(set(problems))
    return build_portfolio(documents), []


def _load_kind(folder: Path, repo_root: Path, kind: str) -> tuple[list[Document], list[Problem]]:
    documents: list[Document] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return documents, problems
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(repo_root).as_posix()
        if path.suffix != ".yaml" or not path.is_file() or path.is_symlink():
            continue  # reported by source_files
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(Problem(rel, 1, 1, f"filen kan inte läsas: {error.strerror}", "las"))
            continue
        document, file_problems = load_document(rel, raw)
        problems += file_problems
        if document is not None:
            documents.append(document)
    return documents, problems
