"""Glossary concepts as alignment anchors: ``CIS`` in a source sentence and ``СНГ`` (any case
form) in a target sentence are both the anchor ``term:cis``.

The house glossary is used when no glossary is given. Russian and Belarusian text is matched
with the inflection-aware :class:`transalign.glossary.target.TargetMatcher` when it is
installed, else with the source matcher (dictionary forms plus whatever ``morph.inflect``
gives); every other language with the source matcher. All terms count, forbidden ones too:
a forbidden variant still names the concept.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transalign.align.features import ConceptFinder

_INFLECTING = ("ru", "be", "uk")


@dataclass(frozen=True)
class ConceptAnchors:
    """Concept finders for both sides and the glossary digest for the signature.

    ``digest`` is ``"none"`` when no glossary could be used (then both finders are None).
    """

    src: ConceptFinder | None
    tgt: ConceptFinder | None
    digest: str


def load_concept_anchors(
    paths: Sequence[str | Path] | None, src_lang: str, tgt_lang: str,
) -> ConceptAnchors:
    """Finders for ``paths`` (the house glossary when None or empty).

    A missing house glossary, or a glossary package not installed, disables concept anchors;
    an explicitly given glossary that cannot be read raises its loader's ``InputError``.
    """
    glossary = _load(paths)
    if glossary is None:
        return ConceptAnchors(None, None, "none")
    return ConceptAnchors(
        _finder(glossary, src_lang), _finder(glossary, tgt_lang), glossary.digest()[:12],
    )


def _load(paths: Sequence[str | Path] | None) -> Any:
    try:
        glossary_module = importlib.import_module("transalign.glossary")
    except ImportError:
        return None
    if not paths:
        house = glossary_module.default_glossary_path()
        if not Path(house).is_file():
            return None
        paths = [house]
    return glossary_module.load_glossaries([Path(path) for path in paths])


def _finder(glossary: Any, lang: str) -> ConceptFinder | None:
    if lang not in glossary.languages:
        return None
    if lang in _INFLECTING:
        try:
            target = importlib.import_module("transalign.glossary.target")
        except ImportError:
            target = None
        if target is not None:
            return _ids_of(target.TargetMatcher(glossary, lang))
    source = importlib.import_module("transalign.glossary.source")
    return _ids_of(source.SourceMatcher(glossary, lang))


def _ids_of(matcher: Any) -> ConceptFinder:
    def find(text: str) -> list[str]:
        return [str(match.concept_id) for match in matcher.find(text)]

    return find
