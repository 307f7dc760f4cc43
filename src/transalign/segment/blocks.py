"""Paragraphs and lines: the stretches of text that Punkt and the rules see one at a time.

A paragraph ends at a blank (or whitespace-only) line. Inside a paragraph each line is its own
block (a headline, ``• 1`` or ``Photo: BelTA`` is a sentence even without final punctuation),
unless the next line starts in lower case, or the paragraph is hard-wrapped prose and the line
is full: then the lines join into one block. Offsets are 0-based character offsets into the whole text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

_LIST_MARKS = frozenset("•·▪■●◦*-–—")
_WRAP_MIN_SHARE = 0.6
_WRAP_MIN_WIDTH = 40
_WRAP_MAX_WIDTH = 120
_FULL_LINE_SHARE = 0.75


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


def _wrap_width(lines: list[tuple[int, int]]) -> int:
    """The wrap width of hard-wrapped prose (every line but the last about as long as the
    longest, the longest 40 to 120 characters), or 0 when the lines are logical lines."""
    widths = [end - start for start, end in lines]
    if len(lines) < 2 or not _WRAP_MIN_WIDTH <= max(widths) <= _WRAP_MAX_WIDTH:
        return 0
    return max(widths) if min(widths[:-1]) >= _WRAP_MIN_SHARE * max(widths) else 0


def _continues(text: str, previous: tuple[int, int], line: tuple[int, int], wrap_width: int) -> bool:
    """Whether ``line`` continues the sentence of the ``previous`` line.

    It does when it starts in lower case, or when the paragraph is hard-wrapped and the previous
    line is full (a short line there, such as a headline, ends where it ends).
    """
    first = text[line[0]]
    if first in _LIST_MARKS:
        return False
    full = previous[1] - previous[0] >= _FULL_LINE_SHARE * wrap_width if wrap_width else False
    return full or first.islower()


def blocks(text: str) -> Iterator[Block]:
    """The blocks of ``text`` in order, numbered by paragraph (0-based)."""
    for number, lines in enumerate(paragraphs(text)):
        wrap_width = _wrap_width(lines)
        start, end = lines[0]
        for previous, line in pairwise(lines):
            if _continues(text, previous, line, wrap_width):
                end = line[1]
            else:
                yield Block(start, end, number)
                start, end = line
        yield Block(start, end, number)
