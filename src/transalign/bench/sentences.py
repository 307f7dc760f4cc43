"""News-length English sentences made from the words of the repo's own text (deterministic).

Random-weight models do not care what a sentence says, only how long it is; the sentences are
unique (so that no system can gain by caching) and their lengths follow news copy: 12 to 36
words, about 24 on average.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

WORD = re.compile(r"[A-Za-z][a-z]{2,14}")
TEXT_SUFFIXES = (".md", ".txt", ".tsv", ".py")


def repo_text(root: Path, limit_chars: int = 400_000) -> str:
    """Concatenated prose of ``root``'s text files (README, samples, glossaries), sorted by path."""
    parts: list[str] = []
    size = 0
    for path in sorted(root.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file() or _hidden(path, root):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        size += len(text)
        if size >= limit_chars:
            break
    return "\n".join(parts)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def vocabulary(text: str) -> list[str]:
    """Distinct words of ``text`` (letters only, 3 to 15 characters), in order of first use."""
    return list(dict.fromkeys(match.group(0) for match in WORD.finditer(text)))


def news_sentences(words: Iterable[str], count: int, seed: int = 0) -> list[str]:
    """``count`` distinct sentences of 12–36 words drawn from ``words`` with a fixed seed."""
    pool = list(words)
    if len(pool) < 50:
        raise ValueError(f"need at least 50 distinct words to make sentences, got {len(pool)}")
    rng = random.Random(seed)
    sentences: list[str] = []
    seen: set[str] = set()
    while len(sentences) < count:
        sentence = _sentence(rng, pool)
        if sentence not in seen:
            seen.add(sentence)
            sentences.append(sentence)
    return sentences


def with_terms(sentences: Sequence[str], terms: Sequence[str], seed: int = 0, most: int = 3) -> list[str]:
    """Each sentence with 1 to ``most`` of ``terms`` put in place of words (fixed seed)."""
    rng = random.Random(seed)
    result = []
    for sentence in sentences:
        words = sentence.rstrip(".").split()
        for term in rng.sample(list(terms), rng.randint(1, min(most, len(terms)))):
            words[rng.randrange(1, len(words))] = term
        result.append(" ".join(words) + ".")
    return result


def source_terms(glossary: Any, src_lang: str, tgt_lang: str) -> list[str]:
    """Admitted ``src_lang`` terms of the concepts that have a ``tgt_lang`` term (glossary order)."""
    return [
        term.text
        for concept in glossary
        if concept.preferred(tgt_lang) is not None
        for term in concept.admitted(src_lang)
    ]


def _sentence(rng: random.Random, pool: list[str]) -> str:
    length = min(36, max(12, round(rng.gauss(24, 6))))
    words = [rng.choice(pool).lower() for _ in range(length)]
    words[0] = words[0].capitalize()
    comma = rng.randrange(4, length - 4)
    words[comma] += ","
    return " ".join(words) + "."
