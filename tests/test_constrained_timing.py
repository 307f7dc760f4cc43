"""The benchmark hooks run end to end on the tiny model (numbers are not asserted: speed
targets live in scripts/bench_translate.py)."""

from __future__ import annotations

from pathlib import Path

from transalign.constrained.timing import constrained_overhead


def test_constrained_overhead_reports_ratios_and_meets_constraints(tiny_model: Path) -> None:
    sentences = ["The ministers met in the morning.", "Talks went on for two days.", "Nothing else."]
    report = constrained_overhead(tiny_model, sentences, tgt_lang="ru", length=20, repeats=1)
    assert set(report) >= {"constrained_overhead", "constrained_over_generate", "seconds", "constraints"}
    assert 3 <= report["constraints"] <= 9
    assert report["constraints_met"] == report["constraints"]  # 20 tokens leave room for 1-3 terms
    assert report["constrained_overhead"] > 0

