"""Find glossary concepts in source text, in time linear in the text (Aho-Corasick).

Rules (the contract's): a term written in capitals (``CIS``, ``OSCE``) matches exactly, any
other term case-insensitively; matches start and end on word boundaries (``precise`` holds no
``CIS``), where a hyphen is a boundary (``OSCE-led``); apostrophes, hyphens, ё/е and runs of
whitespace are unified. English terms also match in plural or singular (``agreements`` /
``agreement``) and before a possessive (``OSCE's``, ``Belarus’``; the ``'s`` is not part of
the match). Overlapping candidates: the longest wins, then the leftmost. Other languages
match the forms given by an ``inflect`` function (for ru/be, ``transalign.morph.inflect``
when available; else the dictionary form only).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from transalign.glossary.model import Glossary, Status, Term
from transalign.glossary.text import (
    is_case_sensitive,
    is_word_char,
    normalise_with_offsets,
    on_word_boundaries,
)

Inflector = Callable[[str, str], list[str]]
_EXACT, _VARIANT = 0, 1  # priorities: a written term beats a generated form


@dataclass(frozen=True)
class SourceMatch:
    """A concept found in source text: ``text`` is ``source[start:end]`` (0-based, end
    exclusive); ``term`` is the glossary term (dictionary form) it is a form of, ``status``
    that term's status (a ``forbidden`` one means the source itself uses a banned variant);
    ``compound`` is True when a hyphen joins the match to another word (``OSCE-led``,
    ``anti-terrorism``, ``Belarus-Russia``), where translations often fuse the term into an
    adjective (``антитеррористический``, ``белорусско-российский``)."""

    concept_id: str
    start: int
    end: int
    text: str
    term: str = ""
    status: Status = "preferred"
    compound: bool = False


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2].lower() not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _singulars(word: str) -> list[str]:
    if word.endswith("ies") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith(("ches", "shes", "xes", "sses")):
        return [word[:-2]]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return [word[:-1]]
    return []


def _word_forms(word: str) -> list[str]:
    """Other number forms of one English word: a plural's singular, else the plural."""
    if not word or not word[-1].isalpha():
        return []
    if is_case_sensitive(word):
        return [word + "s"]
    if not word.islower():
        return [] if word.endswith("s") else [_plural(word)]  # Belarus, Nations: unknowable
    return _singulars(word) or [_plural(word)]


def english_forms(term: str) -> list[str]:
    """``term`` first, then its other number: the last word inflected, and in ``X of Y``
    terms the head ``X`` (``heads of state``, ``weapon of mass destruction``).

    Only lower-case words are singularised, so proper names (Belarus, Donbass, United
    Nations) keep their final ``s``; acronyms only get a plural ``s`` (``NGOs``).
    """
    words = term.split(" ")
    heads = [len(words) - 1]
    if "of" in words[1:-1]:
        heads.append(words.index("of", 1) - 1)
    forms = [term]
    for head in heads:
        for form in _word_forms(words[head]):
            forms.append(" ".join([*words[:head], form, *words[head + 1:]]))
    return list(dict.fromkeys(forms))


def default_inflector(lang: str) -> Inflector | None:
    """The surface-form generator for ``lang``: English rules, ``morph.inflect`` for ru/be."""
    if lang == "en":
        return lambda term, _lang: english_forms(term)
    if lang in ("ru", "be", "uk"):
        try:
            morph = importlib.import_module("transalign.morph")
        except ImportError:
            return None
        inflect: Inflector | None = getattr(morph, "inflect", None)
        return inflect
    return None


class SourceMatcher:
    """Finds the concepts of ``glossary`` in ``lang`` text.

    Args:
        glossary: the glossary; every term in ``lang`` (forbidden ones included, since source
            text may use them) is searched.
        lang: ISO 639-1 code of the text.
        inflect: ``inflect(term, lang) -> [forms]`` giving the surface forms to search (term
            first); default :func:`default_inflector`. Pass ``lambda t, l: [t]`` for none.
    """

    def __init__(self, glossary: Glossary, lang: str, inflect: Inflector | None = None) -> None:
        self.glossary = glossary
        self.lang = lang
        self._inflect = inflect if inflect is not None else default_inflector(lang)
        self._exact = _Automaton(lang)   # terms in capitals, over case-kept text
        self._folded = _Automaton(lang)  # all other terms, over folded text
        for concept in glossary:
            for term in concept.all_terms(lang):
                self._add(concept.id, term)
        self._exact.finish()
        self._folded.finish()

    def _forms(self, term: str) -> list[str]:
        if self._inflect is None:
            return [term]
        forms = self._inflect(term, self.lang)
        return [term, *(form for form in forms if form != term)]

    def _add(self, concept_id: str, term: Term) -> None:
        sensitive = is_case_sensitive(term.text)
        automaton = self._exact if sensitive else self._folded
        for number, form in enumerate(self._forms(term.text)):
            key = normalise_with_offsets(form.strip(), fold=not sensitive)[0]
            automaton.add(key, (concept_id, term), _EXACT if number == 0 else _VARIANT)

    def find(self, text: str) -> list[SourceMatch]:
        """Non-overlapping matches in ``text``, in text order (offsets into ``text``)."""
        exact_text, offsets = normalise_with_offsets(text, fold=False)
        folded_text, _ = normalise_with_offsets(text, fold=True)
        candidates = [*self._exact.candidates(exact_text), *self._folded.candidates(folded_text)]
        chosen = _longest_first(candidates, len(exact_text))
        return [SourceMatch(concept_id, offsets[start], offsets[end - 1] + 1,
                            text[offsets[start]:offsets[end - 1] + 1], term.text, term.status,
                            _in_compound(exact_text, start, end))
                for start, end, (concept_id, term) in chosen]

    def concepts(self, text: str) -> list[str]:
        """Ids of the concepts found in ``text``, each once, in order of first occurrence."""
        return list(dict.fromkeys(match.concept_id for match in self.find(text)))


def _in_compound(text: str, start: int, end: int) -> bool:
    """True when a hyphen joins ``text[start:end]`` to a word before or after it."""
    before = start >= 2 and text[start - 1] == "-" and is_word_char(text[start - 2])
    after = end + 1 < len(text) and text[end] == "-" and is_word_char(text[end + 1])
    return before or after


_Entry = tuple[str, Term]  # concept id, the glossary term a key is a form of
_Candidate = tuple[int, int, _Entry]


class _Automaton:
    """An Aho-Corasick automaton of keys → entries; per key the lowest priority wins."""

    def __init__(self, lang: str) -> None:
        import ahocorasick

        self._lang = lang
        self._automaton: Any = ahocorasick.Automaton()
        self._values: dict[str, tuple[_Entry, int]] = {}

    def add(self, key: str, entry: _Entry, priority: int) -> None:
        if not key:
            return
        current = self._values.get(key)
        if current is None or priority < current[1]:
            self._values[key] = (entry, priority)

    def finish(self) -> None:
        for key, (entry, _) in self._values.items():
            self._automaton.add_word(key, (len(key), entry))
        if self._values:
            self._automaton.make_automaton()

    def candidates(self, text: str) -> Iterator[_Candidate]:
        """``(start, end, entry)`` of every key occurrence on word boundaries."""
        if not self._values:
            return
        for last, (length, entry) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if on_word_boundaries(text, start, end, self._lang):
                yield start, end, entry


def _longest_first(candidates: Iterable[_Candidate], length: int) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (then leftmost), returned in text order.

    ``length`` is the length of the text the offsets index (a flag per character marks
    characters already taken).
    """
    taken: list[_Candidate] = []
    occupied = bytearray(length)
    for start, end, entry in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append((start, end, entry))
    return sorted(taken, key=lambda candidate: candidate[0])
