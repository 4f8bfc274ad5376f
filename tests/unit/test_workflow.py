"""The CI workflows: actionlint finds nothing, pull requests from forks stay safe, and only a
fully checked main is published (issue 12)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT, require_tool

WORKFLOW_DIR = REPO_ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOW_DIR / "handbok.yml"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])
LINTER = REPO_ROOT / "tests" / "tools" / "actionlint.mjs"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
TEST_JOB, DEPLOY_JOB, REMINDER_JOB = "kontroll", "publicera", "granskningspaminnelse"
PUBLISHING_EVENTS = "github.event_name == 'push' || github.event_name == 'schedule'"


def _actionlint(path: Path) -> list[dict]:
    node = require_tool("node", "actionlint körs som wasm i Node")
    require_tool(str(REPO_ROOT / "node_modules" / "@tktco" / "node-actionlint" / "main.wasm"), "kör `npm ci`")
    completed = subprocess.run([node, str(LINTER), str(path)], capture_output=True, text=True,
                               cwd=REPO_ROOT, timeout=60, check=True)
    return json.loads(completed.stdout)


def _load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); map it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _workflow() -> dict:
    return _load(WORKFLOW)


def _job(name: str) -> dict:
    return _workflow()["jobs"][name]


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _step_using(job: dict, action: str) -> dict:
    [step] = [s for s in job["steps"] if s.get("uses", "").startswith(f"{action}@")]
    return step


def test_there_is_a_workflow_to_check() -> None:
    assert WORKFLOW in WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(path: Path) -> None:
    assert _actionlint(path) == []


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    findings = _actionlint(broken)
    assert [(f["line"], f["kind"]) for f in findings] == [(6, "expression")]


def test_actionlint_knows_repository_variables_and_checks_needs(tmp_path: Path) -> None:
    """The linter must be new enough for `vars` (the site's configuration) and still catch mistakes."""
    workflow = tmp_path / "vars.yml"
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                        "      - run: echo \"$X\"\n        env:\n          X: ${{ vars.SITE_URL }}\n"
                        "  b:\n    needs: saknas\n    runs-on: ubuntu-latest\n    steps:\n"
                        "      - run: echo b\n", encoding="utf-8")
    findings = _actionlint(workflow)
    assert [(f["line"], f["kind"]) for f in findings] == [(9, "job-needs")]


def test_triggers_are_pull_request_main_and_nightly() -> None:
    triggers = _workflow()["on"]
    assert set(triggers) == {"pull_request", "push", "schedule"}
    assert triggers["push"]["branches"] == ["main"]
    [nightly] = triggers["schedule"]
    minute, hour, day, month, weekday = nightly["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()


def test_token_is_read_only_by_default() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        if name not in {DEPLOY_JOB, REMINDER_JOB}:
            assert set(job.get("permissions", {}).values()) <= {"read", "none"}, name


def test_only_the_deploy_job_may_publish_and_only_the_reminder_job_may_write_issues() -> None:
    jobs = _workflow()["jobs"]
    assert jobs[DEPLOY_JOB]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs[REMINDER_JOB]["permissions"] == {"contents": "read", "issues": "write"}
    for name, job in jobs.items():
        granted = {scope for scope, level in job.get("permissions", {}).items() if level != "none"}
        if name != DEPLOY_JOB:
            assert not granted & {"pages", "id-token"}, name
        if name != REMINDER_JOB:
            assert "issues" not in granted, name


def test_every_action_is_pinned_to_a_commit() -> None:
    for path in WORKFLOWS:
        uses = [step["uses"] for step in _steps(_load(path)) if "uses" in step]
        assert uses, f"{path.name} uses no actions at all?"
        assert [u for u in uses if not PINNED.match(u)] == []
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_no_secrets_and_no_pull_request_target() -> None:
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        assert "secrets." not in text, path.name
        assert "pull_request_target" not in text, path.name
        assert "workflow_run" not in text, path.name
        checkouts = [s for s in _steps(_load(path)) if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts), path.name


@pytest.mark.parametrize("command", ["make validate FORMAT=github", "make pdf", "make test"])
def test_runs_the_same_make_targets_as_editors(command: str) -> None:
    runs = [step.get("run", "") for step in _job(TEST_JOB)["steps"]]
    assert any(run.strip() == command for run in runs)


def test_pull_requests_get_the_data_diff_and_the_site_artifact() -> None:
    steps = _job(TEST_JOB)["steps"]
    diff = next(s for s in steps if "make --silent diff" in s.get("run", ""))
    assert diff["if"] == "github.event_name == 'pull_request'"
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff["run"]
    upload = next(s for s in steps if s.get("with", {}).get("name") == "webbplats")
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"] == "site/"


def test_preview_is_uploaded_only_for_a_pull_request_whose_build_succeeded() -> None:
    steps = _job(TEST_JOB)["steps"]
    build = next(s for s in steps if s.get("run", "").strip() == "make pdf")
    upload = next(s for s in steps if s.get("with", {}).get("name") == "webbplats")
    condition = upload["if"]
    assert "always()" not in condition
    assert "github.event_name == 'pull_request'" in condition
    assert f"steps.{build['id']}.outcome == 'success'" in condition or "success()" in condition
    # The preview is uploaded after the build step, from what it built.
    assert steps.index(build) < steps.index(upload)


def test_deploy_needs_the_test_job_and_never_runs_for_pull_requests() -> None:
    workflow = _workflow()
    deploy = workflow["jobs"][DEPLOY_JOB]
    assert deploy["needs"] in (TEST_JOB, [TEST_JOB])
    assert deploy["if"] == PUBLISHING_EVENTS
    assert "always()" not in deploy["if"] and "pull_request" not in deploy["if"]
    assert "pull_request_target" not in workflow["on"]


def _published_site_upload() -> dict:
    return next(s for s in _job(TEST_JOB)["steps"] if s.get("with", {}).get("name") == "publicering")


def test_deploy_publishes_the_tested_build_with_the_pages_actions() -> None:
    test_steps = _job(TEST_JOB)["steps"]
    saved = _published_site_upload()
    assert saved["uses"].startswith("actions/upload-artifact@")
    assert saved["with"]["path"] == "site/" and saved["if"] == PUBLISHING_EVENTS
    run_tests = next(s for s in test_steps if s.get("run", "").strip() == "make test")
    assert test_steps.index(run_tests) < test_steps.index(saved)
    deploy = _job(DEPLOY_JOB)
    fetched = _step_using(deploy, "actions/download-artifact")
    pages = _step_using(deploy, "actions/upload-pages-artifact")
    deploy_step = _step_using(deploy, "actions/deploy-pages")
    assert fetched["with"] == {"name": "publicering", "path": "site/"}
    assert pages["with"]["path"] == "site/"
    order = [deploy["steps"].index(step) for step in (fetched, pages, deploy_step)]
    assert order == sorted(order)
    assert deploy["environment"] == {"name": "github-pages",
                                     "url": f"${{{{ steps.{deploy_step['id']}.outputs.page_url }}}}"}


def test_deploys_never_overlap_and_are_never_cancelled() -> None:
    workflow = _workflow()
    assert workflow["jobs"][DEPLOY_JOB]["concurrency"] == {"group": "github-pages",
                                                           "cancel-in-progress": False}
    # The workflow-level group may cancel superseded pull-request runs, never a run on main.
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_the_build_gets_the_site_configuration_from_repository_variables() -> None:
    build = next(s for s in _job(TEST_JOB)["steps"] if s.get("run", "").strip() == "make pdf")
    names = ["SITE_URL", "HANDBOK_EDIT_BASE", "HANDBOK_KONTAKT_EPOST", "HANDBOK_ORGANISATION"]
    assert build["env"] == {name: f"${{{{ vars.{name} }}}}" for name in names}
    mkdocs_yml = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert all(f"!ENV [{name}," in mkdocs_yml for name in names)
    # The test suite's builds keep mkdocs.yml's defaults (its tests expect them).
    run_tests = next(s for s in _job(TEST_JOB)["steps"] if s.get("run", "").strip() == "make test")
    assert "env" not in run_tests and not set(names) & set(_job(TEST_JOB)["env"])


def test_reminder_runs_nightly_after_the_tests_and_reads_the_page_index() -> None:
    reminder = _job(REMINDER_JOB)
    assert reminder["needs"] in (TEST_JOB, [TEST_JOB])
    assert reminder["if"] == "github.event_name == 'schedule'"
    assert _published_site_upload()["if"] == PUBLISHING_EVENTS  # so also nightly
    fetched = _step_using(reminder, "actions/download-artifact")
    assert fetched["with"] == {"name": "publicering", "path": "${{ runner.temp }}/webbplats"}
    script = "\n".join(s.get("run", "") for s in reminder["steps"])
    assert "python3 -m handbok.cli review-issue" in script
    assert '--sidor "$RUNNER_TEMP/webbplats/sidor.json"' in script
    assert "gh issue create" in script and "gh issue edit" in script and "gh issue close" in script
    assert 'startswith("Granskning:")' in script
    env = next(s["env"] for s in reminder["steps"] if "gh issue" in s.get("run", ""))
    assert env["GH_TOKEN"] == "${{ github.token }}"


def test_reminder_edits_the_issue_only_when_title_or_text_differ() -> None:
    script = next(s["run"] for s in _job(REMINDER_JOB)["steps"] if "gh issue edit" in s.get("run", ""))
    lines = [line.strip() for line in script.splitlines()]
    same = lines.index('if [ "$nuvarande_titel" = "$titel" ] && [ "$nuvarande_text" = "$(cat "$text_fil")" ]; then')
    edit = next(i for i, line in enumerate(lines) if line.startswith("gh issue edit"))
    assert lines[same + 2:edit] == ["else"]


def _settings_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the deploy job's settings step as Actions does (bash -e), with these variables."""
    [step] = [s for s in _job(DEPLOY_JOB)["steps"] if s.get("name") == "Kontrollera publiceringsinställningarna"]
    assert set(step["env"]) == {"SITE_URL", "HANDBOK_EDIT_BASE", "HANDBOK_KONTAKT_EPOST", "HANDBOK_ORGANISATION"}
    return subprocess.run(["bash", "-e", "-c", step["run"]], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", **{name: env.get(name, "") for name in step["env"]}})


SETTINGS = {"SITE_URL": "https://handbok.example.se/", "HANDBOK_EDIT_BASE": "https://example.se/edit/",
            "HANDBOK_KONTAKT_EPOST": "redaktionen@example.se", "HANDBOK_ORGANISATION": "Regionen"}


def test_deploy_passes_the_settings_check_with_every_variable_set() -> None:
    result = _settings_check(SETTINGS)
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.parametrize("unset", ["SITE_URL", "HANDBOK_KONTAKT_EPOST", "HANDBOK_ORGANISATION"])
def test_deploy_stops_without_the_address_or_the_legal_contact_route(unset: str) -> None:
    result = _settings_check({**SETTINGS, unset: ""})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error::Repository-variabeln {unset} är inte satt; webbplatsen publiceras inte utan den (se README.md)."]


def test_deploy_only_warns_without_the_edit_link_base() -> None:
    result = _settings_check({**SETTINGS, "HANDBOK_EDIT_BASE": ""})
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "::warning::Repository-variabeln HANDBOK_EDIT_BASE är inte satt; redigeringslänkarna pekar på platshållaren."]


def test_reminder_only_touches_the_issue_its_own_bot_opened() -> None:
    script = next(s["run"] for s in _job(REMINDER_JOB)["steps"] if "gh issue list" in s.get("run", ""))
    [listing] = [line.strip() for line in script.splitlines() if "gh issue list" in line]
    assert "--app github-actions " in listing and "--author" not in listing
