"""Sentence files (``*.sents``): one sentence per line, a blank line between paragraphs.

In memory a document is a list of paragraphs, each a list of sentences. Sentences are numbered
0-based across the whole document, blank lines not counted (as in ``*.gold``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from transalign.io import read_text

Paragraphs = list[list[str]]


def parse_sents(text: str) -> Paragraphs:
    """Split sentence-file text into paragraphs of sentences; runs of blank lines count as one."""
    paragraphs: Paragraphs = [[]]
    for line in text.splitlines():
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def read_sents(path: str | Path, *, encoding: str = "utf-8") -> Paragraphs:
    """Read a sentence file; see :func:`parse_sents`."""
    return parse_sents(read_text(path, encoding=encoding))


def format_sents(paragraphs: Sequence[Sequence[str]]) -> str:
    """Render paragraphs as sentence-file text, newline-terminated."""
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs if paragraph) + "\n"


def flatten(paragraphs: Sequence[Sequence[str]]) -> tuple[list[str], list[int]]:
    """All sentences in order, and for each the 0-based index of its paragraph."""
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
    owners = [number for number, paragraph in enumerate(paragraphs) for _ in paragraph]
    return sentences, owners
