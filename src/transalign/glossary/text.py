"""Text normalisation shared by glossary validation and term matching.

Every function here maps one input character to at most one output character, so offsets in a
normalised string map straight back to the original text (see :func:`normalise_with_offsets`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

APOSTROPHES = frozenset("'’‘ʼ`´ʹ′")
_CHAR_MAP = {
    **{char: "'" for char in APOSTROPHES},
    "\u2010": "-", "\u2011": "-", "\u2212": "-",   # hyphen, non-breaking hyphen, minus
    "ё": "е", "Ё": "Е",
}
# Belarusian у/ў alternate at word starts (ва ўнутраных / ва унутраных); Greek final sigma
_FOLD_MAP = {"ў": "у", "Ў": "у", "ς": "σ"}
_DROPPED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")  # soft hyphen, zero-width chars


def light_char(char: str) -> str:
    """One character with apostrophes, hyphens and ё unified (case kept); ``""`` to drop it."""
    if char in _DROPPED:
        return ""
    if char.isspace():
        return " "
    return _CHAR_MAP.get(char, char)


def fold_char(char: str) -> str:
    """:func:`light_char` then lower case (kept as is when lowering changes the length);
    Belarusian ``ў`` folds to ``у``, Greek final ``ς`` to ``σ``."""
    light = light_char(char)
    if light in _FOLD_MAP:
        return _FOLD_MAP[light]
    lower = light.lower()
    return lower if len(lower) == len(light) else light


def is_case_sensitive(term: str) -> bool:
    """True for a term written in capitals (``CIS``, ``OSCE PA``, ``СНГ``): matched exactly."""
    letters = [char for char in term if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


_LIGHT_TABLE = str.maketrans(_CHAR_MAP)
_FOLD_TABLE = str.maketrans(_FOLD_MAP)
_DROPPED_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]")
_WHITESPACE_RE = re.compile(r"\s")


def _same_length(text: str, fold: bool) -> str | None:
    """The normalised text when it keeps every character in place (the usual case), else None."""
    if _DROPPED_RE.search(text):
        return None
    out = _WHITESPACE_RE.sub(" ", text.translate(_LIGHT_TABLE))
    if fold:
        lowered = out.lower()
        if len(lowered) != len(out):
            return None
        out = lowered.translate(_FOLD_TABLE)
    return None if "  " in out else out


def normalise_with_offsets(text: str, *, fold: bool) -> tuple[str, Sequence[int]]:
    """Normalise ``text`` for matching; runs of whitespace become one space.

    Returns:
        The normalised string and, for each of its characters, the 0-based index of the
        original character it came from (same length as the string).
    """
    fast = _same_length(text, fold)
    if fast is not None:
        return fast, range(len(fast))
    convert = fold_char if fold else light_char
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        mapped = convert(char)
        if not mapped or (mapped == " " and out and out[-1] == " "):
            continue
        out.append(mapped)
        offsets.append(index)
    return "".join(out), offsets


def is_word_char(char: str) -> bool:
    """Letters, digits and combining marks belong to words; everything else is a boundary."""
    return char.isalnum() or "\u0300" <= char <= "\u036f"


_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


def mixed_script_word(term: str) -> str | None:
    """The first word of ``term`` that mixes Latin and Cyrillic letters (``CНГ`` typed with a
    Latin C), else None. Words are split at spaces and hyphens, so ``IT-парк`` is fine."""
    for word in re.split(r"[\s\-]+", term):
        if _LATIN_RE.search(word) and _CYRILLIC_RE.search(word):
            return word
    return None


def is_inner(text: str, index: int, lang: str) -> bool:
    """True when ``text[index]`` continues a word: a letter or digit, or an apostrophe between
    letters (``сям'я``), but not an English possessive ``'s`` (``OSCE's``)."""
    char = text[index]
    if is_word_char(char):
        return True
    if char != "'" or index == 0 or index + 1 >= len(text):
        return False
    if not (is_word_char(text[index - 1]) and is_word_char(text[index + 1])):
        return False
    possessive = text[index + 1] in "sS" and (index + 2 >= len(text)
                                               or not is_word_char(text[index + 2]))
    return not (lang == "en" and possessive)


def on_word_boundaries(text: str, start: int, end: int, lang: str) -> bool:
    """True when ``text[start:end]`` (0-based, end exclusive) is not part of a longer word.

    A hyphen is a boundary (``OSCE-led``); see :func:`is_inner` for apostrophes.
    """
    if start > 0 and is_inner(text, start - 1, lang):
        return False
    return end >= len(text) or not is_inner(text, end, lang)
