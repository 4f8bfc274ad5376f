"""Small, documented corrections to the theme's own markup in every built HTML page.

Material 9.8's templates produce three kinds of invalid HTML that the Nu HTML Checker reports;
each comes from markup outside any overridable block (or from a long partial we would
otherwise have to copy), so it is corrected here, after rendering:

- `autocomplete="off"` on the hidden checkbox toggles (`#__drawer`, `#__search`) in
  base.html: HTML allows `autocomplete` only on text-like inputs.
- `tabindex=""` on section labels in partials/nav-item.html: an empty tabindex is not a
  valid integer (browsers treat it as absent, so removing it changes nothing).
- `<label for="__toc">` in partials/toc.html on pages whose `#__toc` toggle is not rendered
  (pages kept out of the navigation): a label must point at an existing control.
"""

from __future__ import annotations

import re

_CHECKBOX_TAG = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>")
_AUTOCOMPLETE = re.compile(r"\s+autocomplete=\"[^\"]*\"")
_LABEL_TAG = re.compile(r"<label\b[^>]*>")
_EMPTY_TABINDEX = re.compile(r"\s+tabindex=\"\"")
_LABEL_FOR = re.compile(r"\s+for=\"([^\"]*)\"")
_ID = re.compile(r"\sid=\"([^\"]+)\"")


def _without_autocomplete(match: re.Match[str]) -> str:
    return _AUTOCOMPLETE.sub("", match.group(0))


def _fix_label(match: re.Match[str], ids: set[str]) -> str:
    tag = _EMPTY_TABINDEX.sub("", match.group(0))
    target = _LABEL_FOR.search(tag)
    if target and target.group(1) not in ids:
        tag = tag[:target.start()] + tag[target.end():]
    return tag


def fix_theme_html(html: str) -> str:
    """The page with the theme's invalid attributes (see module docstring) removed."""
    html = _CHECKBOX_TAG.sub(_without_autocomplete, html)
    ids = set(_ID.findall(html))
    return _LABEL_TAG.sub(lambda match: _fix_label(match, ids), html)
