"""Redirects for renamed records and moved pages, and their validation.

PLACEHOLDER until stable links land (issue 6).
"""

from __future__ import annotations

from pathlib import Path

from handbok.generated import GeneratedFile
from handbok.model import Portfolio
from handbok.problems import Problem


def check_redirects(repo_root: Path, portfolio: Portfolio) -> list[Problem]:
    return []


def redirect_files(repo_root: Path, portfolio: Portfolio, site_url: str) -> list[GeneratedFile]:
    return []
