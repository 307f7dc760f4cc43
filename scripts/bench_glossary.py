"""Benchmark source-side glossary matching: time must grow linearly with the text.

Builds a synthetic glossary of N concepts (default 20,000; multi-word terms, acronyms, plural
forms), then matches texts of growing length (about 1/4 of the words are glossary terms) and
prints JSON: build time, and per text size the best-of-R time, matches found, nanoseconds per
character (roughly constant when matching is linear), and the time relative to case-folding the
same text (a pure C, linear pass: a constant ratio shows linearity even on a loaded machine).

Usage: PYTHONPATH=src python scripts/bench_glossary.py [--concepts 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import time
from collections.abc import Callable

from transalign.glossary.model import Glossary, make_concept
from transalign.glossary.source import SourceMatcher
from transalign.glossary.text import normalise_with_offsets

SIZES = (10_000, 40_000, 160_000, 640_000, 2_560_000)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def synthetic_glossary(concepts: int, seed: int = 1) -> Glossary:
    """``concepts`` concepts with 1-4 word English terms, one in ten an acronym."""
    rng = random.Random(seed)
    seen: set[str] = set()
    built = {}
    while len(built) < concepts:
        if rng.random() < 0.1:
            term = "".join(rng.choice("ABCDEFGHKLMNPRSTUVZ") for _ in range(rng.randint(3, 5)))
        else:
            term = " ".join(_word(rng) for _ in range(rng.randint(1, 4)))
        if term.lower() in seen:
            continue
        seen.add(term.lower())
        concept_id = f"c{len(built)}"
        built[concept_id] = make_concept(concept_id, {"en": [term]})
    return Glossary(built, ("en",))


def synthetic_text(glossary: Glossary, chars: int, seed: int = 2) -> str:
    """Running text of about ``chars`` characters mixing filler words and glossary terms."""
    rng = random.Random(seed)
    terms = [concept.all_terms("en")[0].text for concept in glossary]
    parts: list[str] = []
    length = 0
    while length < chars:
        piece = rng.choice(terms) + rng.choice(["", "s", "'s", "-led"]) if rng.random() < 0.25 \
            else _word(rng)
        piece += rng.choice([" ", " ", " ", ", ", ". "])
        parts.append(piece)
        length += len(piece)
    return "".join(parts)


def run(concepts: int, repeat: int) -> dict[str, object]:
    """Build the matcher, then time every text size ``repeat`` times, sizes interleaved (so
    a burst of load elsewhere hits one round, not one size), keeping each size's best."""
    glossary = synthetic_glossary(concepts)
    start = time.perf_counter()
    matcher = SourceMatcher(glossary, "en")
    build_s = time.perf_counter() - start
    texts = [synthetic_text(glossary, size) for size in SIZES]
    best = [float("inf")] * len(texts)
    baseline = [float("inf")] * len(texts)
    for _ in range(repeat):
        for index, text in enumerate(texts):
            best[index] = min(best[index], _seconds(functools.partial(matcher.find, text)))
            baseline[index] = min(baseline[index], _seconds(
                functools.partial(normalise_with_offsets, text, fold=True)))
    rows = [{"chars": len(text), "seconds": round(seconds, 4), "matches": len(matcher.find(text)),
             "ns_per_char": round(seconds / len(text) * 1e9, 1),
             "over_case_folding": round(seconds / folding, 1)}
            for text, seconds, folding in zip(texts, best, baseline, strict=True)]
    per_char = [float(row["ns_per_char"]) for row in rows]
    relative = [float(row["over_case_folding"]) for row in rows]
    return {"benchmark": "glossary-source-matching", "concepts": concepts,
            "build_seconds": round(build_s, 3), "repeat": repeat, "texts": rows,
            "ns_per_char_max_over_min": round(max(per_char) / min(per_char), 2),
            "over_case_folding_max_over_min": round(max(relative) / min(relative), 2)}


def _seconds(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concepts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(run(args.concepts, args.repeat), indent=2))


if __name__ == "__main__":
    main()
