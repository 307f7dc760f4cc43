"""Sequence scores rebuilt from the top-k of each step equal transformers' own scores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from transalign.translate.stepscores import sequence_scores, step_recorder

SENTENCES = ["The CIS ministers met in Minsk.", "OSCE observers went to Donbass on Monday.", "Yes."]


@pytest.fixture(scope="module")
def marian(tiny_model: Path) -> tuple[Any, Any]:
    from transformers import MarianMTModel, MarianTokenizer

    return MarianTokenizer.from_pretrained(tiny_model), MarianMTModel.from_pretrained(tiny_model).eval()


def _search(marian: tuple[Any, Any], recorder: Any | None, **options: Any) -> Any:
    import torch
    from transformers import LogitsProcessorList

    tokenizer, model = marian
    batch = tokenizer([f">>rus<< {s}" for s in SENTENCES], return_tensors="pt", padding=True)
    processors = LogitsProcessorList([recorder] if recorder is not None else [])
    with torch.inference_mode():
        return model.generate(**batch, logits_processor=processors, return_dict_in_generate=True,
                              output_scores=recorder is None, **options)


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"num_beams": 4, "max_new_tokens": 12}, "beam search cut at the length limit"),
        ({"num_beams": 4, "max_new_tokens": 12, "num_return_sequences": 3}, "n-best rows"),
        ({"num_beams": 3, "max_new_tokens": 9, "length_penalty": 0.6}, "another length penalty"),
    ],
)
def test_beam_scores_match_transformers(
    marian: tuple[Any, Any], options: dict[str, Any], reason: str
) -> None:
    reference = _search(marian, None, **options)
    recorder = step_recorder(2 * options["num_beams"])
    ours = _search(marian, recorder, **options)
    assert ours.sequences.tolist() == reference.sequences.tolist(), reason
    rebuilt = sequence_scores(recorder, ours.sequences, ours.beam_indices, options.get("length_penalty", 1.0),
                              eos_token_id=0)
    assert rebuilt == pytest.approx(reference.sequences_scores.tolist(), abs=1e-4), reason


def test_greedy_scores_are_mean_log_probs(marian: tuple[Any, Any]) -> None:
    reference = _search(marian, None, num_beams=1, max_new_tokens=10)
    recorder = step_recorder(1)
    ours = _search(marian, recorder, num_beams=1, max_new_tokens=10)
    steps = marian[1].compute_transition_scores(reference.sequences, reference.scores, normalize_logits=False)
    expected = [sum(row) / len(row) for row in steps.tolist()]  # nothing ends before the limit here
    rebuilt = sequence_scores(recorder, ours.sequences, None, 1.0, eos_token_id=0)
    assert rebuilt == pytest.approx(expected, abs=1e-4)
