"""Scores of hypotheses, kept apart from the search that uses them.

A hypothesis score is the sum of natural-log token probabilities of its generated tokens
(``</s>`` included). Finished hypotheses are compared by the length-normalised score
``score / length ** length_penalty`` (the transformers / Marian convention: ``length_penalty``
1.0 averages per token, 0.0 compares raw sums).
"""

from __future__ import annotations

from typing import Any

NEG_INF = float("-inf")


def token_log_probs(logits: Any) -> Any:
    """Log-probabilities over the vocabulary, float32.

    Args:
        logits: ``(N, V)`` next-token logits for ``N`` hypotheses (any float dtype).

    Returns:
        ``(N, V)`` float32 log-softmax.
    """
    import torch

    return torch.log_softmax(logits.float(), dim=-1)


def normalized(score: float, length: int, length_penalty: float) -> float:
    """Length-normalised score of a hypothesis of ``length`` tokens (``length`` ≥ 1)."""
    return float(score / max(length, 1) ** length_penalty)


def alive_bound(best_alive: Any, length: int, length_penalty: float) -> Any:
    """The best normalised score an alive hypothesis is still expected to reach.

    transformers' heuristic (``early_stopping=False``): the best running score normalised by
    the current length. Works elementwise on a ``(A,)`` tensor of best running scores.
    """
    return best_alive / max(length, 1) ** length_penalty
