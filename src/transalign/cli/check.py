"""``transalign check``: glossary, number and completeness QA of aligned TSVs.

Exit status: 0 no problem, 1 problems found, 2 unusable input (one line on stderr).
"""

from __future__ import annotations

import sys

import typer

from transalign.errors import InputError

FORMATS = ("text", "jsonl")


def _kinds(spec: str | None) -> set[str] | None:
    """``term-missing,number-mismatch`` → a set; None keeps every kind."""
    from transalign.check import KINDS

    if not spec:
        return None
    kinds = {kind.strip() for kind in spec.split(",") if kind.strip()}
    unknown = kinds - set(KINDS)
    if unknown:
        raise InputError("E223", f"unknown problem kind(s) {sorted(unknown)}",
                         hint=f"use some of {', '.join(KINDS)}")
    return kinds


def run_check(paths: list[str], glossaries: list[str], *, src_lang: str | None = None,
              tgt_lang: str | None = None, output_format: str = "text",
              consistency: bool = False, kinds: str | None = None) -> tuple[str, int]:
    """Run the check (or the consistency report) and return ``(output, exit status)``."""
    from transalign.check import check_files, format_jsonl, format_text
    from transalign.check.consistency import (
        consistency_report,
        format_consistency_jsonl,
        format_consistency_text,
    )
    from transalign.glossary import default_glossary_path, load_glossaries

    if output_format not in FORMATS:
        raise InputError("E222", f"unknown format {output_format!r}",
                         hint=f"use one of {', '.join(FORMATS)}")
    wanted = _kinds(kinds)
    if consistency and wanted is not None:
        raise InputError("E225", "--kinds does not apply to --consistency",
                         hint="drop --kinds, or run check without --consistency")
    glossary = load_glossaries(glossaries or [default_glossary_path()])
    if consistency:
        report = consistency_report(paths, glossary, src_lang=src_lang, tgt_lang=tgt_lang)
        render = format_consistency_jsonl if output_format == "jsonl" else format_consistency_text
        return render(report), 1 if report.problems else 0
    checked = check_files(paths, glossary, src_lang=src_lang, tgt_lang=tgt_lang)
    if wanted is not None:
        checked.problems = [p for p in checked.problems if p.kind in wanted]
    output = format_jsonl(checked) if output_format == "jsonl" else format_text(checked)
    return output, 1 if checked.problems else 0


def command(
    paths: list[str] = typer.Argument(None, help="Aligned TSV files or folders of them."),
    glossary: list[str] = typer.Option(
        None, "--glossary", "-g",
        help="Glossary TSV; repeat to combine (later files override by concept id). "
             "Default: the house glossary."),
    src_lang: str = typer.Option(None, "--src-lang", help="Source language (default: file name)."),
    tgt_lang: str = typer.Option(None, "--tgt-lang", help="Target language (default: file name)."),
    output_format: str = typer.Option("text", "--format", help="text or jsonl."),
    kinds: str = typer.Option(
        None, "--kinds", help="Report only these kinds, comma-separated (term-missing, "
                              "term-forbidden, number-mismatch, untranslated)."),
    consistency: bool = typer.Option(
        False, "--consistency",
        help="Compare documents: variants used per concept, identical sources translated "
             "differently."),
) -> int:
    """Check translations against the glossary: missing/forbidden terms, numbers, untranslated."""
    output, status = run_check(paths or [], glossary or [], src_lang=src_lang, tgt_lang=tgt_lang,
                               output_format=output_format, consistency=consistency,
                               kinds=kinds)
    sys.stdout.write(output)
    if status:
        raise typer.Exit(status)
    return status
