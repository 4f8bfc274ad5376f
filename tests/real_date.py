"""The date tests over the real data/ and docs/ run at (issue 23): never a pinned past day.

An editor who writes today's date in a record or page must get a green `make test`, today and
in five years. So tests over the real content use Stockholm's real date, or the newest date the
content itself holds if that is later, read once when this module is first imported (once per
session: conftest imports it as `tests.real_date`, like tests/tiers.py). Only fixture data
(tests/fixtures, inline YAML) keeps a pinned date. Such tests carry `@pytest.mark.real_content`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from handbok.builddate import STOCKHOLM
from handbok.builddate import today as stockholm_today

REPO_ROOT = Path(__file__).resolve().parent.parent
# The fields validation refuses to see after today: a record's or page's review date, a
# record's information date and its status reports' dates. Partial dates (2019, 2019-06)
# count from their first day, as validation counts them.
_DATE_FIELD = re.compile(r"^\s*(?:-\s+)?(?:senast_granskad|uppgifterna_galler|datum):\s*['\"]?"
                         r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _front_matter(text: str) -> str:
    """A page's front matter block; a date in the page's text is an example, not a date."""
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---", 4)
    return text[4:end] if end != -1 else ""


def newest_content_date(root: Path) -> dt.date | None:
    """The latest date in those fields across data/**/*.yaml and docs' front matter, if any."""
    texts = [*(p.read_text(encoding="utf-8") for p in sorted((root / "data").rglob("*.yaml"))),
             *(_front_matter(p.read_text(encoding="utf-8")) for p in sorted((root / "docs").rglob("*.md")))]
    found = [dt.date(int(year), int(month or 1), int(day or 1))
             for text in texts for year, month, day in _DATE_FIELD.findall(text)]
    return max(found, default=None)


def real_content_date(root: Path = REPO_ROOT) -> dt.date:
    """Stockholm's date now (the machine's clock), or the content's newest date if later."""
    now = stockholm_today({})
    newest = newest_content_date(root)
    return max(now, newest) if newest else now


def epoch_of(date: dt.date) -> str:
    """A SOURCE_DATE_EPOCH that is `date` in Stockholm (noon, far from either midnight)."""
    return str(int(dt.datetime.combine(date, dt.time(12), tzinfo=STOCKHOLM).timestamp()))


REAL_DATE = real_content_date()
# Pinned for the whole session, so two builds compared byte for byte (tests/site/
# test_reproducible.py) see the same date even across midnight.
REAL_EPOCH = epoch_of(REAL_DATE)
