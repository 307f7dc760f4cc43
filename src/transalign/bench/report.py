"""Run every system side by side in subprocesses and summarise them as one JSON object."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from transalign.bench.measure import Measurement, rounds
from transalign.bench.systems import Request

Log = Callable[[str], None]


class Worker:
    """A measuring subprocess (:mod:`transalign.bench.measure`) and its running totals."""

    def __init__(self, system: str, model_dir: Path, request_path: Path) -> None:
        command = [
            sys.executable,
            "-m",
            "transalign.bench.measure",
            system,
            str(model_dir),
            str(request_path),
        ]
        env = {**os.environ, "PYTHONPATH": _pythonpath()}
        self.system = system
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        self.seconds, self.tokens, self.sentences, self.peak_rss_mb = 0.0, 0, 0, 0.0
        self.failed: str | None = None

    def _read(self) -> dict[str, Any] | None:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            self.failed = f"exit {self.process.returncode}: {_last_line(self.process.stderr.read())}"  # type: ignore[union-attr]
            return None
        message: dict[str, Any] = json.loads(line)
        return message

    def ready(self) -> bool:
        """Wait until the system is built and warmed up; False if it failed."""
        return self._read() is not None

    def run_round(self, index: int) -> None:
        """Translate round ``index`` and add its time to the totals."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"{index}\n")
        self.process.stdin.flush()
        message = self._read()
        if message is not None:
            self.seconds += message["seconds"]
            self.tokens += message["tokens"]
            self.sentences += message["sentences"]
            self.peak_rss_mb = message["peak_rss_mb"]

    def finish(self) -> Measurement | None:
        """Stop the subprocess; the totals, or None if it failed."""
        if self.process.poll() is None:
            self.process.communicate(timeout=60)
        if self.failed is not None:
            return None
        return Measurement(self.system, self.seconds, self.sentences, self.tokens, self.peak_rss_mb)


def omp_wait_policy() -> str:
    """OpenMP threads of every system sleep when idle (``PASSIVE``) unless the caller says otherwise.

    With the default active wait, torch's threads spin between operations; on a machine shared
    with other work they then fight each other for the cores and the many small operations of
    the one-sentence loop slow down several times over, which would flatter every other system.
    """
    return os.environ.get("OMP_WAIT_POLICY", "PASSIVE")


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
    """Measure ``systems`` on the same request, round by round in turn (see ``measure``)."""
    request_path = workdir / "request.json"
    request_path.write_text(request.to_json(), encoding="utf-8")
    workers = [Worker(system, model_dir, request_path) for system in systems]
    live = [worker for worker in workers if worker.ready()]
    slices = rounds(request.sentences, request.rounds)
    for index in range(len(slices)):
        for worker in live:
            if worker.failed is None:
                worker.run_round(index)
        log(f"round {index + 1}/{len(slices)} done")
    results = {worker.system: worker.finish() for worker in workers}
    for worker in workers:
        _log_result(worker, results[worker.system], log)
    return results


def search_overhead(model_dir: Path, workdir: Path, log: Log) -> dict[str, Any] | None:
    """:mod:`transalign.bench.overhead` in a subprocess (after the systems, on the same request)."""
    command = [
        sys.executable,
        "-m",
        "transalign.bench.overhead",
        str(model_dir),
        str(workdir / "request.json"),
    ]
    env = {**os.environ, "PYTHONPATH": _pythonpath(), "OMP_WAIT_POLICY": omp_wait_policy()}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        log(f"constrained search timing failed (exit {done.returncode}): {_last_line(done.stderr)}")
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    log(f"constrained search: {json.dumps(result)}")
    return result


def _log_result(worker: Worker, result: Measurement | None, log: Log) -> None:
    if result is None:
        log(f"{worker.system}: failed ({worker.failed})")
        return
    log(
        f"{worker.system}: {result.sentences} sentences, {result.target_tokens} tokens in "
        f"{result.seconds:.2f} s = {result.tokens_per_second:.1f} tok/s, "
        f"peak RSS {result.peak_rss_mb:.0f} MiB"
    )


def _rate(result: Measurement | None) -> float | None:
    return None if result is None else round(result.tokens_per_second, 2)


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 2)


def _count(result: Measurement | None) -> int | None:
    return None if result is None else result.sentences


def _rss(result: Measurement | None) -> float | None:
    return None if result is None else round(result.peak_rss_mb, 1)


def summary(
    results: dict[str, Measurement | None], request: Request, shape: str, search: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The benchmark's JSON: rates in target tokens per second, ratios, peak RSS in MiB.

    ``constrained_overhead`` is the constrained decoder's own measure (``search``: constrained
    over unconstrained beam search, same sentences); ``glossary_over_batched`` the end-to-end
    price of ``--glossary`` (n-best check, then constrained search) per sentence.
    """
    naive, batched, ct2, glossary = (_rate(results.get(n)) for n in ("naive", "batched", "ct2", "glossary"))
    plain, constrained = results.get("batched"), results.get("glossary")
    end_to_end = None
    if plain is not None and constrained is not None:
        end_to_end = _ratio(constrained.seconds / constrained.sentences, plain.seconds / plain.sentences)
    search = search or {}
    return {
        "device": request.device,
        "shape": shape,
        "sentences": len(request.sentences),
        "naive_sentences": _count(results.get("naive")),
        "target_tokens_per_sentence": request.length,
        "beam": request.beam,
        "threads": request.threads,
        "omp_wait_policy": omp_wait_policy(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "naive_tok_s": naive,
        "batched_tok_s": batched,
        "ct2_tok_s": ct2,
        "constrained_overhead": search.get("constrained_overhead"),
        "constrained_over_generate": search.get("constrained_over_generate"),
        "glossary_path_worst_overhead": search.get("glossary_path_worst_overhead"),
        "constraints": search.get("constraints"),
        "constraints_met": search.get("constraints_met"),
        "glossary_tok_s": glossary,
        "glossary_over_batched": end_to_end,
        "batched_over_naive": _ratio(batched, naive),
        "ct2_over_naive": _ratio(ct2, naive),
        "peak_rss_mb": _rss(plain),
        "ct2_peak_rss_mb": _rss(results.get("ct2")),
        "seconds": {name: None if r is None else round(r.seconds, 3) for name, r in results.items()},
    }
