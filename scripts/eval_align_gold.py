#!/usr/bin/env python3
"""Align every gold-annotated edition we have and score it: ``eval_align_gold.py [--length-only]``.

Sets: the evaluation story ``../shared/corpus`` or ``$TRANSALIGN_CORPUS`` (when present),
``samples/minsk-forum``, and the hard cases in ``tests/fixtures/align``. Each
``<doc>.en.sents`` is aligned with every ``<doc>.<xx>.sents`` that has ``<doc>.en-<xx>.gold``.
Prints one JSON object: strict/lax F1 per set (counts summed over its editions, as
``eval_alignment.py``) and per edition.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from transalign.align import AlignOptions, align_sentences, score_alignments
from transalign.formats.links import Bead, read_links
from transalign.formats.sents import flatten, read_sents

REPO = Path(__file__).resolve().parent.parent
SETS = {"corpus": Path(os.environ.get("TRANSALIGN_CORPUS") or REPO.parent / "shared" / "corpus"),
        "samples": REPO / "samples",
        "fixtures": REPO / "tests" / "fixtures" / "align"}


def editions(folder: Path) -> list[tuple[str, str]]:
    """``(document, target language)`` of each gold file in ``folder``."""
    return sorted((path.name.split(".")[0], path.name.split(".")[1].split("-")[1])
                  for path in folder.glob("*.en-*.gold"))


def align_edition(folder: Path, doc: str, tgt: str, options: AlignOptions) -> list[Bead]:
    src, src_par = flatten(read_sents(folder / f"{doc}.en.sents"))
    tgt_sents, tgt_par = flatten(read_sents(folder / f"{doc}.{tgt}.sents"))
    return align_sentences(src, tgt_sents, "en", tgt, src_paragraphs=src_par, tgt_paragraphs=tgt_par,
                           options=options).beads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length-only", action="store_true", help="the Gale–Church baseline")
    options = AlignOptions(anchors=not parser.parse_args().length_only)
    report: dict[str, object] = {}
    for name, folder in SETS.items():
        cases = editions(folder)
        if not cases:
            continue
        gold = [read_links(folder / f"{doc}.en-{tgt}.gold") for doc, tgt in cases]
        test = [align_edition(folder, doc, tgt, options) for doc, tgt in cases]
        scores = score_alignments(gold, test)
        report[name] = {"f1_strict": round(scores.f1_strict, 4), "f1_lax": round(scores.f1_lax, 4),
                        "editions": {f"{doc}.en-{tgt}": round(score_alignments([g], [t]).f1_strict, 4)
                                     for (doc, tgt), g, t in zip(cases, gold, test, strict=True)}}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
