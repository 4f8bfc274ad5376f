"""The search index step: one Pagefind run over the whole built site, and no private contracts."""

from __future__ import annotations

import re
from pathlib import Path

from handbok.search_index import IGNORED, pagefind_command

REPO_ROOT = Path(__file__).resolve().parents[2]
# Material's worker protocol (its message types) and filters that rewrite a rendered block.
_PRIVATE = re.compile(r"SETUP|READY|QUERY|RESULT|\}\}\s*\|\s*replace\(|filter replace|super\(\)\s*\|\s*replace")


def test_pagefind_runs_once_over_the_site_with_swedish_and_the_furniture_ignored(tmp_path):
    command = pagefind_command(tmp_path / "site", tmp_path / "site" / "pagefind")
    assert command[1:7] == ["--site", str((tmp_path / "site").resolve()), "--output-path",
                            str((tmp_path / "site" / "pagefind").resolve()), "--force-language", "sv"]
    assert [command[i + 1] for i, part in enumerate(command) if part == "--exclude-selectors"] == list(IGNORED)


def test_no_override_rewrites_material_output_or_speaks_its_worker_protocol():
    """Search goes through documented interfaces only: Material's blocks and partials as
    documented for overriding, Pagefind's Component UI; nothing edits Material's rendered
    HTML as a string or answers the messages of Material's search worker."""
    files = [p for folder in ("overrides", "macros") for p in sorted((REPO_ROOT / folder).rglob("*"))
             if p.suffix in {".html", ".js", ".py", ".j2"} and "__pycache__" not in p.parts]
    offenders = [f"{p.relative_to(REPO_ROOT)}:{n}" for p in files
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if _PRIVATE.search(line)]
    assert offenders == []
    assert not (REPO_ROOT / "overrides" / "assets" / "javascripts" / "workers").exists()
