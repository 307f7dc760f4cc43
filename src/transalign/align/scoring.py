"""Bead costs: length, anchors, paragraph breaks and (optionally) MT similarity — no search here.

A bead ending at node ``(i, j)`` with shape ``a-b`` links source sentences ``i-a … i-1`` with
target sentences ``j-b … j-1`` (0-based; node ``(i, j)`` means ``i`` source and ``j`` target
sentences consumed). Its cost in nats, lower is better:

- every bead: − paragraph bonus when it ends on a paragraph break on both sides (a property
  of the node, so a path through an omitted sentence earns it too);
- skip beads (1-0, 0-1): a constant :attr:`CostWeights.skip`;
- other beads: ``−ln P(shape)`` + Gale–Church length cost
  − Σ over anchor kinds (reward × shared anchors) + Σ (penalty × anchors on one side only)
  + a disjointness penalty when the sides share no anchor at all though each has at least
  :attr:`CostWeights.disjoint_min` (an omission next to an addition, paired 1-1)
  + paragraph penalty per side whose sentences straddle a paragraph break
  − MT weight × (chrF(MT of the source side, target side) / 100 − baseline) with ``--mt``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from transalign.align.beads import BeadType
from transalign.align.features import KIND_OFFSETS, DocumentFeatures
from transalign.align.lengths import LengthModel

MT_BASELINE = 0.2
"""chrF/100 of unrelated sentence pairs, roughly: below it MT similarity counts against a bead."""

MTSimilarity = Callable[[int, int, int, int], float]
"""``similarity(src_start, src_end, tgt_start, tgt_end)`` in 0..1 for sentence ranges
(0-based, end exclusive)."""


@dataclass(frozen=True)
class CostWeights:
    """Weights of the cost terms, nats.

    ``match``, ``mismatch`` and ``expect`` hold one value per anchor kind, in the order of
    :data:`transalign.align.anchors.KINDS` (num, name, mark, term, word): the reward per
    shared anchor, the penalty per anchor on one side only, and the penalty per anchor that
    *could* have been shared (the smaller side's count). They approximate log-likelihood
    ratios (true vs. neighbouring pairs) measured on aligned news editions: numbers, quotes
    and glossary terms almost always survive translation, names often, cognates in about one
    word in five — so two long sentences without a single cognate are likely unrelated.
    """

    skip: float = 3.5
    match: tuple[float, ...] = (3.5, 2.0, 2.0, 2.0, 2.0, 2.0)
    mismatch: tuple[float, ...] = (2.5, 0.3, 2.0, 1.0, 0.0, 0.0)
    expect: tuple[float, ...] = (0.0, 0.7, 0.0, 0.0, 0.15, 0.3)
    disjoint: float = 1.0
    disjoint_cap: int = 6
    paragraph_bonus: float = 1.0
    paragraph_cross: float = 2.0
    mt: float = 8.0

    def describe(self) -> str:
        """Compact form for the signature."""
        return (f"skip{self.skip:g}-match{'/'.join(f'{w:g}' for w in self.match)}"
                f"-miss{'/'.join(f'{w:g}' for w in self.mismatch)}"
                f"-expect{'/'.join(f'{w:g}' for w in self.expect)}"
                f"-disjoint{self.disjoint:g}/{self.disjoint_cap}"
                f"-par{self.paragraph_bonus:g}/{self.paragraph_cross:g}")


@dataclass
class BeadScorer:
    """Costs of beads between ``src`` and ``tgt`` (see the module docstring)."""

    src: DocumentFeatures
    tgt: DocumentFeatures
    lengths: LengthModel
    weights: CostWeights = field(default_factory=CostWeights)
    mt_similarity: MTSimilarity | None = None

    def __post_init__(self) -> None:
        self._match = np.asarray(self.weights.match, dtype=np.float64)
        self._mismatch = np.asarray(self.weights.mismatch, dtype=np.float64)
        self._expect = np.asarray(self.weights.expect, dtype=np.float64)

    def costs(self, shape: BeadType, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Cost of the ``shape`` bead ending at each node ``(i[k], j[k])``; shape ``(k,)``.

        Nodes must satisfy ``i ≥ shape.n_src`` and ``j ≥ shape.n_tgt``.
        """
        s0, t0 = i - shape.n_src, j - shape.n_tgt
        if shape.is_skip:
            return self.weights.skip + self.paragraph_costs(shape, s0, i, t0, j)
        cost = shape.prior_cost + self.length_costs(s0, i, t0, j)
        cost += self.anchor_costs(s0, i, t0, j)
        cost += self.paragraph_costs(shape, s0, i, t0, j)
        if self.mt_similarity is not None:
            cost -= self.weights.mt * (self.mt_costs(s0, i, t0, j) - MT_BASELINE)
        return cost

    def length_costs(self, s0: np.ndarray, s1: np.ndarray, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
        """Gale–Church cost of sentence ranges ``[s0, s1)`` × ``[t0, t1)``."""
        src_chars = self.src.cum_chars[s1] - self.src.cum_chars[s0]
        tgt_chars = self.tgt.cum_chars[t1] - self.tgt.cum_chars[t0]
        return self.lengths.cost(src_chars, tgt_chars)

    def anchor_costs(self, s0: np.ndarray, s1: np.ndarray, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
        """− rewards for shared anchors + penalties for one-sided anchors of the ranges."""
        src_counts = (self.src.cum_anchors[s1] - self.src.cum_anchors[s0]).astype(np.int8)
        tgt_counts = (self.tgt.cum_anchors[t1] - self.tgt.cum_anchors[t0]).astype(np.int8)
        shared = np.add.reduceat(np.minimum(src_counts, tgt_counts), KIND_OFFSETS, axis=1, dtype=np.int32)
        src_total = self.src.cum_kinds[s1] - self.src.cum_kinds[s0]
        tgt_total = self.tgt.cum_kinds[t1] - self.tgt.cum_kinds[t0]
        one_sided = src_total + tgt_total - 2 * shared
        possible = np.minimum(src_total, tgt_total)
        could_share = np.minimum(possible.sum(axis=1), self.weights.disjoint_cap)
        disjoint = self.weights.disjoint * could_share * (shared.sum(axis=1) == 0)
        result: np.ndarray = (one_sided @ self._mismatch + possible @ self._expect - shared @ self._match
                              + disjoint)
        return result

    def paragraph_costs(self, shape: BeadType, s0: np.ndarray, s1: np.ndarray,
                        t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
        """Bonus for ending on a break on both sides; penalty per side straddling a break."""
        both_end = self.src.paragraph_end[s1] & self.tgt.paragraph_end[t1]
        cost: np.ndarray = -self.weights.paragraph_bonus * both_end.astype(np.float64)
        if shape.n_src > 1:
            cost += self.weights.paragraph_cross * (self.src.paragraph[s0] != self.src.paragraph[s1 - 1])
        if shape.n_tgt > 1:
            cost += self.weights.paragraph_cross * (self.tgt.paragraph[t0] != self.tgt.paragraph[t1 - 1])
        return cost

    def mt_costs(self, s0: np.ndarray, s1: np.ndarray, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
        """MT similarity (0..1) of each pair of ranges; one Python call per bead (cached)."""
        similarity = self.mt_similarity
        if similarity is None:
            return np.zeros(len(s0))
        ranges = zip(s0.tolist(), s1.tolist(), t0.tolist(), t1.tolist(), strict=True)
        values = (similarity(a, b, c, d) for a, b, c, d in ranges)
        return np.fromiter(values, dtype=np.float64, count=len(s0))

