"""The planted-problem fixtures: ``scripts/eval_check.py`` precision and recall stay ≥ 0.95."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_check.py"


def test_planted_problems_precision_and_recall() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                          check=True)
    result = json.loads(done.stdout)
    assert result["planted"] >= 40 and result["clean_rows"] >= 60
    assert set(result["per_kind"]) == {"term-missing", "term-forbidden", "number-mismatch",
                                       "untranslated"}
    assert result["precision"] >= 0.95, result["false_positives"]
    assert result["recall"] >= 0.95, result["false_negatives"]
