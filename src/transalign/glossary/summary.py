"""Counts and warnings about a glossary, for ``transalign glossary validate``."""

from __future__ import annotations

from transalign.glossary.model import Glossary


def glossary_summary(glossary: Glossary) -> dict[str, object]:
    """Concept count, languages, term counts per status, and the content digest."""
    counts = {"preferred": 0, "admitted": 0, "forbidden": 0}
    for concept in glossary:
        for lang in glossary.languages:
            for term in concept.all_terms(lang):
                counts[term.status] += 1
    return {"concepts": len(glossary), "languages": list(glossary.languages), **counts,
            "digest": glossary.digest()}


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
