"""`make ny-insats` / `make nytt-behov`: create a new data file from a template."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from handbok import pipeline, placeholders
from handbok.builddate import today as stockholm_today
from handbok.kinds import ENHET, KALLA
from handbok.problems import format_problem
from handbok.scaffold import SCAFFOLD_KINDS, check_new_id, render_new_record, slug_from_title

_NAMES = {"insats": "insatsen", "behov": "behovet"}


def _ask(prompt: str, default: str = "") -> str:
    suffix = f" [{default}]" if default else ""
    answer = input(f"{prompt}{suffix}: ").strip()
    return answer or default


def _ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="make ny-insats", description="Skapa en ny datafil.")
    parser.add_argument("kind", choices=sorted(SCAFFOLD_KINDS))
    parser.add_argument("--id", dest="record_id", default="")
    parser.add_argument("--titel", default="")
    parser.add_argument("--enhet", default="", help=f"id på en enhet i {ENHET.data_folder}")
    parser.add_argument("--kalla", default="", help=f"id på ett källdokument i {KALLA.data_folder}")
    parser.add_argument("--root", default=".")
    return parser


def _title_and_id(args: argparse.Namespace) -> tuple[str, str]:
    """From the command line, or asked for in a terminal."""
    interactive = sys.stdin.isatty()
    title = args.titel.strip()
    if not title and interactive:
        title = _ask(f"Titel på {_NAMES[args.kind]}")
    record_id = args.record_id.strip()
    if not record_id and interactive:
        record_id = _ask("Id (blir filnamnet)", slug_from_title(title))
    return title, record_id


def _refusal(args: argparse.Namespace, root: Path, record_id: str) -> str | None:
    """Why the record cannot be made (a taken or malformed id, an unknown unit or source)."""
    reason = check_new_id(record_id, set(_ids(root / SCAFFOLD_KINDS[args.kind].data_folder)), args.kind)
    if reason:
        return reason
    units, sources = _ids(root / ENHET.data_folder), _ids(root / KALLA.data_folder)
    for given, known, what in ((args.enhet, units, "enhet"), (args.kalla, sources, "källa")):
        if given and given not in known:
            return f"det finns ingen {what} med id '{given}'."
    return None


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    root = Path(args.root).resolve()
    today = stockholm_today(os.environ)  # the command's one clock (issue 12)
    title, record_id = _title_and_id(args)
    if not title or not record_id:
        command = "ny-insats" if args.kind == "insats" else "nytt-behov"
        print(f"fel: ange både id och titel, till exempel: make {command} "
              'ID=korkort-cytostatika TITEL="Körkort för cytostatika"', file=sys.stderr)
        return 1
    refusal = _refusal(args, root, record_id)
    if refusal:
        print(f"fel: {refusal}", file=sys.stderr)
        return 1
    kind = SCAFFOLD_KINDS[args.kind]
    target = root / kind.data_folder / f"{record_id}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_new_record(args.kind, record_id, title, today=today,
                                        unit_id=args.enhet, source_id=args.kalla), encoding="utf-8")
    return _report(root, target, kind.page_url(record_id), today)


def _report(root: Path, target: Path, page_url: str, today: dt.date) -> int:
    """What the new file still needs (its placeholders), or its real problems."""
    rel = target.relative_to(root).as_posix()
    _, problems = pipeline.load_portfolio(root / "data", root / "schemas", today=today)
    own = [p for p in problems if p.path == rel]
    broken = [p for p in own if p.rule != placeholders.RULE]
    if broken:
        print(f"Skapade {rel}, men den har fel:", file=sys.stderr)
        print("\n".join(format_problem(p) for p in broken), file=sys.stderr)
        return 1
    print(f"Skapade {rel}.\n"
          "Öppna filen och byt ut mallens platshållare (ATT FYLLA I och ÄNDRA). Tills dess "
          "stoppar `make validate` och bygget filen, så inget publiceras av misstag:")
    print("\n".join(f"  {format_problem(p)}" for p in own))
    print(f"Sidan visas på http://127.0.0.1:8000/{page_url} "
          "när `make serve` körs och felen är rättade.")
    return 0
