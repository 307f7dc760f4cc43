#!/usr/bin/env python3
"""Speed and memory of the aligner on two synthetic documents: ``bench_align.py [--sentences N]``.

The target is a noisy "translation" of a random source: Cyrillic pseudo-words, lengths
scaled by about 1.1 with noise, numbers and names kept, about 2 % of sentences dropped, 2 %
added, 3 % merged with their neighbour, in paragraphs of 2-8 sentences. Prints one JSON
object: wall and CPU seconds (wall time suffers when the machine is shared), peak memory
(MiB, resident), sentence counts, strict/lax F1 against the known links, the signature.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time

from transalign.align.aligner import align_sentences
from transalign.align.score import score_alignments
from transalign.formats.links import Bead

_SYLLABLES = ["ka", "lo", "mi", "ne", "st", "ra", "vo", "pe", "tu", "sha", "or", "in", "gle", "bri"]
_CYRILLIC = ["ча", "фя", "дю", "чо", "фу", "ды", "эй", "ю", "я", "ад", "уф", "эч"]  # no shared consonants
_NAMES = ["Minsk", "Lukashenko", "Moscow", "Kazakhstan", "Lebedev", "Astana", "Tajikistan", "Brest"]


def _word(rng: random.Random, syllables: list[str] = _SYLLABLES) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))


def _sentence(rng: random.Random) -> str:
    words = [_word(rng) for _ in range(max(3, int(rng.lognormvariate(2.6, 0.5))))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(1, len(words)), str(rng.randint(2, 2030)))
    if rng.random() < 0.3:
        words.insert(rng.randrange(1, len(words)), rng.choice(_NAMES))
    return " ".join(words).capitalize() + "."


def _translate(sentence: str, rng: random.Random) -> str:
    words = [w if w[0].isupper() or w.isdigit() else _word(rng, _CYRILLIC)
             for w in sentence.rstrip(".").split()]
    extra = [_word(rng, _CYRILLIC) for _ in range(max(0, int(len(words) * rng.gauss(0.1, 0.1))))]
    return " ".join(words + extra) + "."


def synthetic_pair(n: int, seed: int = 1) -> tuple[list[str], list[str], list[int], list[int], list[Bead]]:
    """Source and target sentences, their paragraph ids, and the true links."""
    rng = random.Random(seed)
    src = [_sentence(rng) for _ in range(n)]
    tgt: list[str] = []
    gold: list[Bead] = []
    i = 0
    while i < n:
        roll = rng.random()
        if roll < 0.02:
            gold.append(((i,), ()))
        elif roll < 0.04:
            gold.append(((), (len(tgt),)))
            tgt.append(_translate(_sentence(rng), rng))
            continue
        elif roll < 0.07 and i + 1 < n:
            gold.append(((i, i + 1), (len(tgt),)))
            tgt.append(_translate(src[i], rng)[:-1] + ", " + _translate(src[i + 1], rng))
            i += 2
            continue
        else:
            gold.append(((i,), (len(tgt),)))
            tgt.append(_translate(src[i], rng))
        i += 1
    return src, tgt, _paragraphs(len(src), rng), _paragraphs(len(tgt), rng), gold


def _paragraphs(n: int, rng: random.Random) -> list[int]:
    owners: list[int] = []
    paragraph = 0
    while len(owners) < n:
        owners.extend([paragraph] * rng.randint(2, 8))
        paragraph += 1
    return owners[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000, help="source sentences (default 20000)")
    args = parser.parse_args()
    src, tgt, src_par, tgt_par, gold = synthetic_pair(args.sentences)
    started, cpu_started = time.perf_counter(), time.process_time()
    alignment = align_sentences(src, tgt, "en", "ru", src_paragraphs=src_par, tgt_paragraphs=tgt_par)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    scores = score_alignments([gold], [alignment.beads])
    print(json.dumps({
        "benchmark": "align", "src_sentences": len(src), "tgt_sentences": len(tgt),
        "seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "f1_strict": round(scores.f1_strict, 4), "f1_lax": round(scores.f1_lax, 4),
        "signature": alignment.signature,
    }, indent=2))


if __name__ == "__main__":
    main()
