"""Banded dynamic programming over beads: the least-cost monotone path from node ``(0, 0)`` to
``(n_src, n_tgt)``.

Node ``(i, j)`` means ``i`` source and ``j`` target sentences consumed. Only nodes inside a
:class:`Band` (per source row ``i``, target nodes ``lo[i] ≤ j < hi[i]``) are visited, so time
and memory grow with ``n_src × band width``, i.e. linearly for a fixed width. Bead costs come
from a separate cost function, evaluated for all band cells at once (vectorised); the row
recurrence is vectorised too, with the 0-1 (target-only) transitions of a row solved as a
running minimum.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from transalign.align.beads import BeadType
from transalign.formats.links import Bead

CostFunction = Callable[[BeadType, np.ndarray, np.ndarray], np.ndarray]
"""``cost(shape, i, j)``: cost of the ``shape`` bead ending at nodes ``(i[k], j[k])``."""

EDGE_MARGIN = 2
"""A path this close to a band edge (that is not the matrix edge) may be cut off by it."""

_CHUNK = 8_192  # band cells per cost-function call

COST_THREADS = min(4, os.cpu_count() or 1)
"""Threads computing the cost tables of the shapes (numpy releases the GIL in the heavy parts)."""


@dataclass(frozen=True)
class Band:
    """Allowed target nodes per source row: ``lo[i] ≤ j < hi[i]``; shapes ``(n_src+1,)``."""

    lo: np.ndarray
    hi: np.ndarray
    n_tgt: int

    @classmethod
    def full(cls, n_src: int, n_tgt: int) -> Band:
        """Every node."""
        return cls(np.zeros(n_src + 1, dtype=np.int64), np.full(n_src + 1, n_tgt + 1, dtype=np.int64),
                   n_tgt)

    @classmethod
    def diagonal(cls, n_src: int, n_tgt: int, half_width: int) -> Band:
        """Nodes within ``half_width`` of the straight line from ``(0, 0)`` to the corner.

        Each row also spans the line's crossing of the rows next to it, so that a steep line
        (many more target than source sentences) still gives a connected band.
        """
        centre = np.round(np.arange(n_src + 1) * (n_tgt / max(n_src, 1))).astype(np.int64)
        before = np.concatenate([[0], centre[:-1]])
        after = np.concatenate([centre[1:], [n_tgt]])
        return cls._clipped(before - half_width, after + half_width + 1, n_tgt)

    @classmethod
    def around(cls, path: Sequence[tuple[int, int]], n_src: int, n_tgt: int, half_width: int) -> Band:
        """Nodes within ``half_width`` (in ``j``) of the nodes of ``path`` in the same row."""
        lo = np.full(n_src + 1, n_tgt + 1, dtype=np.int64)
        hi = np.zeros(n_src + 1, dtype=np.int64)
        for i, j in path:
            lo[i] = min(lo[i], j - half_width)
            hi[i] = max(hi[i], j + half_width + 1)
        for i in range(1, n_src + 1):  # rows a multi-sentence bead jumps over
            if hi[i] == 0:
                lo[i], hi[i] = lo[i - 1], hi[i - 1]
        return cls._clipped(lo, hi, n_tgt)

    @classmethod
    def _clipped(cls, lo: np.ndarray, hi: np.ndarray, n_tgt: int) -> Band:
        lo = np.clip(lo, 0, n_tgt)
        hi = np.clip(hi, 1, n_tgt + 1)
        lo[0], hi[-1] = 0, n_tgt + 1
        return cls(lo, hi, n_tgt)

    @property
    def width(self) -> np.ndarray:
        """Nodes per row, shape ``(n_src+1,)``."""
        result: np.ndarray = self.hi - self.lo
        return result

    def cells(self) -> int:
        """Total nodes in the band."""
        return int(self.width.sum())

    def near_edge(self, i: int, j: int) -> bool:
        """True when node ``(i, j)`` is within :data:`EDGE_MARGIN` of an inner band edge."""
        low_edge = self.lo[i] > 0 and j - self.lo[i] < EDGE_MARGIN
        high_edge = self.hi[i] <= self.n_tgt and self.hi[i] - 1 - j < EDGE_MARGIN
        return bool(low_edge or high_edge)


@dataclass(frozen=True)
class SearchResult:
    """The best path: beads in order, the cost of each, their total, and the nodes visited."""

    beads: list[Bead]
    costs: list[float]
    total: float
    nodes: list[tuple[int, int]]
    touches_edge: bool


def search(cost: CostFunction, shapes: Sequence[BeadType], n_src: int, n_tgt: int,
           band: Band) -> SearchResult:
    """Least-cost bead path through ``band`` using ``shapes``.

    ``shapes`` must contain 1-0 and 0-1 so that every band has a path; the band must hold
    ``(0, 0)`` and ``(n_src, n_tgt)`` and be connected by those shapes (the constructors of
    :class:`Band` ensure it for paths inside the band).
    """
    with ThreadPoolExecutor(max_workers=COST_THREADS) as pool:  # numpy releases the GIL
        tables = list(pool.map(lambda shape: _cost_table(cost, shape, band), shapes))
    best, back = _forward(shapes, tables, band)
    if not np.isfinite(best[n_src][n_tgt - band.lo[n_src]]):
        raise ValueError("no bead path through the band")  # a programming error, not user input
    return _backtrack(shapes, tables, band, best, back, n_src, n_tgt)


def _cost_table(cost: CostFunction, shape: BeadType, band: Band) -> list[np.ndarray]:
    """Per row ``i``, the cost of a ``shape`` bead ending at each band node (inf if none)."""
    width = band.width
    rows = np.repeat(np.arange(len(width)), width)
    cols = np.arange(len(rows)) - np.repeat(np.cumsum(width) - width, width)
    j = band.lo[rows] + cols
    valid = (rows >= shape.n_src) & (j >= shape.n_tgt)
    if shape.n_src > 0:
        prev = np.maximum(rows - shape.n_src, 0)
        valid &= (j - shape.n_tgt >= band.lo[prev]) & (j - shape.n_tgt < band.hi[prev])
    flat = np.full(len(rows), np.inf, dtype=np.float64)
    index = np.flatnonzero(valid)
    for start in range(0, len(index), _CHUNK):
        part = index[start:start + _CHUNK]
        flat[part] = cost(shape, rows[part], j[part])
    return np.split(flat, np.cumsum(width)[:-1])


def _forward(shapes: Sequence[BeadType], tables: list[list[np.ndarray]],
             band: Band) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Best cost to reach each node and the index of the shape of its last bead (-1 at start)."""
    best: list[np.ndarray] = []
    back: list[np.ndarray] = []
    horizontal = [k for k, shape in enumerate(shapes) if shape.n_src == 0]
    for i, (lo, width) in enumerate(zip(band.lo, band.width, strict=True)):
        row = np.full(width, np.inf)
        pointer = np.full(width, -1, dtype=np.int8)
        if i == 0:
            row[0] = 0.0
        for k, shape in enumerate(shapes):
            if shape.n_src == 0 or i < shape.n_src:
                continue
            source = best[i - shape.n_src]
            prev = lo + np.arange(width) - shape.n_tgt - band.lo[i - shape.n_src]
            ok = (prev >= 0) & (prev < len(source))
            candidate = np.where(ok, source[np.clip(prev, 0, len(source) - 1)], np.inf) + tables[k][i]
            better = candidate < row
            row[better], pointer[better] = candidate[better], k
        for k in horizontal:
            _relax_horizontal(row, pointer, tables[k][i], k)
        best.append(row)
        back.append(pointer)
    return best, back


def _relax_horizontal(row: np.ndarray, pointer: np.ndarray, step: np.ndarray, k: int) -> None:
    """Apply 0-1 beads within a row in place: ``row[c] = min(row[c], row[c-1] + step[c])``.

    Solved as ``row[c] = P[c] + min_{m ≤ c}(row[m] − P[m])`` with ``P`` the running sum of
    ``step`` (``step[0]`` ignored).
    """
    if len(row) < 2:
        return
    running = np.concatenate([[0.0], np.cumsum(step[1:])])
    offset = row - running
    carried = np.minimum.accumulate(offset)
    moved = carried < offset
    row[moved] = (running + carried)[moved]
    pointer[moved] = k


def _backtrack(shapes: Sequence[BeadType], tables: list[list[np.ndarray]], band: Band,
               best: list[np.ndarray], back: list[np.ndarray], n_src: int, n_tgt: int) -> SearchResult:
    beads: list[Bead] = []
    costs: list[float] = []
    nodes = [(n_src, n_tgt)]
    i, j = n_src, n_tgt
    while (i, j) != (0, 0):
        k = int(back[i][j - band.lo[i]])
        shape = shapes[k]
        costs.append(float(tables[k][i][j - band.lo[i]]))
        beads.append((tuple(range(i - shape.n_src, i)), tuple(range(j - shape.n_tgt, j))))
        i, j = i - shape.n_src, j - shape.n_tgt
        nodes.append((i, j))
    beads.reverse()
    costs.reverse()
    nodes.reverse()
    total = float(best[n_src][n_tgt - band.lo[n_src]])
    touches = any(band.near_edge(i, j) for i, j in nodes)
    return SearchResult(beads, costs, total, nodes, touches)
