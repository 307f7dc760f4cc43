#!/usr/bin/env python3
"""Translation throughput, side by side: the naive transformers loop, transalign's batched path,
transalign with CTranslate2, and the glossary-constrained path.

Builds a full-size MarianMT with random weights (shapes of Helsinki-NLP/opus-mt-en-ru, or
opus-mt-tc-big with ``--shape tc-big``) in a temporary folder, forces every system to emit the
same number of target tokens per sentence, runs each system in its own process and prints a log
on stderr and, as the last line of stdout, one JSON object (rates in target tokens per second).

    nice python scripts/bench_translate.py --quick
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from transalign.bench.model import SHAPES, build_random_marian
from transalign.bench.report import run_all, search_overhead, summary
from transalign.bench.sentences import news_sentences, repo_text, source_terms, vocabulary, with_terms
from transalign.bench.systems import SYSTEMS, Request

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="48 sentences x 32 tokens, the naive loop on 16 (a few minutes on 2 idle cores)",
    )
    parser.add_argument("--shape", choices=sorted(SHAPES), default="opus-mt")
    parser.add_argument("--sentences", type=int, help="number of sentences (default 48 quick, 128 full)")
    parser.add_argument(
        "--length", type=int, help="forced target tokens per sentence (default 32 quick, 40 full)"
    )
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--device", default="auto", help="cpu, cuda or auto")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="CPU threads per system")
    parser.add_argument("--batch-tokens", type=int, help="padded source tokens per batch (backend default)")
    parser.add_argument(
        "--ct2-compute-type", default="default", help="int8 on CPU, float16 on GPU by default"
    )
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset of systems")
    parser.add_argument("--naive-sentences", type=int, help="time the naive loop on this many sentences only")
    parser.add_argument(
        "--limit", action="append", default=[], metavar="SYSTEM=N",
        help="time SYSTEM (or 'overhead', the constrained search timing) on N sentences only",
    )
    parser.add_argument("--rounds", type=int, default=2, help="slices the systems translate in turn")
    parser.add_argument(
        "--no-constraint-timing",
        dest="constraint_timing",
        action="store_false",
        help="skip the constrained decoder's own overhead measurement",
    )
    parser.add_argument("--model-dir", type=Path, help="reuse or keep the random checkpoint here")
    return parser.parse_args(argv)


def log(line: str) -> None:
    print(f"[bench] {line}", file=sys.stderr, flush=True)


def resolve_device(device: str) -> str:
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def make_sentences(count: int) -> list[str]:
    """News-length sentences, each with 1-3 English terms of the house glossary (when loadable)."""
    plain = news_sentences(vocabulary(repo_text(REPO)), count)
    try:
        from transalign.glossary import default_glossary_path, load_glossary

        glossary = load_glossary(default_glossary_path())
    except ImportError as err:  # e.g. pyahocorasick missing on a bare GPU image
        log(f"sentences without glossary terms ({err})")
        return plain
    return with_terms(plain, source_terms(glossary, "en", "ru"))


def tokenizer_text() -> str:
    """What the benchmark model's SentencePiece learns from: repo text and sentences like the test's."""
    return repo_text(REPO) + "\n" + "\n".join(news_sentences(vocabulary(repo_text(REPO)), 4_000, seed=1))


def limits(given: list[str], naive: int | None) -> dict[str, int]:
    """``--limit SYSTEM=N`` options (and ``--naive-sentences``) as a dict."""
    result = {"naive": naive} if naive else {}
    for option in given:
        system, _, count = option.partition("=")
        result[system] = int(count)
    return result


def make_request(args: argparse.Namespace, device: str) -> Request:
    sentences = make_sentences(args.sentences or (48 if args.quick else 128))
    naive = args.naive_sentences or (16 if args.quick else None)
    return Request(
        sentences=sentences,
        beam=args.beam,
        length=args.length or (32 if args.quick else 40),
        device=device,
        threads=args.threads,
        batch_tokens=args.batch_tokens,
        ct2_compute_type=args.ct2_compute_type,
        rounds=args.rounds,
        limits=limits(args.limit, naive),
    )


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    device = resolve_device(args.device)
    request = make_request(args, device)
    with tempfile.TemporaryDirectory(prefix="transalign-bench-") as tmp:
        model_dir = args.model_dir or Path(tmp) / "model"
        if not (model_dir / "config.json").is_file():
            log(f"building a random {args.shape} MarianMT in {model_dir}")
            build_random_marian(model_dir, SHAPES[args.shape], tokenizer_text())
        results = run_all(args.systems.split(","), model_dir, request, Path(tmp), log)
        search = search_overhead(model_dir, Path(tmp), log) if args.constraint_timing else None
    print(json.dumps(summary(results, request, args.shape, search)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
