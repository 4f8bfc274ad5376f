"""The one pure entry point: data folder + schema folder -> (Portfolio | None, problems).

The redirect map (data/omdirigeringar.yaml) is a stage of the same pipeline: read by the same
loader, checked by the same validator and message formatter as the records.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jsonschema.protocols import Validator

from handbok import placeholders, redirects, schema_enums, source_files, validate
from handbok.build_model import build_portfolio, forget_kept_records
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
    validators, problems = cached_validators(schema_dir, repo_root)
    problems += schema_enums.enum_problems({n: v.schema for n, v in validators.items()}, schema_dir,
                                           repo_root)
    if problems:
        return None, {}, sorted(problems)
    problems = source_files.data_inventory_problems(data_dir, repo_root) + \
        source_files.symlink_problems(data_dir, repo_root)
    documents: dict[str, list[Document]] = {}
    unreadable: dict[str, set[str]] = {}
    checked = _CHECKED.begin()
    for kind in RECORD_KINDS:
        loaded, kind_problems = _load_kind(data_dir / kind.folder, repo_root)
        documents[kind.name] = loaded
        unreadable[kind.name] = {Path(p.path).stem for p in problems + kind_problems
                                 if p.path.startswith(f"{data_dir.name}/{kind.folder}/")}
        problems += kind_problems
        for document in loaded:
            problems += checked(document, validators[kind.name], kind.name)
    problems += validate.cross_record_problems(documents, today, unreadable=unreadable)
    if problems:
        return None, documents, sorted(set(placeholders.first_at_placeholders(problems)))
    return build_portfolio(documents), documents, []


@dataclass(frozen=True)
class _Checker:
    """A validator with its compiled yes/no check (validate.fast_check)."""

    validator: Validator
    fast: validate.FastCheck


_validators_kept: list[tuple[tuple[object, ...], tuple[dict[str, Validator], list[Problem]]]] = []


def cached_validators(schema_dir: Path, repo_root: Path) -> tuple[dict[str, Validator], list[Problem]]:
    """validate.load_validators, made again only when a schema file changed (`make serve`
    keeps the core between rebuilds, issue 15): unchanged documents' checks are then kept too."""
    key: tuple[object, ...] = (str(schema_dir), str(repo_root),
                               *(_bytes_or_empty(schema_dir / k.schema_file) for k in RECORD_KINDS))
    if not _validators_kept or _validators_kept[0][0] != key:
        _validators_kept[:] = [(key, validate.load_validators(schema_dir, repo_root))]
    validators, problems = _validators_kept[0][1]
    return dict(validators), list(problems)


def _bytes_or_empty(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


class _DocumentChecks:
    """One document's own checks (header, schema, years, placeholders), kept for the next build.

    Keyed by the very objects: an unchanged file is the same cached Document
    (_load_document_once) and an unchanged schema the same validator. Each build keeps only
    what it used, so edited files' old versions are let go.
    """

    def __init__(self) -> None:
        self.kept: dict[tuple[int, int], tuple[Document, _Checker, list[Problem]]] = {}
        self.checkers: dict[int, _Checker] = {}  # by id(validator), this build's
        self.previous_checkers: dict[int, _Checker] = {}

    def forget(self) -> None:
        self.kept, self.checkers, self.previous_checkers = {}, {}, {}

    def begin(self) -> Callable[[Document, Validator, str], list[Problem]]:
        previous, self.kept = self.kept, {}
        self.previous_checkers, self.checkers = self.checkers, {}

        def checked(document: Document, validator: Validator, kind: str) -> list[Problem]:
            checker = self._checker(validator)
            key = (id(document), id(checker))
            entry = previous.get(key)
            if entry is None or entry[0] is not document or entry[1] is not checker:
                entry = (document, checker, _document_problems(document, checker, kind))
            self.kept[key] = entry
            return list(entry[2])
        return checked

    def _checker(self, validator: Validator) -> _Checker:
        checker = self.checkers.get(id(validator)) or self.previous_checkers.get(id(validator))
        if checker is None or checker.validator is not validator:
            checker = _Checker(validator, validate.fast_check(validator))
        self.checkers[id(validator)] = checker
        return checker


def _document_problems(document: Document, checker: _Checker, kind: str) -> list[Problem]:
    problems = validate.header_problems(document, kind)
    found = validate.schema_problems(document, checker.validator, checker.fast)
    problems += found or validate.year_problems(document, checker.validator)
    return problems + placeholders.placeholder_problems(document)


_CHECKED = _DocumentChecks()


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
    _CHECKED.forget()
    _validators_kept.clear()
    forget_kept_records()


def _load_kind(folder: Path, repo_root: Path) -> tuple[list[Document], list[Problem]]:
    documents: list[Document] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return documents, problems
    for entry in source_files.folder_entries(str(folder)):
        path = Path(entry.path)
        if path.suffix != ".yaml" or not entry.is_file() or entry.is_symlink():
            continue  # reported by source_files
        document, file_problems = _read_document(path, repo_root)
        problems += file_problems
        if document is not None:
            documents.append(document)
    return documents, problems
