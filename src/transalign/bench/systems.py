"""The translation systems the benchmark compares, each forced to the same output length.

A system is built from a checkpoint folder and a :class:`Request` and returns a function that
translates a list of sentences and returns the number of target tokens it produced. Random
weights would stop anywhere, so every system emits exactly ``request.length`` tokens per
sentence (``min_new_tokens = max_new_tokens`` in transformers, ``min_decoding_length =
max_decoding_length`` in CTranslate2).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

Run = Callable[[list[str]], int]


@dataclass(frozen=True)
class Request:
    """What to translate and how: same sentences, beam and output length for every system.

    ``length`` is the forced number of target tokens per sentence (EOS not counted);
    ``batch_tokens`` the token budget of one batch (source tokens × beam); ``tgt_lang`` an
    ISO 639-1 code; ``glossary`` a glossary TSV for the constrained system.
    """

    sentences: list[str]
    beam: int = 4
    length: int = 32
    device: str = "cpu"
    threads: int = 2
    warmup: int = 2
    tgt_lang: str = "ru"
    batch_tokens: int = 8_192
    ct2_compute_type: str = "default"
    glossary: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        """Serialise for the measuring subprocess."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Request:
        """Inverse of :meth:`to_json`."""
        return cls(**json.loads(text))


def _torch_setup(request: Request) -> Any:
    import torch

    torch.set_num_threads(request.threads)
    return torch


def _load_transformers(model_dir: Path, request: Request) -> tuple[Any, Any]:
    from transformers import MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(str(model_dir))
    model: Any = MarianMTModel.from_pretrained(str(model_dir))
    model = model.to(request.device).eval()
    return tokenizer, model


def _language_prefix(tokenizer: Any, tgt_lang: str) -> str:
    """``">>rus<< "`` for multi-target vocabularies, else empty (what OPUS-MT model cards say)."""
    codes = {"ru": "rus", "be": "bel", "uk": "ukr", "en": "eng"}
    token = f">>{codes.get(tgt_lang, tgt_lang)}<<"
    return f"{token} " if token in tokenizer.get_vocab() else ""


def naive(model_dir: Path, request: Request) -> Run:
    """The loop a user writes from the model card: one sentence at a time, ``generate``, beam 4."""
    _torch_setup(request)
    tokenizer, model = _load_transformers(model_dir, request)
    prefix = _language_prefix(tokenizer, request.tgt_lang)

    def run(sentences: list[str]) -> int:
        produced = 0
        for sentence in sentences:
            batch = tokenizer([prefix + sentence], return_tensors="pt").to(request.device)
            output = model.generate(
                **batch,
                num_beams=request.beam,
                min_new_tokens=request.length,
                max_new_tokens=request.length,
            )
            tokenizer.decode(output[0], skip_special_tokens=True)
            produced += output.shape[1] - 1
        return produced

    return run


def batched(model_dir: Path, request: Request) -> Run:
    """transalign's own transformers path: length-sorted token-budget batches."""
    torch = _torch_setup(request)
    tokenizer, model = _load_transformers(model_dir, request)
    prefix = _language_prefix(tokenizer, request.tgt_lang)

    def run(sentences: list[str]) -> int:
        encoded = [tokenizer(prefix + s).input_ids for s in sentences]
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        produced = 0
        for chunk in _token_budget_chunks([len(encoded[i]) for i in order], request):
            ids = [encoded[order[i]] for i in chunk]
            batch = tokenizer.pad({"input_ids": ids}, return_tensors="pt").to(request.device)
            with torch.inference_mode():
                output = model.generate(
                    **batch,
                    num_beams=request.beam,
                    min_new_tokens=request.length,
                    max_new_tokens=request.length,
                )
            tokenizer.batch_decode(output, skip_special_tokens=True)
            produced += (output.shape[1] - 1) * output.shape[0]
        return produced

    return run


def _token_budget_chunks(lengths: list[int], request: Request) -> list[range]:
    """Consecutive index ranges whose padded size × beam stays within the token budget."""
    chunks: list[range] = []
    start = 0
    for end in range(1, len(lengths) + 1):
        if (end - start) * max(lengths[start:end]) * request.beam > request.batch_tokens:
            chunks.append(range(start, end - 1))
            start = end - 1
    if start < len(lengths):
        chunks.append(range(start, len(lengths)))
    return chunks


def ctranslate2_system(model_dir: Path, request: Request) -> Run:
    """transalign with ``--backend ctranslate2`` (converted once, cached by weights hash)."""
    import ctranslate2
    from ctranslate2.converters import TransformersConverter
    from transformers import MarianTokenizer

    out = model_dir.parent / (model_dir.name + "-ct2")
    if not (out / "model.bin").exists():
        TransformersConverter(str(model_dir)).convert(str(out), force=True)
    compute = "int8" if request.ct2_compute_type == "default" else request.ct2_compute_type
    translator = ctranslate2.Translator(
        str(out), device=request.device, compute_type=compute, intra_threads=request.threads
    )
    tokenizer = MarianTokenizer.from_pretrained(str(model_dir))
    prefix = _language_prefix(tokenizer, request.tgt_lang)

    def run(sentences: list[str]) -> int:
        tokens = [tokenizer.convert_ids_to_tokens(tokenizer(prefix + s).input_ids) for s in sentences]
        results = translator.translate_batch(
            tokens,
            beam_size=request.beam,
            min_decoding_length=request.length,
            max_decoding_length=request.length,
            max_batch_size=request.batch_tokens // request.beam,
            batch_type="tokens",
        )
        return sum(len(result.hypotheses[0]) for result in results)

    return run


SYSTEMS: dict[str, Callable[[Path, Request], Run]] = {
    "naive": naive,
    "batched": batched,
    "ct2": ctranslate2_system,
}
