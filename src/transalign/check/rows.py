"""Terminology, number and completeness checks of aligned rows (one source/target pair each).

Kinds of problem (stable names, used in JSONL output):

- ``untranslated``: the target is empty, a copy of the source, or in the wrong language. Such a
  row gets no other report.
- ``term-missing``: the source holds a concept and the target none of its allowed (preferred
  or admitted) terms in any inflected form.
- ``term-forbidden``: the target holds a forbidden term (reported instead of ``term-missing``
  when it stands for the source's concept).
- ``number-mismatch``: a number written with digits in the source is missing or different in
  the target (see :mod:`transalign.check.numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from transalign.check.numbers import extract_numbers, missing_numbers
from transalign.check.untranslated import untranslated_reason
from transalign.glossary.model import Glossary
from transalign.glossary.source import SourceMatch, SourceMatcher
from transalign.glossary.target import TargetMatch, TargetMatcher
from transalign.glossary.text import is_case_sensitive, normalise_with_offsets

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_FINAL_VOWELS = frozenset("аеёиоуыэюяьйі")
_A_AS_O = str.maketrans("а", "о")  # Беларусь / белорусский, Масква / маскоўскі
_PREFIXES = tuple(p.translate(_A_AS_O) for p in ("анти", "анты", "контр", "пост"))
"""Prefixes of compounds (``anti-terrorism`` → ``антитеррористический``), stripped off."""
_ISM = ("изм", "ызм")  # терроризм → террорист-: the -ism/-ist stem
KINDS: tuple[str, ...] = ("untranslated", "term-missing", "term-forbidden", "number-mismatch")


@dataclass(frozen=True)
class Problem:
    """One problem in one row of one file.

    ``term``: the source term found (term-missing) or the forbidden target term as written in
    the glossary (term-forbidden); ``found``: the target's text for it; ``expected``: the
    allowed target terms (preferred first); ``number``: the source number (number-mismatch).
    """

    file: str
    id: str
    kind: str
    concept: str | None = None
    term: str | None = None
    found: str | None = None
    expected: tuple[str, ...] = ()
    number: str | None = None
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        """The JSONL object: always file, id, kind, concept, message; other fields when set."""
        data: dict[str, Any] = {"file": self.file, "id": self.id, "kind": self.kind,
                                "concept": self.concept}
        for name in ("term", "found", "number"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.expected:
            data["expected"] = list(self.expected)
        data["message"] = self.message
        return data


@dataclass
class RowChecker:
    """Checks rows of one language pair against a glossary (matchers built once)."""

    glossary: Glossary
    src_lang: str
    tgt_lang: str
    source: SourceMatcher = field(init=False)
    target: TargetMatcher = field(init=False)
    _nested_cache: dict[str, set[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.source = SourceMatcher(self.glossary, self.src_lang)
        self.target = TargetMatcher(self.glossary, self.tgt_lang)

    def check(self, file: str, row_id: str, src: str, tgt: str) -> list[Problem]:
        """Problems of one row, in the order untranslated, terms, numbers."""
        if not src.strip() or not (tgt.strip() or any(char.isalpha() for char in src)):
            return []
        reason = untranslated_reason(src, tgt, self.src_lang, self.tgt_lang)
        if reason is not None:
            return [Problem(file, row_id, "untranslated", message=reason)]
        return [*self._terms(file, row_id, src, tgt), *self._numbers(file, row_id, src, tgt)]

    def _nested(self, concept_id: str) -> set[str]:
        """Concepts whose terms occur inside this concept's allowed target terms
        (``назіральнік ад СНД`` holds ``cis``)."""
        if concept_id not in self._nested_cache:
            self._nested_cache[concept_id] = {
                match.concept_id for term in self._allowed(concept_id)
                for match in self.target.find_all(term)} - {concept_id}
        return self._nested_cache[concept_id]

    def _derived(self, concept_id: str, tgt: str) -> bool:
        """True when the target holds a word derived from a one-word allowed term: English
        uses a name attributively where Russian and Belarusian use an adjective (``Minsk
        region`` → ``Минская область``, ``Ukraine crisis`` → ``украинский кризис``). The
        term's stem must start the word, with а and о taken as one letter."""
        stems = [_stem(term) for term in self._allowed(concept_id)
                 if " " not in term.strip() and not is_case_sensitive(term)]
        stems = [stem for stem in stems if len(stem) >= 4]
        if not stems:
            return False
        text = normalise_with_offsets(tgt, fold=True)[0].translate(_A_AS_O)
        words = _WORD.findall(text)
        words += [part for word in words if "-" in word for part in word.split("-")]
        words += [word[len(prefix):] for word in words for prefix in _PREFIXES
                  if word.startswith(prefix)]
        return any(word.startswith(stem) for word in words for stem in stems)

    def _allowed(self, concept_id: str) -> tuple[str, ...]:
        concept = self.glossary.concepts[concept_id]
        return tuple(term.text for term in concept.admitted(self.tgt_lang))

    def _terms(self, file: str, row_id: str, src: str, tgt: str) -> list[Problem]:
        present = {m.concept_id for m in self.target.find_all(tgt) if m.status != "forbidden"}
        forbidden = _first_per_concept(m for m in self.target.find(tgt) if m.status == "forbidden")
        problems = [problem for match in _first_per_concept(self.source.find(src)).values()
                    if (problem := self._missing(file, row_id, match, present, forbidden, tgt))]
        for found in forbidden.values():
            expected = self._allowed(found.concept_id)
            advice = f"use {' | '.join(expected)}" if expected else "the term is forbidden"
            problems.append(Problem(
                file, row_id, "term-forbidden", found.concept_id, term=found.term,
                found=found.text, expected=expected,
                message=f"target has forbidden {found.text!r} ({found.term}); {advice}"))
        return problems

    def _missing(self, file: str, row_id: str, match: SourceMatch, present: set[str],
                 forbidden: dict[str, Any], tgt: str) -> Problem | None:
        """``term-missing`` for a source concept, unless the target has it in some form, uses
        a forbidden term for it (reported as such), or has an adjective derived from it."""
        expected = self._allowed(match.concept_id)
        if not expected or match.concept_id in present or match.concept_id in forbidden:
            return None
        if self._nested(match.concept_id) & forbidden.keys():
            return None  # ``Назіральнікі ад СНГ``: the forbidden СНГ is the one problem
        if self._derived(match.concept_id, tgt):
            return None  # ``Minsk Tractor Works`` → ``Минский тракторный завод``
        return Problem(file, row_id, "term-missing", match.concept_id, term=match.text,
                       expected=expected,
                       message=f"source has {match.text!r}; target has none of "
                               f"{' | '.join(expected)} in any form")

    def _numbers(self, file: str, row_id: str, src: str, tgt: str) -> list[Problem]:
        missing = missing_numbers(src, tgt, self.src_lang, self.tgt_lang)
        if not missing:
            return []
        target_numbers = [n.text for n in extract_numbers(tgt, self.tgt_lang)]
        has = ", ".join(target_numbers) if target_numbers else "no numbers"
        return [Problem(file, row_id, "number-mismatch", number=number.text,
                        message=f"source number {number.text} is not in the target "
                                f"(target has {has})")
                for number in missing]


def _stem(term: str) -> str:
    """The folded term without a final vowel, soft sign or й (``Россия`` → ``росси``), or
    without the ``-зм`` of an -ism (``терроризм`` → ``террори``)."""
    folded = normalise_with_offsets(term.strip(), fold=True)[0].translate(_A_AS_O)
    if folded.endswith(_ISM):
        return folded[:-2]  # терроризм / террористический share ``террори``
    return folded[:-1] if folded[-1:] in _FINAL_VOWELS else folded


def _first_per_concept(matches: Any) -> dict[str, Any]:
    """The first match of each concept, in text order."""
    first: dict[str, SourceMatch | TargetMatch] = {}
    for match in matches:
        first.setdefault(match.concept_id, match)
    return first


__all__ = ["KINDS", "Problem", "RowChecker"]
