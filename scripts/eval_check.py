"""Precision and recall of ``transalign check`` over planted problems; prints JSON.

Usage: ``python scripts/eval_check.py [--glossary G ...] [TSV_OR_DIR ...]``
(default: ``tests/fixtures/check/``).

Each input is an aligned TSV with an extra column ``expect``: the problems planted in the row,
``kind:key`` separated by ``;`` (key: the concept for term problems, the source number as
written for number-mismatch, empty for untranslated); empty for a clean row. A reported
problem is a true positive when its ``(file, id, kind, key)`` is planted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from transalign.check import Problem, check_files, expand_inputs  # noqa: E402
from transalign.formats.tsv import read_aligned_tsv  # noqa: E402
from transalign.glossary import default_glossary_path, load_glossaries  # noqa: E402

Key = tuple[str, str, str, str]


def planted(paths: list[Path]) -> set[Key]:
    """``(file, id, kind, key)`` of every planted problem."""
    keys: set[Key] = set()
    for path in paths:
        for row in read_aligned_tsv(path).rows:
            for item in filter(None, row.get("expect", "").split(";")):
                kind, _, key = item.partition(":")
                keys.add((str(path), row["id"], kind.strip(), key.strip()))
    return keys


def reported_key(problem: Problem) -> Key:
    key = problem.number if problem.kind == "number-mismatch" else problem.concept
    return (problem.file, problem.id, problem.kind, key or "")


def scores(gold: set[Key], found: set[Key]) -> dict[str, float | int]:
    true = len(gold & found)
    precision = true / len(found) if found else 1.0
    recall = true / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"planted": len(gold), "reported": len(found), "true_positives": true,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(REPO / "tests" / "fixtures" / "check")])
    parser.add_argument("--glossary", action="append", default=[])
    args = parser.parse_args()
    glossary = load_glossaries(args.glossary or [default_glossary_path()])
    paths = expand_inputs(args.inputs)
    report = check_files(paths, glossary)
    gold = planted(paths)
    found = {reported_key(problem) for problem in report.problems}
    kinds = sorted({key[2] for key in gold | found})
    result = {
        "signature": f"{report.signature}|files:{len(paths)}",
        "rows": sum(report.rows.values()),
        "clean_rows": sum(report.rows.values()) - len({k[:2] for k in gold}),
        **scores(gold, found),
        "per_kind": {kind: scores({k for k in gold if k[2] == kind},
                                  {k for k in found if k[2] == kind}) for kind in kinds},
        "false_positives": sorted(" ".join(k[1:]) + f" ({Path(k[0]).name})" for k in found - gold),
        "false_negatives": sorted(" ".join(k[1:]) + f" ({Path(k[0]).name})" for k in gold - found),
        "reported_by_kind": dict(Counter(k[2] for k in found)),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
