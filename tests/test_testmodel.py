"""The tiny test checkpoint: real vocabularies, target tokens, determinism, loadable by transformers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from transalign.translate.testmodel import TARGET_TOKENS, build_test_model, builder_digest


def _digests(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


def test_build_is_byte_identical(tiny_model: Path, tmp_path: Path) -> None:
    """Same inputs, same bytes: the cache key (builder digest) is meaningful."""
    rebuilt = build_test_model(tmp_path / "again")
    assert _digests(rebuilt) == _digests(tiny_model)
    assert tiny_model.name == f"tiny-model-{builder_digest()}"


def test_files_are_marian_compatible(tiny_model: Path) -> None:
    """Everything MarianTokenizer and MarianMTModel need is there."""
    names = {path.name for path in tiny_model.iterdir()}
    assert {"config.json", "model.safetensors", "source.spm", "target.spm", "vocab.json"} <= names


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Минские соглашения ещё в силе.", "Russian with ё"),
        ("Мінскія пагадненні ўсё яшчэ дзейнічаюць. Ў І", "Belarusian ў, і, capital Ў, І"),
        ("Ґ ґ Є є Ї ї", "Ukrainian letters"),
        ("СНГ, ОБСЕ, Данбас — 4 200 «чалавек»", "acronyms, digits, guillemets"),
    ],
)
def test_target_vocabulary_covers_cyrillic_without_unk(tiny_model: Path, text: str, reason: str) -> None:
    from transformers import MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(tiny_model)
    ids = tokenizer(text_target=[text]).input_ids[0]
    assert tokenizer.unk_token_id not in ids, reason
    assert tokenizer.decode(ids, skip_special_tokens=True, use_source_tokenizer=False) == text


def test_byte_fallback_encodes_any_source_text(tiny_model: Path) -> None:
    """A character never seen in training becomes byte pieces, not <unk>."""
    from transformers import MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(tiny_model)
    ids = tokenizer([">>rus<< The snowman ☃ met 漢字."]).input_ids[0]
    tokens = tokenizer.convert_ids_to_tokens(ids)
    assert tokenizer.unk_token_id not in ids
    assert tokens[0] == ">>rus<<" and "<0xE2>" in tokens


def test_target_tokens_and_generation(tiny_model: Path) -> None:
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(tiny_model)
    assert set(TARGET_TOKENS) <= set(tokenizer.supported_language_codes)
    model = MarianMTModel.from_pretrained(tiny_model).eval()
    batch = tokenizer([">>bel<< The ministers met in Minsk."], return_tensors="pt")
    with torch.inference_mode():
        out = model.generate(**batch, num_beams=2, max_new_tokens=8)
    assert out.shape[0] == 1 and 1 < out.shape[1] <= 9
