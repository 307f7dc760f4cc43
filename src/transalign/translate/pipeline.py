"""Translate documents into aligned TSVs: segment, reuse, translate, write atomically, resume.

For each input document and target language, ``<out>/<doc-id>.<src>-<tgt>.tsv`` gets one row
per source sentence and ``<doc-id>.<src>-<tgt>.manifest.json`` the run's signature. Outputs whose
signature and input are unchanged are skipped (not rewritten). Every file is written to a temp
file and renamed, so a run killed at any moment leaves complete files only, and the next run
does what is left. One bad input does not stop the others: its error is in the report.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from transalign.errors import InputError, TransalignError
from transalign.formats.tsv import write_aligned_tsv
from transalign.translate.backend import GlossaryEnforcer, GlossaryLike, Translation, Translator
from transalign.translate.documents import Document, read_document
from transalign.translate.hooks import default_enforcer, make_translator
from transalign.translate.manifest import build_signature, manifest_path, write_manifest
from transalign.translate.memory import TranslationMemory, normalise
from transalign.translate.models import ModelFiles, locate_model, resolve_model
from transalign.translate.progress import ProgressBar
from transalign.translate.qa import RowFlags, row_flags
from transalign.translate.quality import has_repetition_loop, length_ratio_flag
from transalign.translate.rows import OutputPlan, plan_output
from transalign.translate.settings import GenerationSettings, RuntimeSettings

GROUP_SENTENCES_PER_BUDGET = 1 / 8
"""Sentences translated together (across documents) before their TSVs are written, per token of
the translator's batch budget (cpu: 2,000 → 250 sentences; GPU: 16,000 → 2,000): a killed run
loses at most one group's work."""
MIN_GROUP_SENTENCES = 64
STALE_TEMP_S = 60.0
PAUSE_ENV = "TRANSALIGN_TEST_PAUSE_AFTER_WRITE"
"""Test hook: seconds to sleep after each written output (to kill a run mid-way in tests)."""

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
) -> RunReport:
    """Translate every document in ``paths`` into each of ``tgt_langs``; see the module docstring.

    ``force`` redoes outputs that are up to date (approved rows are still kept).

    Raises:
        InputError / ModelUnavailableError: for problems that concern the whole run (languages,
            glossary, model); per-document problems are in the returned report instead.
    """
    targets = _check_languages(src_lang, tgt_langs)
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise InputError("E308", "output folder is a file", path=out_dir, hint="pass --out with a folder")
    glossary, glossary_sha = load_run_glossary(glossary_paths)
    report = RunReport()
    documents = _read_documents(paths, src_lang, encoding, report)
    translators = _translators(model, src_lang, targets, backend, settings, runtime,
                               default_enforcer() if enforcer == "default" else enforcer)
    plans: list[tuple[Translator, list[OutputPlan]]] = []
    for tgt in targets:
        signature = build_signature(translators[tgt].signature(tgt), src_lang=src_lang, tgt_lang=tgt,
                                    glossary_sha256=glossary_sha)
        group = _plan_target(documents, src_lang, tgt, Path(out_dir), signature, report, force)
        plans.append((translators[tgt], group))
    bar = progress or ProgressBar(enabled=False)
    bar.start(sum(len(set(_pending_texts(plan))) for _, group in plans for plan in group))
    try:
        for translator, group in plans:
            _run_plans(translator, group, glossary, bar, report)
    finally:
        bar.close()
    return report


def load_run_glossary(paths: Sequence[str | Path]) -> tuple[GlossaryLike | None, str | None]:
    """The merged glossary and its digest; (None, None) without paths.

    Uses ``transalign.glossary.tsv.load_glossaries``; where that module is not installed, the
    digest is the sha256 of the files' bytes and no glossary object is returned.
    """
    if not paths:
        return None, None
    try:
        from transalign.glossary.tsv import load_glossaries  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        digest = hashlib.sha256()
        for path in paths:
            digest.update(_read_bytes(Path(path)))
        return None, digest.hexdigest()
    glossary: GlossaryLike = load_glossaries(paths)
    return glossary, glossary.digest()


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError("E001", f"cannot read glossary ({err.strerror})", path=path,
                         hint="check the --glossary path") from None


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
                 signature: dict[str, object], report: RunReport, force: bool) -> list[OutputPlan]:
    memory = TranslationMemory.from_folder(out_dir, src_lang, tgt)
    report.notes.extend(f"translation memory skipped {line}" for line in memory.unreadable)
    plans: list[OutputPlan] = []
    for document in documents:
        tsv_path = out_dir / f"{document.doc_id}.{src_lang}-{tgt}.tsv"
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


def _pending_texts(plan: OutputPlan) -> list[str]:
    return [normalise(plan.source(index)) for index in plan.pending()]


def _groups(plans: list[OutputPlan], group_sentences: int) -> Iterable[list[OutputPlan]]:
    """Consecutive plans with about ``group_sentences`` pending sentences in all."""
    group: list[OutputPlan] = []
    size = 0
    for plan in plans:
        group.append(plan)
        size += len(plan.pending())
        if size >= group_sentences:
            yield group
            group, size = [], 0
    if group:
        yield group


def _run_plans(translator: Translator, plans: list[OutputPlan], glossary: GlossaryLike | None,
               bar: ProgressBar, report: RunReport) -> None:
    if not plans:
        return
    flags = row_flags(glossary, translator.src_lang or "en", plans[0].tgt_lang)
    budget = getattr(translator, "token_budget", None) or 2000
    for group in _groups(plans, max(MIN_GROUP_SENTENCES, int(budget * GROUP_SENTENCES_PER_BUDGET))):
        unique = list(dict.fromkeys(text for plan in group for text in _pending_texts(plan)))
        tgt = group[0].tgt_lang
        outputs = translator.translate(unique, tgt, glossary, bar.advance) if unique else []
        translations = dict(zip(unique, outputs, strict=True))
        for plan in group:
            for index in plan.pending():
                translation = translations[normalise(plan.source(index))]
                plan.fill(index, translation, _review_flags(plan.source(index), translation, flags))
            report.results.append(_write(plan))


def _review_flags(source: str, translation: Translation, flags: RowFlags | None) -> list[str]:
    """Flags for any backend's output: a loop it did not report, the length ratio, ``check``'s."""
    found: list[str] = []
    if has_repetition_loop(translation.text) and not any(
            issue.startswith("repetition") for issue in translation.issues):
        found.append("repetition")
    ratio = length_ratio_flag(source, translation.text)
    if ratio:
        found.append(ratio)
    return found + (flags(source, translation.text) if flags else [])


def _write(plan: OutputPlan) -> OutputResult:
    """TSV first, then its manifest: a kill between the two only costs a re-translation.

    A write error (E308: disk full, no permission, ``--out`` is a file) fails this output only.
    """
    path, tgt = plan.document.path, plan.tgt_lang
    try:
        write_aligned_tsv(plan.tsv_path, plan.table())
        write_manifest(manifest_path(plan.tsv_path), signature=plan.signature, input_path=path,
                       input_sha256=plan.document.sha256, counts=plan.counts())
    except OSError as err:
        error = InputError("E308", f"cannot write output ({err.strerror or err})", path=plan.tsv_path,
                           hint="check that --out is a writable folder with free space")
        return OutputResult(path, tgt, "failed", plan.tsv_path, error=error)
    pause = os.environ.get(PAUSE_ENV)
    if pause:
        time.sleep(float(pause))
    return OutputResult(path, tgt, "written", plan.tsv_path, plan.counts())
