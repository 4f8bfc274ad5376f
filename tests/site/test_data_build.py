"""A broken data file stops `mkdocs build --strict` with the located message; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build


def test_broken_data_file_fails_the_build_and_publishes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    initiative = project / "data" / "insatser" / "cytostatikakorkort.yaml"
    initiative.write_text(initiative.read_text(encoding="utf-8")
                          .replace("typ: flera-forvaltningar", "typ: klar"), encoding="utf-8")
    site_dir = tmp_path / "fresh-site"
    result = build_site(project, site_dir)
    assert result.returncode != 0
    assert ("data/insatser/cytostatikakorkort.yaml:9:6: fel: fältet 'typ' har värdet 'klar', "
            "tillåtna värden är: flera-forvaltningar, forvaltningsspecifik, regiongemensam") in result.output
    assert "Traceback" not in result.output
    # on_config raises before MkDocs writes anything, so the fresh destination stays empty.
    assert not (site_dir / "index.html").exists()
    assert not site_dir.exists() or not any(site_dir.iterdir())


def test_schemas_are_published_at_their_stable_urls(built_site: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    for name in ("insats", "behov", "enhet", "kalla"):
        published = built_site / "schemas" / f"{name}.schema.json"
        assert published.read_bytes() == (repo / "schemas" / f"{name}.schema.json").read_bytes()
