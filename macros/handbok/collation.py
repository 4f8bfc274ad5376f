"""Swedish alphabetical order for names shown to readers: a pure sort key, no locale or ICU.

The portfolio table's script sorts with `localeCompare(x, "sv", {numeric: true})` and the page
announces the server's initial order as `aria-sort="ascending"`, so the server must sort the
same way (issue 13): A–Z, then Å, Ä, Ö; é like e and ü like y (accents, then case, only break
ties); digit runs by numeric value; spaces and punctuation before digits, digits before
letters. The key follows the Unicode Collation Algorithm with CLDR's Swedish tailoring in
three levels: base letters for the whole name first, then accents, then case. Letters of other
scripts sort after Latin by code point, which is coarser than ICU but stable.
"""

from __future__ import annotations

import functools
import unicodedata

# Primary groups, in CLDR root order: spaces < punctuation and symbols < digits < letters.
_SPACE, _PUNCTUATION, _DIGITS, _LETTER, _OTHER_LETTER = range(5)
# ICU's order of the punctuation and symbols a title is likely to hold; others follow them.
_PUNCTUATION_ORDER = "_-‐‑‒–—―,;:!?.…'‘’‚\"“”„«»()[]{}§¶@*/\\&#%‰†‡•`´˜^¨+±÷×<=>¬|¦~¤¢$£¥€"
_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
# Swedish tailoring (CLDR sv): letters with their own place, as (base letter, accent rank).
# Accent rank 0 is the letter itself; higher ranks are its variants, in CLDR's order.
_TAILORED = {
    "å": ("å", 0), "ä": ("ä", 0), "æ": ("ä", 1), "ę": ("ä", 2),
    "ö": ("ö", 0), "ø": ("ö", 1), "ő": ("ö", 2), "œ": ("ö", 3), "ô": ("ö", 4),
    "ü": ("y", 1), "ű": ("y", 2), "đ": ("d", 1), "ð": ("d", 2),
}
# Letters that are a primary of their own just after another one (DUCET): ł after l.
_AFTER = {"ł": "l"}
_LOWER, _UPPER = 0, 2
# Letters sorting as two (base, accents, case level): þ as "th" between "th" and "Th" (CLDR sv
# &t<<<þ/h), ß as "ss" with an accent-level difference (DUCET). _SHARP_S is a private-use
# stand-in for that difference; private-use characters are never combining marks in text.
_SHARP_S = "\ue000"
_EXPANSIONS = {
    "þ": (("t", "", 1), ("h", "", 0)), "Þ": (("T", "", 3), ("H", "", 2)),
    "ß": (("s", _SHARP_S, 0), ("s", "", 0)),
}
# Combining accents in the secondary order of the Unicode Collation Element Table; an accent
# not listed sorts after these.
_ACCENT_ORDER = ("\u0332\u0313\u0314\u0301\u0300\u0306\u0302\u030c\u030a\u0342\u0308\u030b"
                 "\u0303\u0307\u0338\u0327\u0304\u0328")
_ACCENT_RANK = {mark: 10 + n for n, mark in enumerate(_ACCENT_ORDER)} | {_SHARP_S: 999}
_TAILORED_RANK = 100  # a tailored variant (æ, ø, ü) ranks above plain accents


def _accent_rank(mark: str) -> int:
    return _ACCENT_RANK.get(mark, 1000 + ord(mark))


def _letter(base: str, marks: str) -> tuple[tuple[int, int], list[int]]:
    """(primary, secondary weights) of one letter and its combining accents."""
    lower = base.lower()
    if marks and unicodedata.normalize("NFC", lower + marks[0]) in _TAILORED:
        lower, marks = unicodedata.normalize("NFC", lower + marks[0]), marks[1:]
    if lower in _TAILORED:
        letter, variant = _TAILORED[lower]
        first = _TAILORED_RANK + variant if variant else 0
        return (_LETTER, 2 * _ALPHABET.index(letter)), [first, *map(_accent_rank, marks)]
    if lower in _AFTER:
        return (_LETTER, 2 * _ALPHABET.index(_AFTER[lower]) + 1), [0, *map(_accent_rank, marks)]
    if lower in _ALPHABET:
        return (_LETTER, 2 * _ALPHABET.index(lower)), [0, *map(_accent_rank, marks)]
    return (_OTHER_LETTER, ord(lower)), [0, *map(_accent_rank, marks)]


def _symbol(char: str) -> tuple[int, int]:
    if char.isspace():
        return _SPACE, ord(char)
    position = _PUNCTUATION_ORDER.find(char)
    return _PUNCTUATION, position if position >= 0 else len(_PUNCTUATION_ORDER) + ord(char)


def _clusters(text: str) -> list[tuple[str, str, int]]:
    """(base, combining marks, case level) in NFD; ß and þ spelled out, format characters
    dropped (ICU ignores them)."""
    clusters: list[tuple[str, str, int]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Cf" or char == "\u034f":
            continue
        if unicodedata.combining(char) and clusters:
            base, marks, case = clusters[-1]
            clusters[-1] = (base, marks + char, case)
        elif char in _EXPANSIONS:
            clusters += _EXPANSIONS[char]
        else:
            clusters.append((char, "", _UPPER if char.isupper() else _LOWER))
    return clusters


def _digit_run(clusters: list[tuple[str, str, int]], start: int) -> int:
    end = start
    while end < len(clusters) and clusters[end][0].isdecimal() and not clusters[end][1]:
        end += 1
    return end


# Primary, secondary and tertiary weights, compared in that order.
SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]


@functools.lru_cache(maxsize=1 << 16)  # the same names are sorted on several pages
def sort_key(text: str) -> SortKey:
    """Swedish collation key: sorting names by it gives Intl.Collator("sv", {numeric}) order."""
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    clusters = _clusters(text)
    position = 0
    while position < len(clusters):
        base, marks, case = clusters[position]
        end = _digit_run(clusters, position)
        if end > position:  # a run of digits is one number (numeric: true)
            number = "".join(c[0] for c in clusters[position:end])
            primary.append((_DIGITS, int(number)))
            secondary.append(0)
            tertiary.append(_LOWER)
            position = end
            continue
        position += 1
        if not base.isalpha():
            primary.append(_symbol(base))
            secondary.append(0)
            tertiary.append(_LOWER)
            continue
        weight, accents = _letter(base, marks)
        primary.append(weight)
        secondary += accents
        tertiary += [case] + [_LOWER] * (len(accents) - 1)
    return tuple(primary), tuple(secondary), tuple(tertiary)
