"""`make validate`: check every data file and authored page, print located Swedish problems."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from handbok.builddate import today as stockholm_today
from handbok.model import Portfolio
from handbok.problems import format_github_annotation, format_problem, problems_summary
from handbok.project import check_project

REPO_ROOT = Path(__file__).resolve().parents[3]


def summary_line(portfolio: Portfolio) -> str:
    """One line with the number of records per type, for the editor and the CI log."""
    return (f"Alla datafiler är giltiga: {len(portfolio.insatser)} insatser, "
            f"{len(portfolio.behov)} behov, {len(portfolio.enheter)} organisationsenheter, "
            f"{len(portfolio.kallor)} källor.")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make validate",
                                     description="Kontrollerar alla datafiler och sidor.")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="github: skriv fel som GitHub-annoteringar")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project, problems = check_project(args.root, today=stockholm_today(os.environ))
    formatter = format_github_annotation if args.format == "github" else format_problem
    for problem in sorted(problems):
        print(formatter(problem))
    for warning in project.warnings if project is not None else ():
        print(formatter(warning, warning=True))
    if problems or project is None:
        print(problems_summary(len(problems)))
        return 1
    print(summary_line(project.portfolio))
    return 0
