"""The transformers backend: MarianMTModel + MarianTokenizer (OPUS-MT checkpoints).

Batches are length-sorted under a token budget and decoded with beam search under
``torch.inference_mode`` (KV cache on, half precision on a GPU). Outputs caught in a repetition
loop are decoded again with ``no_repeat_ngram_size``; sentences over the model's input limit
are split at clause boundaries. Public methods other than ``translate``/``signature``
(``encode``, ``generate``, ``target_ids``, ``decode``, ``target_token``) are the extension
points for a :class:`~transalign.translate.backend.GlossaryEnforcer`.
"""

from __future__ import annotations

import contextlib
import json
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from transalign.errors import InputError, ModelUnavailableError
from transalign.translate.backend import (
    GlossaryEnforcer,
    GlossaryLike,
    Hypothesis,
    ProgressCallback,
    Translation,
)
from transalign.translate.batching import plan_batches, restore_order
from transalign.translate.langtokens import language_tokens, target_token
from transalign.translate.limits import force_end_at_limits
from transalign.translate.models import ModelFiles
from transalign.translate.quality import has_repetition_loop
from transalign.translate.settings import GenerationSettings, RuntimeSettings
from transalign.translate.splitting import plan_splits
from transalign.translate.stepscores import sequence_scores, step_recorder

BACKEND_NAME = "transformers"
_CPU_BUDGET = 2000
_GPU_BUDGET = 16000
_ID_CACHE_SIZE = 200_000  # sentences whose source ids are kept


def resolve_device(requested: str) -> str:
    """``auto`` → cuda > mps > cpu; an explicit device must be available (E306 otherwise)."""
    import torch

    has_mps = bool(getattr(torch.backends, "mps", None)) and torch.backends.mps.is_available()
    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "mps" if has_mps else "cpu"
    kind = requested.split(":")[0]
    if (kind == "cuda" and not torch.cuda.is_available()) or (kind == "mps" and not has_mps):
        raise InputError("E306", f"device {requested!r} is not available on this machine",
                         hint="use --device auto or --device cpu")
    return requested


def resolve_dtype(requested: str, device: str) -> str:
    """``auto`` → float16 on cuda/mps (bfloat16 when asked), float32 on cpu."""
    if requested != "auto":
        return requested
    return "float32" if device == "cpu" else "float16"


class MarianTranslator:
    """A Marian checkpoint on a device (implements ``Translator``); weights load on first use,
    so checking whether outputs are up to date (``signature``) costs no model load.

    Attributes:
        model_id: hub id or folder as given by the user.
        files: where the checkpoint lives.
        model: the ``MarianMTModel`` (eval mode, on ``device``, in ``dtype``).
        tokenizer: the ``MarianTokenizer``.
        settings: generation settings (in the signature).
        runtime: device, dtype and batching (not in the signature).
        enforcer: glossary enforcer called when ``translate`` gets a glossary, or None.
    """

    def __init__(self, files: ModelFiles, settings: GenerationSettings | None = None,
                 runtime: RuntimeSettings | None = None, enforcer: GlossaryEnforcer | None = None) -> None:
        self.model_id = files.model_id
        self.src_lang: str | None = None
        self.files = files
        self.settings = settings or GenerationSettings()
        self.runtime = runtime or RuntimeSettings()
        self.enforcer = enforcer
        self.device = resolve_device(self.runtime.device)
        self.dtype = resolve_dtype(self.runtime.dtype, self.device)
        self.language_tokens = language_tokens(_vocabulary(files))
        default_budget = _CPU_BUDGET if self.device == "cpu" else _GPU_BUDGET
        self.token_budget = self.runtime.token_budget or default_budget
        self._loaded: tuple[Any, Any] | None = None
        self._source_ids: dict[str, list[int]] = {}

    @property
    def tokenizer(self) -> Any:
        """The ``MarianTokenizer`` (loaded with the model on first use)."""
        return self._load()[0]

    @property
    def model(self) -> Any:
        """The ``MarianMTModel`` in eval mode on ``device`` in ``dtype`` (loaded on first use)."""
        return self._load()[1]

    def _load(self) -> tuple[Any, Any]:
        if self._loaded is None:
            if self.runtime.threads:
                import torch

                torch.set_num_threads(self.runtime.threads)
            self._loaded = _load(self.files, self.device, self.dtype)
        return self._loaded

    # ---- model facts ------------------------------------------------------------------------
    @property
    def model_limit(self) -> int:
        """Most tokens the model accepts on either side (positions), lang token and </s> included."""
        positions = int(getattr(self.model.config, "max_position_embeddings", 512))
        return min(positions, int(self.tokenizer.model_max_length or positions))

    @property
    def max_input_tokens(self) -> int:
        """Longest source sentence (tokens, ``</s>`` included) translated in one piece."""
        own = self.model_limit - 1  # room for the target-language token
        return min(own, self.settings.max_input_tokens or own)

    def target_token(self, tgt_lang: str) -> str | None:
        """The ``>>xxx<<`` token selecting ``tgt_lang`` (None for a single-target model; E303)."""
        return target_token(self.language_tokens, tgt_lang, model=repr(self.model_id))

    def source_prefix(self, tgt_lang: str) -> str:
        """Text prepended to each source sentence: ``">>rus<< "`` or ``""``."""
        token = self.target_token(tgt_lang)
        return f"{token} " if token else ""

    # ---- tokenisation -----------------------------------------------------------------------
    def count_tokens(self, sentences: Sequence[str]) -> list[int]:
        """Source tokens per sentence, ``</s>`` included, target-language token excluded."""
        return [len(ids) for ids in self.source_ids(sentences)]

    def source_ids(self, sentences: Sequence[str]) -> list[list[int]]:
        """Source token ids per sentence (``</s>`` last, no language token).

        Memoised per text: counting, batching and encoding a sentence tokenise it once.
        """
        cache = self._source_ids
        unique = list(dict.fromkeys(sentences))
        if len(cache) + len(unique) > _ID_CACHE_SIZE:
            cache.clear()
        missing = [text for text in unique if text not in cache]
        if missing:
            # verbose=False: a sentence over the model's limit is split later (never fed whole),
            # so transformers' "will result in indexing errors" warning would only mislead
            cache.update(zip(missing, self.tokenizer(missing, verbose=False).input_ids, strict=True))
        return [cache[text] for text in sentences]

    def encode(self, sentences: Sequence[str], tgt_lang: str) -> dict[str, Any]:
        """Padded source batch on the device: ``input_ids``, ``attention_mask``, both (batch, seq)."""
        token = self.target_token(tgt_lang)
        prefix = [] if token is None else [self.tokenizer.convert_tokens_to_ids(token)]
        rows = [prefix + ids for ids in self.source_ids(sentences)]
        return _padded(rows, self.tokenizer.pad_token_id, self.device)

    def target_ids(self, text: str) -> list[int]:
        """Target-side token ids of ``text`` (target SentencePiece model, no ``</s>``)."""
        ids: list[int] = self.tokenizer(text_target=[text], add_special_tokens=False).input_ids[0]
        return ids

    def decode(self, token_ids: Sequence[int]) -> str:
        """Target text of token ids (special tokens dropped, target SentencePiece model)."""
        text: str = self.tokenizer.decode(list(token_ids), skip_special_tokens=True,
                                          use_source_tokenizer=False)
        return text

    # ---- decoding ---------------------------------------------------------------------------
    def generate(self, sentences: Sequence[str], tgt_lang: str, settings: GenerationSettings | None = None,
                 num_return_sequences: int | None = None) -> list[list[Hypothesis]]:
        """Beam-search one batch (no splitting, no batching): n-best hypotheses per sentence.

        Args:
            sentences: source sentences that each fit ``max_input_tokens``.
            num_return_sequences: hypotheses per sentence (default: the settings'); <= beams.

        Returns:
            ``result[i]`` = hypotheses of ``sentences[i]``, best first.
        """
        import torch

        settings = settings or self.settings
        n_best = num_return_sequences or settings.num_return_sequences
        from transformers import LogitsProcessorList

        batch = self.encode(sentences, tgt_lang)
        prefix_tokens = 1 if self.target_token(tgt_lang) else 0
        limits = self.output_limits((batch["attention_mask"].sum(dim=1) - prefix_tokens).tolist(), settings)
        config = self._generation_config(settings, n_best, max(limits))
        recorder = step_recorder(2 * config.num_beams)
        processors = LogitsProcessorList(
            [force_end_at_limits(limits, config.num_beams, config.eos_token_id,
                                 min_new_tokens=settings.min_new_tokens(), banned=[config.pad_token_id]),
             recorder])
        with torch.inference_mode():
            out = self.model.generate(**batch, generation_config=config, logits_processor=processors)
            scores = sequence_scores(recorder, out.sequences, getattr(out, "beam_indices", None),
                                     settings.length_penalty, config.eos_token_id)
        return self._hypotheses(out, n_best, config, limits, scores)

    def output_limits(self, source_lengths: Sequence[int], settings: GenerationSettings | None = None,
                      ) -> list[int]:
        """Output limit in tokens (``</s>`` excluded) for sources of ``source_lengths`` tokens
        (as counted by :meth:`count_tokens`: ``</s>`` included, language token excluded)."""
        settings = settings or self.settings
        return [settings.max_new_tokens(int(length), self.model_limit - 1) for length in source_lengths]

    def _generation_config(self, settings: GenerationSettings, n_best: int, limit: int) -> Any:
        from transformers import GenerationConfig

        config = self.model.config
        return GenerationConfig(  # type: ignore[no-untyped-call]
            num_beams=max(settings.beam_size, n_best), num_return_sequences=n_best,
            max_length=limit + 2, min_length=0, length_penalty=settings.length_penalty,
            no_repeat_ngram_size=settings.no_repeat_ngram_size, early_stopping=True, do_sample=False,
            decoder_start_token_id=config.decoder_start_token_id, eos_token_id=config.eos_token_id,
            pad_token_id=config.pad_token_id,  # <pad> banned and min_new_tokens: see limits
            return_dict_in_generate=True, output_scores=False,  # scores: see stepscores
        )

    def _hypotheses(self, out: Any, n_best: int, config: Any, limits: list[int],
                    scores: list[float]) -> list[list[Hypothesis]]:
        sequences = out.sequences[:, 1:].tolist()  # drop the decoder start token
        eos, pad = config.eos_token_id, config.pad_token_id
        hypotheses: list[list[Hypothesis]] = [[] for _ in limits]
        for row, (ids, score) in enumerate(zip(sequences, scores, strict=True)):
            end = ids.index(eos) if eos in ids else len(ids)
            body = tuple(token for token in ids[:end] if token != pad)
            finished = len(body) < limits[row // n_best]  # </s> forced at the limit is no real end
            hypotheses[row // n_best].append(Hypothesis(self.decode(body), body, score, finished))
        return hypotheses

    def translate(self, sentences: Sequence[str], tgt_lang: str, glossary: GlossaryLike | None = None,
                  progress: ProgressCallback | None = None) -> list[Translation]:
        """See :meth:`transalign.translate.backend.Translator.translate`."""
        self.target_token(tgt_lang)  # fail early (E303) for an unsupported language
        if not sentences:
            return []
        lengths = self.count_tokens(sentences)
        plan = plan_splits(sentences, lengths, lambda text: self.count_tokens([text])[0],
                           self.max_input_tokens)
        enforced = glossary is not None and self.enforcer is not None
        # progress counts input sentences: per batch when parts are sentences, else at the end
        count_at_end = enforced or len(plan.parts) != len(sentences)
        if glossary is not None and self.enforcer is not None:
            parts = self.enforcer.translate(self, plan.parts, tgt_lang, glossary)
        else:
            parts = self.translate_plain(plan.parts, tgt_lang, None if count_at_end else progress)
        if progress is not None and count_at_end:
            progress(len(sentences))
        return _join_parts(parts, plan.owners, len(sentences))

    def translate_plain(self, sentences: Sequence[str], tgt_lang: str,
                        progress: ProgressCallback | None = None) -> list[Translation]:
        """Batched beam search of sentences that fit the input limit, with the anti-loop retry."""
        if not sentences:
            return []
        lengths = self.count_tokens(sentences)
        batches = plan_batches(lengths, self.token_budget)
        results: list[list[Translation]] = []
        for batch in batches:
            texts = [sentences[index] for index in batch]
            results.append([_translation(hyps) for hyps in self.generate(texts, tgt_lang)])
            if progress is not None:
                progress(len(batch))
        translations = restore_order(batches, results)
        self._retry_loops(sentences, tgt_lang, translations)
        return translations

    def _retry_loops(self, sentences: Sequence[str], tgt_lang: str, translations: list[Translation]) -> None:
        """Decode looping outputs again with ``no_repeat_ngram_size``; flag what stays looping."""
        looping = [index for index, item in enumerate(translations) if has_repetition_loop(item.text)]
        retry = self.settings.with_retry()
        if not looping or retry.no_repeat_ngram_size == 0 or retry == self.settings:
            for index in looping:
                translations[index].issues.append("repetition")
            return
        texts = [sentences[index] for index in looping]
        batches = plan_batches(self.count_tokens(texts), self.token_budget)
        results = [[_translation(h) for h in self.generate([texts[i] for i in b], tgt_lang, retry)]
                   for b in batches]
        for index, again in zip(looping, restore_order(batches, results), strict=True):
            again.issues.insert(0, "repetition" if has_repetition_loop(again.text) else "repetition-retried")
            translations[index] = again

    def signature(self, tgt_lang: str) -> dict[str, Any]:
        """See :meth:`transalign.translate.backend.Translator.signature`."""
        return {
            "backend": BACKEND_NAME, "model": self.model_id,
            "weights_sha256": self.files.weights_sha256(), "target_token": self.target_token(tgt_lang),
            "dtype": self.dtype, "generation": self.settings.signature_fields(),
            "enforcer": None if self.enforcer is None else self.enforcer.name,
        }


def _padded(rows: list[list[int]], pad_id: int, device: str) -> dict[str, Any]:
    """Right-padded ``input_ids`` and ``attention_mask`` (batch, longest) on ``device``.

    On a GPU the batch goes through pinned memory, so the copy does not stall the host.
    """
    import torch

    longest = max(len(row) for row in rows)
    ids = torch.tensor([row + [pad_id] * (longest - len(row)) for row in rows])
    mask = torch.tensor([[1] * len(row) + [0] * (longest - len(row)) for row in rows])
    if device.startswith("cuda"):
        return {"input_ids": ids.pin_memory().to(device, non_blocking=True),
                "attention_mask": mask.pin_memory().to(device, non_blocking=True)}
    return {"input_ids": ids.to(device), "attention_mask": mask.to(device)}


def _translation(hypotheses: list[Hypothesis]) -> Translation:
    best = hypotheses[0]
    issues = [] if best.finished else ["length-limit"]
    if not best.text.strip():
        issues.append("empty-output")
    return Translation(best.text, issues, best.score, list(hypotheses[1:]))


def _join_parts(parts: list[Translation], owners: list[int], count: int) -> list[Translation]:
    """One Translation per input sentence: parts joined by a space, issues merged, ``split:N``."""
    grouped: list[list[Translation]] = [[] for _ in range(count)]
    for owner, part in zip(owners, parts, strict=True):
        grouped[owner].append(part)
    joined: list[Translation] = []
    for group in grouped:
        if len(group) == 1:
            joined.append(group[0])
            continue
        issues = [f"split:{len(group)}", *list(dict.fromkeys(i for part in group for i in part.issues))]
        joined.append(Translation(" ".join(part.text for part in group), issues))
    return joined


def _vocabulary(files: ModelFiles) -> list[str]:
    """The pieces of the checkpoint's (source) vocabulary, read from ``vocab.json``."""
    try:
        vocab = json.loads((files.path / "vocab.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelUnavailableError("E304", f"cannot read the vocabulary of {files.model_id!r} ({err})",
                                    path=files.path / "vocab.json",
                                    hint="re-download the model or pass another --model") from None
    return list(vocab)


def _load(files: ModelFiles, device: str, dtype: str) -> tuple[Any, Any]:
    """Tokenizer and model from local files only (never the network)."""
    return load_tokenizer(files), load_model(files, device, dtype)


def load_tokenizer(files: ModelFiles) -> Any:
    """The checkpoint's ``MarianTokenizer``, from local files only (E304 when unreadable)."""
    from transformers import MarianTokenizer

    with _load_errors(files), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*sacremoses.*")
        return MarianTokenizer.from_pretrained(files.path, local_files_only=True)


def load_model(files: ModelFiles, device: str, dtype: str) -> Any:
    """The ``MarianMTModel`` in eval mode on ``device`` in ``dtype``, local files only (E304)."""
    import torch
    from transformers import MarianMTModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    with _load_errors(files):
        model: Any = MarianMTModel.from_pretrained(files.path, local_files_only=True,
                                                   dtype=getattr(torch, dtype))
    # <pad> banned and the forced </s> at the limit are done in place per sentence (see limits);
    # generate's own processors for them copy the whole score matrix at every step
    model.generation_config.bad_words_ids = None
    model.generation_config.forced_eos_token_id = None
    return model.to(device).eval()


@contextlib.contextmanager
def _load_errors(files: ModelFiles) -> Iterator[None]:
    """Turn any loading failure into E304 naming the model and the fix."""
    try:
        yield
    except Exception as err:  # corrupt or foreign checkpoints raise many different types
        first = str(err).strip().splitlines()[0][:160] if str(err).strip() else ""
        raise ModelUnavailableError(
            "E304", f"cannot load {files.model_id!r} as a Marian model ({type(err).__name__}: {first})",
            path=files.path, hint="pass --model with a MarianMT checkpoint (OPUS-MT) folder or hub id",
        ) from None
