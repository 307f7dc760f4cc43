"""Strict and lax precision, recall and F1 of sentence alignments (Sennrich & Volk 2011),
counted as Vecalign's ``score.py`` counts them, summed over several documents.

Precision: every test bead (except empty ones) is a strict true positive when the gold holds
exactly that bead, a lax true positive when some target sentence of it is linked in the gold
to one of its source sentences. Recall: the same with gold and test swapped, over beads that
have sentences on both sides only (insertions and deletions are not recalled).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transalign.formats.links import Bead


@dataclass(frozen=True)
class Counts:
    """True and false positives, strict and lax."""

    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp_strict + other.tp_strict, self.fp_strict + other.fp_strict,
                      self.tp_lax + other.tp_lax, self.fp_lax + other.fp_lax)


@dataclass(frozen=True)
class AlignmentScores:
    """Scores in 0..1 (0 where a ratio is undefined, as in Vecalign)."""

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float

    def as_dict(self) -> dict[str, float]:
        """Plain dict, for JSON."""
        return dict(self.__dict__)


def match_counts(gold: Iterable[Bead], test: Iterable[Bead]) -> Counts:
    """Count ``test`` beads against ``gold`` beads (each set deduplicated, empty beads dropped)."""
    gold_set = {bead for bead in gold if bead[0] or bead[1]}
    test_set = {bead for bead in test if bead[0] or bead[1]}
    gold_targets: dict[int, set[int]] = defaultdict(set)
    for src, tgt in gold_set:
        for index in src:
            gold_targets[index].update(tgt)
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    for bead in test_set:
        if bead in gold_set:
            tp_strict += 1
            tp_lax += 1
            continue
        fp_strict += 1
        linked = set().union(*(gold_targets.get(index, set()) for index in bead[0]))
        if linked.intersection(bead[1]):
            tp_lax += 1
        else:
            fp_lax += 1
    return Counts(tp_strict, fp_strict, tp_lax, fp_lax)


def score_alignments(gold: Sequence[Sequence[Bead]], test: Sequence[Sequence[Bead]]) -> AlignmentScores:
    """Scores of ``test`` against ``gold``, one list of beads per document, counts summed.

    Raises:
        ValueError: when the two have different numbers of documents.
    """
    if len(gold) != len(test):
        raise ValueError(f"{len(gold)} gold documents but {len(test)} test documents")
    precision = recall = Counts()
    for gold_beads, test_beads in zip(gold, test, strict=True):
        precision += match_counts(gold_beads, test_beads)
        recall += match_counts(_both_sides(test_beads), _both_sides(gold_beads))
    p_strict = _ratio(precision.tp_strict, precision.fp_strict)
    p_lax = _ratio(precision.tp_lax, precision.fp_lax)
    r_strict = _ratio(recall.tp_strict, recall.fp_strict)
    r_lax = _ratio(recall.tp_lax, recall.fp_lax)
    return AlignmentScores(p_strict, r_strict, _f1(p_strict, r_strict), p_lax, r_lax, _f1(p_lax, r_lax))


def _both_sides(beads: Sequence[Bead]) -> list[Bead]:
    return [bead for bead in beads if bead[0] and bead[1]]


def _ratio(hits: int, misses: int) -> float:
    return hits / (hits + misses) if hits + misses else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
