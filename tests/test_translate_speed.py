"""Speed-minded parts of the transformers backend keep its results: cached ids, manual padding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from transalign.translate.marian import MarianTranslator
from transalign.translate.models import ModelFiles
from transalign.translate.settings import GenerationSettings, RuntimeSettings

SENTENCES = [
    "The CIS foreign ministers met in Minsk on Friday.",
    "OSCE observers returned to Donbass.",
    "Yes.",
    "  Spaces  around  ",
    "Ünïcödé, «quotes» and 2,500 numbers — all here.",
]


@pytest.fixture(scope="module")
def translator(tiny_model: Path) -> MarianTranslator:
    return MarianTranslator(ModelFiles("tiny", tiny_model), GenerationSettings(beam_size=2),
                            RuntimeSettings(device="cpu"))


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_encode_equals_the_tokenizer_with_the_language_token(translator: MarianTranslator, lang: str) -> None:
    ours = translator.encode(SENTENCES, lang)
    token = translator.target_token(lang)
    theirs = translator.tokenizer([f"{token} {s}" for s in SENTENCES], return_tensors="pt", padding=True)
    assert ours["input_ids"].tolist() == theirs["input_ids"].tolist()
    assert ours["attention_mask"].tolist() == theirs["attention_mask"].tolist()


def test_each_sentence_is_tokenised_once(translator: MarianTranslator, monkeypatch: Any) -> None:
    tokenizer = translator.tokenizer
    seen: list[str] = []
    original = type(tokenizer).__call__

    def counting(self: Any, text: Any = None, *args: Any, **kwargs: Any) -> Any:
        if isinstance(text, list):
            seen.extend(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(type(tokenizer), "__call__", counting)
    fresh = [f"{sentence} (once)" for sentence in SENTENCES]
    translator.translate(fresh + fresh[:2], "ru")
    assert sorted(seen) == sorted(fresh)
