"""The engine exit, proven: ProperDocs 1.6.7 builds the same site as MkDocs 1.6.1, byte for byte.

ProperDocs is the MkDocs 1.x fork that runs existing themes, plugins and hooks unchanged
(Material, mkdocs-macros-plugin, macros/hooks.py). Both builds use tests/conftest.py's
`build_site` (strict, the pinned test date, the same environment) on the working tree.
The one allowed difference is the engine's name and version in Material's generator tag,
`<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-…">`, which ProperDocs
fills in as `mkdocs-ProperDocs 1.6.7`; only that part is normalised.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, build_site

pytestmark = pytest.mark.build

# The engine part of Material's generator tag; the Material version after it is compared.
GENERATOR = re.compile(rb'(<meta name="generator" content="mkdocs-)([^,"]*)(, mkdocs-material-)')
ENGINE_NAMES = {"mkdocs": b"1.6.1", "properdocs": b"ProperDocs 1.6.7"}


def normalised(data: bytes) -> tuple[bytes, set[bytes]]:
    """The file with the engine name blanked, and the engine names it carried."""
    found: set[bytes] = set()

    def blank(match: re.Match[bytes]) -> bytes:
        found.add(match.group(2))
        return match.group(1) + b"ENGINE" + match.group(3)

    return GENERATOR.sub(blank, data), found


def site_files(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes()
            for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_the_pinned_engines_are_the_ones_compared() -> None:
    assert version("mkdocs") == "1.6.1"
    assert version("properdocs") == "1.6.7"


def test_properdocs_builds_the_same_site_as_mkdocs(built_site: Path, tmp_path: Path) -> None:
    result = build_site(REPO_ROOT, tmp_path / "properdocs", engine="properdocs")
    assert result.returncode == 0, f"ProperDocs bygger inte webbplatsen:\n{result.output}"
    mkdocs_files, properdocs_files = site_files(built_site), site_files(result.site_dir)

    only = sorted(set(mkdocs_files) ^ set(properdocs_files))
    differing, engines = [], {"mkdocs": set(), "properdocs": set()}
    for name in sorted(set(mkdocs_files) & set(properdocs_files)):
        left, left_engines = normalised(mkdocs_files[name])
        right, right_engines = normalised(properdocs_files[name])
        engines["mkdocs"] |= left_engines
        engines["properdocs"] |= right_engines
        if left != right:
            differing.append(name)
    assert not only, "bara i det ena bygget:\n" + "\n".join(only)
    assert not differing, ("filer som skiljer sig utöver generatorns namn "
                           f"({len(differing)} st):\n" + "\n".join(differing))
    # Each build really ran its own engine, and the normalisation touched nothing else.
    assert engines == {engine: {name} for engine, name in ENGINE_NAMES.items()}
