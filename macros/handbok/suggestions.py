""""Menade du …?" for values editors write the Swedish way (issue 17).

Editors type the label they see on the site (`pågår`, `Åtgärdas`, `enligt plan`) where the
data wants the token (`pagar`, `atgardas`, `enligt-plan`). Folding å/ä/ö and spaces finds
those; otherwise only a near-typo is suggested, so an unrelated id that merely shares a long
suffix (`hr-avdelningen` vs `fouu-avdelningen`) is never offered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from handbok.model import LabelledEnum


def fold(text: str) -> str:
    """`Pågår` → `pagar`, `Enligt plan` → `enligt-plan`: the token an editor most likely meant."""
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def enum_labels() -> dict[str, str]:
    """Every data token with the Swedish label the site shows for it (`pagar` → `Pågår`)."""
    return {member.value: member.label for enum in LabelledEnum.__subclasses__()
            for member in enum}


def closest(value: str, allowed: Iterable[str], labels: dict[str, str] | None = None) -> str | None:
    """The allowed token `value` most likely means, or None when nothing is close."""
    options = sorted(set(allowed))
    folded = fold(value)
    if not folded:
        return None
    for option in options:
        if folded in (option, fold(option)):
            return option
    for option, label in sorted((labels or {}).items()):
        if option in options and folded == fold(label):
            return option
    best = min(options, key=lambda option: (_distance(folded, option), option), default=None)
    if best is None or _distance(folded, best) > _tolerance(folded) or \
            _replaces_a_word(folded, best):
        return None
    return best


def _replaces_a_word(a: str, b: str) -> bool:
    """True when some hyphen-separated word is a different word, not a misspelling of it
    (`hr-avdelningen` / `it-avdelningen`)."""
    words_a, words_b = a.split("-"), b.split("-")
    if len(words_a) != len(words_b):
        return False
    return any(x != y and 1 < min(len(x), len(y)) <= _distance(x, y)
               for x, y in zip(words_a, words_b, strict=True))


def _tolerance(text: str) -> int:
    # One slip in short words, two in long ones: typos, not different words.
    return 1 if len(text) < 8 else 2


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, substitute)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]
