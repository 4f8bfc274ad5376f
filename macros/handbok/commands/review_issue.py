"""`python -m handbok.cli review-issue`: the nightly review-reminder issue's title and text from sidor.json.

Writes the title and the body to the given files when something is overdue; when nothing is,
writes nothing and says so, so the workflow can tell the cases apart by the files alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from handbok.review_issue import review_issue


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbok.cli review-issue",
                                     description="Ärende om försenade granskningar från sidor.json.")
    parser.add_argument("--sidor", type=Path, required=True, help="sidförteckningen (site/sidor.json)")
    parser.add_argument("--title-file", type=Path, required=True, help="fil att skriva ärendets rubrik till")
    parser.add_argument("--body-file", type=Path, required=True, help="fil att skriva ärendets text till")
    parser.add_argument("--site-url", default="", help="webbplatsens adress för länkarna (annars relativa)")
    args = parser.parse_args(argv)
    try:
        issue = review_issue(json.loads(args.sidor.read_text(encoding="utf-8")), site_url=args.site_url)
    except (OSError, ValueError) as error:
        print(f"fel: {args.sidor}: {error}", file=sys.stderr)
        return 1
    if issue is None:
        print("Inga sidor eller poster är försenade; inget ärende behövs.")
        return 0
    title, body = issue
    args.title_file.write_text(title + "\n", encoding="utf-8")
    args.body_file.write_text(body, encoding="utf-8")
    print(title)
    return 0
