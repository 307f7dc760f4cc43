"""Alignment links ("beads"), Vecalign format: ``[4, 5]:[3]``, ``[1]:[]``, ``[]:[43]``.

A bead is a pair of tuples of 0-based sentence indices (source side, target side). The same
type serves the aligner's output, gold files and the scorer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from transalign.errors import InputError
from transalign.io import atomic_write_text, read_text

Bead = tuple[tuple[int, ...], tuple[int, ...]]

_LINK_RE = re.compile(r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\](?:\s*:\s*\S+)?\s*$")


def _indices(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def parse_links(text: str, *, path: str | Path = "<string>") -> list[Bead]:
    """Parse links text (blank lines ignored, an optional third ``:cost`` field ignored).

    Raises:
        InputError: E020 for a malformed line, E021 when an index repeats or goes backwards.
    """
    beads: list[Bead] = []
    last = [-1, -1]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINK_RE.match(line)
        if match is None:
            raise InputError("E020", f"not a link: {line.strip()!r}", path=path, line=number,
                             hint="write links as [0, 1]:[0] (0-based indices)")
        bead = (_indices(match.group(1)), _indices(match.group(2)))
        for side in (0, 1):
            for index in bead[side]:
                if index <= last[side]:
                    raise InputError(
                        "E021", f"index {index} repeats or goes backwards", path=path,
                        line=number, hint="each index appears once, in increasing order",
                    )
                last[side] = index
        beads.append(bead)
    return beads


def read_links(path: str | Path) -> list[Bead]:
    """Read a links file such as ``*.gold``; see :func:`parse_links`."""
    return parse_links(read_text(path, fixed_utf8=True), path=path)


def format_bead(bead: Bead, cost: float | None = None) -> str:
    """One link line without newline, e.g. ``[4, 5]:[3]`` or ``[4, 5]:[3]:0.1234``."""
    src, tgt = bead
    text = f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"
    return text if cost is None else f"{text}:{cost:.4f}"


def format_links(beads: Iterable[Bead], costs: Sequence[float] | None = None) -> str:
    """Links text, one bead per line, newline-terminated."""
    beads = list(beads)
    lines = [format_bead(bead, None if costs is None else costs[i]) for i, bead in enumerate(beads)]
    return "".join(line + "\n" for line in lines)


def write_links(path: str | Path, beads: Iterable[Bead]) -> None:
    """Write links atomically."""
    atomic_write_text(path, format_links(beads))
