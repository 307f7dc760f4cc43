"""The CTranslate2 backend (``--backend ctranslate2``): the same Marian checkpoint, 3–10× faster.

The transformers checkpoint is converted once with ``ctranslate2.converters.TransformersConverter``
into a cache folder keyed by the sha256 of its weights (converted into a temporary folder, then
renamed into place, so an interrupted or concurrent conversion never leaves a half-written model).
Weights are stored as in the checkpoint; the compute type is chosen at load time: ``int8`` on CPU,
``float16`` on a GPU (``int8_float16`` on request).

:class:`CTranslate2Translator` is a :class:`~transalign.translate.marian.MarianTranslator` whose
``generate`` runs on CTranslate2: splitting, batching, the anti-loop retry and the n-best lists
are shared. With a glossary the enforcer first looks for a hypothesis that meets every
constraint in CTranslate2's n-best list; only sentences where none does reach the constrained
decoder, which runs on the transformers model, loaded on first use.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from transalign.errors import InputError, ModelUnavailableError
from transalign.translate.backend import GlossaryEnforcer, Hypothesis
from transalign.translate.marian import MarianTranslator, load_model, load_tokenizer
from transalign.translate.models import ModelFiles
from transalign.translate.settings import GenerationSettings, RuntimeSettings

BACKEND_NAME = "ctranslate2"
COMPUTE_TYPES = (
    "default",
    "auto",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)
_DEFAULT_COMPUTE = {"cpu": "int8", "cuda": "float16"}
_DEFAULT_BUDGET = {"cpu": 2_000, "cuda": 32_000}


def import_ctranslate2() -> ModuleType:
    """The ``ctranslate2`` module, or E601 saying how to install it."""
    try:
        import ctranslate2 as module
    except ImportError:
        raise InputError(
            "E601",
            "the ctranslate2 backend needs the 'ctranslate2' package, which is not installed",
            hint="pip install 'transalign[ct2]', or use --backend transformers",
        ) from None
    ctranslate2: ModuleType = module
    return ctranslate2


def cache_dir() -> Path:
    """Where converted models live: ``$TRANSALIGN_CACHE/ct2`` or ``~/.cache/transalign/ct2``."""
    root = os.environ.get("TRANSALIGN_CACHE")
    if root:
        return Path(root) / "ct2"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "transalign" / "ct2"


def converted_model(files: ModelFiles, cache: Path | None = None) -> Path:
    """The CTranslate2 conversion of ``files``, made on first use and reused afterwards.

    Keyed by the weights' sha256, so a changed checkpoint is converted again and the same
    weights under two names are converted once.

    Raises:
        ModelUnavailableError: E602 when the checkpoint cannot be converted.
    """
    folder = (cache or cache_dir()) / files.weights_sha256()[:32]
    if (folder / "model.bin").is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=".converting-") as work:
        staged = Path(work) / "model"
        _convert(files, staged)
        try:
            os.replace(staged, folder)
        except OSError:  # another process renamed its conversion into place first
            if not (folder / "model.bin").is_file():
                raise
    return folder


def _convert(files: ModelFiles, out: Path) -> None:
    converters = import_ctranslate2().converters
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            converters.TransformersConverter(str(files.path)).convert(str(out), force=True)
    except Exception as err:  # the converter raises ValueError, KeyError, OSError, ...
        raise ModelUnavailableError(
            "E602",
            f"cannot convert {files.model_id!r} to CTranslate2 ({type(err).__name__}: "
            f"{str(err).strip()[:160]})",
            path=files.path,
            hint="use --backend transformers, or pass a MarianMT (OPUS-MT) checkpoint",
        ) from None


def resolve_ct2_device(requested: str, ctranslate2: ModuleType) -> tuple[str, int]:
    """(device, index) for CTranslate2: ``auto`` → cuda when a GPU is visible, else cpu.

    Raises:
        InputError: E603 for devices CTranslate2 cannot use (``mps``, a missing GPU).
    """
    kind, _, index = requested.partition(":")
    gpus = int(ctranslate2.get_cuda_device_count())
    if kind == "auto":
        return ("cuda" if gpus else "cpu"), 0
    if kind == "cpu" or (kind == "cuda" and gpus > int(index or 0)):
        return kind, int(index or 0)
    raise InputError(
        "E603",
        f"the ctranslate2 backend cannot run on device {requested!r}",
        hint="use --device cpu or cuda, or --backend transformers",
    )


def resolve_compute_type(requested: str, device: str) -> str:
    """``default`` → int8 on cpu, float16 on cuda; other values are CTranslate2's own (E604)."""
    if requested not in COMPUTE_TYPES:
        raise InputError(
            "E604",
            f"unknown CTranslate2 compute type {requested!r}",
            hint=f"use one of {', '.join(COMPUTE_TYPES)}",
        )
    return _DEFAULT_COMPUTE[device] if requested == "default" else requested


class CTranslate2Translator(MarianTranslator):
    """A Marian checkpoint translated by CTranslate2 (see the module docstring).

    Like :class:`MarianTranslator`, nothing is loaded (or converted) before the first
    translation, so ``signature`` is cheap.

    Attributes (besides :class:`MarianTranslator`'s):
        compute_type: the CTranslate2 compute type in use (in the signature).
        cache: where converted models live (None = :func:`cache_dir`).
    """

    def __init__(self, files: ModelFiles, settings: GenerationSettings | None = None,
                 runtime: RuntimeSettings | None = None, enforcer: GlossaryEnforcer | None = None,
                 cache: Path | None = None) -> None:
        runtime = runtime or RuntimeSettings()
        ctranslate2 = import_ctranslate2()
        device, self._device_index = resolve_ct2_device(runtime.device, ctranslate2)
        super().__init__(files, settings, replace(runtime, device=device), enforcer)
        self.compute_type = resolve_compute_type(runtime.extra.get("compute_type", "default"), device)
        self.token_budget = runtime.token_budget or _DEFAULT_BUDGET[device]
        self.cache = cache
        self._tokenizer: Any = None
        self._torch_model: Any = None
        self._translator: Any = None
        self._config: Any = None

    @property
    def tokenizer(self) -> Any:
        """The ``MarianTokenizer`` (loaded on first use, without the transformers model)."""
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer(self.files)
        return self._tokenizer

    @property
    def model(self) -> Any:
        """The transformers model, loaded on first use (only constrained decoding needs it)."""
        if self._torch_model is None:
            self._torch_model = load_model(self.files, self.device, self.dtype)
        return self._torch_model

    @property
    def translator(self) -> Any:
        """The ``ctranslate2.Translator`` (the checkpoint is converted on first use)."""
        if self._translator is None:
            self._translator = import_ctranslate2().Translator(
                str(converted_model(self.files, self.cache)), device=self.device,
                device_index=self._device_index, compute_type=self.compute_type,
                intra_threads=(self.runtime.threads or _cpu_threads()) if self.device == "cpu" else 0,
            )
        return self._translator

    @property
    def model_limit(self) -> int:
        """Most tokens the model accepts on either side (from its config, no weights loaded)."""
        if self._config is None:
            from transformers import AutoConfig

            self._config = AutoConfig.from_pretrained(self.files.path, local_files_only=True)
        positions = int(getattr(self._config, "max_position_embeddings", 512))
        return min(positions, int(self.tokenizer.model_max_length or positions))

    def source_tokens(self, sentences: Sequence[str], tgt_lang: str) -> list[list[str]]:
        """Source pieces per sentence as Marian reads them: ``>>rus<<`` first, ``</s>`` last."""
        token = self.target_token(tgt_lang)
        prefix = [] if token is None else [token]
        return [prefix + self.tokenizer.convert_ids_to_tokens(ids) for ids in self.source_ids(sentences)]

    def generate(self, sentences: Sequence[str], tgt_lang: str, settings: GenerationSettings | None = None,
                 num_return_sequences: int | None = None) -> list[list[Hypothesis]]:
        """Beam-search one batch on CTranslate2: n-best hypotheses per sentence, best first.

        CTranslate2 has one length limit per call, so the batch is decoded in groups of equal
        limit: a sentence's output never depends on the batch it is in.
        """
        settings = settings or self.settings
        n_best = num_return_sequences or settings.num_return_sequences
        source = self.source_tokens(sentences, tgt_lang)
        prefix_tokens = 1 if self.target_token(tgt_lang) else 0
        limits = self.output_limits([len(tokens) - prefix_tokens for tokens in source], settings)
        hypotheses: list[list[Hypothesis]] = [[] for _ in source]
        for limit, group in _groups_by(limits).items():
            results = self.translator.translate_batch(
                [source[index] for index in group], beam_size=max(settings.beam_size, n_best),
                num_hypotheses=n_best, length_penalty=settings.length_penalty,
                no_repeat_ngram_size=settings.no_repeat_ngram_size, max_decoding_length=limit,
                min_decoding_length=settings.min_new_tokens(), max_input_length=0,
                max_batch_size=self.token_budget, batch_type="tokens", return_scores=True,
                return_end_token=True,
            )
            for index, result in zip(group, results, strict=True):
                hypotheses[index] = [self._hypothesis(tokens, score)
                                     for tokens, score in zip(result.hypotheses, result.scores, strict=True)]
        return hypotheses

    def _hypothesis(self, tokens: list[str], score: float) -> Hypothesis:
        finished = bool(tokens) and tokens[-1] == self.tokenizer.eos_token
        body = tuple(self.tokenizer.convert_tokens_to_ids(tokens[:-1] if finished else tokens))
        return Hypothesis(self.decode(body), body, float(score), finished)

    def signature(self, tgt_lang: str) -> dict[str, Any]:
        """The transformers signature with the backend, its version and the compute type."""
        signature = super().signature(tgt_lang)
        signature.update(backend=BACKEND_NAME, ctranslate2=import_ctranslate2().__version__,
                         compute_type=self.compute_type, dtype=self.compute_type)
        return signature


def _groups_by(values: Sequence[int]) -> dict[int, list[int]]:
    """Indices of ``values`` grouped by value (groups in order of first appearance)."""
    groups: dict[int, list[int]] = {}
    for index, value in enumerate(values):
        groups.setdefault(value, []).append(index)
    return groups


def _cpu_threads() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
