"""Macros that show the site's configuration (mkdocs.yml `extra`, set from the environment) on a page.

Each takes `extra` first; the adapter (macros/main.py) binds it. An unset value shows a visible
placeholder, so a published page never silently lacks its contact address or publisher. Macro
names differ from the `extra` keys: mkdocs-macros exposes those keys as template variables,
which would hide a macro of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from handbok.render import escape

CONTACT_KEY = "kontakt_epost"
ORGANISATION_KEY = "organisation"
NO_CONTACT = "[kontaktadress ej angiven]"
NO_ORGANISATION = "[organisation ej angiven]"

# One address without spaces or Markdown/HTML punctuation, so it is a safe link target as it is.
_EMAIL = re.compile(r"[^@\s<>()\[\]\\`*{}\"']+@[^@\s<>()\[\]\\`*{}\"']+\.[^@\s<>()\[\]\\`*{}\"'.]+")


def _configured(extra: Mapping[str, object], key: str) -> str:
    # `!ENV [NAME, ""]` gives None, not "", when the variable is set but empty.
    return str(extra.get(key) or "").strip()


def kontaktadress(extra: Mapping[str, object]) -> str:
    """The contact address as a mailto link, or the visible placeholder when it is not set."""
    address = _configured(extra, CONTACT_KEY)
    if not address:
        return f"**{escape.text(NO_CONTACT)}**"
    if not _EMAIL.fullmatch(address):
        raise ValueError(f"extra.{CONTACT_KEY} (HANDBOK_KONTAKT_EPOST) är ingen e-postadress: {address!r}")
    return f"[{escape.text(address)}](mailto:{address})"


def organisationsnamn(extra: Mapping[str, object]) -> str:
    """The publishing organisation's name, or the visible placeholder when it is not set."""
    name = _configured(extra, ORGANISATION_KEY)
    return escape.text(name) if name else f"**{escape.text(NO_ORGANISATION)}**"


MACROS: dict[str, Callable[..., str]] = {
    "kontaktadress": kontaktadress,
    "organisationsnamn": organisationsnamn,
}
