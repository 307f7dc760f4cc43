"""Anchors: tokens that a sentence and its translation share whatever the language.

Each sentence yields a list of anchor *keys* ``"<kind>:<value>"``; a bead is rewarded for every
key found on both sides (see :mod:`transalign.align.scoring`). Kinds:

- ``num`` — numbers, normalised across conventions: ``3.5`` = ``3,5``, ``1,000`` = ``1 000``,
  ``26th`` = ``26-й``, ``2019-2023`` = ``2019–2023``; month names count as numbers
  (``April`` = ``апреля`` = ``красавіка`` → ``num:month4``).
- ``name`` — capitalised words inside the sentence, keyed by transliterated consonant skeleton
  (:func:`transalign.align.translit.name_key`).
- ``mark`` — opening and closing quotes, brackets, question and exclamation marks.
- ``term`` — glossary concepts, added by :mod:`transalign.align.concepts`.
- ``word`` — other words of five letters or more, keyed like names: international words and
  cognates (``festival`` = ``фестиваль``, ``critics`` = ``критики``) are weak but frequent
  evidence where a story has few names and numbers.
- ``lex`` — common news words from a small built-in lexicon (``week`` = ``недели`` =
  ``тыдня``; :mod:`transalign.align.lexicon`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from transalign.align.lexicon import default_lexicon
from transalign.align.translit import name_key

KINDS = ("num", "name", "mark", "term", "word", "lex")

MIN_WORD_LETTERS = 5
"""Shorter common words are not cognate anchors (too many chance matches)."""

_POSSESSIVE_RE = re.compile(r"['’ʼ]s?$")
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*")
_OPEN_QUOTES = frozenset("“«„")
_CLOSE_QUOTES = frozenset("”»")
MAX_QUOTED_NAME_WORDS = 3
_QUOTED_RE = re.compile(r'([“«„"])([^“«„”»"]*?)[”»"]')
_MARK_RE = re.compile(r'[“«„”»"(\[?!]')
_MARK_KEYS = {"(": "mark:bracket", "[": "mark:bracket", "?": "mark:?", "!": "mark:!"}

_SCORE_RE = re.compile(r"(?<![\d:.,])(\d{1,3}):(\d)(?![\d:])")
"""A score or ratio (``3:1``, written ``3-1`` in English); times have two-digit minutes."""
_COMPOUND_NAME_RE = re.compile(r"[^\W\d_]+")
_FINAL_STOP = frozenset(".!?…")

_MONTH_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "ru": ("январ", "феврал", "март", "апрел", "", "июн", "июл", "август", "сентябр",
           "октябр", "ноябр", "декабр"),
    "be": ("студзен", "лют", "сакавік", "красавік", "трав|траўн", "чэрв", "ліп", "жнів|жніўн",
           "верас", "кастрычнік", "лістапад", "снеж"),
}
_MONTH_EXACT = {"ru": {"май": 5, "мая": 5, "мае": 5, "маем": 5}}


def number_keys(text: str, lang: str) -> list[str]:
    """Numbers written in digits, one key each, equal across the languages' conventions
    (extraction shared with ``transalign check``: :func:`transalign.check.numbers.extract_numbers`
    — ``3.5`` = ``3,5``, ``1,000`` = ``1 000``, ``26th`` = ``26-й``, ``50,000`` = ``50 тыс.``,
    ``$92 billion`` = ``$92 млрд``, ``06.04.2018`` = ``6 April 2018``)."""
    from transalign.check.numbers import extract_numbers

    numbers = extract_numbers(_SCORE_RE.sub("\\1–\\2", text), lang)
    return [_number_key(number.keys, number.required) for number in numbers if number.keys]


def _number_key(keys: frozenset[str], required: bool) -> str:
    """``num:<value>``; the month of a numeric date (``06.04.2018``, not required on the other
    side) is ``num:month4`` like the month name ``April``."""
    key = min(keys)
    return f"num:{key}" if required or not key.isdigit() else f"num:month{int(key)}"


def month_number(word: str, lang: str) -> int | None:
    """1–12 when ``word`` is a month name (any case form) in ``lang``, else None.

    English needs the full name (``May`` capitalised, since ``may`` is a verb); Russian and
    Belarusian match by stem, Russian ``май`` by its exact forms.
    """
    lower = word.lower()
    if lang == "en":
        if lower in _MONTH_PREFIXES["en"] and (lower != "may" or word == "May"):
            return _MONTH_PREFIXES["en"].index(lower) + 1
        return None
    exact = _MONTH_EXACT.get(lang, {}).get(lower)
    if exact is not None:
        return exact
    for number, stems in enumerate(_MONTH_PREFIXES.get(lang, ()), start=1):
        if stems and any(lower.startswith(stem) for stem in stems.split("|")):
            return number
    return None


def word_keys(text: str, lang: str, known_names: frozenset[str] = frozenset()) -> list[str]:
    """Month, proper-name and cognate-word keys.

    A capitalised word inside the sentence is a name; the sentence's first word only when its
    key is in ``known_names`` (keys of names seen inside sentences of either edition), so that
    ``Grodno Oblast follows…`` still yields Grodno but ``Critics said…`` yields a word key.
    In a title-case headline (``Belarus Harvests Record Crop``) every word is treated like a
    first word. An English possessive (``Kupala’s``) is dropped before keying.
    """
    keys: list[str] = []
    for key, if_known, otherwise in _classified(text, lang):
        if not if_known or key.removeprefix("name:") in known_names:
            keys.append(key)
        elif otherwise:
            keys.append(otherwise)
    return keys


@functools.lru_cache(maxsize=100_000)
def _classified(text: str, lang: str) -> tuple[tuple[str, bool, str], ...]:
    """Per keyed word of ``text``: ``(key, if_known, otherwise)`` — ``key`` counts when
    ``if_known`` is False or its name is known, else ``otherwise`` (a word key or "")."""
    entries: list[tuple[str, bool, str]] = []
    tokens = [part for match in _WORD_RE.finditer(text) for part in _name_parts(match.group(0))]
    title = is_title_case(tokens) and text.rstrip(" ”»\"")[-1:] not in _FINAL_STOP
    for position, token in enumerate(tokens):
        word, month, concept, key = _word_info(token, lang)
        first = position == 0 or title
        long_word = len(word) >= MIN_WORD_LETTERS
        if month is not None:
            entries.append((f"num:month{month}", False, ""))
        elif concept is not None:
            entries.append((f"lex:{concept}", False, ""))
        elif key is None:
            continue
        elif _is_name(word):
            entries.append((f"name:{key}", first, f"word:{key}" if long_word else ""))
        elif long_word:
            entries.append((f"word:{key}", False, ""))
    return tuple(entries)


def _name_parts(token: str) -> list[str]:
    """A hyphenated compound of capitalised parts (``Динамо-Брест``, ``Минск-Арена``) as its
    parts, since the other edition may write them apart (``Dinamo Brest``); other tokens whole."""
    parts = _COMPOUND_NAME_RE.findall(token)
    if len(parts) > 1 and all(part[0].isupper() for part in parts):
        return parts
    return [token]


def is_title_case(tokens: Sequence[str]) -> bool:
    """True for a headline in title case: at least three words of four letters or more, and
    at least 70 % of them capitalised."""
    long_words = [token for token in tokens if len(token) >= 4]
    capitalised = sum(1 for token in long_words if token[0].isupper())
    return len(long_words) >= 3 and capitalised >= 0.7 * len(long_words)


@functools.lru_cache(maxsize=200_000)
def _word_info(token: str, lang: str) -> tuple[str, int | None, str | None, str | None]:
    """The word without possessive, its month, lexicon concept and name key (cached: news
    vocabulary repeats)."""
    word = _POSSESSIVE_RE.sub("", token)
    return word, month_number(word, lang), default_lexicon().lookup(word, lang), name_key(word, lang)


def inner_names(sentences: Iterable[str], lang: str) -> frozenset[str]:
    """Name keys of capitalised words that are not sentence-initial, over ``sentences``."""
    return frozenset(key.removeprefix("name:") for sentence in sentences
                     for key, if_known, _ in _classified(sentence, lang)
                     if key.startswith("name:") and not if_known)


def _is_name(word: str) -> bool:
    return word[0].isupper() and any(char.islower() for char in word[1:])


def mark_keys(text: str) -> list[str]:
    """Quote, bracket, question and exclamation keys (straight ``"`` opens at the start or
    after a space, else closes).

    Quotes around a short name (``ОАО «Гомсельмаш»``, ``“The Locals”``: at most
    :data:`MAX_QUOTED_NAME_WORDS` words) are not anchors: one edition quotes names, the other
    does not. Quotes of speech are.
    """
    keys: list[str] = []
    skip = _quoted_names(text)
    for match in _MARK_RE.finditer(text):
        char = match.group(0)
        if match.start() in skip:
            continue
        opens = match.start() == 0 or text[match.start() - 1].isspace()
        if char in _OPEN_QUOTES or (char == '"' and opens):
            keys.append("mark:quote-open")
        elif char in _CLOSE_QUOTES or char == '"':
            keys.append("mark:quote-close")
        else:
            keys.append(_MARK_KEYS[char])
    return keys


def _quoted_names(text: str) -> set[int]:
    """Offsets of the quote marks around short quoted names."""
    offsets: set[int] = set()
    for match in _QUOTED_RE.finditer(text):
        if len(match.group(2).split()) <= MAX_QUOTED_NAME_WORDS:
            offsets.update((match.start(1), match.end(2)))
    return offsets


def sentence_anchors(text: str, lang: str, known_names: frozenset[str] = frozenset()) -> list[str]:
    """All anchor keys of one sentence except glossary terms (a multiset, in text order);
    ``known_names``: see :func:`word_keys`."""
    return number_keys(text, lang) + word_keys(text, lang, known_names) + mark_keys(text)
