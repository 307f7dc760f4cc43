"""One translation system in a process of its own, timed round by round.

``python -m transalign.bench.measure SYSTEM MODEL_DIR REQUEST_JSON`` builds the system, warms it
up and prints ``ready``; then for each line ``ROUND`` read on stdin it translates that round's
sentences and prints one JSON line ``{"seconds": …, "tokens": …, "peak_rss_mb": …}``. The
driver sends the rounds to all systems in turn, so load from other processes on a shared machine
falls on every system alike, and each process's peak RSS is its own.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import dataclass
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


def rounds(sentences: list[str], count: int) -> list[list[str]]:
    """``sentences`` dealt into ``count`` non-empty rounds (every ``count``-th sentence each)."""
    count = max(1, min(count, len(sentences)))
    return [sentences[start::count] for start in range(count)]


def serve(system: str, model_dir: Path, request: Request) -> None:
    """Build ``system``, warm it up, then time each round asked for on stdin."""
    run = SYSTEMS[system](model_dir, request)
    if request.warmup:
        run(request.sentences[: request.warmup])
    slices = rounds(request.sentences, request.rounds)
    _say({"ready": len(slices)})
    share = request.limits.get(system)
    for line in sys.stdin:
        batch = slices[int(line)]
        if share is not None:
            batch = batch[: max(1, -(-share // len(slices)))]
        start = time.perf_counter()
        tokens = run(batch)
        _say(
            {
                "seconds": time.perf_counter() - start,
                "tokens": tokens,
                "sentences": len(batch),
                "peak_rss_mb": peak_rss_mb(),
            }
        )


def _say(message: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    """Entry point of the measuring subprocess (see the module docstring)."""
    system, model_dir, request_path = argv
    request = Request.from_json(Path(request_path).read_text(encoding="utf-8"))
    serve(system, Path(model_dir), request)


if __name__ == "__main__":
    main(sys.argv[1:])
