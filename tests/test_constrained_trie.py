"""Token tries, form segmentations and the per-hypothesis constraint automaton."""

from __future__ import annotations

import pytest

from constrained_toy import PIECES, ids, toy_vocab
from transalign.constrained.state import ConstraintAutomaton
from transalign.constrained.trie import build_trie
from transalign.constrained.vocab import TokenSequence, case_variants, ends_word, starts_word


@pytest.mark.parametrize(("piece", "start", "end"), [
    ("▁СНГ", True, False),   # a word-initial piece
    ("ские", False, False),  # a continuation piece glues onto the word before it
    (",", True, True),       # punctuation neither continues nor is continued
    ("▁«", True, True),      # an opening quote after a space: a glued form may follow
    ("«", True, True),
    ("<0x5A>", False, False),  # byte-fallback "Z" glues onto a word like any letter
    ("<0xD0>", False, False),  # first byte of a Cyrillic letter
    ("<0x2C>", True, True),    # byte-fallback ","
])
def test_word_boundary_flags(piece: str, start: bool, end: bool) -> None:
    assert (starts_word(piece), ends_word(piece)) == (start, end)


@pytest.mark.parametrize(("form", "expected"), [
    ("СНГ", ["СНГ"]),                                        # already capitalised
    ("глава государства", ["глава государства", "Глава государства"]),  # sentence-initial variant
])
def test_case_variants(form: str, expected: list[str]) -> None:
    assert case_variants(form) == expected


@pytest.mark.parametrize(("form", "expected"), [
    # word-start segmentation, and the glued one after « (the vocabulary has the piece "СНГ")
    ("СНГ", {TokenSequence(ids("▁СНГ"), True), TokenSequence(ids("СНГ"), False)}),
    # multi-word form; no glued variant because "Мин" is not a piece
    ("Минские соглашения", {TokenSequence(ids("▁Мин", "ские", "▁соглашения"), True)}),
    # a form with a piece the vocabulary lacks cannot be generated: left out
    ("Жодино", set()),
])
def test_form_sequences(form: str, expected: set[TokenSequence]) -> None:
    assert set(toy_vocab().sequences(form)) == expected


def test_trie_shares_prefixes_of_inflected_forms() -> None:
    vocab = toy_vocab()
    forms = ["Минские соглашения", "Минских соглашений", "Минские соглашений"]
    trie = build_trie(seq for form in forms for seq in vocab.sequences(form))
    assert trie.sequences() == sorted(ids(*vocab.encode(f)) for f in forms)
    # 2 roots + ▁Мин + {ские, ских} + 3 endings: the shared "▁Мин" is stored once
    assert len(trie) == 2 + 1 + 2 + 3


def _automaton(constraints: list[list[str]], forbidden: tuple[str, ...] = ()) -> ConstraintAutomaton:
    vocab = toy_vocab()
    tries = [build_trie(s for f in forms for s in vocab.sequences(f)) for forms in constraints]
    return ConstraintAutomaton(tries, build_trie(s for f in forbidden for s in vocab.sequences(f)), vocab)


def _run(automaton: ConstraintAutomaton, pieces: list[str]) -> int:
    state = automaton.initial
    for piece in pieces:
        state = automaton.step(state, PIECES.index(piece))
    return state


@pytest.mark.parametrize(("pieces", "met", "reason"), [
    (["▁СНГ", "▁a"], 1, "form followed by a new word"),
    (["▁СНГ", "</s>"], 1, "form at the end of the text"),
    (["▁СНГ", ","], 1, "form followed by punctuation"),
    (["▁СНГ", "x"], 0, "form glued into a longer word does not count"),
    (["▁СНГ"], 0, "complete but still waiting for its word boundary"),
    (["▁«", "СНГ", "▁a"], 1, "glued form after an opening quote"),
    (["▁a", "СНГ", "▁b"], 0, "glued form inside a word does not start a match"),
    (["▁Сн", "г", "▁a"], 0, "a different word that merely starts like the form"),
])
def test_constraint_met_only_at_word_boundary(pieces: list[str], met: int, reason: str) -> None:
    automaton = _automaton([["СНГ"]])
    assert automaton.infos[_run(automaton, pieces)].met == met, reason


def test_pending_form_holds_its_word_and_allows_eos() -> None:
    automaton = _automaton([["СНГ"]])
    info = automaton.infos[_run(automaton, ["▁a", "▁СНГ"])]
    assert (info.met, info.pending, info.hold_word, info.eos_ok) == (0, 1, True, True)
    assert automaton.unmet(_run(automaton, ["▁a", "▁СНГ"])) == ()
    assert automaton.unmet(_run(automaton, ["▁a"])) == (0,)


def test_eos_blocked_until_all_constraints_met() -> None:
    automaton = _automaton([["СНГ"], ["Минские соглашения"]])
    assert not automaton.infos[_run(automaton, ["▁СНГ", "▁a"])].eos_ok
    assert automaton.infos[_run(automaton, ["▁СНГ", "▁Мин", "ские", "▁соглашения", "▁a"])].eos_ok


def test_advancing_tokens_and_depth() -> None:
    automaton = _automaton([["Минские соглашения", "Минских соглашений"]])
    info = automaton.infos[_run(automaton, ["▁a", "▁Мин"])]
    depth = dict(zip(info.advancing, info.advancing_depth, strict=True))
    assert depth == {PIECES.index("ские"): 2, PIECES.index("ских"): 2, PIECES.index("▁Мин"): 1}


def test_forbidden_last_token_banned_when_prefix_in_progress() -> None:
    automaton = _automaton([["СНГ"]], forbidden=("Донбас",))
    assert PIECES.index("бас") not in automaton.infos[_run(automaton, ["▁a"])].banned
    assert PIECES.index("бас") in automaton.infos[_run(automaton, ["▁a", "▁Дон"])].banned


def test_single_token_forbidden_banned_everywhere() -> None:
    automaton = _automaton([], forbidden=("e",))
    assert PIECES.index("▁e") in automaton.infos[automaton.initial].banned


def test_forbidden_prefix_of_admitted_is_banned_at_the_word_end() -> None:
    # Донбас (forbidden) is a prefix of Донбасс (admitted): "бас" stays allowed, the word end not
    automaton = _automaton([["Донбасс"]], forbidden=("Донбас",))
    after = automaton.infos[_run(automaton, ["▁Дон"])]
    assert PIECES.index("бас") not in after.banned
    glued = automaton.infos[_run(automaton, ["▁Дон", "бас"])]
    assert glued.block_word_end and not glued.eos_ok
    assert automaton.infos[_run(automaton, ["▁Дон", "бас", "с", "▁a"])].met == 1


def test_completing_a_form_is_not_also_counted_as_starting_it_again() -> None:
    # "▁СНГ ▁СНГ": the second token completes the first occurrence; it is no constraint progress
    automaton = _automaton([["СНГ"]])
    pending = automaton.infos[_run(automaton, ["▁a", "▁СНГ"])]
    assert PIECES.index("▁СНГ") not in pending.advancing
    assert PIECES.index("▁СНГ") in automaton.infos[_run(automaton, ["▁a"])].advancing


def test_admitted_continuation_of_a_blocked_forbidden_word_stays_allowed() -> None:
    # forbidden "Донбас", admitted "Донбас a" (two words): after "▁Дон бас" the word may not end,
    # except by the admitted form's next word
    automaton = _automaton([["Донбас a"]], forbidden=("Донбас",))
    info = automaton.infos[_run(automaton, ["▁Дон", "бас"])]
    assert info.block_word_end
    assert info.exempt == [PIECES.index("▁a")]
