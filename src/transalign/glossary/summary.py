"""Counts, warnings and match tables about a glossary, for ``transalign glossary``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from transalign.glossary.model import Glossary
from transalign.glossary.source import SourceMatch


def glossary_summary(glossary: Glossary) -> dict[str, object]:
    """Concept count, languages, term counts per status, and the content digest."""
    counts = {"preferred": 0, "admitted": 0, "forbidden": 0}
    for concept in glossary:
        for lang in glossary.languages:
            for term in concept.all_terms(lang):
                counts[term.status] += 1
    return {"concepts": len(glossary), "languages": list(glossary.languages), **counts,
            "digest": glossary.digest()}


def summary_line(names: Sequence[str], glossary: Glossary) -> str:
    """One line for people: files, concept and term counts, languages, digest."""
    summary = glossary_summary(glossary)
    concepts = summary["concepts"]
    return (f"{' + '.join(names)}: {concepts} concept{'' if concepts == 1 else 's'}, languages "
            f"{', '.join(glossary.languages)}; terms: {summary['preferred']} preferred, "
            f"{summary['admitted']} admitted, {summary['forbidden']} forbidden; "
            f"sha256 {summary['digest']}")


def glossary_warnings(glossary: Glossary) -> list[str]:
    """Things that load but probably are not meant: a language with only forbidden terms
    (nothing can be required there, only flagged), a concept with no term in a language."""
    warnings = []
    for concept in glossary:
        for lang in glossary.languages:
            if not concept.all_terms(lang):
                warnings.append(f"concept {concept.id!r} has no {lang} term: it is not "
                                f"checked or enforced in {lang}")
            elif concept.preferred(lang) is None:
                warnings.append(f"concept {concept.id!r} has only forbidden {lang} terms: they "
                                f"are flagged, but no {lang} term is required or enforced")
    return warnings


def match_rows(matches: Sequence[SourceMatch], glossary: Glossary,
               targets: Sequence[str]) -> list[dict[str, str]]:
    """One row per source match: ``start``/``end`` (0-based character offsets, end exclusive),
    the matched ``text``, the ``concept`` id, the ``status`` of the source term matched (a
    forbidden one is worth fixing in the source), and the preferred term in each target
    language (empty where the concept has none)."""
    rows = []
    for match in matches:
        concept = glossary.concepts[match.concept_id]
        row = {"start": str(match.start), "end": str(match.end), "text": match.text,
               "concept": match.concept_id, "status": match.status}
        for lang in targets:
            preferred = concept.preferred(lang)
            row[lang] = preferred.text if preferred else ""
        rows.append(row)
    return rows


def find_table(documents: Iterable[tuple[str, str]], glossary: Glossary, lang: str,
               targets: Sequence[str]) -> str:
    """TSV text of the terms found in each ``(name, text)`` document: columns ``file``, the
    fields of :func:`match_rows`, one per target language; whitespace in cells collapsed.
    The languages are checked before ``documents`` is iterated (it may read files lazily).

    Raises:
        InputError: E224 when the glossary lacks ``lang`` or a target language.
    """
    from transalign.glossary.source import SourceMatcher

    glossary.require_language(lang)
    for target in targets:
        glossary.require_language(target, fix="pass --to with some of them")
    matcher = SourceMatcher(glossary, lang)
    columns = ["start", "end", "text", "concept", "status", *targets]
    lines = ["\t".join(["file", *columns])]
    for name, text in documents:
        for row in match_rows(matcher.find(text), glossary, targets):
            cells = [name, *(row[column] for column in columns)]
            lines.append("\t".join(" ".join(cell.split()) for cell in cells))
    return "\n".join(lines) + "\n"


def forms_table(glossary: Glossary, lang: str) -> str:
    """TSV text of :func:`term_forms`: ``concept``, ``status``, ``term``, ``count``, ``forms``.

    Raises:
        InputError: E224 when the glossary lacks ``lang``.
    """
    glossary.require_language(lang)
    columns = ("concept", "status", "term", "count", "forms")
    rows = ["\t".join(row[name] for name in columns) for row in term_forms(glossary, lang)]
    return "\n".join(["\t".join(columns), *rows]) + "\n"


def term_forms(glossary: Glossary, lang: str) -> list[dict[str, str]]:
    """Every ``lang`` term with the surface forms the matchers search for it (``forms``
    joined by `` | ``), so a terminologist can review what will be recognised."""
    from transalign.glossary.source import default_inflector

    inflect = default_inflector(lang)
    rows = []
    for concept in glossary:
        for term in concept.all_terms(lang):
            forms = inflect(term.text, lang) if inflect else [term.text]
            rows.append({"concept": concept.id, "status": term.status, "term": term.text,
                         "count": str(len(dict.fromkeys(forms))),
                         "forms": " | ".join(dict.fromkeys(forms))})
    return rows
