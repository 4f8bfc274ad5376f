"""MkDocs' build output as an editor should read it: no INFO chatter, no English tail (issue 17)."""

from __future__ import annotations

import re

_STRICT_ABORT = re.compile(r"^Aborted with (\d+) warnings? in strict mode!$")


def editor_build_output(text: str) -> str:
    """Drop INFO lines and "Aborted with a BuildError!"; say the strict-mode stop in Swedish."""
    lines = []
    for line in text.splitlines():
        if line.startswith("INFO ") or line == "Aborted with a BuildError!":
            continue
        match = _STRICT_ABORT.match(line)
        lines.append(f"Bygget stoppades av {match.group(1)} varning(ar) ovan (strikt läge)."
                     if match else line)
    return "\n".join(lines) + ("\n" if lines else "")
