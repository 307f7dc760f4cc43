"""Paragraphs and lines: the stretches of text that Punkt and the rules see one at a time.

A paragraph ends at a blank (or whitespace-only) line. Inside a paragraph each line is its own
block (a headline, ``• 1`` or ``Photo: BelTA`` is a sentence even without final punctuation),
unless the paragraph is hard-wrapped prose or the next line starts in lower case: then the
lines join into one block. Offsets are 0-based character offsets into the whole text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

_LIST_MARKS = frozenset("•·▪■●◦*-–—")
_WRAP_MIN_SHARE = 0.6
_WRAP_MAX_WIDTH = 120


@dataclass(frozen=True)
class Block:
    """A stretch ``text[start:end]`` (no leading or trailing whitespace) in paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line's content, whitespace trimmed; ``(p, p)`` for blank lines."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = offset + (line.find(stripped) if stripped else 0)
        yield start, start + len(stripped)
        offset += len(line)


def paragraphs(text: str) -> Iterator[list[tuple[int, int]]]:
    """The non-blank lines of each paragraph, as ``(start, end)`` spans."""
    current: list[tuple[int, int]] = []
    for start, end in _lines(text):
        if start < end:
            current.append((start, end))
        elif current:
            yield current
            current = []
    if current:
        yield current


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Hard-wrapped prose: every line but the last about as long as the longest, none too long."""
    widths = [end - start for start, end in lines]
    if len(lines) < 2 or max(widths) > _WRAP_MAX_WIDTH:
        return False
    return min(widths[:-1]) >= _WRAP_MIN_SHARE * max(widths)


def _continues(text: str, line: tuple[int, int], wrapped: bool) -> bool:
    """Whether ``line`` continues the sentence of the line before it."""
    first = text[line[0]]
    if first in _LIST_MARKS:
        return False
    return wrapped or first.islower()


def blocks(text: str) -> Iterator[Block]:
    """The blocks of ``text`` in order, numbered by paragraph (0-based)."""
    for number, lines in enumerate(paragraphs(text)):
        wrapped = _is_wrapped(text, lines)
        start, end = lines[0]
        for line in lines[1:]:
            if _continues(text, line, wrapped):
                end = line[1]
            else:
                yield Block(start, end, number)
                start, end = line
        yield Block(start, end, number)
