"""Align two editions of a document sentence by sentence: features → two banded passes → beads.

Pass 1 (coarse): shapes 1-1, 1-0, 0-1 in a band around the diagonal, widened (doubled) while
the best path runs along its edge. The 1-1 beads found re-estimate the length model.
Pass 2 (fine): all shapes of :data:`~transalign.align.beads.BEAD_TYPES` in a narrow band around
the pass-1 path, widened the same way. Both passes cost ``O(n × band)`` time and memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from transalign import __version__
from transalign.align.anchors import KINDS, inner_names
from transalign.align.beads import BEAD_TYPES, COARSE_BEAD_TYPES, BeadType
from transalign.align.concepts import ConceptAnchors, load_concept_anchors
from transalign.align.features import DocumentFeatures, document_features, sentence_keys, shareable
from transalign.align.lengths import LengthModel
from transalign.align.mt import ChrfSimilarity, Translate, translate_all
from transalign.align.scoring import BeadScorer, CostWeights
from transalign.align.search import Band, SearchResult, search
from transalign.formats.links import Bead

_BandMaker = Callable[[int], Band]

@dataclass(frozen=True)
class AlignOptions:
    """Settings of :func:`align_sentences`.

    Attributes:
        glossaries: glossary files for concept anchors (empty: the house glossary).
        use_glossary: False disables concept anchors.
        anchors: False gives a length-only Gale–Church aligner (the baseline).
        band: half-width (target sentences) of the final band around the first-pass path.
        coarse_band: initial half-width of the first-pass band around the diagonal.
        weights: cost weights.
    """

    glossaries: tuple[Path, ...] = ()
    use_glossary: bool = True
    anchors: bool = True
    band: int = 8
    coarse_band: int = 32
    weights: CostWeights = field(default_factory=CostWeights)


@dataclass(frozen=True)
class Alignment:
    """Beads in document order, the cost of each (nats), the length model and the signature."""

    beads: list[Bead]
    costs: list[float]
    lengths: LengthModel
    signature: str


def align_sentences(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str, *,
    src_paragraphs: Sequence[int] | None = None, tgt_paragraphs: Sequence[int] | None = None,
    options: AlignOptions | None = None, translate: Translate | None = None,
) -> Alignment:
    """Align sentence lists ``src`` and ``tgt`` (indices in the beads are 0-based).

    Args:
        src_paragraphs, tgt_paragraphs: 0-based paragraph of each sentence (soft evidence).
        translate: optional MT hook mapping source sentences to ``tgt_lang``; enables the
            chrF similarity term.
    """
    options = options or AlignOptions()
    concepts = _concepts(options, src_lang, tgt_lang)
    src_features, tgt_features = _pair_features(src, tgt, src_lang, tgt_lang, src_paragraphs,
                                                tgt_paragraphs, concepts)
    mt = _mt_similarity(translate, src, tgt)
    lengths = LengthModel.from_totals(src_features.chars, tgt_features.chars)
    weights = options.weights if options.anchors else _length_only(options.weights)
    scorer = BeadScorer(src_features, tgt_features, lengths, weights, mt)
    if not src or not tgt:
        beads = _all_skipped(len(src), len(tgt))
        return Alignment(beads, [weights.skip] * len(beads), lengths,
                         _signature(options, lengths, concepts, mt))
    coarse = _widening_search(scorer, COARSE_BEAD_TYPES, options.coarse_band,
                              lambda width: Band.diagonal(len(src), len(tgt), width))
    scorer.lengths = lengths = _refined(lengths, coarse, src_features, tgt_features)
    fine = _widening_search(scorer, BEAD_TYPES, options.band,
                            lambda width: Band.around(coarse.nodes, len(src), len(tgt), width))
    return Alignment(fine.beads, fine.costs, lengths, _signature(options, lengths, concepts, mt))


def _pair_features(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str,
    src_paragraphs: Sequence[int] | None, tgt_paragraphs: Sequence[int] | None, concepts: ConceptAnchors,
) -> tuple[DocumentFeatures, DocumentFeatures]:
    """Features of both documents; names and shareable anchors are decided over the pair."""
    names = inner_names(src, src_lang) | inner_names(tgt, tgt_lang)
    src_keys = sentence_keys(src, src_lang, concepts.src, names)
    tgt_keys = sentence_keys(tgt, tgt_lang, concepts.tgt, names)
    common = shareable(src_keys, tgt_keys)
    return (document_features(src, src_keys, src_paragraphs, common),
            document_features(tgt, tgt_keys, tgt_paragraphs, common))


def _mt_similarity(translate: Translate | None, src: Sequence[str],
                   tgt: Sequence[str]) -> ChrfSimilarity | None:
    if translate is None:
        return None
    model = str(getattr(translate, "model_id", getattr(translate, "__name__", "custom")))
    return ChrfSimilarity(translate_all(translate, list(src)), tgt, model)


def _concepts(options: AlignOptions, src_lang: str, tgt_lang: str) -> ConceptAnchors:
    if not (options.use_glossary and options.anchors):
        return ConceptAnchors(None, None, "none")
    return load_concept_anchors(options.glossaries, src_lang, tgt_lang)


def _length_only(weights: CostWeights) -> CostWeights:
    zero = tuple(0.0 for _ in weights.match)
    return CostWeights(skip=weights.skip, match=zero, mismatch=zero, expect=zero, paragraph_bonus=0.0,
                       paragraph_cross=0.0, mt=0.0)


def _all_skipped(n_src: int, n_tgt: int) -> list[Bead]:
    return [((i,), ()) for i in range(n_src)] + [((), (j,)) for j in range(n_tgt)]


def _widening_search(scorer: BeadScorer, shapes: Sequence[BeadType], width: int,
                     make_band: _BandMaker) -> SearchResult:
    """Search, doubling the band's half-width while the best path hugs an inner band edge."""
    while True:
        band = make_band(width)
        result = search(scorer.costs, shapes, scorer.src.size, scorer.tgt.size, band)
        full = band.cells() == (scorer.src.size + 1) * (scorer.tgt.size + 1)
        if not result.touches_edge or full:
            return result
        width *= 2


def _refined(lengths: LengthModel, coarse: SearchResult, src: DocumentFeatures,
             tgt: DocumentFeatures) -> LengthModel:
    pairs = [(s[0], t[0]) for s, t in coarse.beads if len(s) == 1 and len(t) == 1]
    if not pairs:
        return lengths
    index = np.asarray(pairs, dtype=np.int64)
    return lengths.refined(src.chars[index[:, 0]], tgt.chars[index[:, 1]])


def _signature(options: AlignOptions, lengths: LengthModel, concepts: ConceptAnchors,
               mt: ChrfSimilarity | None) -> str:
    """sacrebleu-style description of everything that determined the result."""
    kinds = [kind for kind in KINDS if kind != "term" or concepts.digest != "none"]
    anchors = "+".join(kinds) if options.anchors else "none"
    parts = [
        f"ratio:{lengths.ratio:.3f}", f"var:{lengths.variance:.2f}", f"anchors:{anchors}",
        f"glossary:{concepts.digest}", f"mt:{mt.signature if mt is not None else 'no'}",
        f"shapes:{','.join(shape.name for shape in BEAD_TYPES)}", f"band:{options.band}",
        f"weights:{options.weights.describe()}", f"version:{__version__}",
    ]
    return "|".join(parts)

