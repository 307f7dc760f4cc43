"""The transformers Marian backend end to end on the tiny test model (nothing mocked)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from transalign.errors import InputError, ModelUnavailableError
from transalign.translate.backend import GlossaryLike, Translation
from transalign.translate.marian import MarianTranslator
from transalign.translate.models import locate_model
from transalign.translate.settings import GenerationSettings, RuntimeSettings

SENTENCES = [
    "The CIS foreign ministers met in Minsk on 6 April.",
    "Short.",
    "The OSCE mission in Donbass reported new violations of the Minsk agreements, the ministers said.",
]


@pytest.fixture(scope="module")
def translator(tiny_model: Path) -> MarianTranslator:
    return MarianTranslator(locate_model(str(tiny_model)))


def test_one_translation_per_sentence_in_input_order(translator: MarianTranslator) -> None:
    """Batches are formed by length, so a permuted input gives the same batches: outputs must
    come back permuted the same way."""
    forward = translator.translate(SENTENCES, "ru")
    backward = translator.translate(SENTENCES[::-1], "ru")
    assert [t.text for t in backward] == [t.text for t in forward][::-1]
    assert len({t.text for t in forward}) == len(SENTENCES), "the tiny model's outputs differ by input"
    assert all(isinstance(t.score, float) for t in forward)


def test_output_length_is_limited_per_sentence_inside_a_batch(translator: MarianTranslator) -> None:
    """A short sentence batched with a long one still gets its own (short) limit."""
    limits = translator.output_limits(translator.count_tokens(SENTENCES))
    for hypotheses, limit in zip(translator.generate(SENTENCES, "ru"), limits, strict=True):
        assert len(hypotheses[0].token_ids) <= limit
        assert hypotheses[0].finished == (len(hypotheses[0].token_ids) < limit)


def test_target_token_prefix_is_in_the_encoded_batch(translator: MarianTranslator) -> None:
    batch = translator.encode(["Hello."], "be")
    first = translator.tokenizer.convert_ids_to_tokens(batch["input_ids"][0].tolist())[0]
    assert first == ">>bel<<"


def test_nbest_is_sorted_and_sized(translator: MarianTranslator) -> None:
    hypotheses = translator.generate(SENTENCES[:2], "ru", num_return_sequences=3)
    assert [len(h) for h in hypotheses] == [3, 3]
    for group in hypotheses:
        assert [h.score for h in group] == sorted((h.score for h in group), reverse=True)
        assert all(translator.decode(h.token_ids) == h.text for h in group)


def test_long_sentence_is_split_not_truncated(tiny_model: Path) -> None:
    settings = GenerationSettings(max_input_tokens=16)
    small = MarianTranslator(locate_model(str(tiny_model)), settings)
    long_sentence = SENTENCES[2] + " " + SENTENCES[0]
    assert small.count_tokens([long_sentence])[0] > 16
    result = small.translate([long_sentence, "Short."], "ru")
    parts = int(result[0].issues[0].split(":")[1])
    assert result[0].issues[0].startswith("split:") and parts >= 2
    assert result[1].issues == [] or "split" not in result[1].issues[0]


@pytest.mark.parametrize(("words", "reason"), [
    (400, "over the tiny model's 256 positions: split, and transformers' 'indexing errors' warning "
          "(about a sequence the tool never feeds whole) must not reach the user's stderr"),
    (5, "a short sentence: nothing to say either"),
])
def test_long_input_prints_no_transformers_length_warning(
        tiny_model: Path, capfd: pytest.CaptureFixture[str], words: int, reason: str) -> None:
    fresh = MarianTranslator(locate_model(str(tiny_model)))  # the warning fires once per tokenizer
    fresh.translate([" ".join(["ministers"] * words) + "."], "ru")
    assert "indexing errors" not in capfd.readouterr().err, reason


def test_unsupported_target_language_is_e303(translator: MarianTranslator) -> None:
    with pytest.raises(InputError) as err:
        translator.translate(["Hello."], "de")
    assert err.value.code == "E303"


def test_signature_records_weights_hash_and_token(translator: MarianTranslator, tiny_model: Path) -> None:
    signature = translator.signature("be")
    expected = hashlib.sha256((tiny_model / "model.safetensors").read_bytes()).hexdigest()
    assert signature["weights_sha256"] == expected
    assert signature["target_token"] == ">>bel<<" and signature["dtype"] == "float32"
    assert signature["generation"]["beam_size"] == 4


class _RecordingEnforcer:
    """A stand-in terminology enforcer: records its calls, decodes with the real model."""

    name = "recording/1"

    def __init__(self) -> None:
        self.calls: list[tuple[int, str]] = []

    def translate(self, translator: MarianTranslator, sentences: Sequence[str], tgt_lang: str,
                  glossary: GlossaryLike) -> list[Translation]:
        self.calls.append((len(sentences), tgt_lang))
        return translator.translate_plain(sentences, tgt_lang)


class _Glossary:
    def digest(self) -> str:
        return "0" * 64


def test_enforcer_is_called_only_with_a_glossary(tiny_model: Path) -> None:
    enforcer = _RecordingEnforcer()
    translator = MarianTranslator(locate_model(str(tiny_model)), enforcer=enforcer)
    translator.translate(SENTENCES, "ru")
    assert enforcer.calls == []
    translator.translate(SENTENCES, "be", glossary=_Glossary())
    assert enforcer.calls == [(3, "be")]
    assert translator.signature("be")["enforcer"] == "recording/1"


def test_unavailable_device_is_e306(tiny_model: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(InputError, match="not available"):
        MarianTranslator(locate_model(str(tiny_model)), runtime=RuntimeSettings(device="cuda"))


@pytest.mark.parametrize(
    ("make", "code", "reason"),
    [
        (lambda root: root / "missing", "E302", "folder does not exist"),
        (lambda root: root, "E302", "folder without the checkpoint files"),
    ],
)
def test_bad_local_model_folder(tmp_path: Path, make: object, code: str, reason: str) -> None:
    folder = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(ModelUnavailableError) as err:
        locate_model(str(folder))
    assert err.value.code == code, reason
    assert "--model" in err.value.one_line()


def test_hub_model_not_cached_offline_is_e301(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    with pytest.raises(ModelUnavailableError) as err:
        locate_model("Helsinki-NLP/opus-mt-tc-big-en-zle")
    line = err.value.one_line()
    assert err.value.code == "E301"
    assert "Helsinki-NLP/opus-mt-tc-big-en-zle" in line and "--model PATH" in line
    assert str(tmp_path / "hub") in line


def test_corrupt_checkpoint_is_e304(tiny_model: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    (broken / "model.safetensors").write_bytes(b"not weights")
    translator = MarianTranslator(locate_model(str(broken)))
    with pytest.raises(ModelUnavailableError) as err:
        translator.translate(["Hello."], "ru")
    assert err.value.code == "E304"


def test_hub_model_not_cached_and_hub_unreachable_is_e301(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    """Online mode but nothing listens at the endpoint: a quick, clear failure."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(ModelUnavailableError) as err:
        locate_model("Helsinki-NLP/opus-mt-en-ru")
    assert err.value.code == "E301" and "cannot be reached" in err.value.message


def test_no_sentences_no_work(translator: MarianTranslator) -> None:
    assert translator.translate([], "ru") == [] and translator.translate_plain([], "be") == []
