"""Which alphabet a text is written in (shared by translate, align and check), and a cheap
guard against swapped inputs: does a document's alphabet fit its language code?

``--tgt-lang ru,be SRC BE RU`` (editions given in the wrong order) or an English story passed
where a Russian edition belongs aligns "successfully" into a mislabelled TMX; the letters give
the mistake away. Only the languages whose alphabets are known here are checked (en, ru, be);
a short text (too few letters to tell) passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

MIN_LETTERS = 40
"""Letters a document needs before its alphabet is judged."""
MIN_MARKS = 4
"""Russian-only plus Belarusian-only letters needed before ru is told from be."""
DOMINANCE = 3
"""The other alphabet (or the other language's letters) must outnumber the expected ones this
many times: a Belarusian story quoting Russian officials at length is still Belarusian."""
_RUSSIAN_ONLY = frozenset("ищъ")
_BELARUSIAN_ONLY = frozenset("іў")
_SCRIPT_OF = {"en": "Latin", "ru": "Cyrillic", "be": "Cyrillic"}


def char_script(char: str) -> str | None:
    """``"Latin"`` for a-z, ``"Cyrillic"`` for U+0400–U+04FF, else None (lower-case input)."""
    if "a" <= char <= "z":
        return "Latin"
    if "\u0400" <= char <= "\u04ff":
        return "Cyrillic"
    return None


def looks_like(sentences: Iterable[str], lang: str) -> str | None:
    """What the text looks like when that is not ``lang`` (``"Cyrillic text"``,
    ``"Belarusian (be) text"``…), else None (fits, or cannot tell)."""
    letters = Counter(char for sentence in sentences for char in sentence.lower() if char.isalpha())
    scripts = Counter[str]()
    for char, count in letters.items():
        script = char_script(char)
        if script is not None:
            scripts[script] += count
    expected = _SCRIPT_OF.get(lang)
    if expected is None or sum(scripts.values()) < MIN_LETTERS:
        return None
    found = scripts.most_common(1)[0][0]
    if found != expected and scripts[found] > DOMINANCE * scripts[expected]:
        return f"{found} text"
    if found != expected:
        return None
    return _cyrillic_language(letters, lang) if expected == "Cyrillic" else None


def _cyrillic_language(letters: Counter[str], lang: str) -> str | None:
    russian = sum(letters[char] for char in _RUSSIAN_ONLY)
    belarusian = sum(letters[char] for char in _BELARUSIAN_ONLY)
    if russian + belarusian < MIN_MARKS:
        return None
    if lang == "ru" and belarusian > DOMINANCE * russian:
        return "Belarusian (be) text"
    if lang == "be" and russian > DOMINANCE * belarusian:
        return "Russian (ru) text"
    return None
