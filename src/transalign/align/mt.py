"""Machine-translation similarity for beads (Bleualign's idea, scored with chrF).

The source sentences are translated once into the target language by a caller-supplied
function; a bead's similarity is chrF (sacrebleu, default settings) of the joined translations
of its source sentences against its joined target sentences, divided by 100.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from transalign.errors import InputError

Translate = Callable[[list[str]], list[str]]
"""Maps source sentences to their machine translations in the target language (same length)."""


class ChrfSimilarity:
    """``similarity(s0, s1, t0, t1)``: chrF/100 of MT of source ``[s0, s1)`` vs target ``[t0, t1)``.

    Args:
        translations: the machine translation of every source sentence, in order.
        targets: the target sentences.
    """

    def __init__(self, translations: Sequence[str], targets: Sequence[str], model: str = "custom") -> None:
        from sacrebleu.metrics.chrf import CHRF

        self._chrf = CHRF()
        self._model = model
        self._translations = list(translations)
        self._targets = list(targets)
        self._cache: dict[tuple[int, int, int, int], float] = {}

    @property
    def signature(self) -> str:
        """``chrF[<sacrebleu's signature>]@<MT model>`` (``|`` written ``,``)."""
        chrf = str(self._chrf.get_signature().format(short=True)).replace("|", ",")
        return f"chrF[{chrf}]@{self._model}"

    def __call__(self, s0: int, s1: int, t0: int, t1: int) -> float:
        key = (s0, s1, t0, t1)
        value = self._cache.get(key)
        if value is None:
            hypothesis = " ".join(self._translations[s0:s1])
            reference = " ".join(self._targets[t0:t1])
            value = float(self._chrf.sentence_score(hypothesis, [reference]).score) / 100.0
            self._cache[key] = value
        return value


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
