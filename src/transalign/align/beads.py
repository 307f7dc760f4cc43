"""The bead types the aligner may use: how many source and target sentences one link joins.

Results are :data:`transalign.formats.links.Bead` values (tuples of 0-based sentence indices);
this module names the *shapes*. Each shape carries its prior cost ``-ln P(shape)``
(Gale & Church 1993 for the shapes they list; 1-3 / 3-1 as rare as 1-0 / 0-1 merges).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class BeadType:
    """A bead shape: ``n_src`` source sentences linked with ``n_tgt`` target sentences."""

    n_src: int
    n_tgt: int
    probability: float

    @property
    def name(self) -> str:
        """``"2-1"`` style name."""
        return f"{self.n_src}-{self.n_tgt}"

    @property
    def prior_cost(self) -> float:
        """``-ln P(shape)`` in nats."""
        return -math.log(self.probability)

    @property
    def is_skip(self) -> bool:
        """True for 1-0 and 0-1 (a sentence with no counterpart)."""
        return self.n_src == 0 or self.n_tgt == 0


ONE_ONE = BeadType(1, 1, 0.89)
ONE_ZERO = BeadType(1, 0, 0.0099 / 2)
ZERO_ONE = BeadType(0, 1, 0.0099 / 2)

BEAD_TYPES: tuple[BeadType, ...] = (
    ONE_ONE,
    ONE_ZERO,
    ZERO_ONE,
    BeadType(1, 2, 0.089 / 2),
    BeadType(2, 1, 0.089 / 2),
    BeadType(2, 2, 0.011),
    BeadType(1, 3, 0.002),
    BeadType(3, 1, 0.002),
)
"""Every shape the final search considers."""

COARSE_BEAD_TYPES: tuple[BeadType, ...] = (ONE_ONE, ONE_ZERO, ZERO_ONE)
"""The shapes of the first, wide-band pass that finds the rough path."""


def bead_type(name: str) -> BeadType:
    """The shape called ``name`` (``"2-1"``); KeyError for an unknown one."""
    for shape in BEAD_TYPES:
        if shape.name == name:
            return shape
    raise KeyError(name)
