"""Terminology enforcement: the glossary step of ``transalign translate --glossary``.

For each sentence, the glossary concepts found in the source become constraints (one admitted
term of the target language, any inflected form) and their forbidden terms are banned.

1. Plain beam search with an n-best list; the best hypothesis meeting every constraint (and
   using no forbidden term) wins. Most sentences of a good model end here.
2. The others are decoded again with lexically constrained beam search (dynamic beam
   allocation, :mod:`transalign.constrained.search`); the model's own scores choose the form,
   so the case follows the sentence.
3. A concept still missing (e.g. the length limit was too short) is reported in the row's
   ``issues`` as ``term-missing:<concept id>``, a forbidden term as ``term-forbidden:<id>``;
   the plain best hypothesis is kept unless the constrained one misses fewer concepts.

Works with any backend object offering ``MarianTranslator``'s public methods (``model``,
``tokenizer``, ``settings``, ``token_budget``, ``encode``, ``generate``, ``decode``,
``translate_plain``, ``model_limit``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from transalign.constrained import terms
from transalign.constrained.search import SearchConfig, beam_search
from transalign.constrained.state import ConstraintAutomaton
from transalign.constrained.vocab import vocab_from_marian

ENFORCER_NAME = "constrained-beam/1"


@dataclass
class _Item:
    """One sentence's bookkeeping through the three steps."""

    index: int
    source: str
    constraints: list[terms.TermConstraint]
    text: str = ""
    score: float | None = None
    finished: bool = True
    done: bool = False


class ConstrainedEnforcer:
    """The :class:`~transalign.translate.backend.GlossaryEnforcer` of transalign.

    Args:
        src_lang: source language of the glossary matcher when the backend does not say.
        extra_beam: constrained search beam = backend beam + this (room for the banks).
    """

    name = ENFORCER_NAME

    def __init__(self, src_lang: str = "en", extra_beam: int = 0) -> None:
        self.src_lang = src_lang
        self.extra_beam = extra_beam
        self._matchers: dict[tuple[str, str], Any] = {}
        self._judges: dict[tuple[str, str], _Judge] = {}
        self._tries: dict[int, terms.TrieCache] = {}
        self.stats: Counter[str] = Counter()
        """Sentences so far: ``plain`` (no concept), ``n_best`` (step 1), ``constrained``
        (step 2), ``incomplete`` (a concept missing or a forbidden term left)."""

    def translate(self, translator: Any, sentences: Sequence[str], tgt_lang: str,
                  glossary: Any) -> list[Any]:
        """Translate ``sentences`` into ``tgt_lang`` honouring ``glossary`` (one Translation each)."""
        from transalign.translate.backend import Translation

        items = self._items(translator, sentences, tgt_lang, glossary)
        judge = self._judge(glossary, tgt_lang)
        plain = [item for item in items if not item.constraints]
        plain_out = translator.translate_plain([item.source for item in plain], tgt_lang) if plain else []
        self._from_n_best(translator, [i for i in items if i.constraints], tgt_lang, judge)
        left = [i for i in items if i.constraints and not i.done]
        plain_best = {item.index: (item.text, item.score, item.finished) for item in left}
        self._constrained(translator, left, tgt_lang)
        for item in left:  # step 3: where constraints stay unmet, the fluent plain best if no worse
            if _shortfall(judge, item.text, item) >= _shortfall(judge, plain_best[item.index][0], item):
                item.text, item.score, item.finished = plain_best[item.index]
        self.stats.update(plain=len(plain), n_best=len(items) - len(plain) - len(left), constrained=len(left))
        results: list[Any] = [None] * len(items)
        for item, out in zip(plain, plain_out, strict=True):
            results[item.index] = out
        for item in items:
            if item.constraints:
                issues = judge.issues(item.text, item.constraints, item.finished)
                self.stats["incomplete"] += any(i.startswith("term-") for i in issues)
                results[item.index] = Translation(item.text, issues, item.score)
        return results

    def _judge(self, glossary: Any, lang: str) -> _Judge:
        key = (glossary.digest(), lang)
        if key not in self._judges:
            self._judges[key] = _Judge(glossary, lang)
        return self._judges[key]

    def _items(self, translator: Any, sentences: Sequence[str], tgt_lang: str, glossary: Any) -> list[_Item]:
        src_lang = getattr(translator, "src_lang", None) or self.src_lang
        matcher = self._matcher(glossary, src_lang)
        found = [[match.concept_id for match in matcher.find(text)] for text in sentences]
        return [_Item(i, text, terms.sentence_constraints(glossary, ids, tgt_lang))
                for i, (text, ids) in enumerate(zip(sentences, found, strict=True))]

    def _matcher(self, glossary: Any, lang: str) -> Any:
        from transalign.glossary import SourceMatcher

        key = (glossary.digest(), lang)
        if key not in self._matchers:
            self._matchers[key] = SourceMatcher(glossary, lang)
        return self._matchers[key]

    def _from_n_best(self, translator: Any, items: list[_Item], tgt_lang: str, judge: _Judge) -> None:
        """Step 1: the best n-best hypothesis that meets every constraint, if any."""
        beam = translator.settings.beam_size
        for batch in _batches(translator, items):
            n_best = translator.generate([item.source for item in batch], tgt_lang, num_return_sequences=beam)
            for item, hyps in zip(batch, n_best, strict=True):
                item.text, item.score, item.finished = hyps[0].text, hyps[0].score, hyps[0].finished
                good = next((h for h in hyps if judge.satisfied(h.text, item.constraints)), None)
                if good is not None:
                    item.text, item.score, item.finished = good.text, good.score, good.finished
                    item.done = True

    def _constrained(self, translator: Any, items: list[_Item], tgt_lang: str) -> None:
        """Step 2: lexically constrained beam search for the sentences step 1 left."""
        tries = self._trie_cache(translator)
        settings = translator.settings
        fixed = int(getattr(settings, "fixed_new_tokens", None) or 0)  # benchmarks: exact length
        config = SearchConfig(beam_size=settings.beam_size + self.extra_beam,
                              length_penalty=settings.length_penalty, min_new_tokens=fixed)
        for batch in _batches(translator, items):
            sources = [item.source for item in batch]
            encoded = translator.encode(sources, tgt_lang)
            automata = [tries.automaton(item.constraints) for item in batch]
            limits = [limit + 1 if fixed else max(limit + 1, _needed(automaton))  # + 1: we count </s>
                      for limit, automaton in zip(translator.output_limits(translator.count_tokens(sources)),
                                                  automata, strict=True)]
            results = beam_search(translator.model, encoded["input_ids"], encoded["attention_mask"], config,
                                  automata, limits)
            for item, hyps in zip(batch, results, strict=True):
                if hyps:
                    item.text, item.score = translator.decode(hyps[0].tokens), hyps[0].normalized
                    item.finished = hyps[0].finished

    def _trie_cache(self, translator: Any) -> terms.TrieCache:
        tokenizer = translator.tokenizer
        key = id(tokenizer)
        if key not in self._tries:
            self._tries = {key: terms.TrieCache(vocab_from_marian(tokenizer))}
        return self._tries[key]


class _Judge:
    """Checks a translation against its constraints with the glossary's target matcher
    (any inflected form, nested terms found too)."""

    def __init__(self, glossary: Any, lang: str) -> None:
        from transalign.glossary.target import TargetMatcher

        self._matcher = TargetMatcher(glossary, lang)

    def problems(self, text: str, constraints: list[terms.TermConstraint]) -> tuple[list[str], list[str]]:
        """``(missing concept ids, concept ids with a forbidden term used)``."""
        matches = self._matcher.find_all(text)
        present = {m.concept_id for m in matches if m.status != "forbidden"}
        banned = {m.concept_id for m in matches if m.status == "forbidden"}
        return ([c.concept_id for c in constraints if c.concept_id not in present],
                [c.concept_id for c in constraints if c.concept_id in banned])

    def satisfied(self, text: str, constraints: list[terms.TermConstraint]) -> bool:
        """No concept missing, no forbidden term."""
        missing, banned = self.problems(text, constraints)
        return not missing and not banned

    def issues(self, text: str, constraints: list[terms.TermConstraint], finished: bool) -> list[str]:
        """The row's ``issues`` entries for a chosen translation."""
        missing, banned = self.problems(text, constraints)
        found = [] if finished else ["length-limit"]
        found += [f"term-missing:{cid}" for cid in missing] + [f"term-forbidden:{cid}" for cid in banned]
        return found + ([] if text.strip() else ["empty-output"])


def _shortfall(judge: _Judge, text: str, item: _Item) -> int:
    """Concepts missing plus concepts with a forbidden term in ``text``."""
    missing, banned = judge.problems(text, item.constraints)
    return len(missing) + len(banned)


def _needed(automaton: ConstraintAutomaton) -> int:
    """Tokens needed to write every constraint's longest form plus word ends and ``</s>``."""
    return sum(trie.max_depth + 1 for trie in automaton.constraints) + 1


def _batches(translator: Any, items: list[_Item]) -> list[list[_Item]]:
    """Length-sorted batches within the backend's token budget."""
    from transalign.translate.batching import plan_batches

    if not items:
        return []
    lengths = translator.count_tokens([item.source for item in items])
    return [[items[i] for i in batch] for batch in plan_batches(lengths, translator.token_budget)]


def make_enforcer() -> ConstrainedEnforcer:
    """The enforcer the translation core plugs in (``transalign.translate.hooks``)."""
    return ConstrainedEnforcer()
