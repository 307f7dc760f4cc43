"""The CTranslate2 backend on the tiny test model: same output as transformers, cache, errors."""

from __future__ import annotations

import builtins
import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ctranslate2")

from transalign.errors import InputError
from transalign.translate import ct2
from transalign.translate.ct2 import CTranslate2Translator, converted_model, resolve_compute_type
from transalign.translate.marian import MarianTranslator
from transalign.translate.models import ModelFiles
from transalign.translate.settings import GenerationSettings, RuntimeSettings

SENTENCES = [
    "The CIS foreign ministers met in Minsk on Friday.",
    "OSCE observers returned to Donbass.",
    "Yes.",
]
EXACT = RuntimeSettings(device="cpu", extra={"compute_type": "float32"})


@pytest.fixture(scope="module")
def files(tiny_model: Path) -> ModelFiles:
    return ModelFiles("tiny", tiny_model)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ct2-cache")


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        (GenerationSettings(beam_size=1), "greedy"),
        (GenerationSettings(beam_size=4), "beam 4, the default"),
        (GenerationSettings(beam_size=4, fixed_new_tokens=9), "forced length, as the benchmark runs it"),
    ],
)
def test_ct2_float32_matches_transformers(
    files: ModelFiles, cache: Path, settings: GenerationSettings, reason: str
) -> None:
    torch_side = MarianTranslator(files, settings, RuntimeSettings(device="cpu"))
    ct2_side = CTranslate2Translator(files, settings, EXACT, cache=cache)
    for lang in ("ru", "be"):
        for ours, theirs in zip(
            ct2_side.generate(SENTENCES, lang), torch_side.generate(SENTENCES, lang), strict=True
        ):
            mine, reference = ours[0].token_ids, theirs[0].token_ids
            # at the length limit transformers may prefer an ending one token earlier (its forced
            # </s> costs log-probability, CTranslate2's cut does not); before it, all is equal
            shorter = min(len(mine), len(reference))
            assert mine[:shorter] == reference[:shorter], f"{reason}, {lang}"
            assert abs(len(mine) - len(reference)) <= 1, f"{reason}, {lang}"


def test_forced_length_is_exact(files: ModelFiles, cache: Path) -> None:
    settings = GenerationSettings(beam_size=4, fixed_new_tokens=7)
    hypotheses = CTranslate2Translator(files, settings, EXACT, cache=cache).generate(SENTENCES, "ru")
    assert [len(h[0].token_ids) for h in hypotheses] == [7, 7, 7]


def test_target_language_token_leads_the_source(files: ModelFiles, cache: Path) -> None:
    translator = CTranslate2Translator(files, runtime=EXACT, cache=cache)
    for lang, token in (("ru", ">>rus<<"), ("be", ">>bel<<")):
        pieces = translator.source_tokens(["Minsk."], lang)[0]
        assert (pieces[0], pieces[-1]) == (token, "</s>"), lang


def test_batching_does_not_change_an_output(files: ModelFiles, cache: Path) -> None:
    settings = GenerationSettings(beam_size=2, max_length_ratio=0.5, max_length_extra=2)
    translator = CTranslate2Translator(files, settings, EXACT, cache=cache)
    texts = ["Minsk.", "The OSCE observers returned to Donbass on Monday morning after talks."]
    together = [t.text for t in translator.translate(texts, "ru")]
    assert together == [translator.translate([text], "ru")[0].text for text in texts]


def test_nothing_is_loaded_or_converted_for_the_signature(files: ModelFiles, tmp_path: Path) -> None:
    translator = CTranslate2Translator(files, runtime=RuntimeSettings(device="cpu"), cache=tmp_path)
    signature = translator.signature("ru")
    assert (signature["backend"], signature["compute_type"], signature["target_token"]) == (
        "ctranslate2",
        "int8",
        ">>rus<<",
    )
    assert not any(tmp_path.iterdir())


def test_pipeline_with_ctranslate2_backend(tiny_model: Path, tmp_path: Path, monkeypatch: Any) -> None:
    from transalign.translate.pipeline import translate_documents

    monkeypatch.setenv("TRANSALIGN_CACHE", str(tmp_path / "cache"))
    story = tmp_path / "story.en.txt"
    story.write_text("The CIS ministers met in Minsk.\n\nOSCE observers went to Donbass.\n", "utf-8")
    report = translate_documents(
        [story],
        "en",
        ["ru", "be"],
        str(tiny_model),
        out_dir=tmp_path / "out",
        backend="ctranslate2",
        enforcer=None,
    )
    assert [r.status for r in report.results] != [] and not report.failures
    for lang in ("ru", "be"):
        tsv = (tmp_path / "out" / f"story.en-{lang}.tsv").read_text(encoding="utf-8").splitlines()
        assert len(tsv) == 3, lang  # header + two sentences
    assert len(list((tmp_path / "cache" / "ct2").iterdir())) == 1, "converted once for both languages"


def test_translate_restores_input_order_across_batches(files: ModelFiles, cache: Path) -> None:
    runtime = RuntimeSettings(device="cpu", token_budget=40, extra={"compute_type": "float32"})
    translator = CTranslate2Translator(files, GenerationSettings(beam_size=2), runtime, cache=cache)
    many = [f"Minsk {'and Donbass ' * i}said." for i in range(9)]  # distinct lengths: same batches
    forward = [t.text for t in translator.translate(many, "ru")]
    backward = [t.text for t in translator.translate(many[::-1], "ru")]
    assert forward == backward[::-1]
    assert len(set(forward)) > 1, "different inputs, different outputs"


def test_conversion_is_cached_by_weights_hash(files: ModelFiles, tmp_path: Path, monkeypatch: Any) -> None:
    first = converted_model(files, tmp_path)
    stamp = os.stat(first / "model.bin")

    def must_not_convert(*_: object) -> None:
        raise AssertionError("converted a second time")

    monkeypatch.setattr(ct2, "_convert", must_not_convert)
    assert converted_model(ModelFiles("same weights, other name", files.path), tmp_path) == first
    again = os.stat(first / "model.bin")
    assert (again.st_ino, again.st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns)
    assert first.name == files.weights_sha256()[:32]
    assert [p.name for p in tmp_path.iterdir()] == [first.name], "no temporary folder left behind"


def test_missing_ctranslate2_is_e601(monkeypatch: Any) -> None:
    real_import = builtins.__import__

    def no_ctranslate2(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] == "ctranslate2":
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ctranslate2)
    with pytest.raises(InputError) as caught:
        ct2.import_ctranslate2()
    assert caught.value.code == "E601"
    assert "transalign[ct2]" in str(caught.value)


@pytest.mark.parametrize(
    ("requested", "device", "expected", "reason"),
    [
        ("default", "cpu", "int8", "int8 is the fast choice on CPU"),
        ("default", "cuda", "float16", "half precision on GPU"),
        ("int8_float16", "cuda", "int8_float16", "an explicit choice is kept"),
        ("float32", "cpu", "float32", "exact comparison with transformers"),
    ],
)
def test_compute_type(requested: str, device: str, expected: str, reason: str) -> None:
    assert resolve_compute_type(requested, device) == expected, reason


@pytest.mark.parametrize(("requested", "code"), [("int4", "E604"), ("fp16", "E604")])
def test_unknown_compute_type(requested: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        resolve_compute_type(requested, "cpu")
    assert caught.value.code == code


def test_mps_is_refused(files: ModelFiles, cache: Path) -> None:
    with pytest.raises(InputError) as caught:
        CTranslate2Translator(files, runtime=RuntimeSettings(device="mps"), cache=cache)
    assert caught.value.code == "E603"


def test_glossary_terms_through_ctranslate2_n_best_and_constrained_fallback(
    files: ModelFiles, cache: Path
) -> None:
    from transalign.constrained import make_enforcer
    from transalign.glossary import default_glossary_path, load_glossary

    glossary = load_glossary(default_glossary_path())
    translator = CTranslate2Translator(
        files, GenerationSettings(beam_size=4), EXACT, make_enforcer(), cache=cache
    )
    sources = [
        "The CIS ministers met in Minsk.",
        "OSCE observers went to Donbass.",
        "Nothing to enforce here.",
    ]
    translations = translator.translate(sources, "ru", glossary)
    assert len(translations) == 3
    for source, translation in zip(sources, translations, strict=True):
        assert not [i for i in translation.issues if i.startswith(("term-missing", "term-forbidden"))], source
    assert translator._torch_model is not None, "random weights: the fallback decoder had to run"
