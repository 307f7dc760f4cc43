"""Choosing the next beam from the scored candidates: plain top-k and banked (DBA) selection.

Shapes: ``A`` active sentences, ``k`` beam size, ``N = A * k`` hypothesis rows (row ``a * k + j``
is beam ``j`` of sentence ``a``), ``V`` vocabulary size, ``M`` candidates. All selection is
tensor work over the whole batch; nothing here loops over sentences.

Dynamic beam allocation (Post & Vilar, 2018) in its vectorised round-robin form: candidates are
the top ``2k`` of each sentence, the best token of each hypothesis, and every token that begins
or continues an unmet constraint. Each candidate falls in a *bank*, ``2 * met + advancing``
(constraints met after the token; +1 if the token advances an unmet constraint). The beam is
filled by taking the best candidate of every non-empty bank, highest bank first, then the
second best of every bank, and so on: equal shares for all banks, and the places of an empty or
exhausted bank go to the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NEG_INF = float("-inf")


@dataclass
class Selection:
    """The next beam and the hypotheses that end now.

    Attributes:
        rows: ``(N,)`` long — source hypothesis row of each new beam entry (sentence-major).
        tokens: ``(N,)`` long — the token appended.
        scores: ``(A, k)`` float — running score of each new entry (``-inf`` for fillers).
        eos_rows: ``(E,)`` long — rows whose ``</s>`` candidate finishes a hypothesis now.
        eos_scores: ``(E,)`` float — the finished hypotheses' scores (``</s>`` included).
    """

    rows: Any
    tokens: Any
    scores: Any
    eos_rows: Any
    eos_scores: Any


def _group_starts(sorted_groups: Any) -> Any:
    """For a sorted ``(M,)`` tensor of group ids: each element's index of its group's first element."""
    import torch

    return torch.searchsorted(sorted_groups, sorted_groups)


def select_plain(total: Any, beam: int, eos_id: int) -> Selection:
    """Standard beam search step: top ``2k`` per sentence, first ``k`` non-``</s>`` continue.

    Args:
        total: ``(N, V)`` running score plus next-token log-prob of every continuation.
    """
    import torch

    n_rows, vocab = total.shape
    n_sent = n_rows // beam
    top_scores, top_idx = total.view(n_sent, beam * vocab).topk(2 * beam, dim=1)
    rows = top_idx // vocab + torch.arange(n_sent, device=total.device)[:, None] * beam
    tokens = top_idx % vocab
    is_eos = tokens == eos_id
    rank = torch.arange(2 * beam, device=total.device)[None, :]
    finished = is_eos & (rank < beam) & (top_scores > NEG_INF)
    keep = ~is_eos & (torch.cumsum((~is_eos).long(), 1) <= beam)
    return Selection(
        rows=rows[keep], tokens=tokens[keep], scores=top_scores[keep].view(n_sent, beam),
        eos_rows=rows[finished], eos_scores=top_scores[finished],
    )


def candidates(
    total: Any, beam: int, adv_rows: Any, adv_tokens: Any, adv_depth: Any
) -> tuple[Any, Any, Any, Any]:
    """The DBA candidate set, deduplicated, ``-inf`` dropped.

    Args:
        adv_rows, adv_tokens, adv_depth: ``(R,)`` tokens that advance an unmet constraint of a
            row, and the form depth they reach.

    Returns:
        ``rows``, ``tokens``, ``scores`` and ``depth`` (each ``(M,)``; ``depth`` 0 where the
        token advances no constraint).
    """
    import torch

    n_rows, vocab = total.shape
    n_sent = n_rows // beam
    _, top_idx = total.view(n_sent, beam * vocab).topk(2 * beam, dim=1)
    top_rows = top_idx // vocab + torch.arange(n_sent, device=total.device)[:, None] * beam
    best = total.argmax(dim=1)
    all_rows = torch.arange(n_rows, device=total.device)
    adv_keys = adv_rows * vocab + adv_tokens
    keys = torch.cat([(top_rows * vocab + top_idx % vocab).flatten(), all_rows * vocab + best, adv_keys])
    keys = torch.unique(keys)
    depth = torch.zeros_like(keys)
    depth.scatter_reduce_(0, torch.searchsorted(keys, adv_keys), adv_depth, reduce="amax")
    rows, tokens = keys // vocab, keys % vocab
    scores = total[rows, tokens]
    live = scores > NEG_INF
    return rows[live], tokens[live], scores[live], depth[live]


def round_robin_order(sentences: Any, banks: Any, scores: Any) -> Any:
    """Candidate indices in allocation order: by sentence, then round by round over the banks.

    Round ``r`` holds the ``r``-th best candidate of every non-empty bank, highest bank first.

    Args:
        sentences, banks, scores: ``(M,)`` sentence index, bank and score of each candidate.

    Returns:
        ``(M,)`` long permutation.
    """
    import torch

    n_banks = int(banks.max().item()) + 1 if banks.numel() else 1
    order = torch.argsort(scores, descending=True, stable=True)
    group = sentences * n_banks + (n_banks - 1 - banks)
    order = order[torch.argsort(group[order], stable=True)]
    rank = torch.arange(order.numel(), device=scores.device) - _group_starts(group[order])
    rounds = (sentences[order] * (order.numel() + 1) + rank) * n_banks + (n_banks - 1 - banks[order])
    return order[torch.argsort(rounds)]


def select_banked(
    total: Any, beam: int, eos_id: int, pad_id: int, banks: Any, rows: Any, tokens: Any, scores: Any
) -> Selection:
    """Dynamic-beam-allocation step over precomputed candidates.

    ``</s>`` candidates among the first ``k`` of their sentence's allocation order finish; the
    first ``k`` other candidates form the next beam.

    Args:
        total: ``(N, V)`` scores (only its shape and device are used).
        banks: ``(M,)`` long bank of each candidate (higher = more constraint progress).
        rows, tokens, scores: ``(M,)`` candidates from :func:`candidates`.
    """
    import torch

    n_sent = total.shape[0] // beam
    order = round_robin_order(rows // beam, banks, scores)
    starts = _group_starts(rows[order] // beam)
    position = torch.arange(order.numel(), device=total.device) - starts
    is_eos = tokens[order] == eos_id
    not_eos = (~is_eos).long()
    taken = torch.cumsum(not_eos, 0) - not_eos
    chosen = order[~is_eos & (taken - taken[starts] < beam)]
    finished = order[is_eos & (position < beam)]
    chosen_rows, chosen_tokens, chosen_scores = rows[chosen], tokens[chosen], scores[chosen]
    counts = torch.bincount(chosen_rows // beam, minlength=n_sent)
    if bool((counts < beam).any()):
        chosen_rows, chosen_tokens, chosen_scores = _fill(chosen_rows, chosen_tokens, chosen_scores,
                                                          counts, beam, pad_id)
    return Selection(
        rows=chosen_rows, tokens=chosen_tokens, scores=chosen_scores.view(n_sent, beam),
        eos_rows=rows[finished], eos_scores=scores[finished],
    )


def _fill(
    rows: Any, tokens: Any, scores: Any, counts: Any, beam: int, filler_token: int
) -> tuple[Any, Any, Any]:
    """Pad sentences with fewer than ``k`` candidates by dead (``-inf``) copies of their first row."""
    import torch

    missing = beam - counts
    sents = torch.repeat_interleave(torch.arange(counts.numel(), device=rows.device), missing)
    rows = torch.cat([rows, sents * beam])
    tokens = torch.cat([tokens, torch.full_like(sents, filler_token)])
    scores = torch.cat([scores, torch.full(sents.shape, NEG_INF, device=rows.device, dtype=scores.dtype)])
    order = torch.argsort(rows // beam, stable=True)
    return rows[order], tokens[order], scores[order]
