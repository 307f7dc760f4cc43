"""Is a target cell a translation at all? Empty, a copy of the source, or the wrong language.

Rows that are legitimately the same in both languages are left alone: no letters (``• 1``,
``2018``), or a single word (a name or acronym such as ``BelTA``, ``NATO``).
"""

from __future__ import annotations

import re

from transalign.alphabet import char_script

_WORD = re.compile(r"[^\W\d_]+")
CYRILLIC_LANGUAGES = frozenset({"ru", "be", "uk", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
_ONLY_BE = frozenset("іў")
_ONLY_RU = frozenset("иъщ")
_LANGUAGE_NAMES = {"ru": "Russian", "be": "Belarusian"}


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def _spaced_words(text: str) -> int:
    """Whitespace-separated tokens holding letters (``www.belta.by`` is one)."""
    return sum(any(char.isalpha() for char in token) for token in text.split())


def _letters(text: str) -> list[str]:
    return [char for char in text if char.isalpha()]


def _wrong_script(source: str, target: str, src_lang: str, tgt_lang: str) -> bool:
    """The target is written in the source's script although the languages' scripts differ,
    and it repeats the source's words (a copy, perhaps slightly edited)."""
    if (src_lang in CYRILLIC_LANGUAGES) == (tgt_lang in CYRILLIC_LANGUAGES):
        return False
    letters = _letters(target)
    target_words = _words(target)
    if len(target_words) < 3 or not letters:
        return False
    foreign = sum((char_script(char) == "Cyrillic") != (tgt_lang in CYRILLIC_LANGUAGES) for char in letters)
    shared = len(set(target_words) & set(_words(source))) / len(set(target_words))
    return foreign / len(letters) >= 0.8 and shared >= 0.5


def _other_slavic(target: str, tgt_lang: str) -> str | None:
    """``Russian`` for a Belarusian target written in Russian (and the other way round)."""
    if tgt_lang not in _LANGUAGE_NAMES or len(_letters(target)) < 20:
        return None
    lower = target.lower()
    own, other = (_ONLY_BE, _ONLY_RU) if tgt_lang == "be" else (_ONLY_RU, _ONLY_BE)
    if any(char in own for char in lower) or sum(char in other for char in lower) < 3:
        return None
    return _LANGUAGE_NAMES["ru" if tgt_lang == "be" else "be"]


def untranslated_reason(source: str, target: str, src_lang: str, tgt_lang: str) -> str | None:
    """Why ``target`` is not a translation of ``source``, or None when it is (or may be)."""
    source_words = _words(source)
    if not target.strip():
        return "target is empty" if source_words else None
    target_words = _words(target)
    if target_words == source_words and _spaced_words(source) >= 2:
        return "target is a copy of the source"
    if _wrong_script(source, target, src_lang, tgt_lang):
        return f"target is still in the source language ({src_lang}), not {tgt_lang}"
    if src_lang != tgt_lang and len(target_words) >= 5:
        same = sum(a == b for a, b in zip(source_words, target_words, strict=False))
        if same / len(target_words) >= 0.8 and len(source_words) == len(target_words):
            return "target repeats the source word for word"
    language = _other_slavic(target, tgt_lang)
    if language is not None:
        return f"target is in {language}, not {_LANGUAGE_NAMES[tgt_lang]}"
    return None
