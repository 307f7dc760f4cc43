"""Glossary concepts of a source sentence as decoding constraints, and the check of an output.

For each concept found in the source (``SourceMatcher``), the constraint is *one admitted term
of the target language in any inflected form* (``morph.inflect``); the forbidden terms of the
same concepts, in all their forms, must not appear. Forms are tokenised with the target
SentencePiece model into one :class:`~transalign.constrained.trie.TokenTrie` per concept
(cached: a concept's trie is built once per vocabulary).

The output check works on text, independently of tokenisation: a form counts when it stands as
a whole word sequence (case-insensitive, ``ё`` = ``е``, any run of spaces between words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from transalign.constrained.state import ConstraintAutomaton
from transalign.constrained.trie import TokenTrie, build_trie
from transalign.constrained.vocab import TargetVocab


@dataclass(frozen=True)
class TermConstraint:
    """What one concept demands of a translation into one language.

    Attributes:
        concept_id: the glossary concept.
        forms: every inflected form of every admitted term (preferred term's forms first).
        forbidden: every inflected form of every forbidden term.
    """

    concept_id: str
    forms: tuple[str, ...]
    forbidden: tuple[str, ...]


@lru_cache(maxsize=16384)
def _forms(term: str, lang: str) -> tuple[str, ...]:
    from transalign.morph import inflect

    return tuple(dict.fromkeys(inflect(term, lang)))


def concept_constraint(concept: Any, lang: str) -> TermConstraint | None:
    """The constraint of a ``glossary.Concept`` in ``lang`` (None if it has no admitted term there)."""
    admitted = concept.admitted(lang)
    if not admitted:
        return None
    forms = tuple(dict.fromkeys(form for term in admitted for form in _forms(term.text, lang)))
    banned = concept.forbidden(lang)
    forbidden = tuple(dict.fromkeys(form for term in banned for form in _forms(term.text, lang)))
    return TermConstraint(concept.id, forms, forbidden)


def sentence_constraints(glossary: Any, concept_ids: list[str], lang: str) -> list[TermConstraint]:
    """Constraints for the concepts found in one source sentence (each concept once, in order)."""
    found = [concept_constraint(glossary.concepts[cid], lang) for cid in dict.fromkeys(concept_ids)
             if cid in glossary.concepts]
    return [c for c in found if c is not None]


# -- text check -------------------------------------------------------------------------------

def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


@lru_cache(maxsize=16384)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({_fold(f).strip() for f in forms if f.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in words)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")  # word = letters and digits


def contains_form(text: str, forms: tuple[str, ...]) -> bool:
    """True if any of ``forms`` occurs in ``text`` as whole words."""
    pattern = _pattern(forms)
    return pattern is not None and pattern.search(_fold(text)) is not None


def missing(text: str, constraints: list[TermConstraint]) -> list[str]:
    """Concept ids whose admitted forms are all absent from ``text``."""
    return [c.concept_id for c in constraints if not contains_form(text, c.forms)]


def forbidden_used(text: str, constraints: list[TermConstraint]) -> list[str]:
    """Concept ids one of whose forbidden forms occurs in ``text`` (and is not an admitted form)."""
    used = []
    for c in constraints:
        banned = tuple(f for f in c.forbidden if _fold(f) not in {_fold(a) for a in c.forms})
        if banned and contains_form(text, banned):
            used.append(c.concept_id)
    return used


# -- tries and automata -----------------------------------------------------------------------

class TrieCache:
    """Token tries of constraints for one target vocabulary, built once per concept."""

    def __init__(self, vocab: TargetVocab) -> None:
        self.vocab = vocab
        self._tries: dict[tuple[str, tuple[str, ...]], TokenTrie] = {}

    def trie(self, concept_id: str, forms: tuple[str, ...]) -> TokenTrie:
        """The trie of all token sequences of ``forms`` (cached by concept and forms)."""
        key = (concept_id, forms)
        found = self._tries.get(key)
        if found is None:
            found = build_trie(seq for form in forms for seq in self.vocab.sequences(form))
            self._tries[key] = found
        return found

    def automaton(self, constraints: list[TermConstraint]) -> ConstraintAutomaton:
        """The constraint automaton of one sentence.

        A constraint none of whose forms the vocabulary can write gets no trie (it cannot be
        forced; the output check reports it).
        """
        tries = [self.trie(c.concept_id, c.forms) for c in constraints]
        forbidden = self.trie("!" + "+".join(c.concept_id for c in constraints),
                              tuple(f for c in constraints for f in c.forbidden))
        return ConstraintAutomaton([t for t in tries if not t.is_empty()], forbidden, self.vocab)
