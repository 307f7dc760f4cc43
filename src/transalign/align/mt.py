"""Machine-translation similarity for beads (Bleualign's idea, scored with chrF).

The source sentences are translated once into the target language by a caller-supplied
function; a bead's similarity is chrF (sacrebleu's n-grams and default settings) of the
translations of its source sentences against its target sentences, divided by 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from transalign.errors import InputError

Translate = Callable[[list[str]], list[str]]
"""Maps source sentences to their machine translations in the target language (same length)."""


class ChrfSimilarity:
    """``similarity(s0, s1, t0, t1)``: chrF/100 of MT of source ``[s0, s1)`` vs target ``[t0, t1)``.

    chrF with sacrebleu's defaults (character 6-grams, β = 2, whitespace ignored, effective
    order), from character n-gram counts extracted once per sentence by sacrebleu; the counts
    of a multi-sentence side are the sums of its sentences' (n-grams across the joint are not
    counted). Beads are scored thousands of times, so this is much faster than re-running
    ``sentence_score`` and equal to it for single sentences.

    Args:
        translations: the machine translation of every source sentence, in order.
        targets: the target sentences.
        model: name of the MT model, for the signature.
    """

    def __init__(self, translations: Sequence[str], targets: Sequence[str], model: str = "custom") -> None:
        from sacrebleu.metrics.chrf import CHRF
        from sacrebleu.metrics.helpers import extract_all_char_ngrams

        self._chrf = CHRF()
        self._model = model
        order, beta = self._chrf.char_order, self._chrf.beta
        self._order, self._factor = order, float(beta * beta)
        self._hyp = [extract_all_char_ngrams(text, order, False) for text in translations]
        self._ref = [extract_all_char_ngrams(text, order, False) for text in targets]
        self._sides: dict[tuple[bool, int, int], list[Counter[str]]] = {}
        self._cache: dict[tuple[int, int, int, int], float] = {}

    @property
    def signature(self) -> str:
        """``chrF<β>[nc:<char order>,nw:0,space:no,sacrebleu:<version>]@<MT model>``."""
        import sacrebleu

        chrf = self._chrf
        return (f"chrF{chrf.beta}[nc:{chrf.char_order},nw:{chrf.word_order},space:no,"
                f"sacrebleu:{sacrebleu.__version__}]@{self._model}")

    def __call__(self, s0: int, s1: int, t0: int, t1: int) -> float:
        key = (s0, s1, t0, t1)
        value = self._cache.get(key)
        if value is None:
            value = self._score(self._side(True, s0, s1), self._side(False, t0, t1))
            self._cache[key] = value
        return value

    def _side(self, hypothesis: bool, start: int, end: int) -> list[Counter[str]]:
        """Summed n-gram counts of sentences ``[start, end)`` of one side, per order."""
        key = (hypothesis, start, end)
        counts = self._sides.get(key)
        if counts is None:
            sentences = (self._hyp if hypothesis else self._ref)[start:end]
            counts = [sum((sentence[n] for sentence in sentences), Counter()) for n in range(self._order)]
            self._sides[key] = counts
        return counts

    def _score(self, hypothesis: list[Counter[str]], reference: list[Counter[str]]) -> float:
        """chrF / 100 with effective-order averaging, as sacrebleu computes it by default."""
        precision = recall = 0.0
        orders = 0
        for hyp, ref in zip(hypothesis, reference, strict=True):
            n_hyp, n_ref = sum(hyp.values()), sum(ref.values())
            if n_hyp and n_ref:
                matches = sum((hyp & ref).values())
                precision += matches / n_hyp
                recall += matches / n_ref
                orders += 1
        if not orders or not precision + recall:
            return 0.0
        precision, recall = precision / orders, recall / orders
        return (1 + self._factor) * precision * recall / (self._factor * precision + recall)


def translate_all(translate: Translate, sentences: list[str]) -> list[str]:
    """Run ``translate`` and check it returned one translation per sentence.

    Raises:
        InputError: E503 when the number of translations differs from the number of sentences.
    """
    translations = list(translate(sentences))
    if len(translations) != len(sentences):
        raise InputError("E503", f"the MT hook returned {len(translations)} translations for "
                         f"{len(sentences)} sentences", hint="return one translation per sentence")
    return translations


def identity(sentences: list[str]) -> list[str]:
    """The MT hook for two editions in one language: the sentences themselves."""
    return list(sentences)


def mt_hooks(model: str | None, src_lang: str, tgt_langs: tuple[str, ...]) -> dict[str, Translate]:
    """MT hooks per target language for ``--mt``, built on the translation core.

    Raises:
        ModelUnavailableError: the translation core's E3xx error (naming the model and the
            ``--model PATH`` remedy) when the model cannot be loaded.
    """
    hooks: dict[str, Translate] = {}
    for lang in tgt_langs:
        hooks[lang] = identity if lang == src_lang else _core_hook(model, src_lang, lang)
    return hooks


def _core_hook(model: str | None, src_lang: str, tgt_lang: str) -> Translate:
    """Translate with the translation core's model for the pair (``model``: id or local path;
    default: the registry's model), without glossary enforcement (a bare MT is what the
    similarity needs)."""
    from transalign.translate.hooks import make_translator
    from transalign.translate.models import locate_model, resolve_model

    translator = make_translator(locate_model(resolve_model(model, src_lang, tgt_lang)))
    return CoreTranslate(translator, tgt_lang)


class CoreTranslate:
    """An MT hook over a translation-core ``Translator``; ``model_id`` names its model."""

    def __init__(self, translator: Any, tgt_lang: str) -> None:
        self._translator = translator
        self._tgt_lang = tgt_lang
        self.model_id = str(translator.model_id)

    def __call__(self, sentences: list[str]) -> list[str]:
        return [result.text for result in self._translator.translate(sentences, self._tgt_lang)]
