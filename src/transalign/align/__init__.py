"""Sentence alignment of a story with its human editions (``transalign align``).

Modules: :mod:`.beads` (bead shapes), :mod:`.anchors` / :mod:`.translit` / :mod:`.concepts`
(evidence shared across languages), :mod:`.features` and :mod:`.lengths` (per-document
arrays, length model), :mod:`.scoring` (bead costs), :mod:`.search` (banded DP),
:mod:`.aligner` (the two passes), :mod:`.output` / :mod:`.tmx` (TSV, TMX), :mod:`.score`
(strict/lax precision, recall, F1).
"""

from __future__ import annotations

from transalign.align.aligner import Alignment, AlignOptions, align_sentences
from transalign.align.beads import BEAD_TYPES, BeadType
from transalign.align.documents import Document, load_document
from transalign.align.score import AlignmentScores, score_alignments
from transalign.align.scoring import BeadScorer, CostWeights

__all__ = [
    "BEAD_TYPES",
    "AlignOptions",
    "Alignment",
    "AlignmentScores",
    "BeadScorer",
    "BeadType",
    "CostWeights",
    "Document",
    "align_sentences",
    "load_document",
    "score_alignments",
]
