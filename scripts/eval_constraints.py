#!/usr/bin/env python3
"""Terminology coverage with and without the glossary: prints one JSON object.

For every sentence of the story, the glossary concepts found in the English source are the
*expected* concepts. A concept is *satisfied* by a translation when one of the inflected forms
of one of its admitted target terms (``transalign.morph.inflect``) stands in it as whole words
(case-insensitive, ё = е) — a text check independent of the target matcher the enforcer uses —
and *forbidden* when a form of one of its forbidden terms does. Each target language is
translated twice by the same model: plain (no glossary) and with terminology enforcement.

    python scripts/eval_constraints.py                       # tiny test model, shared story
    python scripts/eval_constraints.py --model PATH --langs ru,be --story FILE
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from transalign.constrained import make_enforcer, terms  # noqa: E402
from transalign.glossary import SourceMatcher, default_glossary_path, load_glossaries  # noqa: E402
from transalign.io import read_text  # noqa: E402
from transalign.segment import segment  # noqa: E402

DEFAULT_STORY = REPO.parent / "shared" / "corpus" / "cis-ministers.en.txt"


def _count(outputs: list[str], expected: list[list[terms.TermConstraint]]) -> dict[str, int]:
    satisfied = forbidden = complete = 0
    for text, wanted in zip(outputs, expected, strict=True):
        missing = terms.missing(text, wanted)
        satisfied += len(wanted) - len(missing)
        forbidden += len(terms.forbidden_used(text, wanted))
        complete += bool(wanted) and not missing
    return {"satisfied": satisfied, "forbidden": forbidden, "sentences_complete": complete}


def evaluate(model: str | None, story: Path, langs: list[str], glossaries: list[Path]) -> dict[str, Any]:
    """Coverage numbers per language (see the module docstring)."""
    from transalign.translate.marian import MarianTranslator
    from transalign.translate.models import locate_model

    if model is None:
        from transalign.translate.testmodel import build_cached_test_model

        model = str(build_cached_test_model(REPO / ".cache"))
    glossary = load_glossaries(glossaries)
    translator = MarianTranslator(locate_model(model))
    sentences = [s.text for s in segment(read_text(story), "en")]
    found = [[m.concept_id for m in SourceMatcher(glossary, "en").find(s)] for s in sentences]
    report: dict[str, Any] = {"model": model, "story": story.name, "sentences": len(sentences),
                              "glossary_sha256": glossary.digest(), "languages": {}}
    for lang in langs:
        expected = [terms.sentence_constraints(glossary, ids, lang) for ids in found]
        start = time.perf_counter()
        plain = [t.text for t in translator.translate_plain(sentences, lang)]
        plain_seconds = time.perf_counter() - start
        start = time.perf_counter()
        enforcer = make_enforcer()
        enforced = enforcer.translate(translator, sentences, lang, glossary)
        enforced_seconds = time.perf_counter() - start
        without, with_ = _count(plain, expected), _count([t.text for t in enforced], expected)
        report["languages"][lang] = {
            "concepts_expected": sum(map(len, expected)),
            "sentences_with_concepts": sum(bool(e) for e in expected),
            "satisfied_with_glossary": with_["satisfied"], "satisfied_without_glossary": without["satisfied"],
            "forbidden_with_glossary": with_["forbidden"], "forbidden_without_glossary": without["forbidden"],
            "sentences_complete_with_glossary": with_["sentences_complete"],
            "term_issues_reported": sum(i.startswith("term-") for t in enforced for i in t.issues),
            "sentences_by_step": dict(enforcer.stats),
            "seconds_without_glossary": round(plain_seconds, 2),
            "seconds_with_glossary": round(enforced_seconds, 2),
        }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="Marian checkpoint (default: the tiny test model, built if needed)")
    parser.add_argument("--story", type=Path, default=DEFAULT_STORY, help="English story (raw text)")
    parser.add_argument("--langs", default="ru,be", help="target languages, comma-separated")
    parser.add_argument("--glossary", type=Path, action="append", help="glossary TSV (default: house)")
    args = parser.parse_args(argv)
    if not args.story.is_file():
        parser.error(f"story not found: {args.story} (pass --story FILE)")
    glossaries = args.glossary or [default_glossary_path()]
    report = evaluate(args.model, args.story, args.langs.split(","), glossaries)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
