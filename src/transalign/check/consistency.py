"""Consistency across documents: the terminologist's report.

Two findings: for each concept and each source term of it, which allowed target variant
(``СНГ`` or ``Содружество Независимых Государств``) each document used, flagged where one
source term is rendered by more than one variant (``CIS`` → ``СНГ`` here and ``Содружество…``
there; the full name on first mention and the acronym after it is not a finding); and identical
source sentences (after whitespace and case folding) translated differently.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transalign.check.files import expand_inputs, resolve_languages
from transalign.check.report import plural
from transalign.formats.tsv import read_aligned_tsv
from transalign.glossary.model import Glossary
from transalign.glossary.source import SourceMatch, SourceMatcher
from transalign.glossary.target import TargetMatch, TargetMatcher


@dataclass
class ConceptUsage:
    """Which allowed terms of one concept (target language ``lang``) each document used for
    the source term ``source`` (``""``: the row's source named the concept otherwise or not)."""

    concept: str
    lang: str
    source: str = ""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # term -> file -> count

    @property
    def consistent(self) -> bool:
        """True when a single variant is used everywhere."""
        return len(self.counts) <= 1


@dataclass
class DivergentTranslation:
    """A source sentence translated differently: translation → ``file#id`` places."""

    src_lang: str
    tgt_lang: str
    source: str
    translations: dict[str, list[str]]


@dataclass
class ConsistencyReport:
    """Concept usage per (language, concept) and divergent translations."""

    usages: list[ConceptUsage]
    divergent: list[DivergentTranslation]
    files: list[str]

    @property
    def problems(self) -> int:
        """Inconsistent concepts plus divergent sentences."""
        return sum(not u.consistent for u in self.usages) + len(self.divergent)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


Sources = dict[tuple[str, str, str], tuple[str, dict[str, list[str]]]]
"""(src, tgt, folded source) -> (source as written, translation -> ``file#id`` places)."""


Usages = dict[tuple[str, str, str], ConceptUsage]  # (tgt, concept, source term) -> usage


def _count_variants(usages: Usages, matchers: tuple[SourceMatcher, TargetMatcher],
                    row: dict[str, str], file: str) -> None:
    """Count the row's allowed target terms under the source term each one renders."""
    found = [m for m in matchers[1].find(row["tgt"]) if m.status != "forbidden"]
    sources = _source_terms(matchers[0].find(row["src"]), found)
    tgt = matchers[1].lang
    for match, source in zip(found, sources, strict=True):
        key = (tgt, match.concept_id, source)
        usage = usages.setdefault(key, ConceptUsage(match.concept_id, tgt, source))
        per_file = usage.counts.setdefault(match.term, {})
        per_file[file] = per_file.get(file, 0) + 1


def _source_terms(in_source: list[SourceMatch], in_target: list[TargetMatch]) -> list[str]:
    """For each target match, the source term it renders: the concept's n-th source mention
    for its n-th target mention when both sides mention it equally often, else the one
    source term used, else ``""``."""
    by_concept: dict[str, list[str]] = {}
    for match in in_source:
        by_concept.setdefault(match.concept_id, []).append(match.term)
    wanted = Counter(match.concept_id for match in in_target)
    seen: Counter[str] = Counter()
    terms = []
    for found in in_target:
        named = by_concept.get(found.concept_id, [])
        if len(named) == wanted[found.concept_id]:
            terms.append(named[seen[found.concept_id]])
        else:
            terms.append(named[0] if len(set(named)) == 1 else "")
        seen[found.concept_id] += 1
    return terms


def _note_translation(sources: Sources, pair: tuple[str, str], row: dict[str, str],
                      file: str) -> None:
    if row["src"].strip() and row["tgt"].strip():
        entry = sources.setdefault((*pair, _key(row["src"])), (row["src"], {}))
        entry[1].setdefault(" ".join(row["tgt"].split()), []).append(f"{file}#{row['id']}")


def consistency_report(paths: Sequence[str | Path], glossary: Glossary, *,
                       src_lang: str | None = None,
                       tgt_lang: str | None = None) -> ConsistencyReport:
    """Compare the documents in ``paths`` (folders expand to their ``*.tsv``)."""
    files = expand_inputs(paths)
    loaded = [(path, read_aligned_tsv(path),
               resolve_languages(path, src_lang, tgt_lang, glossary)) for path in files]
    matchers: dict[tuple[str, str], tuple[SourceMatcher, TargetMatcher]] = {}
    usages: Usages = {}
    sources: Sources = {}
    for path, table, pair in loaded:
        if pair not in matchers:
            matchers[pair] = (SourceMatcher(glossary, pair[0]), TargetMatcher(glossary, pair[1]))
        for row in table.rows:
            _count_variants(usages, matchers[pair], row, str(path))
            _note_translation(sources, pair, row, str(path))
    divergent = [DivergentTranslation(src, tgt, text, translations)
                 for (src, tgt, _), (text, translations) in sources.items()
                 if len({_key(t) for t in translations}) > 1]
    ordered = sorted(usages.values(), key=lambda u: (u.lang, u.consistent, u.concept, u.source))
    return ConsistencyReport(ordered, divergent, [str(path) for path in files])


def _usage_line(usage: ConceptUsage) -> str:
    variants = "; ".join(
        f"{term}: " + ", ".join(f"{Path(file).name} ×{count}" for file, count in per_file.items())
        for term, per_file in usage.counts.items())
    source = f"{usage.source} → " if usage.source else ""
    return f"  {usage.concept} ({usage.lang}) — {source}{variants}"


def format_consistency_text(report: ConsistencyReport) -> str:
    """Inconsistent concepts, divergent translations, then a summary line."""
    mixed = [u for u in report.usages if not u.consistent]
    lines = ["Source terms rendered by more than one variant:" if mixed
             else "Every source term is rendered by one variant throughout."]
    lines.extend(_usage_line(usage) for usage in mixed)
    if report.divergent:
        lines.append("Identical source sentences translated differently:")
        for item in report.divergent:
            lines.append(f"  [{item.src_lang}→{item.tgt_lang}] {item.source}")
            lines.extend(f"    {', '.join(places)}: {text}"
                         for text, places in item.translations.items())
    steady = len(report.usages) - len(mixed)
    lines.append(f"{plural(len(mixed), 'concept')} with mixed variants, {steady} consistent; "
                 f"{plural(len(report.divergent), 'divergent sentence')}; "
                 f"{plural(len(report.files), 'file')}")
    return "\n".join(lines) + "\n"


def format_consistency_jsonl(report: ConsistencyReport) -> str:
    """One object per concept usage (``kind: variants``) and per divergent sentence
    (``kind: divergent-translation``)."""
    objects: list[dict[str, Any]] = [
        {"kind": "variants", "lang": u.lang, "concept": u.concept, "source": u.source,
         "consistent": u.consistent,
         "variants": [{"term": term, "files": per_file} for term, per_file in u.counts.items()]}
        for u in report.usages]
    objects.extend(
        {"kind": "divergent-translation", "src_lang": d.src_lang, "tgt_lang": d.tgt_lang,
         "source": d.source, "concept": None,
         "translations": [{"text": text, "where": places}
                          for text, places in d.translations.items()]}
        for d in report.divergent)
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects)
