"""Checks of raw MT output: the repetition loops OPUS-MT models are known to fall into, and
target/source length ratios that betray an omission or a hallucination.

A loop is a word n-gram (n = 1..4) repeated three or more times in a row ("the the the",
"of the war of the war of the war"), or a character unit of 2-12 characters repeated four or
more times inside one run of non-space text ("ininininin"; digit runs such as
``100000000`` do not count).
"""

from __future__ import annotations

import re

LENGTH_RATIO_BOUNDS = (0.5, 2.2)
"""Target/source length in characters outside these bounds is flagged (en→ru/be news text runs
at about 1.0-1.3; an omission halves it, a hallucination doubles it)."""
MIN_SOURCE_CHARS = 25
"""Shorter sources (headlines, credits) vary too much to judge by length."""
_CHAR_LOOP_RE = re.compile(r"((?:(?!\d)\S){2,12}?)\1{3,}")  # digits excluded: 100000000
_MAX_NGRAM = 4
_MIN_REPEATS = 3


def has_repetition_loop(text: str) -> bool:
    """True when ``text`` contains a repetition loop (see the module docstring)."""
    words = text.split()
    for size in range(1, _MAX_NGRAM + 1):
        for start in range(len(words) - size * _MIN_REPEATS + 1):
            gram = words[start:start + size]
            if all(words[start + k * size:start + (k + 1) * size] == gram for k in range(1, _MIN_REPEATS)):
                return True
    return _CHAR_LOOP_RE.search(text) is not None


def length_ratio_flag(source: str, target: str) -> str | None:
    """``length-ratio:<r>`` (2 decimals) when the target is suspiciously short or long, else None."""
    source_chars, target_chars = len(source.strip()), len(target.strip())
    if source_chars < MIN_SOURCE_CHARS:
        return None
    ratio = target_chars / source_chars
    low, high = LENGTH_RATIO_BOUNDS
    return None if low <= ratio <= high else f"length-ratio:{ratio:.2f}"
