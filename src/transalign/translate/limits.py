"""Per-sentence output length limits inside one batched beam search.

``generate`` has one ``max_length`` per call, so in a batch every sentence would get the limit of
the longest one and outputs would depend on how sentences were batched. This logits processor
forces ``</s>`` for each row once it has generated its own sentence's limit, so the result for a
sentence is the same whatever batch it is in. Reusable by any search over the Marian model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def force_end_at_limits(limits: Sequence[int], rows_per_sentence: int, eos_token_id: int) -> Any:
    """A ``LogitsProcessor`` that allows only ``</s>`` once row ``r`` has ``limits[r // rows_per_sentence]``
    generated tokens (the decoder start token not counted).

    Args:
        limits: output limit in tokens per sentence of the batch, in batch order.
        rows_per_sentence: beams per sentence (rows of ``input_ids`` are sentence-major).
        eos_token_id: the ``</s>`` id.
    """
    import torch
    from transformers import LogitsProcessor

    per_row = torch.tensor([limit for limit in limits for _ in range(rows_per_sentence)])

    class ForceEndAtLimits(LogitsProcessor):  # type: ignore[misc]
        def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
            generated = input_ids.shape[1] - 1
            done = per_row.to(scores.device) <= generated
            if bool(done.any()):
                eos_scores = scores[:, eos_token_id].clone()
                scores[done] = float("-inf")
                scores[done, eos_token_id] = torch.where(
                    torch.isfinite(eos_scores[done]), eos_scores[done], torch.zeros_like(eos_scores[done]))
            return scores

    return ForceEndAtLimits()
