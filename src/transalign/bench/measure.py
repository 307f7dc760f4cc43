"""Timing of one translation system in a process of its own (so that peak RSS is its own).

``python -m transalign.bench.measure SYSTEM MODEL_DIR REQUEST_JSON`` runs one system on the
request's sentences and prints one JSON line: seconds (wall clock of the translation only, after
a warm-up), target tokens produced, and the process's peak resident set size in MiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from transalign.bench.systems import SYSTEMS, Request


@dataclass(frozen=True)
class Measurement:
    """One system's run: ``seconds`` of translation, ``target_tokens`` produced, ``peak_rss_mb``."""

    system: str
    seconds: float
    sentences: int
    target_tokens: int
    peak_rss_mb: float

    @property
    def tokens_per_second(self) -> float:
        """Target tokens per wall-clock second."""
        return self.target_tokens / self.seconds if self.seconds > 0 else 0.0


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (``ru_maxrss`` is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[list[str]], int], sentences: list[str], warmup: int) -> tuple[float, int]:
    """Warm ``run`` up on the first ``warmup`` sentences, then time it on all; (seconds, tokens)."""
    if warmup:
        run(sentences[:warmup])
    start = time.perf_counter()
    tokens = run(sentences)
    return time.perf_counter() - start, tokens


def measure(system: str, model_dir: Path, request: Request) -> Measurement:
    """Build ``system`` for ``model_dir`` and time it on ``request``."""
    run = SYSTEMS[system](model_dir, request)
    seconds, tokens = timed(run, request.sentences, request.warmup)
    return Measurement(system, seconds, len(request.sentences), tokens, peak_rss_mb())


def main(argv: list[str]) -> None:
    """Entry point of the measuring subprocess (see the module docstring)."""
    system, model_dir, request_path = argv
    request = Request.from_json(Path(request_path).read_text(encoding="utf-8"))
    result = measure(system, Path(model_dir), request)
    sys.stdout.write(json.dumps(asdict(result)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
