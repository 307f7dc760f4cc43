"""Split one block into sentences: candidate ends from the rules, the rest decided by Punkt."""

from __future__ import annotations

from transalign.segment.punkt import facts, punkt_breaks
from transalign.segment.rules import Candidate, decide, decide_glued, find_candidates, make_candidate


def _ends(block: str, lang: str) -> list[int]:
    """Offsets in ``block`` where a sentence ends (after its closing quotes), in order."""
    known = facts(lang)
    punkt: set[int] | None = None
    ends: list[int] = []
    last_end = 0
    for start, end, glued in find_candidates(block):
        if start < last_end:
            continue
        candidate = make_candidate(block, start, end, last_end)
        verdict = decide_glued(candidate, lang, known) if glued else decide(candidate, lang, known)
        if verdict is None:
            punkt = punkt_breaks(block, lang) if punkt is None else punkt
            verdict = _punkt_says(candidate, punkt)
        if verdict:
            ends.append(end)
            last_end = end
    return ends


def _punkt_says(candidate: Candidate, breaks: set[int]) -> bool:
    """Whether Punkt ends a sentence at one of the candidate's punctuation marks."""
    return any(offset in breaks for offset in range(candidate.start + 1, candidate.end + 1))


def split_block(block: str, lang: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``block``, trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*_ends(block, lang), len(block)]:
        piece = block[start:end]
        stripped = piece.strip()
        if stripped:
            begin = start + piece.index(stripped[0])
            spans.append((begin, begin + len(stripped)))
        start = end
    return spans
