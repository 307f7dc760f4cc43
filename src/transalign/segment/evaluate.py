"""Sentence-exact precision, recall and F1 of a segmentation against gold sentences.

A predicted sentence is correct when a gold sentence covers exactly the same characters.
Sentences are compared as spans over the text with all whitespace removed, so gold files that
normalise whitespace (``  • 1`` → ``• 1``, wrapped lines joined) still compare exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class SegmentScore:
    """Counts and sentence-exact scores (0..1)."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Counts plus rounded scores, for JSON."""
        return {**asdict(self), "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _spans(sentences: Sequence[str]) -> set[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    position = 0
    for sentence in sentences:
        length = len("".join(sentence.split()))
        spans.add((position, position + length))
        position += length
    return spans


def score(gold: Sequence[str], predicted: Sequence[str]) -> SegmentScore:
    """Score ``predicted`` sentences against ``gold`` ones (both in text order)."""
    correct = len(_spans(gold) & _spans(predicted))
    return SegmentScore(len(gold), len(predicted), correct)
