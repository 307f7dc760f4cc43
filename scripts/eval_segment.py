"""Sentence-exact P/R/F1 of ``transalign.segment`` on a text against its gold ``.sents`` file.

Usage: ``python scripts/eval_segment.py GOLD.sents TEXT [--lang L] [--errors]``. The language
defaults to the ``.L.`` part of TEXT's name (``story.ru.txt``). Prints one JSON object; with
``--errors`` it also lists the gold sentences that were not reproduced.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from transalign.formats.sents import flatten, read_sents
from transalign.io import read_text
from transalign.segment import SUPPORTED_LANGUAGES, segment_paragraphs
from transalign.segment.evaluate import score


def _language(path: Path, given: str | None) -> str:
    if given:
        return given
    found = [part for part in path.name.split(".") if part in SUPPORTED_LANGUAGES]
    if not found:
        raise SystemExit(f"cannot tell the language of {path}; pass --lang")
    return found[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("text", type=Path)
    parser.add_argument("--lang")
    parser.add_argument("--errors", action="store_true", help="list gold sentences not reproduced")
    args = parser.parse_args()
    lang = _language(args.text, args.lang)
    gold, _ = flatten(read_sents(args.gold))
    predicted, _ = flatten(segment_paragraphs(read_text(args.text), lang))
    report = {"lang": lang, "gold_file": str(args.gold), "text_file": str(args.text),
              **score(gold, predicted).as_dict()}
    if args.errors:
        report["missed"] = [s for s in gold if s not in set(predicted)]
        report["spurious"] = [s for s in predicted if s not in set(gold)]
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
