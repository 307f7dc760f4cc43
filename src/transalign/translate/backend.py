"""The translation backend interface: what the pipeline needs from any MT engine.

A backend (transformers Marian today, CTranslate2 next) implements :class:`Translator`. The
pipeline only calls ``translate`` and ``signature``; it never touches tensors. Terminology
enforcement plugs in as a :class:`GlossaryEnforcer` that a backend calls when it is given a
glossary (see :mod:`transalign.translate.hooks`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

ProgressCallback = Callable[[int], None]
"""Called with the number of sentences just finished (not a running total)."""


@runtime_checkable
class GlossaryLike(Protocol):
    """What the translation core needs of a glossary (``transalign.glossary.model.Glossary``)."""

    def digest(self) -> str:
        """sha256 of the glossary's canonical content."""
        ...


@dataclass(frozen=True)
class Hypothesis:
    """One candidate translation of one sentence.

    Attributes:
        text: detokenised target text.
        token_ids: target token ids without the decoder start token, padding or ``</s>``.
        score: length-normalised log-probability (natural log, per token as configured by
            ``length_penalty``); higher is better.
        finished: False when decoding stopped at the length limit instead of ``</s>``.
    """

    text: str
    token_ids: tuple[int, ...]
    score: float
    finished: bool = True


@dataclass
class Translation:
    """The translation of one input sentence.

    Attributes:
        text: the translation ("" only if the model produced nothing).
        issues: problems for a reviewer, each ``kind`` or ``kind:detail`` (e.g. ``repetition``,
            ``length-limit``, ``split:2``, ``term-missing:cis``); written to the TSV ``issues``
            column joined with ``"; "``.
        score: the chosen hypothesis's score (None when not known, e.g. joined parts).
        alternatives: the other n-best hypotheses, best first (empty unless n-best was asked).
    """

    text: str
    issues: list[str] = field(default_factory=list)
    score: float | None = None
    alternatives: list[Hypothesis] = field(default_factory=list)


class Translator(Protocol):
    """A loaded MT model that translates batches of sentences into a target language."""

    model_id: str
    src_lang: str | None
    """Source language when known (the pipeline sets it; glossary matching needs it)."""

    def translate(
        self,
        sentences: Sequence[str],
        tgt_lang: str,
        glossary: GlossaryLike | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[Translation]:
        """Translate ``sentences`` (any length, any order) into ``tgt_lang``.

        Returns one :class:`Translation` per input sentence, in input order. Sentences longer
        than the model's limit are split and translated in parts, never truncated. With a
        ``glossary``, the backend's enforcer (if any) makes the glossary's terms appear.
        """
        ...

    def signature(self, tgt_lang: str) -> dict[str, Any]:
        """Everything that determines the output for ``tgt_lang``: backend, model id, weights
        hash, target-language token, resolved dtype and the generation settings (JSON-able)."""
        ...


class GlossaryEnforcer(Protocol):
    """Terminology enforcement (constrained decoding) that a backend delegates to.

    The enforcer receives the backend itself so it can use the backend's model, tokenizer,
    target-language prefix and n-best generation (see ``MarianTranslator``'s public methods).
    """

    name: str
    """Recorded in the signature (e.g. ``"constrained-beam/1"``)."""

    def translate(
        self,
        translator: Any,
        sentences: Sequence[str],
        tgt_lang: str,
        glossary: GlossaryLike,
    ) -> list[Translation]:
        """Translate sentences that fit the model's input limit, honouring ``glossary``.

        Returns one Translation per sentence in input order; a constraint that could not be
        met is reported in ``issues`` as ``term-missing:<concept id>``.
        """
        ...
