"""`make ny-insats` / `make nytt-behov`: create a new data file from a template."""

from __future__ import annotations

import argparse
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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make ny-insats", description="Skapa en ny datafil.")
    parser.add_argument("kind", choices=sorted(SCAFFOLD_KINDS))
    parser.add_argument("--id", dest="record_id", default="")
    parser.add_argument("--titel", default="")
    parser.add_argument("--enhet", default="", help=f"id på en enhet i {ENHET.data_folder}")
    parser.add_argument("--kalla", default="", help="id på ett källdokument i data/kallor/")
    parser.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    interactive = sys.stdin.isatty()
    today = stockholm_today(os.environ)  # the command's one clock (issue 12)

    title = args.titel.strip()
    if not title and interactive:
        title = _ask(f"Titel på {_NAMES[args.kind]}")
    record_id = args.record_id.strip()
    if not record_id and interactive:
        record_id = _ask("Id (blir filnamnet)", slug_from_title(title))
    if not title or not record_id:
        command = "ny-insats" if args.kind == "insats" else "nytt-behov"
        print(f"fel: ange både id och titel, till exempel: make {command} "
              'ID=korkort-cytostatika TITEL="Körkort för cytostatika"', file=sys.stderr)
        return 1

    kind = SCAFFOLD_KINDS[args.kind]
    folder = root / kind.data_folder
    reason = check_new_id(record_id, set(_ids(folder)), args.kind)
    if reason:
        print(f"fel: {reason}", file=sys.stderr)
        return 1
    units, sources = _ids(root / ENHET.data_folder), _ids(root / KALLA.data_folder)
    for given, known, what in ((args.enhet, units, "enhet"), (args.kalla, sources, "källa")):
        if given and given not in known:
            print(f"fel: det finns ingen {what} med id '{given}'.", file=sys.stderr)
            return 1

    target = folder / f"{record_id}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_new_record(args.kind, record_id, title, today=today,
                                        unit_id=args.enhet, source_id=args.kalla),
                      encoding="utf-8")
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
    print(f"Sidan visas på http://127.0.0.1:8000/{kind.page_url(record_id)} "
          "när `make serve` körs och felen är rättade.")
    return 0
