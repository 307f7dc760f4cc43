"""Per-step constraint view of the beam: the Python bookkeeping gathered into tensors.

Each hypothesis row carries the id of its :class:`~transalign.constrained.state.HypothesisState`;
this module reads the precomputed :class:`~transalign.constrained.state.StateInfo` of every row
(one list lookup per row) and turns the lot into a few index tensors, so that masking and bank
assignment are single tensor operations over the ``(N, V)`` scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from transalign.constrained.state import ConstraintAutomaton, StateInfo

NEG_INF = float("-inf")


@dataclass
class ConstraintView:
    """Index tensors over the ``N`` rows of the beam (``N = A * k``).

    Attributes:
        met: ``(N,)`` long — constraints met per row.
        pending: ``(N,)`` long — constraints complete but waiting for a word boundary.
        eos_blocked: ``(R1,)`` rows where ``</s>`` would leave a constraint unmet.
        banned_rows, banned_tokens: ``(R2,)`` pairs that would complete a forbidden sequence.
        hold_rows: ``(R3,)`` rows where a completed form must end its word here.
        block_rows: ``(R4,)`` rows where the current word must not end (forbidden otherwise).
        exempt_rows, exempt_tokens: ``(R5,)`` pairs exempt from hold and block (they continue
            a form in progress).
        adv_rows, adv_tokens: ``(R6,)`` pairs that begin or continue an unmet constraint.
        adv_depth: ``(R6,)`` long — form tokens written after that pair's token.
        width: banks per met constraint (longest form + 1, over the batch).
    """

    met: Any
    pending: Any
    eos_blocked: Any
    banned_rows: Any
    banned_tokens: Any
    hold_rows: Any
    block_rows: Any
    exempt_rows: Any
    exempt_tokens: Any
    adv_rows: Any
    adv_tokens: Any
    adv_depth: Any
    width: int


_ROW_LISTS = ("eos_blocked", "banned_rows", "banned_tokens", "hold_rows", "block_rows", "exempt_rows",
              "exempt_tokens", "adv_rows", "adv_tokens", "adv_depth")
"""The :class:`ConstraintView` fields gathered row by row."""


def constraint_view(automata: Sequence[ConstraintAutomaton | None], state_ids: Sequence[int],
                    beam: int, device: Any) -> ConstraintView:
    """Gather the state infos of all rows (sentence ``a`` owns rows ``a*k … a*k+k-1``)."""
    import torch

    met: list[int] = []
    pending: list[int] = []
    lists: dict[str, list[int]] = {name: [] for name in _ROW_LISTS}
    for row, state_id in enumerate(state_ids):
        automaton = automata[row // beam]
        info = automaton.infos[state_id] if automaton is not None else None
        met.append(info.met if info is not None else 0)
        pending.append(info.pending if info is not None else 0)
        if info is not None:
            _gather_row(row, info, lists)

    def tensor(values: list[int]) -> Any:
        return torch.tensor(values, dtype=torch.long, device=device)

    width = max((a.bank_width for a in automata if a is not None), default=1)
    return ConstraintView(met=tensor(met), pending=tensor(pending), width=width,
                          **{name: tensor(values) for name, values in lists.items()})


def _gather_row(row: int, info: StateInfo, lists: dict[str, list[int]]) -> None:
    """Append what row ``row`` (in state ``info``) blocks, bans, exempts and advances."""
    if not info.eos_ok:
        lists["eos_blocked"].append(row)
    if info.banned:
        lists["banned_rows"].extend([row] * len(info.banned))
        lists["banned_tokens"].extend(info.banned)
    if info.hold_word:
        lists["hold_rows"].append(row)
    if info.block_word_end:
        lists["block_rows"].append(row)
    if (info.hold_word or info.block_word_end) and info.exempt:
        lists["exempt_rows"].extend([row] * len(info.exempt))
        lists["exempt_tokens"].extend(info.exempt)
    if info.advancing:
        lists["adv_rows"].extend([row] * len(info.advancing))
        lists["adv_tokens"].extend(info.advancing)
        lists["adv_depth"].extend(info.advancing_depth)


def apply_constraint_masks(logp: Any, view: ConstraintView, word_start: Any, eos_id: int,
                           eos_free_rows: Any | None = None) -> None:
    """Mask, in place, what constraints forbid in ``logp`` (``(N, V)`` log-probs).

    Args:
        word_start: ``(V,)`` bool — the token starts a new word (or is special).
        eos_free_rows: ``(N,)`` bool — rows at their length limit, where ``</s>`` stays allowed.
    """
    saved = logp[view.exempt_rows, view.exempt_tokens]
    if view.hold_rows.numel():
        logp[view.hold_rows] = logp[view.hold_rows].masked_fill(~word_start, NEG_INF)
    if view.block_rows.numel():
        logp[view.block_rows] = logp[view.block_rows].masked_fill(word_start, NEG_INF)
    logp[view.exempt_rows, view.exempt_tokens] = saved
    if view.banned_rows.numel():
        logp[view.banned_rows, view.banned_tokens] = NEG_INF
    rows = view.eos_blocked
    if eos_free_rows is not None and rows.numel():
        rows = rows[~eos_free_rows[rows]]
    if rows.numel():
        logp[rows, eos_id] = NEG_INF


def banks(view: ConstraintView, rows: Any, tokens: Any, depth: Any, word_start: Any) -> Any:
    """Bank of each candidate, ``(M,)`` long: constraint progress in form tokens.

    ``width * (constraints met after the token) + depth`` where ``depth`` is how far the token
    takes an unmet constraint's form (0 if it advances none), as Post & Vilar count met tokens.
    """
    met_after = view.met[rows] + view.pending[rows] * word_start[tokens].long()
    return view.width * met_after + depth
