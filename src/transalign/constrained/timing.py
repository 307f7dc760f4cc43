"""Cost of terminology constraints: constrained over unconstrained decoding, same sentences.

``scripts/bench_translate.py`` calls :func:`constrained_overhead`. Each sentence gets 1 to 3
constraints (glossary concepts drawn with a fixed seed, in all inflected forms of their admitted
target terms, forbidden terms banned), every system emits exactly ``length`` tokens per
sentence (random weights would stop anywhere), and the same length-sorted batches are decoded by

- ``plain``: transalign's beam search without constraints,
- ``constrained``: the same search with the constraints (dynamic beam allocation),
- ``generate``: transformers' ``generate`` beam search (the reference a user would run).

``constrained_overhead`` = constrained seconds / plain seconds (the price of the constraints
themselves, as Post & Vilar report it); ``constrained_over_generate`` compares with
``generate``; ``glossary_path_worst_overhead`` = (generate + constrained) / generate: the
``translate --glossary`` path when no n-best hypothesis meets the constraints (with random
weights, every sentence), so both of its steps run. Runs alternate and the fastest of
``repeats`` counts, so a busy machine hurts all systems alike; ``constrained_overhead_cpu`` is
the same ratio in process CPU time (steadier where other jobs share the cores).

The whole ``translate --glossary`` path is timed by ``scripts/bench_translate.py``'s
``glossary`` system (:mod:`transalign.bench.systems`) on the same sentences as the others.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from transalign.constrained.search import SearchConfig, beam_search
from transalign.constrained.state import ConstraintAutomaton
from transalign.constrained.terms import TrieCache, concept_constraint
from transalign.constrained.vocab import vocab_from_marian


def draw_automata(glossary: Any, vocab_cache: TrieCache, lang: str, count: int, max_constraints: int = 3,
                  seed: int = 0) -> list[ConstraintAutomaton]:
    """``count`` automata of 1..``max_constraints`` random concepts each (fixed seed)."""
    rng = random.Random(seed)
    usable = []
    for concept in glossary:
        constraint = concept_constraint(concept, lang)
        if constraint is None:
            continue
        if not vocab_cache.trie(constraint.concept_id, constraint.forms).is_empty():
            usable.append(constraint)
    return [vocab_cache.automaton(rng.sample(usable, rng.randint(1, max_constraints))) for _ in range(count)]


def _batches(lengths: list[int], batch_tokens: int, beam: int) -> list[list[int]]:
    """Length-sorted index batches whose padded source tokens × beam fit ``batch_tokens``."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[list[int]] = [[]]
    for index in order:
        if batches[-1] and (len(batches[-1]) + 1) * lengths[index] * beam > batch_tokens:
            batches.append([])
        batches[-1].append(index)
    return [b for b in batches if b]


def _fastest(runs: dict[str, Callable[[], Any]], repeats: int) -> tuple[dict[str, float], dict[str, float]]:
    """Fastest wall-clock and process-CPU seconds of each run over ``repeats`` alternating rounds."""
    wall = dict.fromkeys(runs, float("inf"))
    cpu = dict.fromkeys(runs, float("inf"))
    for _ in range(repeats):
        for name, run in runs.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            wall[name] = min(wall[name], time.perf_counter() - start)
            cpu[name] = min(cpu[name], time.process_time() - start_cpu)
    return wall, cpu


def constrained_overhead(model_dir: str | Path, sentences: list[str], *, tgt_lang: str = "ru",
                         glossary_path: str | Path | None = None, beam: int = 4, length: int = 32,
                         batch_tokens: int = 8_192, device: str = "cpu", max_constraints: int = 3,
                         repeats: int = 2, seed: int = 0, include_generate: bool = True) -> dict[str, Any]:
    """Time constrained against unconstrained decoding of ``sentences`` (see module docstring).

    Returns a JSON-able dict: ``constrained_overhead``, ``constrained_over_generate``,
    seconds per system, ``constraints`` (total drawn) and ``constraints_met``.
    """
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    from transalign.glossary import default_glossary_path, load_glossary

    tokenizer = MarianTokenizer.from_pretrained(str(model_dir))
    model: Any = MarianMTModel.from_pretrained(str(model_dir))
    model = model.to(device).eval()
    glossary = load_glossary(Path(glossary_path) if glossary_path else default_glossary_path())
    automata = draw_automata(glossary, TrieCache(vocab_from_marian(tokenizer)), tgt_lang, len(sentences),
                             max_constraints, seed)
    prefix = _prefix(tokenizer, tgt_lang)
    encoded = [tokenizer(prefix + s).input_ids for s in sentences]
    batches = [(tokenizer.pad({"input_ids": [encoded[i] for i in b]}, return_tensors="pt").to(device),
                [automata[i] for i in b]) for b in _batches([len(e) for e in encoded], batch_tokens, beam)]
    config = SearchConfig(beam_size=beam, max_new_tokens=length, min_new_tokens=length)
    outputs: list[Any] = []

    def ours(constrained: bool) -> None:
        outputs.clear()
        for batch, autos in batches:
            outputs.extend(beam_search(model, batch["input_ids"], batch["attention_mask"], config,
                                       autos if constrained else None))

    def generate() -> None:
        with torch.inference_mode():
            for batch, _ in batches:
                model.generate(**batch, num_beams=beam, min_new_tokens=length, max_new_tokens=length)

    runs: dict[str, Callable[[], Any]] = {"plain": lambda: ours(False), "constrained": lambda: ours(True)}
    if include_generate:
        runs["generate"] = generate
    seconds, cpu_seconds = _fastest(runs, repeats)
    ours(True)
    met = sum(len(a.constraints) - len(hyps[0].unmet)
              for a, hyps in zip(_flat(batches), outputs, strict=True))
    return {
        "constrained_overhead": round(seconds["constrained"] / seconds["plain"], 3),
        "constrained_over_generate": round(seconds["constrained"] / seconds["generate"], 3)
        if include_generate else None,
        "glossary_path_worst_overhead": round(1 + seconds["constrained"] / seconds["generate"], 3)
        if include_generate else None,
        "constrained_overhead_cpu": round(cpu_seconds["constrained"] / cpu_seconds["plain"], 3),
        "seconds": {name: round(value, 3) for name, value in seconds.items()},
        "cpu_seconds": {name: round(value, 3) for name, value in cpu_seconds.items()},
        "sentences": len(sentences), "beam": beam, "length": length,
        "constraints": sum(len(a.constraints) for a in automata), "constraints_met": met,
    }


def _flat(batches: list[tuple[Any, list[ConstraintAutomaton]]]) -> list[ConstraintAutomaton]:
    return [a for _, autos in batches for a in autos]


_ISO639_3 = {"ru": "rus", "be": "bel", "uk": "ukr", "en": "eng"}


def _prefix(tokenizer: Any, tgt_lang: str) -> str:
    """``">>rus<< "`` for a multi-target vocabulary, else empty."""
    token = f">>{_ISO639_3.get(tgt_lang, tgt_lang)}<<"
    return f"{token} " if token in tokenizer.get_vocab() else ""
