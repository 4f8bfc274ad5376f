"""Issue 17: after a Swedish error the editor reads no English tail the project controls."""

from __future__ import annotations

import subprocess
from pathlib import Path

from handbok.build_output import editor_build_output

REPO_ROOT = Path(__file__).resolve().parents[2]
MKDOCS_FAILURE = (
    "INFO    -  Cleaning site directory\n"
    "ERROR   -  Bygget stoppades: 1 problem i källfilerna.\n"
    "data/insatser/x.yaml:8:9: fel: fältet 'status' har värdet 'pågår' — menade du 'pagar'?\n"
    "\n"
    "Aborted with a BuildError!\n"
)


def test_build_output_drops_info_and_the_english_abort_line() -> None:
    assert editor_build_output(MKDOCS_FAILURE) == (
        "ERROR   -  Bygget stoppades: 1 problem i källfilerna.\n"
        "data/insatser/x.yaml:8:9: fel: fältet 'status' har värdet 'pågår' — menade du 'pagar'?\n"
        "\n")


def test_strict_mode_stop_is_said_in_swedish() -> None:
    assert editor_build_output("WARNING -  x\nAborted with 2 warnings in strict mode!\n") == (
        "WARNING -  x\nBygget stoppades av 2 varning(ar) ovan (strikt läge).\n")


def test_the_makefile_build_filter_matches_the_python_one() -> None:
    """`make build` filters with sed (MKDOCS_SV); it must drop and translate the same lines."""
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "| sed -u $(MKDOCS_SV)" in makefile
    expression = makefile.split("MKDOCS_SV := ", 1)[1].split("\n# ", 1)[0]
    expression = expression.replace("\\\n", " ").replace("$$", "$")
    text = MKDOCS_FAILURE + "Aborted with 1 warning in strict mode!\n"
    completed = subprocess.run(f"sed -u {expression}", shell=True, input=text,
                               capture_output=True, text=True, check=True)
    assert completed.stdout == editor_build_output(text)


def test_github_annotations_escape_what_would_end_or_forge_a_command() -> None:
    from handbok.problems import Problem, format_github_annotation

    crafted = Problem("docs/a,title=Allt gick bra::x\n::error::falskt.md", 3, 1, "100 % fel\r\n::warning::x")
    assert format_github_annotation(crafted) == (
        "::error file=docs/a%2Ctitle=Allt gick bra%3A%3Ax%0A%3A%3Aerror%3A%3Afalskt.md,line=3,col=1,"
        "title=Valideringsfel::100 %25 fel%0D%0A::warning::x")
