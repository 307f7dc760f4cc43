"""The translation systems the benchmark compares, each forced to the same output length.

A system is built from a checkpoint folder and a :class:`Request` and returns a function that
translates a list of sentences and returns the number of target tokens it produced. Random
weights would stop anywhere, so every system emits exactly ``request.length`` tokens per
sentence (``min_new_tokens = max_new_tokens`` in transformers, ``min_decoding_length =
max_decoding_length`` in CTranslate2).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

Run = Callable[[list[str]], int]


@dataclass(frozen=True)
class Request:
    """What to translate and how: same sentences, beam and output length for every system.

    ``length`` is the forced number of target tokens (decoder steps) per sentence;
    ``batch_tokens`` the token budget of one batch (padded source tokens, None = the backend's
    default); ``tgt_lang`` an
    ISO 639-1 code; ``rounds`` how many slices the systems translate in turn; ``glossary`` a
    glossary TSV for the constrained system; ``limits`` caps the sentences a slow system
    translates (the naive loop on a GPU), as a number over all rounds.
    """

    sentences: list[str]
    beam: int = 4
    length: int = 32
    device: str = "cpu"
    threads: int = 2
    warmup: int = 2
    rounds: int = 2
    tgt_lang: str = "ru"
    batch_tokens: int | None = None
    ct2_compute_type: str = "default"
    glossary: str | None = None
    limits: dict[str, int] = field(default_factory=dict)

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


def _settings(request: Request) -> Any:
    """transalign's generation settings forced to ``request.length`` tokens, no anti-loop retry.

    Random weights loop in nearly every output; the retry (a second decoding of looping
    sentences) would measure the model's randomness, not the decoder, and the naive loop has none.
    """
    from transalign.translate.settings import GenerationSettings

    return GenerationSettings(
        beam_size=request.beam, fixed_new_tokens=request.length, retry_no_repeat_ngram_size=0
    )


def _runtime(request: Request, **extra: str) -> Any:
    from transalign.translate.settings import RuntimeSettings

    return RuntimeSettings(device=request.device, token_budget=request.batch_tokens, extra=extra)


def _translator_run(translator: Any, request: Request) -> Run:
    def run(sentences: list[str]) -> int:
        translator.translate(sentences, request.tgt_lang)
        return len(sentences) * request.length

    return run


def batched(model_dir: Path, request: Request) -> Run:
    """transalign's own transformers path (``MarianTranslator``: sorted token-budget batches)."""
    from transalign.translate.marian import MarianTranslator
    from transalign.translate.models import ModelFiles

    _torch_setup(request)
    files = ModelFiles("bench", model_dir)
    return _translator_run(MarianTranslator(files, _settings(request), _runtime(request)), request)


def ctranslate2_system(model_dir: Path, request: Request) -> Run:
    """transalign with ``--backend ctranslate2`` (converted once, cached by weights hash)."""
    from transalign.translate.ct2 import CTranslate2Translator
    from transalign.translate.models import ModelFiles

    _torch_setup(request)
    files = ModelFiles("bench", model_dir)
    runtime = _runtime(request, compute_type=request.ct2_compute_type)
    cache = None if os.environ.get("TRANSALIGN_CACHE") else model_dir / "ct2-cache"
    translator = CTranslate2Translator(files, _settings(request), runtime, cache=cache)
    return _translator_run(translator, request)


def glossary_system(model_dir: Path, request: Request) -> Run:
    """transalign with the house glossary: n-best check, then constrained beam search (transformers)."""
    from transalign.constrained import make_enforcer
    from transalign.glossary import default_glossary_path, load_glossary
    from transalign.translate.marian import MarianTranslator
    from transalign.translate.models import ModelFiles

    _torch_setup(request)
    glossary = load_glossary(Path(request.glossary) if request.glossary else default_glossary_path())
    files = ModelFiles("bench", model_dir)
    translator = MarianTranslator(files, _settings(request), _runtime(request), make_enforcer())

    def run(sentences: list[str]) -> int:
        translator.translate(sentences, request.tgt_lang, glossary)
        return len(sentences) * request.length

    return run


SYSTEMS: dict[str, Callable[[Path, Request], Run]] = {
    "naive": naive,
    "batched": batched,
    "ct2": ctranslate2_system,
    "glossary": glossary_system,
}
