"""Consistency across documents: the terminologist's report.

Two findings: for each concept, which allowed variant (``СНГ`` or ``Содружество Независимых
Государств``) each document used, flagged where more than one is in use; and identical source
sentences (after whitespace and case folding) translated differently.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transalign.check.files import expand_inputs, resolve_languages
from transalign.check.report import plural
from transalign.formats.tsv import read_aligned_tsv
from transalign.glossary.model import Glossary
from transalign.glossary.target import TargetMatcher


@dataclass
class ConceptUsage:
    """Which allowed terms of one concept (target language ``lang``) each document used."""

    concept: str
    lang: str
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


def _count_variants(usages: dict[tuple[str, str], ConceptUsage], matcher: TargetMatcher,
                    tgt: str, text: str, file: str) -> None:
    for match in matcher.find(text):
        if match.status == "forbidden":
            continue
        usage = usages.setdefault((tgt, match.concept_id), ConceptUsage(match.concept_id, tgt))
        per_file = usage.counts.setdefault(match.term, {})
        per_file[file] = per_file.get(file, 0) + 1


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
    matchers: dict[str, TargetMatcher] = {}
    usages: dict[tuple[str, str], ConceptUsage] = {}
    sources: Sources = {}
    for path, table, pair in loaded:
        if pair[1] not in matchers:
            matchers[pair[1]] = TargetMatcher(glossary, pair[1])
        matcher = matchers[pair[1]]
        for row in table.rows:
            _count_variants(usages, matcher, pair[1], row["tgt"], str(path))
            _note_translation(sources, pair, row, str(path))
    divergent = [DivergentTranslation(src, tgt, text, translations)
                 for (src, tgt, _), (text, translations) in sources.items()
                 if len({_key(t) for t in translations}) > 1]
    ordered = sorted(usages.values(), key=lambda u: (u.lang, u.consistent, u.concept))
    return ConsistencyReport(ordered, divergent, [str(path) for path in files])


def _usage_line(usage: ConceptUsage) -> str:
    variants = "; ".join(
        f"{term}: " + ", ".join(f"{Path(file).name} ×{count}" for file, count in per_file.items())
        for term, per_file in usage.counts.items())
    return f"  {usage.concept} ({usage.lang}) — {variants}"


def format_consistency_text(report: ConsistencyReport) -> str:
    """Inconsistent concepts, divergent translations, then a summary line."""
    mixed = [u for u in report.usages if not u.consistent]
    lines = ["Concepts with more than one variant in use:" if mixed
             else "Every concept uses one variant throughout."]
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
        {"kind": "variants", "lang": u.lang, "concept": u.concept, "consistent": u.consistent,
         "variants": [{"term": term, "files": per_file} for term, per_file in u.counts.items()]}
        for u in report.usages]
    objects.extend(
        {"kind": "divergent-translation", "src_lang": d.src_lang, "tgt_lang": d.tgt_lang,
         "source": d.source, "concept": None,
         "translations": [{"text": text, "where": places}
                          for text, places in d.translations.items()]}
        for d in report.divergent)
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects)
