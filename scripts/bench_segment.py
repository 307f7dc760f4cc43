"""Benchmark ``transalign.segment`` on a ~5 MB text built by repeating the repo's own text.

Usage: ``python scripts/bench_segment.py [--mb 5] [--lang en]``. Prints one JSON object:
``{"lang", "chars", "mb", "sentences", "seconds", "mb_per_s", "signature"}`` (MB = 10**6 UTF-8
bytes). The source text is the samples and held-out fixtures of ``--lang``, repeated.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from transalign import __version__
from transalign.segment import segment

REPO = Path(__file__).resolve().parent.parent


def source_text(lang: str) -> str:
    """All of the repo's own raw texts in ``lang``, joined by blank lines."""
    paths = sorted(REPO.glob(f"samples/*.{lang}.txt"))
    paths += sorted(REPO.glob(f"tests/fixtures/segment/*.{lang}.txt"))
    return "\n\n".join(path.read_text("utf-8").strip() for path in paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    unit = source_text(args.lang) + "\n\n"
    repeats = max(1, int(args.mb * 1e6 / len(unit.encode())))
    text = unit * repeats
    segment("Warm up. Punkt tables load here.", args.lang)
    started = time.perf_counter()
    sentences = segment(text, args.lang)
    seconds = time.perf_counter() - started
    size = len(text.encode()) / 1e6
    print(json.dumps({
        "lang": args.lang, "chars": len(text), "mb": round(size, 2), "sentences": len(sentences),
        "seconds": round(seconds, 2), "mb_per_s": round(size / seconds, 2),
        "signature": f"transalign {__version__}|segment|python {platform.python_version()}",
    }))


if __name__ == "__main__":
    main()
