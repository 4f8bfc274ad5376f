"""The one pure entry point: data folder + schema folder -> (Portfolio | None, problems).

The redirect map (data/omdirigeringar.yaml) is a stage of the same pipeline: read by the same
loader, checked by the same validator and message formatter as the records.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from handbok import placeholders, redirects, schema_enums, source_files, validate
from handbok.build_model import build_portfolio
from handbok.kinds import RECORD_KINDS, REDIRECT_MAP, REDIRECT_SCHEMA
from handbok.load import Document, load_document
from handbok.model import Portfolio
from handbok.problems import Problem


@dataclass(frozen=True)
class LoadedData:
    """What the data folder holds, loaded once: the portfolio, its documents and the redirect map.

    `portfolio` is None when any record has a problem; `documents` (per kind name) are the
    records' node trees, `redirect_map` the validated map (None when it is absent or broken).
    """

    portfolio: Portfolio | None
    documents: Mapping[str, list[Document]]
    redirect_map: Document | None
    problems: list[Problem]


def load_portfolio(data_dir: Path, schema_dir: Path, *,
                   today: dt.date) -> tuple[Portfolio | None, list[Problem]]:
    """Load and validate every record; the portfolio is None when any problem was found.

    `today` (Europe/Stockholm, from handbok.builddate at the boundary) is what dates in the
    data may not lie after. Paths in problems are relative to the folder holding `data_dir`
    (the repository root).
    """
    portfolio, _, problems = _load_records(data_dir, schema_dir, today=today)
    return portfolio, problems


def load_data(data_dir: Path, schema_dir: Path, *, today: dt.date) -> LoadedData:
    """The records (as load_portfolio) and the redirect map, every problem of both at once."""
    portfolio, documents, problems = _load_records(data_dir, schema_dir, today=today)
    redirect_map, map_problems = load_redirect_map(data_dir, schema_dir)
    return LoadedData(portfolio, documents, redirect_map, sorted(problems + map_problems))


def _load_records(data_dir: Path, schema_dir: Path, *, today: dt.date) \
        -> tuple[Portfolio | None, dict[str, list[Document]], list[Problem]]:
    repo_root = data_dir.parent
    validators, problems = validate.load_validators(schema_dir, repo_root)
    problems += schema_enums.enum_problems({n: v.schema for n, v in validators.items()}, schema_dir,
                                           repo_root)
    if problems:
        return None, {}, sorted(problems)
    problems = source_files.data_inventory_problems(data_dir, repo_root) + \
        source_files.symlink_problems(data_dir, repo_root)
    fast_checks = {name: validate.fast_check(v) for name, v in validators.items()}
    documents: dict[str, list[Document]] = {}
    unreadable: dict[str, set[str]] = {}
    for kind in RECORD_KINDS:
        loaded, kind_problems = _load_kind(data_dir / kind.folder, repo_root)
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
        return None, documents, sorted(set(problems))
    return build_portfolio(documents), documents, []


def load_redirect_map(data_dir: Path, schema_dir: Path) -> tuple[Document | None, list[Problem]]:
    """The redirect map, by the records' loader and validator; None if absent or with problems."""
    repo_root = data_dir.parent
    file = repo_root / REDIRECT_MAP
    if not file.exists():
        return None, []
    document, problems = _read_document(file, repo_root)
    if document is None:
        return None, problems
    schema_file = schema_dir / Path(REDIRECT_SCHEMA).name
    if not schema_file.exists():
        return None, [Problem(REDIRECT_MAP, 1, 1, f"schemat {REDIRECT_SCHEMA} saknas, så "
                              "omdirigeringarna kan inte kontrolleras", "omdirigering-schema")]
    validator, problem = validate.load_validator(schema_file, REDIRECT_SCHEMA)
    if validator is None:
        return None, [problem] if problem else []
    problems = validate.schema_problems(document, validator, hints=redirects.FIELD_HINTS)
    return (None, problems) if problems else (document, [])


def _read_document(path: Path, repo_root: Path) -> tuple[Document | None, list[Problem]]:
    rel = path.relative_to(repo_root).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(rel, 1, 1, f"filen kan inte läsas: {error.strerror}", "las")]
    return _load_document_once(rel, raw)


@functools.lru_cache(maxsize=1 << 14)
def _load_document_once(rel: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """load_document is a pure function of path and bytes; `make serve` keeps the core between
    rebuilds (issue 15), so an unchanged file is not parsed again. Results are not mutated."""
    return load_document(rel, raw)


def forget_loaded_documents() -> None:
    """Drop the parsed files kept for the next serve rebuild: a one-off build needs only the
    model, and about 50 MB at 2,000 + 2,000 records go back to the pages (issue 15)."""
    _load_document_once.cache_clear()


def _load_kind(folder: Path, repo_root: Path) -> tuple[list[Document], list[Problem]]:
    documents: list[Document] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return documents, problems
    for path in sorted(folder.iterdir()):
        if path.suffix != ".yaml" or not path.is_file() or path.is_symlink():
            continue  # reported by source_files
        document, file_problems = _read_document(path, repo_root)
        problems += file_problems
        if document is not None:
            documents.append(document)
    return documents, problems
