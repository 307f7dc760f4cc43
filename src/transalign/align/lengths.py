"""Gale–Church length cost with the length ratio of the language pair taken from the documents.

A bead with ``ls`` source and ``lt`` target characters has the deviation
``δ = (lt − c·ls) / sqrt(s² · m)`` with ``m = (ls + lt/c) / 2``; its cost is
``−ln P(|Δ| ≥ |δ|)`` in nats (Gale & Church 1993, symmetrised mean length), with ``Δ`` a
mixture of a standard normal and a wider normal for freely reworded sentences.
``c`` (target characters per source character) and ``s²`` (variance per character) are
estimated from the two documents: first ``c`` from total lengths, then both from the 1-1 beads
of a first alignment pass (ratio of sums; variance from the median absolute deviation, so that
omissions and bad links do not inflate it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DEFAULT_VARIANCE = 6.8
"""Gale & Church's variance per character, for ``c = 1``; scaled by ``c`` for other pairs."""

OUTLIER_SHARE = 0.2
"""Share of translations whose length deviates more than the normal law says (free
rewording): they follow a normal law :data:`OUTLIER_SCALE` times wider. The mixture keeps one
odd sentence from forcing a merge."""

OUTLIER_SCALE = 3.0

MIN_BEADS_FOR_VARIANCE = 8
"""Fewer 1-1 beads than this keep the default variance."""

_MAD_TO_SD = 1.4826  # median absolute deviation → standard deviation for a normal law


@dataclass(frozen=True)
class LengthModel:
    """Character-length model of a document pair.

    Attributes:
        ratio: target characters per source character (``c``).
        variance: variance of the length difference per character (``s²``).
    """

    ratio: float
    variance: float

    @classmethod
    def from_totals(cls, src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> LengthModel:
        """Initial model: ``c`` = total target / total source characters, default ``s²``."""
        src_total, tgt_total = float(np.sum(src_lengths)), float(np.sum(tgt_lengths))
        ratio = tgt_total / src_total if src_total > 0 and tgt_total > 0 else 1.0
        return cls(ratio, DEFAULT_VARIANCE * ratio)

    def refined(self, src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> LengthModel:
        """Re-estimate from the character lengths of presumed 1-1 translations (shape ``(k,)``).

        The variance is clamped to a quarter..four times the default, so a short or odd
        document cannot make the length cost meaningless.
        """
        if len(src_lengths) < MIN_BEADS_FOR_VARIANCE:
            return self
        ratio = float(tgt_lengths.sum() / max(src_lengths.sum(), 1.0))
        mean = (src_lengths + tgt_lengths / ratio) / 2
        residual = (tgt_lengths - ratio * src_lengths) / np.sqrt(np.maximum(mean, 1.0))
        spread = _MAD_TO_SD * float(np.median(np.abs(residual - np.median(residual))))
        default = DEFAULT_VARIANCE * ratio
        variance = float(np.clip(spread**2, default / 4, default * 4))
        return LengthModel(ratio, variance)

    def cost(self, src_chars: np.ndarray, tgt_chars: np.ndarray) -> np.ndarray:
        """``−ln P(|Δ| ≥ |δ|)`` per bead (mixture law), nats; inputs are character counts of equal shape."""
        mean = np.maximum((src_chars + tgt_chars / self.ratio) / 2, 1.0)
        delta = np.abs(tgt_chars - self.ratio * src_chars) / np.sqrt(self.variance * mean)
        core = np.log1p(-OUTLIER_SHARE) + log_erfc(delta / np.sqrt(2.0))
        tail = np.log(OUTLIER_SHARE) + log_erfc(delta / (OUTLIER_SCALE * np.sqrt(2.0)))
        result: np.ndarray = -np.logaddexp(core, tail)
        return result


def log_erfc(x: np.ndarray) -> np.ndarray:
    """``ln erfc(x)`` for ``x ≥ 0``, accurate to ~1e-7 relative, without underflow.

    Uses the Chebyshev-fitted form ``erfc(x) = t·exp(−x² + P(t))``, ``t = 1/(1 + x/2)``
    (Press et al., *Numerical Recipes*, §6.2), taken in log space.
    """
    z = np.asarray(x, dtype=np.float64)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = np.zeros_like(t)
    for coefficient in _ERFC_COEFFICIENTS:
        poly = poly * t + coefficient
    return np.log(t) - z * z + poly


_ERFC_COEFFICIENTS = (  # highest degree first
    0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807,
    -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223,
)
