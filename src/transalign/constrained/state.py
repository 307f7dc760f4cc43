"""Per-hypothesis constraint state: which constraints are met, which are in progress.

Each sentence has one :class:`ConstraintAutomaton` built from its constraints (one
:class:`~transalign.constrained.trie.TokenTrie` per disjunctive constraint) and a trie of
forbidden sequences. A hypothesis carries only a small integer: the id of its interned
:class:`HypothesisState`. Transitions ``(state id, token) → state id`` are memoised, so the
bookkeeping per hypothesis and step is one dict lookup in the common case.

Word boundaries. A constraint whose form has been written completely counts as *met* only
when the word ends there (the next token starts a new word, or is ``</s>``): ``СНГ`` must not be
the start of ``СНГшный``. While such a completed form waits for its boundary the hypothesis
*holds the word*: tokens that would glue onto it are masked, unless they continue a longer form.
A forbidden sequence is banned by masking its last token when its prefix is in progress; if
the forbidden sequence is also the beginning of an admitted one (``Донбас`` in ``Донбасс``) the
word end is masked instead, so the admitted form stays reachable.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from transalign.constrained.trie import GLUED_ROOT, WORD_ROOT, TokenTrie
from transalign.constrained.vocab import TargetVocab

MET = None
"""Progress value of a constraint that is met."""

Progress = frozenset[int] | None
"""Per constraint: ``None`` when met, else the trie nodes in progress (possibly empty)."""


@dataclass(frozen=True, slots=True)
class HypothesisState:
    """Immutable state of one hypothesis. Hashable; interned by the automaton."""

    progress: tuple[Progress, ...]
    forbidden: frozenset[int]
    after_word_end: bool


@dataclass(slots=True)
class StateInfo:
    """What the search needs to know about one state (computed once per state).

    Attributes:
        met: number of constraints met.
        pending: unmet constraints whose form is complete and only waits for a word boundary.
        eos_ok: ``</s>`` would leave every constraint met (and no forbidden word open).
        advancing: token ids that begin or continue an unmet constraint (sorted).
        advancing_depth: per advancing token, the deepest trie depth it reaches (tokens of a
            form written so far, ≥ 1).
        banned: token ids that would complete a forbidden sequence.
        hold_word: mask tokens that glue onto the current word, except ``exempt``.
        block_word_end: mask word-starting tokens and ``</s>`` (a forbidden word would end),
            except ``exempt``.
        exempt: token ids that continue a form in progress (a longer form of a pending
            constraint, or an admitted form that begins like the forbidden word).
    """

    met: int
    pending: int
    eos_ok: bool
    advancing: list[int]
    advancing_depth: list[int]
    banned: list[int]
    hold_word: bool
    block_word_end: bool
    exempt: list[int]


class ConstraintAutomaton:
    """The constraint state machine of one sentence.

    Args:
        constraints: one trie per disjunctive constraint (all its admissible token sequences).
        forbidden: trie of forbidden token sequences (may be empty).
        vocab: the target vocabulary (word-boundary flags per token id).
    """

    def __init__(self, constraints: Sequence[TokenTrie], forbidden: TokenTrie, vocab: TargetVocab) -> None:
        self.constraints = list(constraints)
        self.forbidden = forbidden
        self.vocab = vocab
        self._final_ban, self._boundary_ban = _classify_forbidden(forbidden, self.constraints)
        self.states: list[HypothesisState] = []
        self.infos: list[StateInfo] = []
        self._ids: dict[HypothesisState, int] = {}
        self._transitions: dict[tuple[int, int], int] = {}
        start = HypothesisState(tuple(frozenset() for _ in self.constraints), frozenset(), True)
        self.initial = self._intern(start)

    @functools.cached_property
    def bank_width(self) -> int:
        """Banks per met constraint: longest form in tokens + 1 (see :mod:`.select`; read at
        every search step, computed once)."""
        return max((trie.max_depth for trie in self.constraints), default=0) + 1

    @property
    def trivial(self) -> bool:
        """True if there is nothing to enforce (no constraint, nothing forbidden)."""
        return not self.constraints and self.forbidden.is_empty()

    def _intern(self, state: HypothesisState) -> int:
        found = self._ids.get(state)
        if found is None:
            found = len(self.states)
            self._ids[state] = found
            self.states.append(state)
            self.infos.append(self._describe(state))
        return found

    def step(self, state_id: int, token: int) -> int:
        """The state after appending ``token`` to a hypothesis in state ``state_id``."""
        key = (state_id, token)
        found = self._transitions.get(key)
        if found is None:
            found = self._intern(self._advance(self.states[state_id], token))
            self._transitions[key] = found
        return found

    def unmet(self, state_id: int) -> tuple[int, ...]:
        """Indices of the constraints not met in a state that ends here (end of text)."""
        progress = self.states[state_id].progress
        return tuple(i for i, (trie, nodes) in enumerate(zip(self.constraints, progress, strict=True))
                     if nodes is not MET and not any(trie.terminal[n] for n in nodes))

    def _starts_word(self, token: int) -> bool:
        return self.vocab.word_start[token] if token < self.vocab.size else True

    def _advance(self, state: HypothesisState, token: int) -> HypothesisState:
        boundary = self._starts_word(token)
        progress = tuple(
            self._advance_one(trie, nodes, token, boundary, state.after_word_end)
            for trie, nodes in zip(self.constraints, state.progress, strict=True)
        )
        forbidden = self.forbidden.step(state.forbidden, token, state.after_word_end)
        after_end = self.vocab.word_end[token] if token < self.vocab.size else True
        return HypothesisState(progress, forbidden, after_end)

    @staticmethod
    def _advance_one(
        trie: TokenTrie, nodes: Progress, token: int, boundary: bool, after_end: bool
    ) -> Progress:
        if nodes is MET:
            return MET
        if boundary and any(trie.terminal[node] for node in nodes):
            return MET
        return trie.step(nodes, token, after_end)

    def _describe(self, state: HypothesisState) -> StateInfo:
        met = sum(nodes is MET for nodes in state.progress)
        open_ = [(trie, nodes) for trie, nodes in zip(self.constraints, state.progress, strict=True)
                 if nodes is not MET]
        pending = [(trie, nodes) for trie, nodes in open_ if any(trie.terminal[n] for n in nodes)]
        advancing: dict[int, int] = {}
        for trie, nodes in open_:
            is_pending = any(trie.terminal[n] for n in nodes)
            for token, depth in trie.next_tokens(nodes, state.after_word_end).items():
                if is_pending and self._starts_word(token):
                    continue  # completes this constraint (counted as met), not progress
                advancing[token] = max(advancing.get(token, 0), depth)
        tokens = sorted(advancing)
        exempt = {tok for trie, nodes in pending for n in nodes for tok in trie.children[n]}
        block = any(node in self._boundary_ban for node in state.forbidden)
        if block:
            exempt |= {tok for trie, nodes in open_ for n in nodes for tok in trie.children[n]}
        return StateInfo(
            met=met,
            pending=len(pending),
            eos_ok=met + len(pending) == len(self.constraints) and not block,
            advancing=tokens,
            advancing_depth=[advancing[token] for token in tokens],
            banned=self._banned_tokens(state),
            hold_word=bool(pending),
            block_word_end=block,
            exempt=sorted(exempt),
        )

    def _banned_tokens(self, state: HypothesisState) -> list[int]:
        nodes = [WORD_ROOT, *state.forbidden]
        if state.after_word_end:
            nodes.append(GLUED_ROOT)
        return sorted({token for node in nodes for token, child in self.forbidden.children[node].items()
                       if child in self._final_ban})


def _classify_forbidden(forbidden: TokenTrie, admitted: Sequence[TokenTrie]) -> tuple[set[int], set[int]]:
    """Split forbidden end nodes into those banned by their last token and by the word end.

    A forbidden sequence that is a proper prefix of an admitted sequence (of any constraint) is
    banned at the word end; any other by its last token. A sequence that is itself admitted is
    not banned at all (the admitted reading wins).
    """
    final_ban: set[int] = set()
    boundary_ban: set[int] = set()
    stack: list[tuple[int, tuple[int, ...]]] = [(WORD_ROOT, ()), (GLUED_ROOT, ())]
    while stack:
        node, path = stack.pop()
        stack.extend((child, (*path, token)) for token, child in forbidden.children[node].items())
        if not forbidden.terminal[node]:
            continue
        if any(trie.contains(path) for trie in admitted):
            continue
        if any(trie.contains_prefix(path) for trie in admitted):
            boundary_ban.add(node)
        else:
            final_ban.add(node)
    return final_ban, boundary_ban

