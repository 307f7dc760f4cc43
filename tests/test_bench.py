"""Benchmark helpers: the random checkpoint's vocabulary layout, the sentences, the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from transalign.bench.measure import Measurement
from transalign.bench.model import EOS, PAD, UNK, padded_vocab
from transalign.bench.report import summary
from transalign.bench.sentences import news_sentences, vocabulary
from transalign.bench.systems import Request

WORDS = [f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(80)]


@pytest.mark.parametrize(
    ("pieces", "size", "extra", "reason"),
    [
        (["▁a", "▁b"], 10, (), "few pieces: padded with dummies up to the embedding size"),
        (["▁a", "<s>", "</s>", "<unk>", "▁a"], 8, (), "SentencePiece control pieces and repeats are dropped"),
        ([f"p{i}" for i in range(20)], 8, (), "more pieces than ids: cut, <pad> still last"),
        (["▁a"], 6, (">>rus<<", ">>bel<<"), "language tokens of multi-target models come first"),
    ],
)
def test_padded_vocab_keeps_marian_layout(
    pieces: list[str], size: int, extra: tuple[str, ...], reason: str
) -> None:
    vocab = padded_vocab(pieces, size, extra)
    assert sorted(vocab.values()) == list(range(size)), reason
    assert (vocab[EOS], vocab[UNK], vocab[PAD]) == (0, 1, size - 1), reason
    assert all(vocab[token] == 2 + i for i, token in enumerate(extra)), reason


def test_news_sentences_are_distinct_deterministic_and_news_length() -> None:
    first = news_sentences(WORDS, 40, seed=3)
    assert first == news_sentences(WORDS, 40, seed=3)
    assert first != news_sentences(WORDS, 40, seed=4)
    assert len(set(first)) == 40
    assert all(12 <= len(sentence.split()) <= 36 for sentence in first)


def test_news_sentences_need_a_vocabulary() -> None:
    with pytest.raises(ValueError, match="at least 50"):
        news_sentences(WORDS[:10], 5)


def test_vocabulary_keeps_first_use_order_and_skips_short_words() -> None:
    assert vocabulary("The CIS met, the OSCE met; Minsk 2015 ok") == ["The", "met", "the", "Minsk"]


def _measured(system: str, seconds: float, sentences: int = 10, tokens: int = 320) -> Measurement:
    return Measurement(system, seconds, sentences, tokens, peak_rss_mb=100.0)


@pytest.mark.parametrize(
    ("results", "expected", "reason"),
    [
        (
            {"naive": _measured("naive", 8.0), "batched": _measured("batched", 2.0), "ct2": None},
            {"batched_over_naive": 4.0, "ct2_over_naive": None, "constrained_overhead": None},
            "a failed system gives null, not a crash",
        ),
        (
            {"batched": _measured("batched", 2.0), "glossary": _measured("glossary", 1.5, sentences=5)},
            {"batched_over_naive": None, "glossary_over_batched": 1.5, "constrained_overhead": None},
            "end-to-end overhead compares time per sentence, so a subset may take the glossary",
        ),
    ],
)
def test_summary_ratios(
    results: dict[str, Measurement | None], expected: dict[str, object], reason: str
) -> None:
    report = summary(results, Request(sentences=["a"] * 10), "opus-mt")
    assert {key: report[key] for key in expected} == expected, reason


def test_summary_takes_the_constrained_decoders_own_overhead() -> None:
    search = {
        "constrained_overhead": 1.4,
        "constrained_over_generate": 1.1,
        "constraints": 9,
        "constraints_met": 9,
    }
    report = summary({}, Request(sentences=["a"]), "opus-mt", search)
    assert {key: report[key] for key in search} == search


@pytest.mark.parametrize("system", ["naive", "batched", "ct2", "glossary"])
def test_every_system_translates_at_the_forced_length(
    tiny_model: Path, system: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transalign.bench.systems import SYSTEMS

    monkeypatch.setenv("TRANSALIGN_CACHE", str(tmp_path))

    sentences = ["The CIS ministers met in Minsk.", "OSCE observers went to Donbass.", "Yes."]
    request = Request(sentences=sentences, beam=2, length=6, threads=1)
    assert SYSTEMS[system](tiny_model, request)(sentences) == 18
