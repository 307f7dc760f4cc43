"""Alignment output: links, the contract's aligned TSV, and TMX 1.4b (bilingual or, through an
English pivot, multilingual).

TSV rows carry ``origin=human`` (both sides are human editions), the bead in its own ``link``
column (``[4, 5]:[3]``) and its ``cost``; several sentences on one side are joined by one space.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from transalign.formats.links import Bead, format_bead
from transalign.formats.tsv import AlignedTable

TSV_COLUMNS = ["id", "src", "tgt", "origin", "link", "cost"]


@dataclass(frozen=True)
class Unit:
    """One translation unit: the text per language code (sentences joined by one space) and
    the 0-based sentence indices per language it came from."""

    texts: dict[str, str]
    indices: dict[str, tuple[int, ...]]


def join(sentences: Sequence[str], indices: Sequence[int]) -> str:
    """The sentences at ``indices`` joined by one space."""
    return " ".join(sentences[index] for index in indices)


def aligned_table(beads: Sequence[Bead], src: Sequence[str], tgt: Sequence[str], *,
                  costs: Sequence[float] | None = None, keep_unaligned: bool = True) -> AlignedTable:
    """The aligned TSV of ``beads``; ids are 1-based bead numbers (stable with or without the
    unaligned rows); ``keep_unaligned=False`` drops 1-0 and 0-1 beads."""
    table = AlignedTable(columns=list(TSV_COLUMNS))
    for number, bead in enumerate(beads, start=1):
        if not keep_unaligned and not (bead[0] and bead[1]):
            continue
        table.rows.append({
            "id": str(number), "src": join(src, bead[0]), "tgt": join(tgt, bead[1]),
            "origin": "human", "link": format_bead(bead),
            "cost": "" if costs is None else f"{costs[number - 1]:.4f}",
        })
    return table


def bilingual_units(beads: Sequence[Bead], src: Sequence[str], tgt: Sequence[str],
                    src_lang: str, tgt_lang: str) -> list[Unit]:
    """One unit per bead with sentences on both sides."""
    return [
        Unit({src_lang: join(src, s), tgt_lang: join(tgt, t)}, {src_lang: s, tgt_lang: t})
        for s, t in beads if s and t
    ]


def pivot_units(pivot: Sequence[str], pivot_lang: str,
                editions: Mapping[str, tuple[Sequence[str], Sequence[Bead]]]) -> list[Unit]:
    """Multilingual units through a pivot: ``editions`` maps a language to its sentences and
    its beads against the pivot. Pivot sentences linked (in any edition) through one bead are
    one unit, which holds every edition's sentences linked to them; editions with nothing
    there are left out of the unit, and units with one language only are dropped."""
    joined = [False] * len(pivot)  # joined[k]: pivot sentences k-1 and k share a bead
    for _, beads in editions.values():
        for src, _tgt in beads:
            for index in src[1:]:
                joined[index] = True
    owner: list[int] = []
    for index in range(len(pivot)):
        owner.append(owner[-1] if joined[index] else index)
    return _group_units(pivot, pivot_lang, editions, owner)


def _group_units(pivot: Sequence[str], pivot_lang: str,
                 editions: Mapping[str, tuple[Sequence[str], Sequence[Bead]]],
                 owner: list[int]) -> list[Unit]:
    groups: dict[int, dict[str, list[int]]] = {}
    for index, group in enumerate(owner):
        groups.setdefault(group, {pivot_lang: []})[pivot_lang].append(index)
    for lang, (_, beads) in editions.items():
        for src, tgt in beads:
            if src and tgt:
                groups[owner[src[0]]].setdefault(lang, []).extend(tgt)
    units: list[Unit] = []
    for group in sorted(groups):
        members = groups[group]
        if len(members) < 2:
            continue
        texts = {pivot_lang: join(pivot, members[pivot_lang])}
        texts.update({lang: join(editions[lang][0], members[lang]) for lang in members if lang != pivot_lang})
        units.append(Unit(texts, {lang: tuple(values) for lang, values in members.items()}))
    return units
