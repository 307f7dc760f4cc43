"""Splitting a term into words and separators, and carrying a word's capitalisation over.

Shared by the Russian and Belarusian generators. A term such as ``Председатель Исполнительного
комитета – Исполнительный секретарь СНГ`` is split into *parts* at spaced dashes (each part
inflects in the same case), each part into *words*, and each word into hyphen *segments*
(``военно-политический``: only the last segment inflects).
"""

from __future__ import annotations

import re

CASES: tuple[str, ...] = ("nomn", "gent", "datv", "accs", "ablt", "loct")
"""The six cases, in school order (pymorphy3 / OpenCorpora tag names)."""
NUMBERS: tuple[str, ...] = ("sing", "plur")

_PART_SPLIT = re.compile(r"(\s+[–—-]\s+)")
_WORD_SPLIT = re.compile(r"(\s+)")


def split_parts(term: str) -> list[str]:
    """``["A", " – ", "B"]``: parts alternate with the spaced dashes between them."""
    return _PART_SPLIT.split(term)


def split_words(part: str) -> list[str]:
    """Words and the whitespace runs between them, alternating (words at even indices)."""
    return _WORD_SPLIT.split(part)


def is_acronym(word: str) -> bool:
    """``СНГ``, ``ОБСЕ``, ``ААН``, ``G20``: two or more letters all in capitals, or any digit."""
    letters = [char for char in word if char.isalpha()]
    if any(char.isdigit() for char in word):
        return True
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def has_letters(word: str) -> bool:
    """True when ``word`` holds at least one letter."""
    return any(char.isalpha() for char in word)


def copy_case(pattern: str, word: str) -> str:
    """``word`` in the capitalisation of ``pattern``: ``ОБСЕ``-like, ``Минск``-like or lower."""
    if len(pattern) > 1 and pattern.isupper():
        return word.upper()
    if pattern[:1].isupper():
        return word[:1].upper() + word[1:].lower()
    return word.lower()


def fold_yo(text: str, keep_yo: bool) -> str:
    """``text`` with ``ё`` written ``е`` unless ``keep_yo`` (the term itself writes ``ё``)."""
    return text if keep_yo else text.replace("ё", "е").replace("Ё", "Е")
