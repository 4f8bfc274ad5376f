"""Front matter for generated pages (issue 16)."""

from __future__ import annotations

import pytest

from handbok.render.page_options import with_hidden_sidebars


def test_hides_navigation_and_toc() -> None:
    assert with_hidden_sidebars("# Rubrik\n") == "---\nhide:\n  - navigation\n  - toc\n---\n\n# Rubrik\n"


def test_refuses_a_page_that_has_front_matter() -> None:
    with pytest.raises(ValueError):
        with_hidden_sidebars("---\ntitle: x\n---\n\n# x\n")
