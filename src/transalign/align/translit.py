"""Russian/Belarusian → Latin transliteration and spelling-independent keys for proper names.

Names are matched across scripts by transliterating Cyrillic to Latin and folding both sides
to a consonant *skeleton* that ignores vowels, doubled letters, voicing of s/z and the usual
variants (``kh``/``h``/``g`` — Belarusian ``г`` is ``h`` —, ``dzh``/``j``, ``dz``/``d``,
``ts``/``t`` — Belarusian ``ц`` for ``т`` —, ``sh``/``zh``/``s``: Warsaw = Варшава).
Inflection adds endings, so two names match when their skeletons share the first :data:`KEY_LENGTH` symbols:
``Lukashenko``, ``Лукашенко`` and ``Лукашэнка`` all give ``lksn``.
"""

from __future__ import annotations

import re

KEY_LENGTH = 4
"""Skeleton symbols compared for a name match (inflection changes only later ones)."""

MIN_KEY_LENGTH = 3
"""Shorter skeletons are too ambiguous to be anchors."""

_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ъ": "", "'": "", "’": "", "ʼ": "",
}
_RUSSIAN = {**_COMMON, "г": "g", "и": "i", "щ": "shch"}
_BELARUSIAN = {**_COMMON, "г": "h", "і": "i", "ў": "u", "и": "i", "щ": "shch"}

# Ordered longest first: each digraph becomes one skeleton symbol.
_DIGRAPHS = (
    ("shch", "S"), ("sch", "S"), ("dzh", "j"), ("tch", "C"), ("sh", "S"), ("zh", "Z"),
    ("ch", "C"), ("kh", "H"), ("ts", "t"), ("tz", "t"), ("dz", "d"), ("ck", "k"),
    ("ph", "f"), ("th", "t"), ("gh", "g"), ("x", "ks"), ("w", "v"), ("q", "k"),
    ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"), ("z", "s"), ("H", "g"), ("h", "g"),
    ("S", "s"), ("Z", "s"),
)
_VOWELS = frozenset("aeiouy")
_NON_LETTER = re.compile(r"[^a-zA-Z]")


def to_latin(text: str, lang: str) -> str:
    """Transliterate Cyrillic in ``text`` (``lang`` ``ru`` or ``be``; others: Russian table).

    Case is kept on the first letter of each transliterated letter group; other characters
    pass through unchanged.
    """
    table = _BELARUSIAN if lang == "be" else _RUSSIAN
    out: list[str] = []
    for char in text:
        lower = char.lower()
        latin = table.get(lower)
        if latin is None:
            out.append(char)
        elif char != lower and latin:
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def skeleton(word: str, lang: str) -> str:
    """The consonant skeleton of one word in any of our scripts, e.g. ``Лебедзеву`` → ``lbdv``.

    The first letter is kept even when it is a vowel (``Ukraine`` → ``ukrn``).
    """
    text = _NON_LETTER.sub("", to_latin(word, lang).lower())
    for digraph, symbol in _DIGRAPHS:
        text = text.replace(digraph, symbol)
    if not text:
        return ""
    kept = [text[0]]
    for char in text[1:]:
        if char not in _VOWELS and char != kept[-1]:
            kept.append(char)
    return "".join(kept)


def name_key(word: str, lang: str) -> str | None:
    """The anchor key of a proper name, or None when its skeleton is too short to trust."""
    bones = skeleton(word, lang)
    if len(bones) < MIN_KEY_LENGTH:
        return None
    return bones[:KEY_LENGTH]
