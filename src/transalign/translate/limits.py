"""Per-sentence output length limits inside one batched beam search.

``generate`` has one ``max_length`` per call, so in a batch every sentence would get the limit of
the longest one and outputs would depend on how sentences were batched. This logits processor
forces ``</s>`` for each row once it has generated its own sentence's limit, so the result for a
sentence is the same whatever batch it is in. Reusable by any search over the Marian model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def force_end_at_limits(limits: Sequence[int], rows_per_sentence: int, eos_token_id: int, *,
                        min_new_tokens: int = 0, banned: Sequence[int] = ()) -> Any:
    """A ``LogitsProcessor`` that allows only ``</s>`` once row ``r`` has ``limits[r // rows_per_sentence]``
    generated tokens (the decoder start token not counted).

    It also does, in place and without copying the score matrix, what ``generate`` would do with
    ``bad_words_ids`` (single tokens) and ``min_new_tokens`` at a copy of the whole
    ``(rows, vocabulary)`` matrix per step each, without a device sync. The forced ``</s>`` adds
    nothing to a hypothesis's score (as ``forced_eos_token_id`` and CTranslate2's cut), so the
    beams cut at a limit compete on what they said.

    Args:
        limits: output limit in tokens per sentence of the batch, in batch order.
        rows_per_sentence: beams per sentence (rows of ``input_ids`` are sentence-major).
        eos_token_id: the ``</s>`` id.
        min_new_tokens: ``</s>`` is banned before this many tokens.
        banned: token ids never generated (Marian's ``<pad>``).
    """
    import torch
    from transformers import LogitsProcessor

    per_row = torch.tensor([limit for limit in limits for _ in range(rows_per_sentence)])
    first_limit = min(limits)
    banned_ids = list(banned)

    class ForceEndAtLimits(LogitsProcessor):  # type: ignore[misc]
        def __init__(self) -> None:
            self.limits = per_row

        def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
            generated = input_ids.shape[1] - 1
            if banned_ids:
                scores[:, banned_ids] = float("-inf")
            if generated < min_new_tokens:
                scores[:, eos_token_id] = float("-inf")
            if generated < first_limit:
                return scores
            if self.limits.device != scores.device:
                self.limits = self.limits.to(scores.device)
            done = self.limits <= generated
            eos_column = scores[:, eos_token_id].masked_fill(done, 0.0)  # a forced end costs nothing
            scores.masked_fill_(done[:, None], float("-inf"))
            scores[:, eos_token_id] = eos_column
            return scores

    return ForceEndAtLimits()
