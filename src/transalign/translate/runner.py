"""Executing output plans: translate pending sentences chunk by chunk, write finished outputs.

Pending sentences of all outputs of one target language (deduplicated, whitespace-normalised)
are translated in chunks; each chunk is saved to the :class:`ResumeCache` at once, and every
output whose sentences are all translated is written right away. A run killed at any moment
thus loses at most one chunk of work.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from transalign.errors import InputError
from transalign.formats.tsv import write_aligned_tsv
from transalign.translate.backend import GlossaryLike, Translation, Translator
from transalign.translate.cache import ResumeCache
from transalign.translate.manifest import manifest_path, write_manifest
from transalign.translate.memory import normalise
from transalign.translate.progress import ProgressBar
from transalign.translate.qa import RowFlags, row_flags
from transalign.translate.quality import has_repetition_loop, length_ratio_flag
from transalign.translate.rows import OutputPlan

PAUSE_ENV = "TRANSALIGN_TEST_PAUSE"
"""Test hook: seconds to sleep after each saved chunk and each written output (to kill a run)."""
CHUNK_SENTENCES_PER_BUDGET = 1 / 16
"""Default chunk, per token of the translator's batch budget (cpu 2,000 → 125 sentences,
GPU 16,000 → 1,000): a few batches, so chunking costs no batching efficiency."""
MIN_CHUNK_SENTENCES = 32


@dataclass
class TargetRun:
    """Everything needed to run the plans of one target language."""

    translator: Translator
    plans: list[OutputPlan]
    cache: ResumeCache
    glossary: GlossaryLike | None = None
    chunk_sentences: int | None = None

    def pending_texts(self) -> list[str]:
        """Unique normalised sources still to translate, in document order."""
        return list(dict.fromkeys(normalise(plan.source(i)) for plan in self.plans for i in plan.pending()))


def pending_texts(plan: OutputPlan) -> list[str]:
    """Normalised sources of one plan's pending rows."""
    return [normalise(plan.source(index)) for index in plan.pending()]


Done = Callable[[OutputPlan, "str | None"], None]
"""Called once per plan: with None when written, else with the reason its write failed."""


def run_target(run: TargetRun, bar: ProgressBar, known: dict[str, Translation], done: Done) -> None:
    """Translate what ``known`` lacks chunk by chunk, writing each output once complete."""
    if not run.plans:
        return
    flags = row_flags(run.glossary, run.translator.src_lang or "en", run.plans[0].tgt_lang)
    failed: list[OutputPlan] = []

    def track(plan: OutputPlan, error: str | None) -> None:
        if error is not None:
            failed.append(plan)
        done(plan, error)

    waiting = _write_ready(list(run.plans), known, flags, track)
    for chunk in _chunks([t for t in run.pending_texts() if t not in known], _chunk_size(run)):
        fresh = dict(zip(chunk, run.translator.translate(chunk, run.plans[0].tgt_lang, run.glossary,
                                                         bar.advance), strict=True))
        run.cache.append(fresh)
        known.update(fresh)
        _pause()
        waiting = _write_ready(waiting, known, flags, track)
    if not waiting and not failed:
        run.cache.remove()  # everything written: nothing left to resume


def _chunk_size(run: TargetRun) -> int:
    if run.chunk_sentences:
        return run.chunk_sentences
    budget = getattr(run.translator, "token_budget", None) or 2000
    return max(MIN_CHUNK_SENTENCES, int(budget * CHUNK_SENTENCES_PER_BUDGET))


def _chunks(texts: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(texts), size):
        yield texts[start:start + size]


def _write_ready(waiting: list[OutputPlan], known: dict[str, Translation], flags: RowFlags | None,
                 done: Done) -> list[OutputPlan]:
    """Fill and write every waiting plan whose sentences are all known; return the others."""
    still: list[OutputPlan] = []
    for plan in waiting:
        if any(text not in known for text in pending_texts(plan)):
            still.append(plan)
            continue
        for index in plan.pending():
            translation = known[normalise(plan.source(index))]
            plan.fill(index, translation, review_flags(plan.source(index), translation, flags))
        done(plan, write_plan(plan))
    return still


def review_flags(source: str, translation: Translation, flags: RowFlags | None) -> list[str]:
    """Flags for any backend's output: a loop it did not report, the length ratio, ``check``'s."""
    found: list[str] = []
    if has_repetition_loop(translation.text) and not any(
            issue.startswith("repetition") for issue in translation.issues):
        found.append("repetition")
    ratio = length_ratio_flag(source, translation.text)
    if ratio:
        found.append(ratio)
    return found + (flags(source, translation.text) if flags else [])


def write_plan(plan: OutputPlan) -> str | None:
    """Write TSV then manifest (a kill between the two costs a re-check only); None on success,
    else the E308 error line (disk full, no permission, ``--out`` under a file)."""
    try:
        write_aligned_tsv(plan.tsv_path, plan.table())
        write_manifest(manifest_path(plan.tsv_path), signature=plan.signature, input_path=plan.document.path,
                       input_sha256=plan.document.sha256, counts=plan.counts())
    except OSError as err:
        return str(err.strerror or err)
    _pause()
    return None


def write_error(plan: OutputPlan, reason: str) -> InputError:
    """The E308 error of a failed write."""
    return InputError("E308", f"cannot write output ({reason})", path=plan.tsv_path,
                      hint="check that --out is a writable folder with free space")


def _pause() -> None:
    pause = os.environ.get(PAUSE_ENV)
    if pause:
        time.sleep(float(pause))
