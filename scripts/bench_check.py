"""Benchmark ``transalign check`` and target-side matching; prints JSON.

Measures, with the house glossary: building the target matchers (inflecting every ru/be term),
``inflect`` per term, and checking aligned rows (the planted fixtures repeated to ``--rows``)
in rows per second; the time per row should stay flat as the input grows.

Usage: PYTHONPATH=src python scripts/bench_check.py [--rows 20000]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from transalign.check import RowChecker
from transalign.formats.tsv import read_aligned_tsv
from transalign.glossary import default_glossary_path, load_glossary
from transalign.morph import inflect

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "check"


def _rows(lang: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(FIXTURES.glob(f"*.en-{lang}.tsv")):
        rows.extend(read_aligned_tsv(path).rows)
    return rows


def bench(lang: str, total: int) -> dict[str, float | int]:
    glossary = load_glossary(default_glossary_path())
    terms = [t.text for c in glossary for t in c.all_terms(lang)]
    inflect.__globals__["_paradigm"].cache_clear()
    start = time.perf_counter()
    forms = sum(len(inflect(term, lang)) for term in terms)
    inflect_s = time.perf_counter() - start
    start = time.perf_counter()
    checker = RowChecker(glossary, "en", lang)
    build_s = time.perf_counter() - start
    base = _rows(lang)
    result: dict[str, float | int] = {
        "terms": len(terms), "forms": forms,
        "inflect_ms_per_term": round(1000 * inflect_s / max(len(terms), 1), 3),
        "matcher_build_s": round(build_s, 3)}
    for size in (total // 10, total):
        rows = (base * (size // len(base) + 1))[:size]
        start = time.perf_counter()
        for row in rows:
            checker.check("bench", row["id"], row["src"], row["tgt"])
        elapsed = time.perf_counter() - start
        result[f"rows_per_s_{size}"] = round(size / elapsed)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    print(json.dumps({lang: bench(lang, args.rows) for lang in ("ru", "be")}, indent=2))


if __name__ == "__main__":
    main()
