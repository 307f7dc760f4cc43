"""Sentence segmentation for English, Russian and Belarusian news text.

PROVISIONAL: a minimal regex splitter standing in until the Punkt-based segmenter lands.
The public interface below is stable; other modules depend on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPPORTED_LANGUAGES = ("en", "ru", "be")


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


_PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_RE = re.compile(r"\S.*?(?:[.!?…]+[\"”»’)]*(?=\s+\S)|$)", re.S)


def segment(text: str, lang: str) -> list[Sentence]:
    """Split ``text`` into sentences with character spans and paragraph numbers."""
    sentences: list[Sentence] = []
    paragraph_start = 0
    paragraph = 0
    for match in [*_PARAGRAPH_RE.finditer(text), None]:
        paragraph_end = len(text) if match is None else match.start()
        chunk = text[paragraph_start:paragraph_end]
        found = False
        for line_match in re.finditer(r"[^\n]+", chunk):
            for sent in _SENTENCE_RE.finditer(line_match.group(0)):
                body = sent.group(0).rstrip()
                if body:
                    start = paragraph_start + line_match.start() + sent.start()
                    sentences.append(Sentence(body, start, start + len(body), paragraph))
                    found = True
        paragraph += int(found)
        if match is not None:
            paragraph_start = match.end()
    return sentences


def segment_paragraphs(text: str, lang: str) -> list[list[str]]:
    """Sentences of ``text`` grouped by paragraph (the in-memory form of a ``.sents`` file)."""
    paragraphs: list[list[str]] = []
    for sentence in segment(text, lang):
        if sentence.paragraph == len(paragraphs):
            paragraphs.append([])
        paragraphs[-1].append(sentence.text)
    return paragraphs
