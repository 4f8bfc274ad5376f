"""The accessibility statement names the publisher and a contact address from configuration (issue 12)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, build_site

pytestmark = pytest.mark.build

STATEMENT = Path("om/tillganglighetsredogorelse/index.html")
ADDRESS = "tillganglighet@region.example.se"
ORGANISATION = "Region Exempelland"


def _article_text(site_dir: Path) -> str:
    page = (site_dir / STATEMENT).read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


def _visible(article: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def test_unset_contact_and_organisation_show_visible_placeholders(tmp_path: Path) -> None:
    # Set but empty, as GitHub passes an unset repository variable.
    result = build_site(REPO_ROOT, tmp_path / "site", env={"HANDBOK_KONTAKT_EPOST": "", "HANDBOK_ORGANISATION": ""})
    assert result.returncode == 0, result.output
    article = _article_text(result.site_dir)
    text = _visible(article)
    assert text.count("[kontaktadress ej angiven]") == 2
    assert "[organisation ej angiven] står bakom webbplatsen Förändringshandboken" in text
    assert "mailto:" not in article


def test_configured_contact_and_organisation_are_shown(tmp_path: Path) -> None:
    result = build_site(REPO_ROOT, tmp_path / "site",
                        env={"HANDBOK_KONTAKT_EPOST": ADDRESS, "HANDBOK_ORGANISATION": ORGANISATION})
    assert result.returncode == 0, result.output
    article = _article_text(result.site_dir)
    assert article.count(f'<a href="mailto:{ADDRESS}">{ADDRESS}</a>') == 2
    text = _visible(article)
    assert f"{ORGANISATION} står bakom webbplatsen Förändringshandboken" in text
    assert f"{ORGANISATION} har åtagit sig att göra webbplatsen tillgänglig" in text
    assert "ej angiven" not in text
