#!/usr/bin/env python3
"""Where the time of transalign's transformers path goes: torch.profiler over one batch.

    python scripts/profile_translate.py MODEL_DIR [--device cuda] [--sentences 512] [--length 40]

Prints the operators that took the most time (CUDA time on a GPU, CPU time otherwise) and the
wall-clock seconds and target tokens per second of the profiled batch (profiling slows it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from transalign.bench.sentences import news_sentences, repo_text, vocabulary
from transalign.translate.marian import MarianTranslator
from transalign.translate.models import ModelFiles
from transalign.translate.settings import GenerationSettings, RuntimeSettings

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--length", type=int, default=32, help="forced target tokens per sentence")
    parser.add_argument("--rows", type=int, default=25, help="operators to list")
    args = parser.parse_args(argv)

    import torch
    from torch.profiler import ProfilerActivity, profile

    settings = GenerationSettings(fixed_new_tokens=args.length, retry_no_repeat_ngram_size=0)
    runtime = RuntimeSettings(device=args.device, token_budget=10**9)  # one batch
    translator = MarianTranslator(ModelFiles("profile", args.model_dir), settings, runtime)
    sentences = news_sentences(vocabulary(repo_text(REPO)), args.sentences)
    translator.translate(sentences[:4], "ru")  # warm-up
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if args.device.startswith("cuda") else [])
    start = time.perf_counter()
    with profile(activities=activities) as profiler:
        translator.translate(sentences, "ru")
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    key = "cuda_time_total" if args.device.startswith("cuda") else "cpu_time_total"
    print(profiler.key_averages().table(sort_by=key, row_limit=args.rows))
    print(
        f"profiled batch: {len(sentences)} sentences x {args.length} tokens in {seconds:.2f} s "
        f"= {len(sentences) * args.length / seconds:.0f} tok/s (with profiler overhead)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
