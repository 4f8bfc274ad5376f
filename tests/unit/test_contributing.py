"""Issue 17: CONTRIBUTING.md covers every editor task and asks only for what an editor needs."""

from __future__ import annotations

from pathlib import Path

import pytest

GUIDE = (Path(__file__).resolve().parents[2] / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_asks_only_for_what_an_editor_needs() -> None:
    assert "Node" not in GUIDE and "npm" not in GUIDE
    assert "Du behöver `git`, `make` och Python 3.11" in GUIDE


@pytest.mark.parametrize("task", [
    "make serve", "make ny-insats", "make nytt-behov", "make validate", "make flytta FRAN=",
    "make urls TA_BORT=ja", "make diff BASE=origin/main", "make granskning", "statusrapporter",
    "När förhandsvisningen slutar uppdateras", "mallens platshållare", "data/organisation/",
    "tidigare_id",
])
def test_every_editor_task_is_covered(task: str) -> None:
    assert task in GUIDE
