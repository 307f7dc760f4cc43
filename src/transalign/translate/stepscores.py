"""Sequence scores of a beam search without keeping every step's full score matrix.

``generate(output_scores=True)`` keeps a copy of the ``(rows, vocabulary)`` log-probabilities of
every step: 60 MB a step for a CPU batch of 58 sentences × 4 beams with OPUS-MT's 62,518 pieces,
gigabytes per batch, tens of gigabytes for a GPU batch. A beam keeps a continuation only if it is
among the ``2 × beams`` best of its row, so this logits processor keeps just those per row and
step, and the score of each returned sequence is put together afterwards from ``beam_indices``
(the row each token came from), which ``generate`` returns anyway.
"""

from __future__ import annotations

from typing import Any


def step_recorder(keep: int) -> Any:
    """A ``LogitsProcessor`` (put it last) keeping the ``keep`` best log-probs of each row and step."""
    import torch
    from transformers import LogitsProcessor

    class StepRecorder(LogitsProcessor):  # type: ignore[misc]
        """Top-``keep`` (log-prob, token) pairs per row, one ``(rows, keep)`` pair per step."""

        def __init__(self) -> None:
            self.values: list[torch.Tensor] = []
            self.tokens: list[torch.Tensor] = []

        def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
            values, tokens = scores.topk(min(keep, scores.shape[-1]), dim=-1)
            self.values.append(values.float())
            self.tokens.append(tokens)
            return scores

    return StepRecorder()


def sequence_scores(recorder: Any, sequences: Any, beam_indices: Any | None, length_penalty: float,
                    eos_token_id: int) -> list[float]:
    """Length-normalised log-probability of each returned sequence (``sum / length ** penalty``).

    Args:
        recorder: the :func:`step_recorder` that saw the search.
        sequences: ``(S, 1 + T)`` returned ids, decoder start token first.
        beam_indices: ``(S, T')`` row of the step's batch each token came from, ``-1`` past the
            end (beam search); None for greedy search, where sequence ``s`` is row ``s``.
        length_penalty: exponent of the length normalisation.
        eos_token_id: ``</s>``; greedy sequences count up to and including it.
    """
    import torch

    if not recorder.values:
        return [0.0] * int(sequences.shape[0])
    values, tokens = torch.stack(recorder.values), torch.stack(recorder.tokens)  # (steps, rows, keep)
    generated = sequences[:, 1:]
    rows = _rows(beam_indices, generated, eos_token_id)[:, : values.shape[0]]
    steps = torch.arange(rows.shape[1], device=rows.device)[None, :]
    valid = rows >= 0
    picked = rows.clamp(min=0).long()
    hit = tokens[steps, picked] == generated[:, : rows.shape[1], None]
    step_scores = values[steps, picked].masked_fill(~hit, 0.0).sum(dim=-1)
    total = (step_scores * valid).sum(dim=1)
    length = valid.sum(dim=1).clamp(min=1).to(total.dtype)
    return [float(score) for score in (total / length**length_penalty).tolist()]


def _rows(beam_indices: Any | None, generated: Any, eos_token_id: int) -> Any:
    """``(S, T)`` source row per generated token, ``-1`` past the end."""
    import torch

    if beam_indices is not None:
        return beam_indices
    count, length = generated.shape
    is_eos = (generated == eos_token_id).int()
    after_eos = (torch.cumsum(is_eos, dim=1) - is_eos) > 0
    rows = torch.arange(count, device=generated.device)[:, None].expand(count, length)
    return rows.masked_fill(after_eos, -1)
