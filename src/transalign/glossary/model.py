"""The glossary in memory: terms, concepts and a whole glossary (immutable).

A :class:`Concept` holds, per ISO 639-1 language code, its terms in file order; at most one is
``preferred`` (the first term not marked forbidden), the other allowed ones are ``admitted``,
and ``forbidden`` ones must not appear in a translation. A :class:`Glossary` maps concept ids
to concepts; :meth:`Glossary.digest` identifies its content in run signatures.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from transalign.errors import InputError

Status = Literal["preferred", "admitted", "forbidden"]
STATUSES: tuple[Status, ...] = ("preferred", "admitted", "forbidden")


@dataclass(frozen=True)
class Term:
    """One term of a concept in one language, in dictionary form."""

    text: str
    status: Status

    @property
    def allowed(self) -> bool:
        """True for preferred and admitted terms."""
        return self.status != "forbidden"


@dataclass(frozen=True)
class Concept:
    """A concept: its terms per language (file order), a free-text note, kept extra columns.

    Invariant (checked): per language at most one preferred term, and exactly one when the
    language has any allowed term. Do not mutate ``terms`` or ``extra`` after construction.
    """

    id: str
    terms: dict[str, tuple[Term, ...]] = field(hash=False)
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for lang, terms in self.terms.items():
            preferred = sum(term.status == "preferred" for term in terms)
            allowed = sum(term.allowed for term in terms)
            if preferred > 1 or (allowed and preferred != 1):
                raise ValueError(f"concept {self.id!r}, {lang}: need exactly one preferred term "
                                 f"among the allowed ones, got {preferred}")

    def languages(self) -> tuple[str, ...]:
        """Languages in which the concept has at least one term."""
        return tuple(lang for lang, terms in self.terms.items() if terms)

    def all_terms(self, lang: str) -> tuple[Term, ...]:
        """Every term in ``lang`` in file order (empty when none)."""
        return self.terms.get(lang, ())

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in ``lang``, or None when the language has no allowed term."""
        return next((term for term in self.all_terms(lang) if term.status == "preferred"), None)

    def admitted(self, lang: str) -> tuple[Term, ...]:
        """All allowed terms in ``lang``: the preferred one first, then the admitted ones."""
        terms = self.all_terms(lang)
        return tuple(t for t in terms if t.status == "preferred") + tuple(
            t for t in terms if t.status == "admitted")

    def forbidden(self, lang: str) -> tuple[Term, ...]:
        """Terms in ``lang`` that must not appear in a translation."""
        return tuple(term for term in self.all_terms(lang) if term.status == "forbidden")


def make_concept(concept_id: str, cells: Mapping[str, Iterable[str]], note: str = "",
                 extra: dict[str, str] | None = None) -> Concept:
    """Build a concept from term strings as written in a file (``!`` marks forbidden).

    The first term of a language not marked forbidden becomes preferred, the others admitted.
    Runs of whitespace inside terms and the note become one space; empty terms are skipped.
    """
    terms: dict[str, tuple[Term, ...]] = {}
    for lang, raw_terms in cells.items():
        built: list[Term] = []
        for raw in raw_terms:
            text = " ".join((raw[1:] if raw.startswith("!") else raw).split())
            if not text:
                continue
            has_preferred = any(term.status == "preferred" for term in built)
            status: Status = ("forbidden" if raw.startswith("!")
                              else "admitted" if has_preferred else "preferred")
            built.append(Term(text, status))
        if built:
            terms[lang] = tuple(built)
    return Concept(concept_id, terms, " ".join(note.split()), dict(extra or {}))


@dataclass(frozen=True)
class Glossary:
    """Concepts by id (file order) and the glossary's language codes (column order)."""

    concepts: dict[str, Concept] = field(hash=False)
    languages: tuple[str, ...]
    extra_columns: tuple[str, ...] = field(default=(), compare=False)

    def __len__(self) -> int:
        return len(self.concepts)

    def require_language(self, lang: str, *, path: str | Path | None = None,
                         fix: str = "pass --lang with one of them") -> None:
        """Raise E224 when the glossary has no ``lang`` column (nothing could be matched).

        ``fix`` says how to choose another language; the hint lists the glossary's languages.
        """
        if lang not in self.languages:
            raise InputError("E224", f"the glossary has no {lang!r} column", path=path,
                             hint=f"its languages are {', '.join(self.languages)}: {fix}, "
                                  f"or pass a --glossary with a {lang!r} column")

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def get(self, concept_id: str) -> Concept | None:
        """The concept with ``concept_id``, or None."""
        return self.concepts.get(concept_id)

    def canonical(self) -> dict[str, object]:
        """JSON-able canonical content: languages, and per concept its terms and note."""
        return {
            "languages": list(self.languages),
            "concepts": [
                {"id": c.id, "note": c.note,
                 "terms": {lang: [[t.text, t.status] for t in c.terms[lang]]
                           for lang in sorted(c.terms)}}
                for c in sorted(self.concepts.values(), key=lambda concept: concept.id)
            ],
        }

    def digest(self) -> str:
        """sha256 (hex) of :meth:`canonical` — equal for glossaries with equal content.

        Concept order and extra columns do not change it; terms, statuses, notes do.
        """
        data = json.dumps(self.canonical(), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def merged(self, other: Glossary) -> Glossary:
        """This glossary with ``other`` laid over it: ``other``'s concepts replace by id."""
        concepts = dict(self.concepts)
        concepts.update(other.concepts)
        languages = self.languages + tuple(x for x in other.languages if x not in self.languages)
        extra = self.extra_columns + tuple(
            x for x in other.extra_columns if x not in self.extra_columns)
        return Glossary(concepts, languages, extra)

