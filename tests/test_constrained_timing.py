"""The benchmark hooks run end to end on the tiny model (numbers are not asserted: speed
targets live in scripts/bench_translate.py)."""

from __future__ import annotations

from pathlib import Path

from transalign.constrained.timing import constrained_overhead, with_glossary_terms
from transalign.glossary import SourceMatcher, default_glossary_path, load_glossary


def test_constrained_overhead_reports_ratios_and_meets_constraints(tiny_model: Path) -> None:
    sentences = ["The ministers met in the morning.", "Talks went on for two days.", "Nothing else."]
    report = constrained_overhead(tiny_model, sentences, tgt_lang="ru", length=20, repeats=1)
    assert set(report) >= {"constrained_overhead", "constrained_over_generate", "seconds", "constraints"}
    assert 3 <= report["constraints"] <= 9
    assert report["constraints_met"] == report["constraints"]  # 20 tokens leave room for 1-3 terms
    assert report["constrained_overhead"] > 0


def test_with_glossary_terms_gives_one_to_three_concepts_per_sentence() -> None:
    glossary = load_glossary(default_glossary_path())
    matcher = SourceMatcher(glossary, "en")
    for sentence in with_glossary_terms(["Weather report.", "Markets closed."] * 5, glossary):
        assert 1 <= len({m.concept_id for m in matcher.find(sentence)}) <= 3


def test_sentences_that_already_hold_a_term_are_kept() -> None:
    glossary = load_glossary(default_glossary_path())
    assert with_glossary_terms(["The CIS met in Minsk."], glossary) == ["The CIS met in Minsk."]
