"""A deliberately broken initiative run through the real validator, for the editor guide.

Generated at build time, so the example's messages are always the validator's current ones.
"""

from __future__ import annotations

from pathlib import Path

from handbok import pipeline, validate
from handbok.kinds import INSATS
from handbok.load import load_document
from handbok.problems import Problem, format_problem, problems_summary
from handbok.render import escape
from handbok.render.templating import markup, render

EXAMPLE_PATH = INSATS.data_path("exempel-med-fel")
BROKEN_EXAMPLE = """\
# yaml-language-server: $schema=../../schemas/insats.schema.json
id: exempel-med-fel
titl: Körkort för infusionspumpar
sammanfattning: Alla sjuksköterskor på avdelningen ska kunna hantera pumparna säkert.
typ: forvaltningsspecifik
fas: planering
status: planerad
forvaltningar:
  - exempelsjukhuset
kalla: exempelkalla
uppgifterna_galler: "2017"
senast_granskad: 2026-02-30
"""


def example_problems(schema_dir: Path, repo_root: Path) -> list[Problem]:
    """What the real loader and schema check report for BROKEN_EXAMPLE, sorted."""
    document, problems = load_document(EXAMPLE_PATH, BROKEN_EXAMPLE.encode("utf-8"))
    if document is None:
        return sorted(problems)
    validators, schema_load_problems = pipeline.cached_validators(schema_dir, repo_root)
    if schema_load_problems:
        return sorted(schema_load_problems)
    return sorted(validate.header_problems(document, "insats")
                  + validate.schema_problems(document, validators["insats"]))


def render_error_example(schema_dir: Path, repo_root: Path) -> str:
    """Markdown: the broken file with line numbers, then the exact lines `make validate` prints."""
    problems = example_problems(schema_dir, repo_root)
    if not problems:
        raise ValueError("the broken example no longer produces any problem; update it")
    output = [format_problem(p) for p in problems] + [problems_summary(len(problems))]
    # Inside fenced code nothing is interpreted; the lines are our example and the validator's.
    return render("macro_error_example.md.j2", path=markup(escape.markdown_code(EXAMPLE_PATH)),
                  source=markup(BROKEN_EXAMPLE.rstrip("\n")), output=[markup(line) for line in output])
