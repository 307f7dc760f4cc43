"""Reading the documents to align: sentence files as they are, raw text segmented first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from transalign.errors import InputError
from transalign.formats.sents import flatten, parse_sents
from transalign.io import read_text


@dataclass(frozen=True)
class Document:
    """Sentences in order (0-based as in ``*.gold``) and the 0-based paragraph of each."""

    sentences: list[str]
    paragraphs: list[int]


def load_document(path: str | Path, lang: str, *, sentences: bool, encoding: str = "utf-8") -> Document:
    """Read ``path``: a sentence file when ``sentences`` (one sentence per line, blank lines
    between paragraphs), else raw text split with :func:`transalign.segment.segment_paragraphs`.

    Raises:
        InputError: the reading errors of :func:`transalign.io.read_text`; E501 when the file
            holds no sentence.
    """
    text = read_text(path, encoding=encoding)
    if sentences:
        paragraphs = parse_sents(text)
    else:
        from transalign.segment import segment_paragraphs

        paragraphs = segment_paragraphs(text, lang)
    flat, owners = flatten(paragraphs)
    if not flat:
        raise InputError("E501", "no sentence to align (the file is empty)", path=path,
                         hint="pass the text of the edition")
    return Document(flat, owners)
