#!/usr/bin/env python3
"""Strict and lax precision, recall and F1 of alignments against gold (Vecalign's counting).

Usage: ``eval_alignment.py GOLD TEST [GOLD TEST ...]`` — pairs of links files — or, as Vecalign's
``score.py``, ``eval_alignment.py -g GOLD... -t TEST...``; counts are summed over all pairs.
Prints one JSON object (scores, per-file scores, file count).
"""

from __future__ import annotations

import argparse
import json
import sys

from transalign.align.score import score_alignments
from transalign.errors import TransalignError
from transalign.formats.links import read_links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", metavar="GOLD TEST", help="gold and test links files, in pairs")
    parser.add_argument("-g", "--gold", nargs="+", default=[], help="gold files (with --test)")
    parser.add_argument("-t", "--test", nargs="+", default=[], help="test files, one per gold file")
    args = parser.parse_args(argv)
    if len(args.files) % 2 or len(args.gold) != len(args.test) or not (args.files or args.gold):
        parser.error("give files in GOLD TEST pairs, or as many --test as --gold files")
    pairs = [*zip(args.files[::2], args.files[1::2], strict=True), *zip(args.gold, args.test, strict=True)]
    try:
        gold = [read_links(path) for path, _ in pairs]
        test = [read_links(path) for _, path in pairs]
    except TransalignError as err:
        print(f"eval_alignment: error: {err.one_line()}", file=sys.stderr)
        return 2
    report = {
        "files": len(pairs),
        **score_alignments(gold, test).as_dict(),
        "per_file": [{"gold": g, "test": t, **score_alignments([gb], [tb]).as_dict()}
                     for (g, t), gb, tb in zip(pairs, gold, test, strict=True)],
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
