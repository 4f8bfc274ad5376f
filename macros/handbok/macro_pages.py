"""The authored pages that may render macros: a short list that developers own (CODEOWNERS).

Macros run code at build time, so a page under docs/ (owned by the content team) cannot opt
in by itself: `render_macros: true` on a page not listed here stops the build (issue 14).
Paths are relative to docs/.
"""

from __future__ import annotations

MACRO_PAGES = frozenset({
    "index.md",
    "om/sa-bidrar-du.md",
    "om/tillganglighetsredogorelse.md",
    "process/ta-emot-arende.md",
    "process/bereda.md",
    "process/infora.md",
    "process/forvalta-och-folja-upp.md",
    "roller/forvaltningsledningen.md",
    "roller/uppdragsagare.md",
    "roller/beredningsgrupp.md",
    "roller/lokalt-utvecklingsansvarig.md",
    "roller/chef.md",
    "roller/projektledare.md",
    "roller/styrgrupp-och-referensgrupper.md",
})
