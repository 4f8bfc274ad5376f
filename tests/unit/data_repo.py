"""A minimal valid data folder written to tmp_path, for validation tests to break on purpose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbok.kinds import KIND_BY_NAME
from handbok.pipeline import load_portfolio
from handbok.validate import schema_header

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)


def header(kind: str) -> str:
    return schema_header(kind) + "\n"


BASE = {
    ("kalla", "k"): "id: k\ntitel: Källa\nar: 2017\nbeskrivning: En källa.\n",
    ("enhet", "r"): "id: r\nnamn: Region R\ntyp: region\nkalla: k\nuppgifterna_galler: '2019'\n",
    ("enhet", "u"): ("id: u\nnamn: Sjukhus U\ntyp: sjukhus\noverordnad: r\nregion: r\nkalla: k\n"
                     "uppgifterna_galler: '2019'\n"),
    ("behov", "b"): ("id: b\ntitel: Behov\nbeskrivning: Text.\nforvaltningar:\n  - u\n"
                     "status: atgardas\nkalla: k\nuppgifterna_galler: 2017-06-13\n"),
    ("insats", "i"): ("id: i\ntitel: Insats\nsammanfattning: Kort.\ntyp: forvaltningsspecifik\n"
                      "fas: bereda\nstatus: pagar\nforvaltningar:\n  - u\nbehov:\n  - b\n"
                      "kalla: k\nuppgifterna_galler: 2017-06-13\n"),
}


def insats(extra: str = "", **replace: str) -> str:
    """The base initiative with fields replaced (`fas="infora"`) and lines appended."""
    lines = BASE[("insats", "i")].splitlines()
    for key, value in replace.items():
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
    return "\n".join(lines) + "\n" + extra


def write_repo(root: Path, changes: dict[tuple[str, str], str | bytes | None] | None = None) -> Path:
    """BASE plus `changes` ((kind, file stem) -> YAML body after the schema line, raw bytes
    for the whole file, or None to leave the file out)."""
    files = {**BASE, **(changes or {})}
    for (kind, stem), body in files.items():
        if body is None:
            continue
        folder = root / KIND_BY_NAME[kind].data_folder
        folder.mkdir(parents=True, exist_ok=True)
        raw = body if isinstance(body, bytes) else (header(kind) + body).encode("utf-8")
        (folder / f"{stem}.yaml").write_bytes(raw)
    return root


def check(root: Path, changes: dict | None = None, today: dt.date = TODAY):
    write_repo(root, changes)
    return load_portfolio(root / "data", REPO_ROOT / "schemas", today=today)


def located(root: Path, changes: dict | None = None, today: dt.date = TODAY):
    """(path, line, column, message) of every problem, in report order."""
    portfolio, problems = check(root, changes, today)
    assert (portfolio is None) == bool(problems)
    return [(p.path, p.line, p.column, p.message) for p in problems]
