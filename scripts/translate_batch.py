"""Translate every story in a folder: ``python scripts/translate_batch.py FOLDER [options]``.

Takes ``FOLDER/*.<src>.txt`` (or every ``*.txt`` when none is named that way), translates them
with ``transalign translate`` semantics (resumable, outputs up to date are skipped) and prints a
summary line as JSON: documents written/unchanged/failed, sentences, seconds, sentences/s.
Exit status 2 when any document failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from transalign.errors import InputError, TransalignError
from transalign.translate.pipeline import translate_documents
from transalign.translate.progress import ProgressBar
from transalign.translate.settings import GenerationSettings, RuntimeSettings


def stories(folder: Path, src_lang: str) -> list[Path]:
    """The folder's stories, sorted by name."""
    named = sorted(folder.glob(f"*.{src_lang}.txt"))
    return named or sorted(folder.glob("*.txt"))


def find_stories(folder: Path, src_lang: str) -> list[Path]:
    """:func:`stories`, or E309 when the folder is missing or holds no ``*.txt`` story."""
    if not folder.is_dir():
        raise InputError("E309", "not a folder of stories", path=folder,
                         hint="pass a folder holding *.<src>.txt or *.txt stories")
    found = stories(folder, src_lang)
    if not found:
        raise InputError("E309", "no story (*.txt) in the folder", path=folder,
                         hint=f"put the stories there as NAME.{src_lang}.txt or NAME.txt")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--src-lang", default="en")
    parser.add_argument("--to", default="ru,be")
    parser.add_argument("--model", default=None, help="hub id or local Marian folder")
    parser.add_argument("--glossary", action="append", default=[])
    parser.add_argument("--out", default="alignments")
    parser.add_argument("--memory", action="append", default=[], help="more approved TSVs or folders")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        paths = find_stories(args.folder, args.src_lang)
        report = translate_documents(
            paths, args.src_lang, args.to.split(","), args.model, args.glossary, args.out,
            settings=GenerationSettings(beam_size=args.beam_size),
            runtime=RuntimeSettings(device=args.device, threads=args.threads), memory_paths=args.memory,
            progress=ProgressBar(enabled=False if args.quiet else None))
    except TransalignError as err:
        print(f"translate_batch: error: {err.one_line()}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    for note in report.notes:
        print(f"translate_batch: warning: {note}", file=sys.stderr)
    for failure in report.failures:
        if failure.error is not None:
            print(f"translate_batch: error: {failure.error.one_line()}", file=sys.stderr)
    sentences = sum(r.counts.get("mt", 0) for r in report.results if r.status == "written")
    print(json.dumps({
        "documents": len(paths), "written": report.count("written"), "unchanged": report.count("unchanged"),
        "failed": len(report.failures), "mt_sentences": sentences, "seconds": round(seconds, 2),
        "sentences_per_s": round(sentences / seconds, 2) if seconds else None,
    }))
    return 2 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
