"""Text normalisation shared by glossary validation and term matching.

Every function here maps one input character to at most one output character, so offsets in a
normalised string map straight back to the original text (see :func:`normalise_with_offsets`).
"""

from __future__ import annotations

APOSTROPHES = frozenset("'’‘ʼ`´ʹ′")
_CHAR_MAP = {
    **{char: "'" for char in APOSTROPHES},
    "\u2010": "-", "\u2011": "-", "\u2212": "-",   # hyphen, non-breaking hyphen, minus
    "ё": "е", "Ё": "Е",
}
_FOLD_MAP = {"ў": "у", "Ў": "у"}  # Belarusian у/ў alternates at word starts (ва ўнутраных / ва унутраных)
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
    Belarusian ``ў`` folds to ``у``."""
    light = light_char(char)
    if light in _FOLD_MAP:
        return _FOLD_MAP[light]
    lower = light.lower()
    return lower if len(lower) == len(light) else light


def is_case_sensitive(term: str) -> bool:
    """True for a term written in capitals (``CIS``, ``OSCE PA``, ``СНГ``): matched exactly."""
    letters = [char for char in term if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def normalise_with_offsets(text: str, *, fold: bool) -> tuple[str, list[int]]:
    """Normalise ``text`` for matching; runs of whitespace become one space.

    Returns:
        The normalised string and, for each of its characters, the 0-based index of the
        original character it came from (same length as the string).
    """
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


def term_key(term: str) -> str:
    """The form under which a term is matched and compared for duplicates.

    Terms in capitals keep their case; all others are folded. Whitespace is collapsed.
    """
    normalised, _ = normalise_with_offsets(term.strip(), fold=not is_case_sensitive(term))
    return normalised


def is_word_char(char: str) -> bool:
    """Letters, digits and combining marks belong to words; everything else is a boundary."""
    return char.isalnum() or "\u0300" <= char <= "\u036f"
