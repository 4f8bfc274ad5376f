"""Small, documented corrections to the theme's own markup in every built HTML page.

Material 9.8's base.html writes `autocomplete="off"` on its hidden checkbox toggles
(`#__drawer`, `#__search`). HTML only allows `autocomplete` on text-like inputs, so the Nu HTML
Checker reports an error on every page. The toggles live outside any template block, so they
cannot be overridden by a partial; the attribute is removed here instead.
"""

from __future__ import annotations

import re

_CHECKBOX_TAG = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>")
_AUTOCOMPLETE = re.compile(r"\s+autocomplete=\"[^\"]*\"")


def _without_autocomplete(match: re.Match[str]) -> str:
    return _AUTOCOMPLETE.sub("", match.group(0))


def fix_theme_html(html: str) -> str:
    """The page with `autocomplete` removed from checkbox inputs (invalid HTML there)."""
    return _CHECKBOX_TAG.sub(_without_autocomplete, html)
