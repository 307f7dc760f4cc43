"""Translate documents into aligned TSVs: segment, reuse, translate, write atomically, resume.

For each input document and target language, ``<out>/<doc-id>.<src>-<tgt>.tsv`` gets one row
per source sentence and ``<doc-id>.<src>-<tgt>.manifest.json`` the run's signature. Outputs whose
signature and input are unchanged are skipped (not rewritten). Every file is written to a temp
file and renamed, so a run killed at any moment leaves complete files only; translations are
saved chunk by chunk to a resume cache (:mod:`.runner`, :mod:`.cache`), so the next run does
only what is left. One bad input does not stop the others: its error is in the report.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from transalign.errors import InputError, TransalignError
from transalign.formats.naming import aligned_name
from transalign.translate.backend import GlossaryEnforcer, GlossaryLike, Translation, Translator
from transalign.translate.cache import ResumeCache
from transalign.translate.documents import Document, read_document
from transalign.translate.hooks import default_enforcer, make_translator
from transalign.translate.manifest import build_signature, manifest_path
from transalign.translate.memory import TranslationMemory
from transalign.translate.models import ModelFiles, locate_model, resolve_model
from transalign.translate.progress import ProgressBar
from transalign.translate.rows import OutputPlan, plan_output
from transalign.translate.runner import PAUSE_ENV, TargetRun, run_target, write_error
from transalign.translate.settings import GenerationSettings, RuntimeSettings

STALE_TEMP_S = 60.0
"""Temp files older than this beside an output are leftovers of a killed run."""
__all__ = ["PAUSE_ENV", "OutputResult", "RunReport", "load_run_glossary", "translate_documents"]

Status = Literal["written", "unchanged", "failed"]


@dataclass
class OutputResult:
    """What happened to one input (and target language, when it got that far)."""

    path: Path
    tgt_lang: str | None
    status: Status
    tsv_path: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: TransalignError | None = None


@dataclass
class RunReport:
    """All results of a run, in input order; ``failures`` is non-empty when exit status is 2."""

    results: list[OutputResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[OutputResult]:
        """Results with an error."""
        return [result for result in self.results if result.status == "failed"]

    def count(self, status: Status) -> int:
        """Number of results with ``status``."""
        return sum(result.status == status for result in self.results)


def translate_documents(
    paths: Sequence[str | Path], src_lang: str, tgt_langs: Sequence[str], model: str | None = None,
    glossary_paths: Sequence[str | Path] = (), out_dir: str | Path = "alignments", *,
    settings: GenerationSettings | None = None, runtime: RuntimeSettings | None = None,
    backend: str = "transformers", enforcer: GlossaryEnforcer | Literal["default"] | None = "default",
    encoding: str = "utf-8", progress: ProgressBar | None = None, force: bool = False,
    checkpoint_sentences: int | None = None, memory_paths: Sequence[str | Path] = (),
) -> RunReport:
    """Translate every document in ``paths`` into each of ``tgt_langs``; see the module docstring.

    ``force`` redoes outputs that are up to date (approved rows are still kept) and ignores the
    resume cache; ``checkpoint_sentences`` is how many sentences are translated between two
    saves of the resume cache (default: from the translator's batch budget); ``memory_paths``
    are more aligned TSVs or folders whose approved rows serve as translation memory (after
    ``out_dir``'s own).

    Raises:
        InputError / ModelUnavailableError: for problems that concern the whole run (languages,
            glossary, model); per-document problems are in the returned report instead.
    """
    targets = _check_languages(src_lang, tgt_langs)
    if checkpoint_sentences is not None and checkpoint_sentences < 1:
        raise InputError("E306", "checkpoint interval must be positive", hint="e.g. --checkpoint-every 100")
    glossary, glossary_sha = load_run_glossary(glossary_paths)
    report = RunReport(notes=glossary_gaps(glossary, src_lang, targets))
    documents = _read_documents(paths, src_lang, encoding, report)
    if not documents:  # nothing readable: report the inputs' errors, never load a model
        return report
    _check_out_dir(Path(out_dir))
    translators = _translators(model, src_lang, targets, backend, settings, runtime,
                               default_enforcer() if enforcer == "default" else enforcer)
    _make_out_dir(Path(out_dir))  # after the run-level checks: a failed run leaves no folder
    runs: list[tuple[TargetRun, dict[str, Translation]]] = []
    for tgt in targets:
        signature = build_signature(translators[tgt].signature(tgt), src_lang=src_lang, tgt_lang=tgt,
                                    glossary_sha256=glossary_sha)
        plans = _plan_target(documents, src_lang, tgt, Path(out_dir), signature, report, force,
                             [Path(path) for path in memory_paths])
        cache = ResumeCache(Path(out_dir), signature)
        run = TargetRun(translators[tgt], plans, cache, glossary, checkpoint_sentences)
        runs.append((run, {} if force else cache.load()))
    bar = progress or ProgressBar(enabled=False)
    bar.start(sum(len([t for t in run.pending_texts() if t not in known]) for run, known in runs))
    try:
        for run, known in runs:
            run_target(run, bar, known, lambda plan, error: report.results.append(_result(plan, error)))
    finally:
        bar.close()
    return report


def _result(plan: OutputPlan, write_failure: str | None) -> OutputResult:
    path, tgt = plan.document.path, plan.tgt_lang
    if write_failure is not None:
        return OutputResult(path, tgt, "failed", plan.tsv_path, error=write_error(plan, write_failure))
    return OutputResult(path, tgt, "written", plan.tsv_path, plan.counts())


def _check_out_dir(out_dir: Path) -> None:
    """Fail fast (E308) when ``--out`` or one of its parents exists and is not a folder."""
    for folder in (out_dir, *out_dir.parents):
        if folder.exists():
            if not folder.is_dir():
                raise InputError("E308", f"{folder} is not a folder", path=out_dir,
                                 hint="pass --out with a writable folder (not a file)")
            return


def _make_out_dir(out_dir: Path) -> None:
    """Create ``--out`` up front, so an unusable one fails before any work (E308)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError("E308", f"cannot create the output folder ({err.strerror or err})", path=out_dir,
                         hint="pass --out with a writable folder (not a file)") from None


def load_run_glossary(paths: Sequence[str | Path]) -> tuple[GlossaryLike | None, str | None]:
    """The merged glossary (TSV or TBX files, later ones override) and its digest; (None, None)
    without paths."""
    if not paths:
        return None, None
    from transalign.glossary.tsv import load_glossaries

    glossary: GlossaryLike = load_glossaries(paths)
    return glossary, glossary.digest()


def glossary_gaps(glossary: GlossaryLike | None, src_lang: str, targets: Sequence[str]) -> list[str]:
    """Warnings for the run's languages the glossary has no terms in (nothing is enforced there)."""
    languages = getattr(glossary, "languages", None)
    if glossary is None or languages is None:
        return []
    if src_lang not in languages:
        return [f"the glossary has no {src_lang!r} column: no concept can be found in the source, "
                f"so no term is enforced (its languages: {', '.join(languages)})"]
    return [f"the glossary has no {lang!r} column: terms are not enforced in the {lang} edition"
            for lang in targets if lang not in languages]


def _check_languages(src_lang: str, tgt_langs: Sequence[str]) -> list[str]:
    from transalign.segment import SUPPORTED_LANGUAGES

    if src_lang not in SUPPORTED_LANGUAGES:
        raise InputError("E100", f"cannot segment source language {src_lang!r}",
                         hint=f"use --src-lang {' or '.join(SUPPORTED_LANGUAGES)}")
    targets = list(dict.fromkeys(lang.strip() for lang in tgt_langs if lang.strip()))
    if not targets:
        raise InputError("E306", "no target language given", hint="pass --to ru,be")
    if src_lang in targets:
        raise InputError("E306", f"target language {src_lang!r} is the source language",
                         hint="drop it from --to")
    return targets


def _read_documents(paths: Iterable[str | Path], src_lang: str, encoding: str,
                    report: RunReport) -> list[Document]:
    documents: list[Document] = []
    seen: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        try:
            document = read_document(path, src_lang, encoding)
            if document.doc_id in seen and _same_file(seen[document.doc_id], path):
                continue  # the same file named twice (e.g. by a shell glob and by name): once
            if document.doc_id in seen:
                raise InputError(
                    "E305", f"document id {document.doc_id!r} is also that of {seen[document.doc_id]}",
                    path=path, hint="rename one file or translate them into different --out folders")
        except TransalignError as err:
            report.results.append(OutputResult(path, None, "failed", error=err))
            continue
        seen[document.doc_id] = path
        documents.append(document)
    return documents


def _same_file(first: Path, second: Path) -> bool:
    """True when both paths name one file (``a.txt``, ``./a.txt``, a symlink to it)."""
    try:
        return first.samefile(second)
    except OSError:
        return False


def _translators(model: str | None, src_lang: str, targets: list[str], backend: str,
                 settings: GenerationSettings | None, runtime: RuntimeSettings | None,
                 enforcer: GlossaryEnforcer | None) -> dict[str, Translator]:
    """One translator per target; targets served by the same model share one instance."""
    by_model: dict[str, Translator] = {}
    chosen: dict[str, Translator] = {}
    for tgt in targets:
        model_id = resolve_model(model, src_lang, tgt)
        if model_id not in by_model:
            files: ModelFiles = locate_model(model_id)
            by_model[model_id] = make_translator(files, backend, settings, runtime, enforcer)
            by_model[model_id].src_lang = src_lang
        chosen[tgt] = by_model[model_id]
        chosen[tgt].signature(tgt)  # an unsupported target language fails here, before any work
    return chosen


def _plan_target(documents: list[Document], src_lang: str, tgt: str, out_dir: Path,
                 signature: dict[str, object], report: RunReport, force: bool,
                 memory_paths: Sequence[Path]) -> list[OutputPlan]:
    memory = TranslationMemory.from_paths([out_dir, *memory_paths], src_lang, tgt)
    report.notes.extend(f"translation memory skipped {line}" for line in memory.unreadable)
    plans: list[OutputPlan] = []
    for document in documents:
        tsv_path = out_dir / aligned_name(document.doc_id, src_lang, [tgt])
        _remove_stale_temps(tsv_path)
        try:
            plan = plan_output(document, tgt, tsv_path, dict(signature), memory, force=force)
        except TransalignError as err:
            report.results.append(OutputResult(document.path, tgt, "failed", tsv_path, error=err))
            continue
        if plan is None:
            report.results.append(OutputResult(document.path, tgt, "unchanged", tsv_path))
        else:
            plans.append(plan)
    return plans


def _remove_stale_temps(tsv_path: Path) -> None:
    """Temp files a killed run left beside this output (``.<name>.<random>.tmp``); only ones
    older than ``STALE_TEMP_S``, as a concurrent run's file lives for milliseconds."""
    now = time.time()
    for target in (tsv_path, manifest_path(tsv_path)):
        for stale in target.parent.glob(f".{target.name}.*.tmp") if target.parent.is_dir() else []:
            with contextlib.suppress(OSError):
                if now - stale.stat().st_mtime > STALE_TEMP_S:
                    stale.unlink()
