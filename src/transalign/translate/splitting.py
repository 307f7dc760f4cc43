"""Sentences longer than the model's input limit: split at clause boundaries, translate, join.

A Marian model silently truncates input beyond its limit (512 tokens for OPUS-MT), dropping the
end of the sentence. Instead a long sentence is cut where a clause ends (``;``, ``:``, ``,``, a
dash) as near its middle as possible, recursively, until every part fits; only a part with no
such boundary is cut at a space, and only a part with no space at a character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_CLAUSE_RE = re.compile(r"(?<=[;:])\s+|(?<=,)\s+|\s+(?=[—–]\s)|(?<=[)»”\"])\s+(?=\S)")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class SplitPlan:
    """The parts to translate and which input sentence each belongs to.

    Attributes:
        parts: texts to translate, each within the limit (in input order).
        owners: ``owners[k]`` is the 0-based index of the input sentence of ``parts[k]``.
    """

    parts: list[str]
    owners: list[int]

    def part_counts(self, sentences: int) -> list[int]:
        """How many parts each of ``sentences`` input sentences was split into."""
        counts = [0] * sentences
        for owner in self.owners:
            counts[owner] += 1
        return counts


def split_to_fit(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """``text`` itself when it has at most ``limit`` tokens, else parts that each fit."""
    if count_tokens(text) <= limit or len(text) < 2:
        return [text]
    cut = _best_cut(text)
    left, right = text[:cut[0]].strip(), text[cut[1]:].strip()
    if not left or not right:
        return [text]  # cannot happen for len >= 2; a guard against infinite recursion
    return split_to_fit(left, count_tokens, limit) + split_to_fit(right, count_tokens, limit)


def _best_cut(text: str) -> tuple[int, int]:
    """(end of left part, start of right part): a clause boundary, a space, or the middle."""
    middle = len(text) / 2
    for pattern in (_CLAUSE_RE, _SPACE_RE):
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)
                 if m.start() > 0 and m.end() < len(text)]
        if spans:
            return min(spans, key=lambda span: abs(span[0] - middle))
    half = len(text) // 2
    return half, half


def plan_splits(sentences: Sequence[str], lengths: Sequence[int], count_tokens: Callable[[str], int],
                limit: int) -> SplitPlan:
    """Split every sentence whose ``lengths[i]`` (tokens) exceeds ``limit``."""
    parts: list[str] = []
    owners: list[int] = []
    for index, (sentence, length) in enumerate(zip(sentences, lengths, strict=True)):
        pieces = [sentence] if length <= limit else split_to_fit(sentence, count_tokens, limit)
        parts.extend(pieces)
        owners.extend([index] * len(pieces))
    return SplitPlan(parts, owners)
