"""The banded DP finds the least-cost bead path: checked against brute-force enumeration."""

from __future__ import annotations

import functools
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transalign.align.beads import BEAD_TYPES, COARSE_BEAD_TYPES, BeadType
from transalign.align.search import Band, search


def random_costs(seed: int) -> object:
    """A cost function with an independent random cost per (shape, i, j), some negative."""
    rng = random.Random(seed)
    table: dict[tuple[str, int, int], float] = {}

    def cost(shape: BeadType, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        values = []
        for a, b in zip(i.tolist(), j.tolist(), strict=True):
            key = (shape.name, a, b)
            if key not in table:
                table[key] = rng.uniform(-2.0, 6.0)
            values.append(table[key])
        return np.asarray(values, dtype=np.float64)

    return cost


def brute_force(cost: object, shapes: tuple[BeadType, ...], n_src: int, n_tgt: int) -> float:
    """Minimum over every bead sequence from (0, 0) to (n_src, n_tgt), by plain recursion."""

    @functools.cache
    def best_from(i: int, j: int) -> float:
        if (i, j) == (n_src, n_tgt):
            return 0.0
        options = []
        for shape in shapes:
            ni, nj = i + shape.n_src, j + shape.n_tgt
            if ni <= n_src and nj <= n_tgt:
                step = cost(shape, np.array([ni]), np.array([nj]))[0]  # type: ignore[operator]
                options.append(step + best_from(ni, nj))
        return min(options)

    return best_from(0, 0)


def enumerate_paths(shapes: tuple[BeadType, ...], n_src: int, n_tgt: int) -> list[list[BeadType]]:
    """Every bead sequence (for counting: the DP must beat or tie each one)."""
    if (n_src, n_tgt) == (0, 0):
        return [[]]
    paths = []
    for shape in shapes:
        if shape.n_src <= n_src and shape.n_tgt <= n_tgt:
            for rest in enumerate_paths(shapes, n_src - shape.n_src, n_tgt - shape.n_tgt):
                paths.append([*rest, shape])
    return paths


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("shapes", [BEAD_TYPES, COARSE_BEAD_TYPES], ids=["all-shapes", "coarse"])
def test_full_band_matches_exhaustive_enumeration(seed: int, shapes: tuple[BeadType, ...]) -> None:
    rng = random.Random(seed)
    n_src, n_tgt = rng.randint(0, 4), rng.randint(0, 4)
    if n_src + n_tgt == 0:
        n_src = 1
    cost = random_costs(seed)
    result = search(cost, shapes, n_src, n_tgt, Band.full(n_src, n_tgt))  # type: ignore[arg-type]
    totals = []
    for path in enumerate_paths(shapes, n_src, n_tgt):
        i = j = 0
        total = 0.0
        for shape in path:
            i, j = i + shape.n_src, j + shape.n_tgt
            total += cost(shape, np.array([i]), np.array([j]))[0]  # type: ignore[operator]
        totals.append(total)
    assert result.total == pytest.approx(min(totals)), "the DP must find the cheapest sequence"
    assert result.total == pytest.approx(brute_force(cost, shapes, n_src, n_tgt))
    assert sum(result.costs) == pytest.approx(result.total), "bead costs add up to the total"


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.integers(0, 10_000))
def test_beads_cover_every_sentence_once_in_order(n_src: int, n_tgt: int, seed: int) -> None:
    result = search(random_costs(seed), BEAD_TYPES, n_src, n_tgt, Band.full(n_src, n_tgt))  # type: ignore[arg-type]
    src = [index for bead in result.beads for index in bead[0]]
    tgt = [index for bead in result.beads for index in bead[1]]
    assert src == list(range(n_src)) and tgt == list(range(n_tgt))
    assert all(bead[0] or bead[1] for bead in result.beads)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 12), st.integers(2, 12), st.integers(0, 10_000), st.integers(1, 3))
def test_band_never_beats_full_search_and_wide_band_equals_it(n_src: int, n_tgt: int, seed: int,
                                                              half: int) -> None:
    cost = random_costs(seed)
    full = search(cost, BEAD_TYPES, n_src, n_tgt, Band.full(n_src, n_tgt))  # type: ignore[arg-type]
    banded = search(cost, BEAD_TYPES, n_src, n_tgt, Band.diagonal(n_src, n_tgt, half))  # type: ignore[arg-type]
    wide = search(cost, BEAD_TYPES, n_src, n_tgt, Band.diagonal(n_src, n_tgt, 20))  # type: ignore[arg-type]
    assert banded.total >= full.total - 1e-9, "a band only removes paths"
    assert wide.total == pytest.approx(full.total), "a band wider than the matrix is the full search"


def test_band_around_path_contains_the_path() -> None:
    path = [(0, 0), (1, 1), (3, 2), (4, 4), (5, 4)]
    band = Band.around(path, 5, 4, 1)
    for i, j in path:
        assert band.lo[i] <= j < band.hi[i]
    assert band.lo[2] <= 1 < band.hi[2], "a row jumped over by a 2-1 bead keeps its neighbour's range"


def test_edge_detection_ignores_matrix_borders() -> None:
    band = Band.diagonal(10, 10, 2)
    assert not band.near_edge(0, 0), "the corner is the matrix edge, not a band edge"
    assert band.near_edge(5, 3), "two below the diagonal at half-width 2 is on the band edge"
