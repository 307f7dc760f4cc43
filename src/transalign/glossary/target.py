"""Find glossary terms in target-language text in any inflected form.

Every term of the language (preferred, admitted and forbidden) is expanded into its surface
forms by :func:`transalign.morph.inflect` (``Минские соглашения`` → ``Минским соглашениям``,
``Мінскія пагадненні`` → ``Мінскіх пагадненняў``) and all forms go into one Aho-Corasick
automaton over folded text (case, ``ё``/``е``, ``ў``/``у``, apostrophes, whitespace runs
unified; offsets map back to the original), so a text is searched in time linear in its
length. Terms written in capitals (``СНГ``, ``ААН``) match case-sensitively. Matches start and
end on word boundaries; overlapping candidates: the longest wins, then the leftmost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from transalign.glossary.model import Glossary, Status
from transalign.glossary.text import is_case_sensitive, is_word_char, normalise_with_offsets

Inflector = Callable[[str, str], list[str]]
_RANK: dict[str, int] = {"preferred": 0, "admitted": 1, "forbidden": 2}
_NEIGHBOURS = {"be": "ru", "ru": "be"}


@dataclass(frozen=True)
class TargetMatch:
    """A term found in target text: ``text`` is the original ``[start:end]`` (0-based, end
    exclusive); ``term`` is the glossary term (dictionary form) it is a form of."""

    concept_id: str
    start: int
    end: int
    text: str
    status: Status
    term: str = ""


@dataclass(frozen=True)
class _Entry:
    concept_id: str
    status: Status
    term: str


def _default_inflector(lang: str) -> Inflector:
    """Inflected forms for ru/be, number forms for English, the term alone otherwise."""
    from transalign.glossary.source import default_inflector

    return default_inflector(lang) or (lambda term, _lang: [term])


def _is_inner(text: str, index: int, lang: str) -> bool:
    """``text[index]`` continues a word: a letter, digit, or an apostrophe between letters
    (``аб'ява``) other than an English possessive (``OSCE's``)."""
    char = text[index]
    if is_word_char(char):
        return True
    if not (char == "'" and 0 < index < len(text) - 1
            and is_word_char(text[index - 1]) and is_word_char(text[index + 1])):
        return False
    possessive = text[index + 1] in "sS" and (index + 2 >= len(text)
                                               or not is_word_char(text[index + 2]))
    return not (lang == "en" and possessive)


def _on_boundaries(text: str, start: int, end: int, lang: str) -> bool:
    if start > 0 and _is_inner(text, start - 1, lang):
        return False
    return end >= len(text) or not _is_inner(text, end, lang)


class _Automaton:
    """Keys → entries (several concepts may share a form); one Aho-Corasick automaton."""

    def __init__(self, lang: str) -> None:
        import ahocorasick

        self._lang = lang
        self._automaton: Any = ahocorasick.Automaton()
        self._entries: dict[str, dict[str, _Entry]] = {}

    def add(self, key: str, entry: _Entry) -> None:
        if not key:
            return
        by_concept = self._entries.setdefault(key, {})
        current = by_concept.get(entry.concept_id)
        if current is None or _RANK[entry.status] < _RANK[current.status]:
            by_concept[entry.concept_id] = entry

    def finish(self) -> None:
        for key, by_concept in self._entries.items():
            self._automaton.add_word(key, (len(key), tuple(by_concept.values())))
        if self._entries:
            self._automaton.make_automaton()

    def candidates(self, text: str) -> Iterator[tuple[int, int, _Entry]]:
        if not self._entries:
            return
        for last, (length, entries) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if _on_boundaries(text, start, end, self._lang):
                for entry in entries:
                    yield start, end, entry


class TargetMatcher:
    """Finds the terms of ``glossary`` in ``lang`` text, in any inflected form.

    Args:
        glossary: the glossary; all of its terms in ``lang`` are searched, forbidden included.
        lang: ISO 639-1 code of the text (``ru`` and ``be`` inflect, English terms match in
            singular and plural; others as written).
        inflect: ``inflect(term, lang) -> forms``; default: the source matcher's
            :func:`~transalign.glossary.source.default_inflector`.
    """

    def __init__(self, glossary: Glossary, lang: str, inflect: Inflector | None = None) -> None:
        self.glossary = glossary
        self.lang = lang
        self._inflect = inflect if inflect is not None else _default_inflector(lang)
        self._exact = _Automaton(lang)
        self._folded = _Automaton(lang)
        for concept in glossary:
            for term in concept.all_terms(lang):
                self._add(_Entry(concept.id, term.status, term.text))
        self._exact.finish()
        self._folded.finish()

    def _forms(self, entry: _Entry) -> list[str]:
        """The term and its forms; a forbidden term of a Belarusian (Russian) glossary column
        also in Russian (Belarusian) endings, since it is usually the other language's word
        (``Белоруссия`` → ``Белоруссии`` in a Belarusian text)."""
        forms = [entry.term, *self._inflect(entry.term, self.lang)]
        neighbour = _NEIGHBOURS.get(self.lang)
        if entry.status == "forbidden" and neighbour is not None:
            forms.extend(self._inflect(entry.term, neighbour))
        return list(dict.fromkeys(forms))

    def _add(self, entry: _Entry) -> None:
        sensitive = is_case_sensitive(entry.term)
        automaton = self._exact if sensitive else self._folded
        for form in self._forms(entry):
            automaton.add(normalise_with_offsets(form.strip(), fold=not sensitive)[0], entry)

    def _candidates(self, text: str) -> tuple[list[tuple[int, int, _Entry]], Sequence[int]]:
        exact_text, offsets = normalise_with_offsets(text, fold=False)
        folded_text, _ = normalise_with_offsets(text, fold=True)
        found = [*self._exact.candidates(exact_text), *self._folded.candidates(folded_text)]
        return found, offsets

    def _to_match(self, text: str, offsets: Sequence[int], start: int, end: int,
                  entry: _Entry) -> TargetMatch:
        begin, finish = offsets[start], offsets[end - 1] + 1
        return TargetMatch(entry.concept_id, begin, finish, text[begin:finish], entry.status,
                           entry.term)

    def find(self, text: str) -> list[TargetMatch]:
        """Non-overlapping matches in text order; the longest candidate wins, then the leftmost.

        Where one span is a form of terms of several concepts, each concept gets a match.
        """
        found, offsets = self._candidates(text)
        return [self._to_match(text, offsets, *candidate) for candidate in _longest_first(found)]

    def find_all(self, text: str) -> list[TargetMatch]:
        """Every match, overlapping and nested ones included (``ОБСЕ`` inside
        ``Парламентская ассамблея ОБСЕ``), in text order."""
        found, offsets = self._candidates(text)
        ordered = sorted(found, key=lambda c: (c[0], -c[1], c[2].concept_id))
        return [self._to_match(text, offsets, *candidate) for candidate in ordered]


def _longest_first(candidates: Iterable[tuple[int, int, _Entry]]) -> list[tuple[int, int, _Entry]]:
    """Non-overlapping spans, longest first then leftmost; all entries of a chosen span kept."""
    spans: dict[tuple[int, int], list[_Entry]] = {}
    for start, end, entry in candidates:
        spans.setdefault((start, end), []).append(entry)
    occupied: set[int] = set()
    taken: list[tuple[int, int, _Entry]] = []
    for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
        if occupied.intersection(range(start, end)):
            continue
        occupied.update(range(start, end))
        taken.extend((start, end, entry) for entry in spans[start, end])
    return sorted(taken, key=lambda c: (c[0], c[2].concept_id))
