"""Length-sorted batches under a token budget, and restoring the input order.

Sorting by length keeps padding small; the budget bounds the padded size of each batch
(``sentences in batch × longest sentence``), so memory use is predictable whatever the mix.
The longest batches come first: an out-of-memory error shows up at once, not after an hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def plan_batches(lengths: Sequence[int], token_budget: int, max_batch: int | None = None) -> list[list[int]]:
    """Group sentence indices into batches.

    Args:
        lengths: token count of each sentence (index = position in the input, 0-based).
        token_budget: upper bound on ``len(batch) * max(lengths in batch)``; a single sentence
            longer than the budget gets a batch of its own.
        max_batch: optional cap on sentences per batch.

    Returns:
        Batches of indices, longest sentences first; every index appears exactly once.
    """
    order = sorted(range(len(lengths)), key=lambda index: (-lengths[index], index))
    batches: list[list[int]] = []
    for index in order:
        current = batches[-1] if batches else None
        # sorted descending, so the batch's first sentence is its longest
        fits = current is not None and (len(current) + 1) * max(lengths[current[0]], 1) <= token_budget
        if current is not None and fits and (max_batch is None or len(current) < max_batch):
            current.append(index)
        else:
            batches.append([index])
    return batches


def restore_order(batches: Sequence[Sequence[int]], results: Sequence[Sequence[T]]) -> list[T]:
    """Put per-batch results back into input order (``results[b][k]`` belongs to ``batches[b][k]``)."""
    total = sum(len(batch) for batch in batches)
    ordered: list[T | None] = [None] * total
    for batch, batch_results in zip(batches, results, strict=True):
        for index, result in zip(batch, batch_results, strict=True):
            ordered[index] = result
    if any(item is None for item in ordered):
        raise ValueError("batches do not cover every input index exactly once")
    return [item for item in ordered if item is not None]
