"""Strict/lax precision, recall and F1 as Vecalign's score.py counts them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transalign.align.score import match_counts, score_alignments
from transalign.formats.links import Bead

REPO = Path(__file__).resolve().parent.parent


GOLD = [((0,), (0,)), ((1,), ()), ((2, 3), (1,)), ((4,), (2, 3)), ((), (4,))]


@pytest.mark.parametrize(
    ("test", "expected", "why"),
    [
        (GOLD, (1.0, 1.0, 1.0, 1.0), "identical alignments"),
        # precision over 5 test beads: 3 strict hits; ((2,),(1,)) and ((3,),()) are strict misses,
        # the first a lax hit (2→1 in gold). Recall over 3 gold 2-sided beads against 3 test ones:
        # [0]:[0] and [4]:[2,3] strict hits; [2,3]:[1] lax hit via 2→1.
        ([((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), ()), ((4,), (2, 3)), ((), (4,))],
         (4 / 6, 2 / 3, 5 / 6, 1.0), "a 2-1 split into 1-1 + 1-0"),
        ([((0, 1), (0,)), ((2, 3, 4), (1, 2, 3, 4))],
         (0.0, 0.0, 1.0, 1.0), "everything merged: no strict hit, all lax hits"),
    ],
)
def test_scores(test: list[Bead], expected: tuple[float, float, float, float], why: str) -> None:
    scores = score_alignments([GOLD], [test])
    got = (scores.precision_strict, scores.recall_strict, scores.precision_lax, scores.recall_lax)
    assert got == pytest.approx(expected), why


def test_deletions_count_for_precision_not_recall() -> None:
    gold = [((0,), (0,)), ((1,), ())]
    test = [((0,), (0,)), ((1,), (1,))]
    counts = match_counts(gold, test)
    assert (counts.tp_strict, counts.fp_strict) == (1, 1), "the 1-1 bead where gold deletes is wrong"
    assert score_alignments([gold], [test]).recall_strict == 1.0, "the gold deletion is not recalled"


def test_counts_are_summed_over_files_not_averaged() -> None:
    perfect = [((i,), (i,)) for i in range(9)]
    wrong = [((0,), (1,)), ((1,), (0,))]
    gold_wrong = [((0,), (0,)), ((1,), (1,))]
    scores = score_alignments([perfect, gold_wrong], [perfect, wrong])
    assert scores.precision_strict == pytest.approx(9 / 11), "9 of 11 test beads, not mean(1, 0)"


def test_mismatched_document_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        score_alignments([GOLD], [])


def test_eval_script_prints_json(tmp_path: Path) -> None:
    gold, test = tmp_path / "a.gold", tmp_path / "a.test"
    gold.write_text("[0]:[0]\n[1, 2]:[1]\n", encoding="utf-8")
    test.write_text("[0]:[0]\n[1]:[1]\n[2]:[]\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "eval_alignment.py"), str(gold), str(test)],
                          capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(REPO / "src")})
    report = json.loads(done.stdout)
    assert report["precision_strict"] == pytest.approx(1 / 3) and report["files"] == 1
    assert report["recall_lax"] == pytest.approx(1.0)
    script = str(REPO / "scripts" / "eval_alignment.py")
    vecalign_style = subprocess.run([sys.executable, script, "-g", str(gold), "-t", str(test)],
                                    capture_output=True, text=True, check=True,
                                    env={"PYTHONPATH": str(REPO / "src")})
    assert json.loads(vecalign_style.stdout)["f1_strict"] == report["f1_strict"]
