"""Sentence segmentation for English, Russian and Belarusian news text.

NLTK Punkt (with the parameter tables shipped in ``transalign/data/punkt``) is the base; the
news rules in :mod:`transalign.segment.rules` decide the cases Punkt gets wrong (quotes and
attribution, dash dialogue, initials, abbreviations, ellipses), and :mod:`.blocks` keeps
paragraphs and unpunctuated lines (headlines, captions) apart.

>>> [s.text for s in segment("“We are ready. We will act,” he said. Talks resume today.", "en")]
['“We are ready.', 'We will act,” he said.', 'Talks resume today.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transalign.errors import InputError

SUPPORTED_LANGUAGES = ("en", "ru", "be")

_LINE_BREAK_RUN = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text.

    Attributes:
        text: the sentence, exactly ``original[start:end]``.
        start: 0-based character offset of its first character in the original text.
        end: 0-based exclusive character offset of its end.
        paragraph: 0-based index of its paragraph (paragraphs are separated by blank lines).
    """

    text: str
    start: int
    end: int
    paragraph: int


def check_language(lang: str) -> None:
    """Raise E100 unless ``lang`` is one of :data:`SUPPORTED_LANGUAGES`."""
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError("E100", f"unsupported language {lang!r} for segmentation",
                         hint=f"use one of {', '.join(SUPPORTED_LANGUAGES)}")


def segment(text: str, lang: str) -> list[Sentence]:
    """Split ``text`` into sentences with character spans and paragraph numbers.

    Spans are in order, do not overlap, and only whitespace lies outside them.

    Raises:
        InputError: E100 for a language other than en, ru, be.
    """
    from transalign.segment.blocks import blocks
    from transalign.segment.split import split_block

    check_language(lang)
    sentences: list[Sentence] = []
    for block in blocks(text):
        for start, end in split_block(text[block.start : block.end], lang):
            begin, stop = block.start + start, block.start + end
            sentences.append(Sentence(text[begin:stop], begin, stop, block.paragraph))
    return sentences


def one_line(sentence: str) -> str:
    """``sentence`` on one line: each whitespace run holding a line break becomes one space."""
    return _LINE_BREAK_RUN.sub(" ", sentence)


def segment_paragraphs(text: str, lang: str) -> list[list[str]]:
    """Sentences of ``text`` grouped by paragraph (the in-memory form of a ``.sents`` file).

    Each sentence is put on one line (see :func:`one_line`); empty paragraphs are dropped.
    """
    paragraphs: list[list[str]] = []
    last = -1
    for sentence in segment(text, lang):
        if sentence.paragraph != last:
            paragraphs.append([])
            last = sentence.paragraph
        paragraphs[-1].append(one_line(sentence.text))
    return paragraphs
