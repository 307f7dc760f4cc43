"""Per-sentence features of one document, in arrays the scorer slices by bead.

Anchor keys are hashed (stable CRC-32) into a few buckets per kind, so that the anchors of any
run of sentences are a row difference of a cumulative count matrix and the anchors two
sides share are an elementwise minimum — all vectorised over thousands of beads at once.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from transalign.align.anchors import KINDS, sentence_anchors

BUCKETS_PER_KIND = 32
"""Hash buckets per anchor kind; kind ``k`` owns columns ``32k … 32k+31``."""

N_BUCKETS = BUCKETS_PER_KIND * len(KINDS)
MAX_COUNT = 40
"""Counts per sentence and bucket are capped so that three sentences fit in an int8."""

ConceptFinder = Callable[[str], list[str]]
"""Maps a sentence to the ids of the glossary concepts in it (repeats allowed)."""


@dataclass(frozen=True)
class DocumentFeatures:
    """Features of ``n`` sentences.

    Attributes:
        chars: ``(n,)`` float64, characters per sentence plus one for the joining space.
        cum_chars: ``(n+1,)`` running sum of ``chars`` (``cum_chars[0] == 0``).
        cum_anchors: ``(n+1, N_BUCKETS)`` int32 running anchor counts per bucket (differences
            of up to three rows fit in int8).
        paragraph: ``(n,)`` int64, 0-based paragraph of each sentence.
        paragraph_end: ``(n+1,)`` bool; ``paragraph_end[i]`` is True when sentence ``i-1`` is
            the last of its paragraph (node ``i`` sits on a paragraph break; True at ``0``).
        anchor_keys: the anchor keys of each sentence (for explanations and tests).
    """

    chars: np.ndarray
    cum_chars: np.ndarray
    cum_anchors: np.ndarray
    paragraph: np.ndarray
    paragraph_end: np.ndarray
    anchor_keys: tuple[tuple[str, ...], ...]

    @property
    def size(self) -> int:
        """Number of sentences."""
        return len(self.chars)


def bucket(key: str) -> int:
    """The bucket (column of the anchor matrix) of an anchor key ``"<kind>:<value>"``."""
    kind, _, _ = key.partition(":")
    return KINDS.index(kind) * BUCKETS_PER_KIND + zlib.crc32(key.encode("utf-8")) % BUCKETS_PER_KIND


def document_features(
    sentences: Sequence[str], lang: str, paragraphs: Sequence[int] | None = None,
    concepts: ConceptFinder | None = None, known_names: frozenset[str] = frozenset(),
) -> DocumentFeatures:
    """Features of ``sentences`` in ``lang``; ``paragraphs`` gives each one's 0-based paragraph
    (default: one paragraph); ``concepts`` adds glossary anchors ``term:<id>``;
    ``known_names`` lets sentence-initial names count (see :func:`.anchors.word_keys`)."""
    keys = [_keys(sentence, lang, concepts, known_names) for sentence in sentences]
    counts = np.zeros((len(sentences) + 1, N_BUCKETS), dtype=np.int32)
    for row, sentence_keys in enumerate(keys, start=1):
        for key in sentence_keys:
            counts[row, bucket(key)] += 1
    np.minimum(counts, MAX_COUNT, out=counts)
    chars = np.array([len(sentence) + 1 for sentence in sentences], dtype=np.float64)
    owner = np.asarray(paragraphs if paragraphs is not None else [0] * len(sentences), dtype=np.int64)
    ends = np.ones(len(sentences) + 1, dtype=bool)
    ends[1:-1] = owner[1:] != owner[:-1]
    return DocumentFeatures(
        chars=chars, cum_chars=np.concatenate([[0.0], np.cumsum(chars)]),
        cum_anchors=np.cumsum(counts, axis=0, dtype=np.int32), paragraph=owner,
        paragraph_end=ends, anchor_keys=tuple(tuple(k) for k in keys),
    )


def _keys(sentence: str, lang: str, concepts: ConceptFinder | None,
          known_names: frozenset[str]) -> list[str]:
    keys = sentence_anchors(sentence, lang, known_names)
    if concepts is not None:
        keys.extend(f"term:{concept}" for concept in concepts(sentence))
    return keys
