"""Constrained beam search on a tiny random MarianMTModel: known answers and brute force."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constrained_toy import EOS, PIECES, ids, sequence_log_probs, source_batch, toy_model, toy_vocab
from transalign.constrained.search import Hypothesis, SearchConfig, beam_search
from transalign.constrained.state import ConstraintAutomaton
from transalign.constrained.trie import build_trie
from transalign.constrained.vocab import TokenSequence

SOURCES = [[4, 5, 6], [7, 8], [11, 12, 13, 15], [20, 3, 9]]


def automaton(*constraints: list[tuple[int, ...]],
              forbidden: tuple[tuple[int, ...], ...] = ()) -> ConstraintAutomaton:
    """An automaton from word-start token sequences: one list of alternatives per constraint."""
    tries = [build_trie(TokenSequence(seq, True) for seq in alts) for alts in constraints]
    return ConstraintAutomaton(tries, build_trie(TokenSequence(s, True) for s in forbidden), toy_vocab())


def search(autos: list[ConstraintAutomaton | None], beam: int = 4, max_new: int = 12, seed: int = 0,
           sources: list[list[int]] | None = None, **kwargs: float) -> list[list[Hypothesis]]:
    input_ids, mask = source_batch(sources or SOURCES[: len(autos)])
    config = SearchConfig(beam_size=beam, max_new_tokens=max_new, n_best=beam, **kwargs)  # type: ignore[arg-type]
    return beam_search(toy_model(seed), input_ids, mask, config, autos)


def contains(tokens: tuple[int, ...], seq: tuple[int, ...]) -> bool:
    return any(tokens[i:i + len(seq)] == seq for i in range(len(tokens) - len(seq) + 1))


def test_plain_search_matches_transformers_generate() -> None:
    """Without constraints the search is ordinary beam search: same output as generate().

    (Where generate() stops at the length limit it ranks cut hypotheses with finished ones; we
    prefer finished ones, so the model here ends its sentences well before the limit.)
    """
    import torch

    model = toy_model(1, eos_bias=3.0)
    input_ids, mask = source_batch(SOURCES)
    ours = beam_search(model, input_ids, mask, SearchConfig(beam_size=4, max_new_tokens=30, n_best=4))
    with torch.no_grad():
        ref = model.generate(input_ids=input_ids, attention_mask=mask, num_beams=4, max_new_tokens=30,
                             do_sample=False, length_penalty=1.0, early_stopping=False,
                             bad_words_ids=[[2]], forced_eos_token_id=None, min_new_tokens=0,
                             num_return_sequences=4, output_scores=True, return_dict_in_generate=True)
    rows = ref.sequences.tolist()
    for i, hyps in enumerate(ours):
        expected = [tuple(t for t in row[1:] if t not in (EOS, 2)) for row in rows[4 * i: 4 * i + 4]]
        assert [h.tokens for h in hyps] == expected
        assert [h.normalized for h in hyps] == pytest.approx(ref.sequences_scores[4 * i: 4 * i + 4].tolist(),
                                                             abs=1e-4)


@pytest.mark.parametrize(("constraint", "reason"), [
    (ids("▁Мин", "ские", "▁соглашения"), "three-token constraint"),
    (ids("▁Дон", "бас", "с"), "word built from three pieces"),
    (ids("▁e"), "single token"),
])
def test_constraint_appears(constraint: tuple[int, ...], reason: str) -> None:
    plain = search([None, None])
    assert not any(contains(h.tokens, constraint) for hyps in plain for h in hyps[:1]), "test needs a miss"
    for hyps in search([automaton([constraint]), automaton([constraint])]):
        assert contains(hyps[0].tokens, constraint), reason
        assert hyps[0].unmet == ()


def test_forbidden_token_never_appears() -> None:
    plain = search([None, None, None])
    favourite = plain[0][0].tokens[0]
    forbidden = (favourite,)
    for hyps in search([automaton(forbidden=(forbidden,)) for _ in range(3)]):
        assert all(favourite not in h.tokens for h in hyps)


def test_forbidden_sequence_last_token_masked() -> None:
    model_choice = search([None])[0][0].tokens
    pair = model_choice[:2]
    hyps = search([automaton(forbidden=(pair,))])[0]
    assert all(not contains(h.tokens, pair) for h in hyps)


def test_disjunction_picks_the_higher_scoring_alternative() -> None:
    first, second = ids("▁Мин", "ские", "▁соглашения"), ids("▁Дан")
    [alone_first], [alone_second], [either] = (
        search([automaton(alts)], beam=16, max_new=8, length_penalty=0.0)[0][:1]
        for alts in ([first], [second], [first, second]))
    best = max(alone_first, alone_second, key=lambda h: h.score)
    assert either.tokens == best.tokens


def test_eos_never_before_constraints_met_unless_cut() -> None:
    for hyps in search([automaton([ids("▁c")], [ids("▁Дан")]) for _ in SOURCES], max_new=10):
        for h in hyps:
            assert h.finished is (h.unmet == ()) or not h.finished


def test_length_limit_too_short_reports_unmet() -> None:
    hyps = search([automaton([ids("▁Мин", "ские", "▁соглашения")], [ids("▁Дан")])], max_new=2)[0]
    assert hyps[0].unmet and not hyps[0].finished


# -- brute force -----------------------------------------------------------------------------

WORDS = ids("▁a", "▁b", "▁c", "▁d", ",")   # word-start pieces only: each text has one segmentation


def brute_force_best(source: list[int], constraints: list[list[tuple[int, ...]]],
                     forbidden: list[tuple[int, ...]], max_len: int) -> tuple[tuple[int, ...], float]:
    """Enumerate every sequence over ``WORDS`` up to ``max_len`` tokens (+ ``</s>``); best valid."""
    sequences = [seq for n in range(max_len + 1) for seq in itertools.product(WORDS, repeat=n)]
    valid = [s for s in sequences
             if all(any(contains(s, alt) for alt in alts) for alts in constraints)
             and not any(contains(s, f) for f in forbidden)]
    scores = sequence_log_probs(toy_model(2, only=WORDS), source, valid)
    best = max(range(len(valid)), key=scores.__getitem__)
    return valid[best], scores[best]


@pytest.mark.parametrize(("constraints", "forbidden", "reason"), [
    ([[ids("▁b", "▁c")]], [], "one two-token constraint"),
    ([[ids("▁d", "▁d"), ids("▁c", "▁a")]], [], "a disjunction of two sequences"),
    ([[ids("▁a")], [ids("▁d", "▁b")]], [], "two constraints"),
    ([[ids("▁b")]], [ids("▁a", "▁b")], "constraint with a forbidden context"),
])
def test_search_equals_brute_force(constraints: list[list[tuple[int, ...]]],
                                   forbidden: list[tuple[int, ...]], reason: str) -> None:
    source = [4, 5, 6, 7]
    best_tokens, best_score = brute_force_best(source, constraints, forbidden, max_len=4)
    tries = [build_trie(TokenSequence(s, True) for s in alts) for alts in constraints]
    auto = ConstraintAutomaton(tries, build_trie(TokenSequence(s, True) for s in forbidden), toy_vocab())
    # a beam wide enough to hold every prefix makes the search exhaustive: it must be exact
    exhaustive = beam_search(toy_model(2, only=WORDS), *source_batch([source]),
                             SearchConfig(beam_size=700, max_new_tokens=5, length_penalty=0.0), [auto])[0][0]
    assert exhaustive.tokens == best_tokens, reason
    assert exhaustive.score == pytest.approx(best_score, abs=1e-4)
    narrow = beam_search(toy_model(2, only=WORDS), *source_batch([source]),
                         SearchConfig(beam_size=8, max_new_tokens=5, length_penalty=0.0), [auto])[0][0]
    assert narrow.unmet == ()
    assert best_score - 3.0 <= narrow.score <= best_score + 1e-4  # close to the optimum, never above


# -- invariants ------------------------------------------------------------------------------

TOKENS = [i for i, p in enumerate(PIECES) if p.startswith("▁") and p != "▁«"]


@settings(max_examples=25, deadline=None)
@given(
    constraints=st.lists(st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3),
                                  min_size=1, max_size=3), min_size=1, max_size=3),
    source=st.lists(st.integers(3, len(PIECES) - 1), min_size=1, max_size=6),
    beam=st.integers(1, 5),
)
def test_constraints_always_met_when_length_allows(constraints: list[list[list[int]]], source: list[int],
                                                    beam: int) -> None:
    alts = [[tuple(seq) for seq in group] for group in constraints]
    needed = sum(max(len(s) for s in group) + 1 for group in alts) + 1
    [hyps] = search([automaton(*alts)], beam=beam, max_new=needed, sources=[source])
    best = hyps[0]
    assert best.unmet == ()
    for group in alts:
        assert any(contains(best.tokens, seq) for seq in group)


@settings(max_examples=20, deadline=None)
@given(
    forbidden=st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=2), min_size=1, max_size=4),
    source=st.lists(st.integers(3, len(PIECES) - 1), min_size=1, max_size=6),
)
def test_forbidden_sequences_never_appear(forbidden: list[list[int]], source: list[int]) -> None:
    banned = [tuple(seq) for seq in forbidden]
    [hyps] = search([automaton(forbidden=tuple(banned))], beam=3, max_new=8, sources=[source])
    for h in hyps:
        for seq in banned:
            assert not contains(h.tokens, seq)


def test_round_robin_allocation_order() -> None:
    """Best of each bank first (highest bank first), then the second best of each, per sentence."""
    import torch

    from transalign.constrained.select import round_robin_order

    sentences = torch.tensor([0, 0, 0, 0, 0, 1, 1])
    banks = torch.tensor([2, 2, 0, 0, 1, 0, 0])
    scores = torch.tensor([-5.0, -1.0, -0.5, -0.1, -9.0, -3.0, -2.0])
    order = round_robin_order(sentences, banks, scores).tolist()
    # sentence 0, round 0: bank 2 best (1), bank 1 (4), bank 0 best (3); round 1: bank 2 (0), bank 0 (2)
    assert order == [1, 4, 3, 0, 2, 6, 5]
