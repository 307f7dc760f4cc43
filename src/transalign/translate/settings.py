"""Generation settings: one frozen dataclass that drives decoding and feeds the run signature.

Only settings that can change the output are here; how work is scheduled (device, batch token
budget, progress) lives in :class:`RuntimeSettings` and is not part of the signature.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from transalign.errors import InputError

DType = Literal["auto", "float32", "float16", "bfloat16"]
DEVICES = ("auto", "cpu", "cuda", "mps")


@dataclass(frozen=True)
class GenerationSettings:
    """How each sentence is decoded.

    Attributes:
        beam_size: beams per sentence (1 = greedy).
        max_length_ratio: the output may have at most ``ratio * source_tokens + max_length_extra``
            tokens (subword pieces), never more than the model's own limit.
        max_length_extra: see ``max_length_ratio``.
        length_penalty: exponent of the length normalisation of beam scores (1.0 = per token).
        no_repeat_ngram_size: forbid repeating any n-gram of this many tokens in the first pass
            (0 = off; OPUS-MT outputs legitimately repeat numbers and names).
        retry_no_repeat_ngram_size: a first-pass output caught in a repetition loop is decoded
            again with this ``no_repeat_ngram_size`` (0 = no retry).
        num_return_sequences: hypotheses kept per sentence (n-best, >= 1, <= beam_size); the
            best is the translation, the others are offered to the glossary enforcer.
        max_input_tokens: split source sentences longer than this many tokens at clause
            boundaries (None = the model's own limit).
        fixed_new_tokens: emit exactly this many target tokens per sentence, ``</s>``
            suppressed until then (benchmarks of random-weight models; never for real text).
    """

    beam_size: int = 4
    max_length_ratio: float = 2.0
    max_length_extra: int = 10
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    retry_no_repeat_ngram_size: int = 3
    num_return_sequences: int = 1
    max_input_tokens: int | None = None
    fixed_new_tokens: int | None = None

    def __post_init__(self) -> None:
        if self.beam_size < 1:
            raise InputError("E306", f"beam size must be at least 1, got {self.beam_size}",
                             hint="pass --beam-size 1 or more (4 is the usual value)")
        if not 1 <= self.num_return_sequences <= self.beam_size:
            raise InputError("E306", f"n-best size {self.num_return_sequences} must lie in "
                             f"1..beam size ({self.beam_size})", hint="raise --beam-size")
        if self.max_length_ratio <= 0 or self.max_length_extra < 0:
            raise InputError("E306", "output length limit must be positive",
                             hint="use a ratio above 0 and a non-negative extra")
        if self.max_input_tokens is not None and self.max_input_tokens < 8:
            raise InputError("E306", f"max input tokens {self.max_input_tokens} is too small",
                             hint="use at least 8, or leave it to the model's limit")

    def max_new_tokens(self, source_tokens: int, model_limit: int) -> int:
        """Output length limit in tokens for a source of ``source_tokens`` tokens."""
        if self.fixed_new_tokens is not None:
            return self.fixed_new_tokens
        wanted = math.ceil(self.max_length_ratio * source_tokens) + self.max_length_extra
        return max(1, min(wanted, model_limit))

    def min_new_tokens(self) -> int:
        """Tokens to emit before ``</s>`` is allowed (0 unless ``fixed_new_tokens``)."""
        return self.fixed_new_tokens or 0

    def with_retry(self) -> GenerationSettings:
        """The settings of the anti-loop second pass."""
        return replace(self, no_repeat_ngram_size=self.retry_no_repeat_ngram_size)

    def signature_fields(self) -> dict[str, object]:
        """The fields recorded in a run's signature (all of them: each can change the output)."""
        return asdict(self)


@dataclass(frozen=True)
class RuntimeSettings:
    """Where and how fast to run; does not change what is produced (not in the signature).

    Attributes:
        device: ``auto`` (cuda > mps > cpu), ``cpu``, ``cuda``, ``cuda:N`` or ``mps``.
        dtype: ``auto`` = float16 on cuda and mps, float32 on cpu; the resolved dtype *is*
            recorded in the signature, as it can change the output.
        token_budget: padded source tokens per batch (None = 2,000 on cpu, 16,000 on a GPU).
        threads: CPU threads for torch (None = torch's default, one per core); 1 is fastest for
            tiny models and on a machine already busy with other work.
        extra: backend-specific options (e.g. CTranslate2's compute type), free-form.
    """

    device: str = "auto"
    dtype: DType = "auto"
    token_budget: int | None = None
    threads: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.device.split(":")[0] not in DEVICES:
            raise InputError("E306", f"unknown device {self.device!r}",
                             hint="use auto, cpu, cuda, cuda:N or mps")
        if self.token_budget is not None and self.token_budget < 1:
            raise InputError("E306", "token budget must be positive", hint="e.g. --token-budget 4000")
        if self.threads is not None and self.threads < 1:
            raise InputError("E306", "threads must be positive", hint="e.g. --threads 4")
