"""Editor commands on real files: GitHub annotations, `make diff` on git history, scaffolding.

Each test works in a small project in tmp_path: the real schemas plus the fixture data in
tests/fixtures/editor/, so the expected output does not depend on the real dataset.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbok import pipeline
from handbok.commands import diff as diff_command
from handbok.commands import new as new_command
from handbok.problems import format_problem
from tests.conftest import REPO_ROOT

FIXTURE_DATA = REPO_ROOT / "tests" / "fixtures" / "editor" / "data"
ENV = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "macros"), "SOURCE_DATE_EPOCH": "1795000000"}


def _project(root: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, root / "data")
    shutil.copytree(REPO_ROOT / "schemas", root / "schemas")
    return root


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handbok.cli", *args, "--root", str(root)],
                          capture_output=True, text=True, env=ENV, cwd=root, timeout=60,
                          stdin=subprocess.DEVNULL)


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=root, check=True,
                   capture_output=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# ------------------------------------------------------------------ annotations


def test_validate_emits_github_annotations_on_real_errors(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(
        "---\nansvarig: Redaktionen\nsenast_granskad: 2026-01-01\n---\n\n# Start\n", "utf-8")
    insats = root / "data" / "insatser" / "testinsats.yaml"
    _edit(insats, "fas: bereda", "fas: beredning")
    _edit(insats, "halsa: enligt-plan", "halsa: risk")
    _edit(insats, "  - testbehov", "  - finns-inte")
    validate = subprocess.run(
        [sys.executable, "-m", "handbok.cli", "validate", "--format", "github", "--root", str(root)],
        capture_output=True, text=True, env=ENV, cwd=root, timeout=60)
    assert validate.returncode == 1
    assert validate.stdout.splitlines() == [
        "::error file=data/insatser/testinsats.yaml,line=6,col=6,title=Valideringsfel::"
        "fältet 'fas' har värdet 'beredning', tillåtna värden är: ta-emot-arende, bereda, "
        "infora, forvalta-och-folja-upp",
        "::error file=data/insatser/testinsats.yaml,line=8,col=8,title=Valideringsfel::"
        "fältet 'halsa' är 'risk': skriv en kort förklaring i fältet 'halsokommentar'",
        "::error file=data/insatser/testinsats.yaml,line=12,col=5,title=Valideringsfel::"
        "referensen 'finns-inte' i 'behov' finns inte bland behoven",
        "3 problem hittades. Rätta dem och kör 'make validate' igen.",
    ]


# ------------------------------------------------------------------ make diff


def test_diff_on_real_git_history(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Första versionen")

    insats = root / "data" / "insatser" / "testinsats.yaml"
    _edit(insats, "fas: bereda", "fas: infora")
    _edit(insats, "halsa: enligt-plan",
          "halsa: risk\nhalsokommentar: Utbildare saknas.\nstatusrapporter:\n"
          "  - datum: 2026-02-01\n    halsa: risk\n    text: Utbildare saknas i vår.")
    _git(root, "commit", "-q", "-am", "Insatsen går in i införandet")

    need = root / "data" / "behov" / "testbehov.yaml"
    renamed = root / "data" / "behov" / "lakemedelshantering.yaml"
    text = need.read_text(encoding="utf-8").replace("id: testbehov",
                                                     "id: lakemedelshantering\ntidigare_id:\n"
                                                     "  - testbehov")
    renamed.write_text(text, encoding="utf-8")
    need.unlink()
    _edit(insats, "  - testbehov", "  - lakemedelshantering")
    new_need = root / "data" / "behov" / "c1-korkort.yaml"
    new_need.write_text(text.replace("id: lakemedelshantering\ntidigare_id:\n  - testbehov",
                                     "id: c1-korkort")
                        .replace("Utbildning i läkemedelshantering", "C1-körkort för ambulans")
                        .replace("testsjukhuset", "testambulansen"), encoding="utf-8")

    first = _cli(root, "diff", "--base", "HEAD~1")
    # The initiative's reference to the renamed need is the need's rename, listed once (issue 23).
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == (
        "## Dataändringar jämfört med `HEAD~1`\n"
        "\n"
        "### Ändrade insatser (1)\n"
        "\n"
        "- **Körkort för cytostatika** (`testinsats`)\n"
        "    - fas: Bereda → Införa\n"
        "    - läge: Enligt plan → Risk för avvikelse från planen\n"
        "    - kommentar om läget: ändrad\n"
        "    - ny statusrapport 2026-02-01: Risk för avvikelse från planen – Utbildare saknas i vår.\n"
        "\n"
        "### Nya behov (1)\n"
        "\n"
        "- **C1-körkort för ambulans** (`c1-korkort`)\n"
        "    - status: Identifierat\n"
        "    - förvaltningar: testambulansen\n"
        "\n"
        "### Ändrade behov (1)\n"
        "\n"
        "- **Utbildning i läkemedelshantering** (`lakemedelshantering`) – bytte id från "
        "`testbehov`\n"
    )
    unchanged = _cli(root, "diff", "--base", "HEAD")
    assert "### Nya behov (1)" in unchanged.stdout
    assert "fas: Bereda → Införa" not in unchanged.stdout


def test_diff_says_so_when_nothing_changed(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Första versionen")
    result = _cli(root, "diff", "--base", "main")
    assert result.stdout == ("## Dataändringar jämfört med `main`\n\n"
                             "Inga ändringar i insatser, behov, organisationsenheter eller källor.\n")


def test_diff_with_an_unknown_ref_is_a_swedish_error(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    assert diff_command.main(["--base", "origin/finns-inte", "--root", str(root)]) == 1
    assert "hittar inte git-referensen 'origin/finns-inte'" in capsys.readouterr().err


# ------------------------------------------------------------------ scaffolding


@pytest.mark.parametrize(("kind", "folder", "fields"), [
    ("insats", "insatser", ["sammanfattning", "forvaltningar", "kalla"]),
    ("behov", "behov", ["beskrivning", "malgrupp", "forvaltningar", "kalla"]),
])
def test_scaffold_left_unchanged_fails_validation(tmp_path: Path, kind: str, folder: str,
                                                  fields: list[str]) -> None:
    """Issue 17: a new file's placeholders stop validation (and so the build) until replaced."""
    root = _project(tmp_path)
    result = _cli(root, "new", kind, "--id", "ny-post", "--titel", 'Körkort: "C1" & <mer>')
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Skapade data/{folder}/ny-post.yaml.\n")
    created = root / "data" / folder / "ny-post.yaml"
    text = created.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    assert "  - andra-till-en-enhet\n" in text and "kalla: andra-till-en-kalla\n" in text
    portfolio, problems = pipeline.load_portfolio(root / "data", root / "schemas",
                                                  today=dt.date(2026, 11, 18))
    assert portfolio is None
    assert {p.rule for p in problems} == {"platshallare"}
    assert [p.message.split("'")[1] for p in problems] == fields
    assert all(p.path == f"data/{folder}/ny-post.yaml" for p in problems)
    unit = next(p for p in problems if "'forvaltningar'" in p.message)
    assert unit.message == ("fältet 'forvaltningar' innehåller fortfarande mallens platshållare "
                            "'andra-till-en-enhet'; skriv ett riktigt id — giltiga id är "
                            "filnamnen (utan .yaml) i data/organisation/")
    assert (unit.line, unit.column) == (text.splitlines().index("  - andra-till-en-enhet") + 1, 5)
    summary = next(p for p in problems if p.message.split("'")[1] in ("sammanfattning", "beskrivning"))
    assert "innehåller fortfarande mallens platshållare ('ATT FYLLA I: …')" in summary.message
    for problem in problems:  # the command already listed what is left to do, located
        assert f"{problem.path}:{problem.line}:{problem.column}: fel: " in result.stdout


@pytest.mark.parametrize(("kind", "folder"), [("insats", "insatser"), ("behov", "behov")])
def test_scaffold_filled_in_is_valid(tmp_path: Path, kind: str, folder: str) -> None:
    root = _project(tmp_path)
    result = _cli(root, "new", kind, "--id", "ny-post", "--titel", 'Körkort: "C1" & <mer>',
                  "--enhet", "testsjukhuset", "--kalla", "testkalla")
    assert result.returncode == 0, result.stderr
    created = root / "data" / folder / "ny-post.yaml"
    text = created.read_text(encoding="utf-8")
    created.write_text(text.replace("ATT FYLLA I: ", ""), encoding="utf-8")
    portfolio, problems = pipeline.load_portfolio(root / "data", root / "schemas",
                                                  today=dt.date(2026, 11, 18))
    assert problems == []
    records = portfolio.insatser if kind == "insats" else portfolio.behov
    record = next(r for r in records if r.id == "ny-post")
    assert record.titel == 'Körkort: "C1" & <mer>'
    assert [u.id for u in record.forvaltningar] == ["testsjukhuset"]


_COMMENTED_FIELD = re.compile(r"# ( *(- )?[a-z_]+:.*|  +- .*)")
QUOTE = '"'
TODO = ("innehåller fortfarande mallens platshållare ('ATT FYLLA I: …'); skriv den riktiga texten "
        "eller ta bort fältet om det är valfritt")


def _uncomment_every_field(path: Path) -> list[str]:
    """The template with every commented-out field made live, values unchanged."""
    lines = [(m.group(1) if (m := _COMMENTED_FIELD.fullmatch(line)) else line)
             for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


@pytest.mark.parametrize(("kind", "folder", "fields"), [
    ("insats", "insatser", ["typ", "fas", "status", "halsa", "start", "slut", "kalla", "effektmal",
                            "rapportintervall", "datum", "halsa", "text"]),
    ("behov", "behov", ["status", "prioritet"]),
])
def test_scaffold_examples_uncommented_unchanged_are_placeholders(
        tmp_path: Path, kind: str, folder: str, fields: list[str]) -> None:
    """Issue 23: every example value in the template, made live unchanged, is a located
    placeholder problem (and nothing else is reported there)."""
    root = _project(tmp_path)
    result = _cli(root, "new", kind, "--id", "ny-post", "--titel", "Ny", "--enhet", "testsjukhuset",
                  "--kalla", "testkalla")
    assert result.returncode == 0, result.stderr
    path = root / "data" / folder / "ny-post.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ATT FYLLA I: en eller", "En eller")
                    .replace("ATT FYLLA I: vad behovet", "Vad behovet")
                    .replace("ATT FYLLA I: vilken", "Vilken"), encoding="utf-8")  # the required texts
    lines = _uncomment_every_field(path)
    _, problems = pipeline.load_portfolio(root / "data", root / "schemas", today=dt.date(2026, 11, 18))
    rel = f"data/{folder}/ny-post.yaml"
    todo_lines = [n for n, line in enumerate(lines, start=1) if '"ATT FYLLA I: ' in line]
    review = lines.index('senast_granskad: "ÅÅÅÅ-MM-DD"') + 1
    expected = [f"{rel}:{n}:{lines[n - 1].index(QUOTE) + 1}: fel: fältet '{field}' {TODO}"
                for n, field in zip(todo_lines, fields, strict=True)]
    expected.append(f"{rel}:{review}:18: fel: fältet 'senast_granskad' har värdet 'ÅÅÅÅ-MM-DD', "
                    "som inte är ett giltigt datum (ÅÅÅÅ-MM-DD)")
    if kind == "insats":
        need = lines.index("  - andra-till-ett-behov") + 1
        expected.append(f"{rel}:{need}:5: fel: fältet 'behov' innehåller fortfarande mallens "
                        "platshållare 'andra-till-ett-behov'; skriv ett riktigt id — giltiga id är "
                        "filnamnen (utan .yaml) i data/behov/")
    assert sorted(format_problem(p) for p in problems) == sorted(expected)


def test_new_record_uses_given_unit_and_source(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert new_command.main(["insats", "--id", "x", "--titel", "X", "--enhet", "testsjukhuset",
                             "--kalla", "testkalla", "--root", str(root)]) == 0
    text = (root / "data" / "insatser" / "x.yaml").read_text(encoding="utf-8")
    assert "  - testsjukhuset\n" in text
    assert "# ÄNDRA: kontrollera att enheten stämmer." in text


@pytest.mark.parametrize(("record_id", "message"), [
    ("testinsats", "fel: det finns redan en insats med id 'testinsats' "
                   "(data/insatser/testinsats.yaml); välj ett annat id.\n"),
    ("Körkort C1", "fel: id 'Körkort C1' går inte att använda: bara små bokstäver a–z, siffror "
                   "och bindestreck (inga å, ä, ö eller mellanslag). Förslag: 'korkort-c1'.\n"),
])
def test_new_record_refuses_bad_or_existing_id(tmp_path: Path, record_id: str,
                                               message: str) -> None:
    root = _project(tmp_path)
    before = sorted((root / "data").rglob("*.yaml"))
    result = _cli(root, "new", "insats", "--id", record_id, "--titel", "Något")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
    assert sorted((root / "data").rglob("*.yaml")) == before


def test_new_record_without_id_and_no_terminal_explains(tmp_path: Path) -> None:
    result = _cli(_project(tmp_path), "new", "behov")
    assert result.returncode == 1
    assert result.stderr.startswith("fel: ange både id och titel, till exempel: make nytt-behov ")
