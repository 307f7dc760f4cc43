"""Run every system side by side in subprocesses and summarise them as one JSON object."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from transalign.bench.measure import Measurement
from transalign.bench.systems import Request

Log = Callable[[str], None]


def run_system(system: str, model_dir: Path, request_path: Path, log: Log) -> Measurement | None:
    """Measure ``system`` in a fresh Python process; None (and a log line) when it fails."""
    command = [sys.executable, "-m", "transalign.bench.measure", system, str(model_dir), str(request_path)]
    env = {**os.environ, "PYTHONPATH": _pythonpath()}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        log(f"{system}: failed (exit {done.returncode}): {_last_line(done.stderr)}")
        return None
    result = Measurement(**json.loads(done.stdout.strip().splitlines()[-1]))
    log(
        f"{system}: {result.sentences} sentences, {result.target_tokens} tokens in "
        f"{result.seconds:.2f} s = {result.tokens_per_second:.1f} tok/s, "
        f"peak RSS {result.peak_rss_mb:.0f} MiB"
    )
    return result


def _pythonpath() -> str:
    src = str(Path(__file__).resolve().parents[2])
    existing = os.environ.get("PYTHONPATH")
    return f"{src}{os.pathsep}{existing}" if existing else src


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def run_all(
    systems: Sequence[str], model_dir: Path, request: Request, workdir: Path, log: Log
) -> dict[str, Measurement | None]:
    """Measure each of ``systems`` in turn on the same request."""
    request_path = workdir / "request.json"
    request_path.write_text(request.to_json(), encoding="utf-8")
    return {system: run_system(system, model_dir, request_path, log) for system in systems}


def _rate(result: Measurement | None) -> float | None:
    return None if result is None else round(result.tokens_per_second, 2)


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 2)


def _rss(result: Measurement | None) -> float | None:
    return None if result is None else round(result.peak_rss_mb, 1)


def summary(results: dict[str, Measurement | None], request: Request, shape: str) -> dict[str, Any]:
    """The benchmark's JSON: rates in target tokens per second, ratios, peak RSS in MiB."""
    naive, batched, ct2 = (_rate(results.get(name)) for name in ("naive", "batched", "ct2"))
    plain, constrained = results.get("batched"), results.get("constrained")
    overhead = None
    if plain is not None and constrained is not None:
        overhead = _ratio(constrained.seconds / constrained.sentences, plain.seconds / plain.sentences)
    return {
        "device": request.device,
        "shape": shape,
        "sentences": len(request.sentences),
        "target_tokens_per_sentence": request.length,
        "beam": request.beam,
        "threads": request.threads,
        "naive_tok_s": naive,
        "batched_tok_s": batched,
        "ct2_tok_s": ct2,
        "constrained_overhead": overhead,
        "batched_over_naive": _ratio(batched, naive),
        "ct2_over_naive": _ratio(ct2, naive),
        "peak_rss_mb": _rss(plain),
        "ct2_peak_rss_mb": _rss(results.get("ct2")),
        "seconds": {name: None if r is None else round(r.seconds, 3) for name, r in results.items()},
    }
