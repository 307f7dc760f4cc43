"""Alignment quality on gold data: the shared evaluation story and our own samples/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transalign.align import AlignOptions, align_sentences, score_alignments
from transalign.align.mt import identity
from transalign.formats.links import Bead, read_links
from transalign.formats.sents import flatten, read_sents

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "align"


def align_gold(folder: Path, doc: str, tgt: str, options: AlignOptions | None = None) -> tuple[list, list]:
    src_sents, src_par = flatten(read_sents(folder / f"{doc}.en.sents"))
    tgt_sents, tgt_par = flatten(read_sents(folder / f"{doc}.{tgt}.sents"))
    alignment = align_sentences(src_sents, tgt_sents, "en", tgt, src_paragraphs=src_par,
                                tgt_paragraphs=tgt_par, options=options)
    return read_links(folder / f"{doc}.en-{tgt}.gold"), alignment.beads


@pytest.mark.parametrize("tgt", ["ru", "be"])
def test_corpus_strict_f1_is_perfect(corpus: Path, tgt: str) -> None:
    gold, test = align_gold(corpus, "cis-ministers", tgt)
    scores = score_alignments([gold], [test])
    assert scores.f1_strict == 1.0, [bead for bead in test if bead not in gold]


def test_corpus_anchors_beat_length_only_baseline(corpus: Path) -> None:
    pairs = [align_gold(corpus, "cis-ministers", tgt, AlignOptions(anchors=False)) for tgt in ("ru", "be")]
    baseline = score_alignments([gold for gold, _ in pairs], [test for _, test in pairs])
    assert baseline.f1_strict < 1.0, "the length-only baseline must miss something here"


@pytest.mark.parametrize("tgt", ["ru", "be"])
def test_sample_story(tgt: str) -> None:
    gold, test = align_gold(SAMPLES, "minsk-forum", tgt)
    assert score_alignments([gold], [test]).f1_strict == 1.0, [bead for bead in test if bead not in gold]


def fixture_cases() -> list[tuple[str, str]]:
    return sorted((path.name.split(".")[0], path.name.split(".")[1].split("-")[1])
                  for path in FIXTURES.glob("*.gold"))


HARD_CASE_MIN_F1 = {"each": 0.9, "together": 0.97}
"""Strict F1 floors for our own adversarial editions (few anchors, moved paragraphs, 1-3, 3-1
and 2-2 beads); measured values are in the README."""


@pytest.mark.parametrize(("doc", "tgt"), fixture_cases())
def test_hard_cases(doc: str, tgt: str) -> None:
    """Our own editions with omissions, additions, splits, merges and moved paragraphs."""
    gold, test = align_gold(FIXTURES, doc, tgt)
    scores = score_alignments([gold], [test])
    assert scores.f1_strict >= HARD_CASE_MIN_F1["each"], [b for b in test if b not in gold]


UNSEEN = ("football", "economy")
"""Edition sets written (gold links first) after the aligner was tuned on the others; the issue's
acceptance floor for unseen editions applies to each."""


@pytest.mark.parametrize(("doc", "tgt"), [case for case in fixture_cases() if case[0] in UNSEEN])
def test_unseen_editions_reach_the_acceptance_floor(doc: str, tgt: str) -> None:
    gold, test = align_gold(FIXTURES, doc, tgt)
    assert score_alignments([gold], [test]).f1_strict >= 0.95, [b for b in test if b not in gold]


def test_hard_cases_together() -> None:
    pairs = [align_gold(FIXTURES, doc, tgt) for doc, tgt in fixture_cases()]
    scores = score_alignments([gold for gold, _ in pairs], [test for _, test in pairs])
    assert scores.f1_strict >= HARD_CASE_MIN_F1["together"]


def test_mt_similarity_finds_the_omission_length_cannot() -> None:
    """Two same-language editions (identity MT): the second drops a sentence of the same
    length as its neighbour, with no names or numbers to tell them apart."""
    src = ["the weather was warm and dry all week long.", "farmers worked in the fields from dawn.",
           "the harvest is expected to be good again.", "prices for bread should stay stable now."]
    tgt = [src[0], src[2], src[3]]
    gold = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    with_mt = align_sentences(src, tgt, "en", "en", translate=identity).beads
    assert with_mt == gold


Parts = tuple[list[str], list[int], list[str], list[int], list[Bead]]


def concatenated(docs: list[str], tgt: str, drop: str) -> Parts:
    """Fixture stories one after another; the target edition leaves out story ``drop``."""
    src: list[str] = []
    src_par: list[int] = []
    tgt_sents: list[str] = []
    tgt_par: list[int] = []
    gold: list[Bead] = []
    for doc in docs:
        s, sp = flatten(read_sents(FIXTURES / f"{doc}.en.sents"))
        t, tp = flatten(read_sents(FIXTURES / f"{doc}.{tgt}.sents"))
        links = read_links(FIXTURES / f"{doc}.en-{tgt}.gold")
        if doc == drop:
            gold += [((len(src) + i,), ()) for i in range(len(s))]
        else:
            gold += [(tuple(len(src) + i for i in a), tuple(len(tgt_sents) + j for j in b)) for a, b in links]
            tgt_sents += t
            tgt_par += [p + (max(tgt_par) + 1 if tgt_par else 0) for p in tp]
        src_par += [p + (max(src_par) + 1 if src_par else 0) for p in sp]
        src += s
    return src, src_par, tgt_sents, tgt_par, gold


def test_a_whole_dropped_story_widens_the_band() -> None:
    """A story of 18 sentences left out, with bands far narrower than that: the search must widen
    them and still find everything else."""
    src, src_par, tgt, tgt_par, gold = concatenated(["talks", "harvest", "expo"], "ru", drop="harvest")
    options = AlignOptions(coarse_band=3, band=2)
    test = align_sentences(src, tgt, "en", "ru", src_paragraphs=src_par, tgt_paragraphs=tgt_par,
                           options=options).beads
    assert score_alignments([gold], [test]).f1_strict >= 0.95


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["Trade grew by 5% in 2023.", "“We agree,” he said.", "Minsk hosted talks.",
                                 "The weather was fine.", "Lukashenko met Putin on 6 April."]), max_size=8),
       st.lists(st.sampled_from(["Товарооборот вырос на 5% в 2023 году.", "«Мы согласны», – сказал он.",
                                 "В Минске прошли переговоры.", "Погода была хорошей."]), max_size=8))
def test_any_pair_of_documents_gets_a_complete_monotone_alignment(src: list[str], tgt: list[str]) -> None:
    beads = align_sentences(src, tgt, "en", "ru").beads
    assert [i for bead in beads for i in bead[0]] == list(range(len(src)))
    assert [j for bead in beads for j in bead[1]] == list(range(len(tgt)))
