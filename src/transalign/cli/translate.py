"""``transalign translate``: MT of stories into aligned TSVs (thin layer over the pipeline)."""

from __future__ import annotations

import sys

import typer

from transalign.errors import InputError


def command(
    files: list[str] = typer.Argument(..., help="Input text files (one story each)."),
    src_lang: str = typer.Option(..., "--src-lang", help="Source language code, e.g. en."),
    to: str = typer.Option(..., "--to", help="Target language codes, comma-separated, e.g. ru,be."),
    model: str = typer.Option(None, "--model", help="Marian checkpoint: hub id or local folder "
                              "(default: the registry's model for each pair)."),
    glossary: list[str] = typer.Option(None, "--glossary", help="Glossary TSV (repeatable; later "
                                       "files override earlier ones by concept id)."),
    out: str = typer.Option("alignments", "--out", help="Output folder for TSVs and manifests."),
    memory: list[str] = typer.Option(None, "--memory", help="More aligned TSVs or folders whose "
                                     "approved rows are reused (repeatable; the --out folder's "
                                     "are always used)."),
    device: str = typer.Option("auto", "--device", help="auto (cuda > mps > cpu), cpu, cuda, cuda:N, mps."),
    dtype: str = typer.Option("auto", "--dtype", help="auto (float16 on GPU, float32 on CPU), "
                              "float32, float16, bfloat16."),
    beam_size: int = typer.Option(4, "--beam-size", help="Beam size (1 = greedy)."),
    token_budget: int = typer.Option(None, "--token-budget", help="Padded source tokens per batch "
                                     "(default 2000 on CPU, 16000 on GPU)."),
    threads: int = typer.Option(None, "--threads", help="CPU threads (default: one per core)."),
    backend: str = typer.Option("transformers", "--backend", help="transformers, or ctranslate2 (3-10x "
                                "faster; pip install 'transalign\\[ct2]'; converts the model once)."),
    compute_type: str = typer.Option("default", "--compute-type", help="ctranslate2 only: default "
                                     "(int8 on CPU, float16 on GPU), int8_float16, float32, ..."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding, e.g. cp1251."),
    checkpoint_every: int = typer.Option(None, "--checkpoint-every", help="Sentences translated "
                                         "between two saves of the resume cache (default: ~125 on "
                                         "CPU, ~1000 on GPU)."),
    force: bool = typer.Option(False, "--force", help="Redo outputs that are up to date "
                               "(approved rows are still kept)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> int:
    """Translate stories sentence by sentence into aligned TSVs (one per target language).

    Prints each output TSV's path on stdout; errors and progress go to stderr.

    Exit status 2 when any input failed (the others are still translated).
    """
    from transalign.translate.pipeline import translate_documents
    from transalign.translate.progress import ProgressBar
    from transalign.translate.settings import GenerationSettings, RuntimeSettings

    if dtype not in ("auto", "float32", "float16", "bfloat16"):
        raise InputError("E306", f"unknown dtype {dtype!r}", hint="use auto, float32, float16 or bfloat16")
    report = translate_documents(
        files, src_lang, to.split(","), model, glossary or [], out,
        settings=GenerationSettings(beam_size=beam_size),
        runtime=RuntimeSettings(device=device, dtype=dtype,  # type: ignore[arg-type]
                                token_budget=token_budget, threads=threads,
                                extra={"compute_type": compute_type}),
        backend=backend, encoding=encoding, progress=ProgressBar(enabled=False if quiet else None),
        force=force, checkpoint_sentences=checkpoint_every, memory_paths=memory or [],
    )
    for note in report.notes:
        print(f"transalign: warning: {note}", file=sys.stderr)
    for result in report.results:
        if result.status != "failed" and result.tsv_path is not None:
            print(result.tsv_path)
            if not quiet:
                summary = f"{result.status} {result.tsv_path}{_counts(result.counts)}"
                print(f"transalign: {summary}", file=sys.stderr)
        elif result.error is not None:
            print(f"transalign: error: {result.error.one_line()}", file=sys.stderr)
    return 2 if report.failures else 0


def _counts(counts: dict[str, int]) -> str:
    """`` (44 rows: 40 mt, 4 tm; 2 approved, 12 with issues)`` or ``""`` when not known."""
    if not counts:
        return ""
    return (f" ({counts['total']} rows: {counts['mt']} mt, {counts['tm']} tm; {counts['approved']} approved, "
            f"{counts.get('flagged', 0)} with issues)")
