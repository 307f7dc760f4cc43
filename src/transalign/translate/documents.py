"""Input documents: read, segment, name, and number their sentences as TSV row ids.

A document's id is its file name without the ``.txt``-like extension and without a trailing
``.<src-lang>`` (``cis-ministers.en.txt`` → ``cis-ministers``). Row ids keep the position of
each sentence: ``p3s2`` is the 2nd sentence of the 3rd paragraph (both 1-based, as an editor
counts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from transalign.errors import InputError
from transalign.formats.naming import document_id
from transalign.io import read_text
from transalign.segment import Sentence, segment
from transalign.translate.manifest import text_sha256


@dataclass(frozen=True)
class Document:
    """A segmented input document.

    Attributes:
        path: the file as given.
        doc_id: output name stem (see the module docstring).
        sentences: its sentences in order.
        row_ids: ``row_ids[i]`` is the TSV id of ``sentences[i]``.
        sha256: hash of the decoded text (recorded in the manifest).
    """

    path: Path
    doc_id: str
    sentences: list[Sentence]
    row_ids: list[str]
    sha256: str


def row_ids(sentences: list[Sentence]) -> list[str]:
    """``p<paragraph>s<sentence>`` per sentence, both 1-based; paragraphs as segmented."""
    ids: list[str] = []
    previous_paragraph, number = -1, 0
    for sentence in sentences:
        number = number + 1 if sentence.paragraph == previous_paragraph else 1
        previous_paragraph = sentence.paragraph
        ids.append(f"p{sentence.paragraph + 1}s{number}")
    return ids


def read_document(path: Path, src_lang: str, encoding: str = "utf-8") -> Document:
    """Read and segment one input file.

    Raises:
        InputError: E001-E004 unreadable/binary/undecodable (from ``read_text``), E307 when the
            file holds no sentence, E310 when its alphabet is plainly not ``src_lang``'s.
    """
    from transalign.alphabet import looks_like

    text = read_text(path, encoding=encoding)
    sentences = segment(text, src_lang)
    if not sentences:
        raise InputError("E307", "empty document: no sentence to translate", path=path,
                         hint="pass a file with text in it")
    found = looks_like((sentence.text for sentence in sentences), src_lang)
    if found is not None:
        raise InputError("E310", f"this looks like {found}, not {src_lang}", path=path,
                         hint=f"pass a story written in {src_lang}, or the --src-lang it is written in")
    return Document(path, document_id(path, src_lang), sentences, row_ids(sentences), text_sha256(text))
