"""News rules on top of Punkt: which candidate ends inside a block end a sentence.

A *candidate* is terminal punctuation (``.``, ``?``, ``!``, ``…``, ``...``, ``?!``) with any
closing quotes or brackets after it, followed by whitespace. :func:`decide` returns ``True``
(a sentence ends there), ``False`` (it does not) or ``None`` (no rule applies: Punkt decides).
Offsets are 0-based character offsets into the block text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transalign.segment.lexicon import Lexicon, lexicon
from transalign.segment.punkt import PunktFacts

CLOSERS = "\"”»’')]"
QUOTES = "\"”»’'"
OPENERS = "\"“„«‘'(["
DASHES = frozenset("-–—―")
_LEADERS = OPENERS + "".join(DASHES)
_TITLE_QUOTES = "«„“\""

_CANDIDATE_RE = re.compile(r"[.!?…]+[\"”»’')\]]*(?=\s)")
_GLUED_RE = re.compile(r"(?<=[^\W\d_]{2})[.!?]+(?=[A-ZА-ЯЁІЎ][a-zа-яёіў])")
_INITIALS_RE = re.compile(r"(?:[A-ZА-ЯЁІЎ]\.)*[A-ZА-ЯЁІЎ]")
_CHAIN_RE = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,4}")
_NUMBER_RE = re.compile(r"\d[\d.,–-]*|[IVXLCІХ]+(?:[–-][IVXLCІХ]+)?")
_WINDOW = 80
_NUMBER_START_RE = re.compile(r"[$€£₽¥+−~≈]?\d")
_COMPOUND_RE = re.compile(r"[–—/]")
_PLAIN_WORD_RE = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*")
_CLAUSE_MARK_RE = re.compile(r"[,;:]\s|\s[–—-]\s")
_FRONTED_DATE_WORDS = 4
_ATTRIBUTION_WORDS = 4
_LIST_NUMBER_RE = re.compile(r"\d{1,2}|[IVX]{1,4}|[^\W\d_]")


@dataclass(frozen=True)
class Candidate:
    """A possible sentence end in a block.

    Attributes:
        start: offset of the terminal punctuation.
        end: offset just after it and its closing quotes/brackets (where the sentence would end).
        punct: the terminal punctuation itself (``.``, ``?!``, ``…``).
        left: the word before the punctuation, quotes and brackets stripped (``U.S``, ``г``).
        before: the word before ``left`` (empty at the block start).
        right: the next word, opening quotes, brackets and dashes stripped (lone dashes and
            quotes skipped).
        dash: whether a lone dash (``–``, ``—``) stands between the candidate and ``right``.
        clause_words: how many words precede the candidate since the last sentence end or
            clause mark (``,`` ``;`` ``:`` or a dash); a short clause before ``2018 г.`` is a
            fronted date (``В 2018 г. Беларусь …``), not a sentence end.
        opens: whether ``left`` is the first word of the would-be sentence (``1.`` in a list).
        quoted: whether a closing quote follows the punctuation (``?”``, ``!»``).
        following: up to four words after ``right``, as written.
        titled: whether an opening quote stands right before ``right`` (``«О …``).
    """

    start: int
    end: int
    punct: str
    left: str
    before: str
    right: str
    dash: bool
    clause_words: int
    opens: bool = False
    quoted: bool = False
    following: tuple[str, ...] = ()
    titled: bool = False


def _words_around(text: str, start: int, end: int) -> tuple[str, str, list[str]]:
    """The word ending at ``start``, the word before it, and up to six words after ``end``."""
    window = text[max(0, start - _WINDOW) : start]
    head = window.split()
    if not head or window[-1:].isspace():
        head.append("")
    before = head[-2] if len(head) >= 2 else ""
    return head[-1], before, text[end : end + 2 * _WINDOW].split(None, 6)[:6]


def find_candidates(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, glued)`` of every candidate end in ``text``, in order.

    ``glued`` marks a sentence end with no space after it (``said.The``).
    """
    found = [(m.start(), m.end(), False) for m in _CANDIDATE_RE.finditer(text)]
    found += [(m.start(), m.end(), True) for m in _GLUED_RE.finditer(text) if _is_glued_end(text, m.start())]
    yield from sorted(found)


def _is_glued_end(text: str, start: int) -> bool:
    """``said.The``: a word glued to the next sentence, not a URL, e-mail or file name."""
    token = (text[max(0, start - _WINDOW) : start].split() or [""])[-1]
    token += (text[start : start + _WINDOW].split() or [""])[0]
    return not any(mark in token for mark in ("@", "/", "www", "http")) and token.count(".") <= 1


def make_candidate(text: str, start: int, end: int, sentence_start: int) -> Candidate:
    """Describe the candidate at ``text[start:end]``."""
    stop = start
    while stop < end and text[stop] in ".!?…":
        stop += 1
    left, before, after = _words_around(text, start, end)
    since = text[max(sentence_start, start - _WINDOW) : start]
    right_at = next((i for i, word in enumerate(after) if word.lstrip(_LEADERS)), len(after))
    right = after[right_at].lstrip(_LEADERS) if right_at < len(after) else ""
    dash = any(word[:1] in DASHES for word in after[:right_at])
    titled = right_at < len(after) and after[right_at][:1] in _TITLE_QUOTES
    return Candidate(start, end, text[start:stop], left.strip(OPENERS + CLOSERS),
                     before.strip(OPENERS + CLOSERS), right, dash,
                     len(_CLAUSE_MARK_RE.split(since)[-1].split()),
                     opens=len(since.split()) == 1, quoted=any(q in text[stop:end] for q in QUOTES),
                     following=tuple(after[right_at + 1 :]), titled=titled)


def decide(candidate: Candidate, lang: str, punkt: PunktFacts) -> bool | None:
    """Whether ``candidate`` ends a sentence; ``None`` leaves the decision to Punkt."""
    right = candidate.right
    if not right:
        return False
    if not right[0].isalnum() and not _NUMBER_START_RE.match(right):
        return None
    if right[0].islower():
        return False
    if candidate.quoted and _is_attribution((right, *candidate.following), lexicon(lang)):
        return False
    if candidate.dash or candidate.punct != ".":
        return True
    return _decide_period(candidate, lexicon(lang), punkt, lang)


def _is_attribution(words: tuple[str, ...], lexicon_of_lang: Lexicon) -> bool:
    """``Aleksandr Lukashenko said.`` after a closing quote: capitalised words, then a speech
    verb that ends the clause."""
    for index, word in enumerate(words[:_ATTRIBUTION_WORDS]):
        bare = word.rstrip(".,;:!?…")
        if bare.lower() in lexicon_of_lang.speech_verbs:
            return word != bare or index == len(words) - 1
        if not word[:1].isupper():
            return False
    return False


def decide_glued(candidate: Candidate, lang: str, punkt: PunktFacts) -> bool:
    """``said.The`` ends a sentence; ``Mr.Smith`` (a known abbreviation) does not."""
    left = candidate.left.lower()
    return left not in punkt.abbreviations and left not in lexicon(lang).always


def _decide_period(c: Candidate, words: Lexicon, punkt: PunktFacts, lang: str) -> bool | None:
    """A single period before a capitalised word or a number."""
    left, word = _COMPOUND_RE.split(c.left.lower())[-1], c.right.rstrip(".,:;!?…" + CLOSERS).lower()
    if not left:
        return None
    if left in words.always and _opens_sentence(c, word, words):
        return True
    if _never_ends(c, left, word, words):
        return False
    if left in words.year:
        if c.titled and word in words.titles:
            return False
        return bool(_NUMBER_RE.fullmatch(c.before)) and (
            word in words.starters or c.clause_words > _FRONTED_DATE_WORDS)
    if _INITIALS_RE.fullmatch(c.left):
        return word in words.starters and not _is_initial(c.right)
    if left.isdigit():
        return None if _NUMBER_START_RE.match(c.right) else True
    if left in punkt.abbreviations or _CHAIN_RE.fullmatch(left):
        if _is_initial(c.right):
            return False
        return True if word in words.starters or lang != "en" else None
    return _plain_word_break(left, word, c.right, punkt)


def _never_ends(c: Candidate, left: str, word: str, words: Lexicon) -> bool:
    """A list number (``1. Energy``), ``долл. США``, ``No. 3``, or a title such as ``Mr.``."""
    return bool(
        (c.opens and _LIST_NUMBER_RE.fullmatch(c.left))
        or word in words.continuations.get(left, ())
        or (left in words.numeric and _NUMBER_START_RE.match(c.right))
        or left in words.always
    )


def _opens_sentence(c: Candidate, word: str, words: Lexicon) -> bool:
    """``Main St. The meeting …``: a function word that opens a sentence, not an initial or a
    name such as ``The Hague`` (the word after it is not capitalised)."""
    next_word = c.following[0] if c.following else ""
    return word in words.starters and not _is_initial(c.right) and not next_word[:1].isupper()


def _plain_word_break(left: str, word: str, right: str, punkt: PunktFacts) -> bool | None:
    """Punkt's verdict after an ordinary word, without running Punkt.

    Punkt's first pass breaks after every period-final word that is not an abbreviation; its
    second pass revisits only abbreviations, initials, numbers and known collocations.
    """
    if _PLAIN_WORD_RE.fullmatch(left) and right[0].isupper() and (left, word) not in punkt.collocations:
        return True
    return None


def _is_initial(word: str) -> bool:
    """``Г.`` or ``A.G.``: an initial, not a sentence-opening word."""
    return bool(_INITIALS_RE.fullmatch(word.rstrip(",")[:-1])) and word.rstrip(",").endswith(".")
