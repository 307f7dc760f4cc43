"""Per-sentence features of one document, in arrays the scorer slices by bead.

The anchors of any run of sentences are a row difference of cumulative matrices:
exact counts per anchor kind, and hashed (stable CRC-32) bucket counts of the *shareable* keys
only — those that occur in both editions — so that the anchors two sides share are an
elementwise minimum over few collisions, vectorised over thousands of beads at once.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from transalign.align.anchors import KINDS, sentence_anchors

BUCKETS: dict[str, int] = {"num": 32, "name": 32, "mark": 8, "term": 32, "word": 128, "lex": 64}
"""Hash buckets per anchor kind (``mark`` has five keys; words are many)."""

KIND_OFFSETS = np.cumsum([0] + [BUCKETS[kind] for kind in KINDS[:-1]])
"""First bucket column of each kind, in :data:`KINDS` order."""

N_BUCKETS = sum(BUCKETS.values())
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
        cum_kinds: ``(n+1, len(KINDS))`` int32 running count of anchors per kind.
        cum_anchors: ``(n+1, N_BUCKETS)`` int32 running counts of shareable anchors per hash
            bucket (differences of up to three rows fit in int8).
        paragraph: ``(n,)`` int64, 0-based paragraph of each sentence.
        paragraph_end: ``(n+1,)`` bool; ``paragraph_end[i]`` is True when sentence ``i-1`` is
            the last of its paragraph (node ``i`` sits on a paragraph break; True at ``0``).
        anchor_keys: the anchor keys of each sentence (for explanations and tests).
    """

    chars: np.ndarray
    cum_chars: np.ndarray
    cum_kinds: np.ndarray
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
    return int(KIND_OFFSETS[KINDS.index(kind)]) + zlib.crc32(key.encode("utf-8")) % BUCKETS[kind]


def sentence_keys(sentences: Sequence[str], lang: str, concepts: ConceptFinder | None = None,
                  known_names: frozenset[str] = frozenset()) -> list[list[str]]:
    """Anchor keys of each sentence; ``concepts`` adds glossary anchors ``term:<id>``;
    ``known_names`` lets sentence-initial names count (see :func:`.anchors.word_keys`)."""
    keys = [sentence_anchors(sentence, lang, known_names) for sentence in sentences]
    if concepts is not None:
        for sentence, sentence_keys_ in zip(sentences, keys, strict=True):
            sentence_keys_.extend(f"term:{concept}" for concept in concepts(sentence))
    return keys


def shareable(*documents: Iterable[Iterable[str]]) -> frozenset[str]:
    """Keys found in every one of ``documents`` (each an iterable of per-sentence key lists)."""
    sets = [{key for keys in document for key in keys} for document in documents]
    return frozenset(set.intersection(*sets)) if sets else frozenset()


def document_features(
    sentences: Sequence[str], keys: Sequence[Sequence[str]], paragraphs: Sequence[int] | None = None,
    shared_keys: frozenset[str] | None = None,
) -> DocumentFeatures:
    """Features of ``sentences`` with their anchor ``keys`` (:func:`sentence_keys`).

    ``paragraphs`` gives each sentence's 0-based paragraph (default: one paragraph);
    ``shared_keys`` limits the hashed counts to these keys (default: all keys).
    """
    kinds = np.zeros((len(sentences) + 1, len(KINDS)), dtype=np.int32)
    counts = np.zeros((len(sentences) + 1, N_BUCKETS), dtype=np.int32)
    for row, sentence_keys_ in enumerate(keys, start=1):
        for key in sentence_keys_:
            kinds[row, KINDS.index(key.partition(":")[0])] += 1
            if shared_keys is None or key in shared_keys:
                counts[row, bucket(key)] += 1
    np.minimum(counts, MAX_COUNT, out=counts)
    chars = np.array([len(sentence) + 1 for sentence in sentences], dtype=np.float64)
    owner = np.asarray(paragraphs if paragraphs is not None else [0] * len(sentences), dtype=np.int64)
    ends = np.ones(len(sentences) + 1, dtype=bool)
    ends[1:-1] = owner[1:] != owner[:-1]
    return DocumentFeatures(
        chars=chars, cum_chars=np.concatenate([[0.0], np.cumsum(chars)]),
        cum_kinds=np.cumsum(kinds, axis=0, dtype=np.int32),
        cum_anchors=np.cumsum(counts, axis=0, dtype=np.int32), paragraph=owner,
        paragraph_end=ends, anchor_keys=tuple(tuple(k) for k in keys),
    )
