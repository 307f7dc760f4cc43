"""``transalign align``: align a story with its edition(s); links, aligned TSV or TMX."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer


def command(
    src: Path = typer.Argument(..., help="Source edition (raw text, or a .sents file with --sentences)."),
    tgts: list[Path] = typer.Argument(..., help="Target edition(s), one per --tgt-lang language."),
    src_lang: str = typer.Option(..., "--src-lang", help="Source language code, e.g. en."),
    tgt_lang: str = typer.Option(..., "--tgt-lang", help="Target language(s), e.g. ru or ru,be."),
    sentences: bool = typer.Option(False, "--sentences", help="Inputs are sentence files (*.sents)."),
    glossary: list[Path] = typer.Option(None, "--glossary", help="Glossary TSV (repeatable); "
                                        "default: the house glossary."),
    no_glossary: bool = typer.Option(False, "--no-glossary", help="Do not use glossary concepts."),
    output_format: str = typer.Option("links", "--format", help="links, tsv or tmx (several targets: tmx)."),
    out: str = typer.Option(None, "--out", help="Output file, or a folder (existing, or written "
                            "with a trailing /) for <doc>.<src>-<tgt>.<format> (default: stdout)."),
    band: int = typer.Option(8, "--band", min=1, help="Half-width of the final search band, sentences."),
    length_only: bool = typer.Option(False, "--length-only", help="Length-only Gale–Church baseline."),
    mt: bool = typer.Option(False, "--mt", help="Add chrF similarity to a machine translation."),
    model: str = typer.Option(None, "--model", help="MT model id or local path for --mt."),
    costs: bool = typer.Option(False, "--costs", help="links: add each bead's cost as a third field."),
    drop_unaligned: bool = typer.Option(False, "--drop-unaligned", help="tsv: no rows for 1-0 / 0-1 beads."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding, e.g. cp1251."),
    signature: bool = typer.Option(False, "--signature", help="Print the aligner's signature on stderr."),
) -> None:
    """Align a story with its human edition(s) sentence by sentence."""
    from transalign.align.aligner import AlignOptions
    from transalign.align.api import AlignJob, align_files, output_name
    from transalign.align.mt import mt_hooks
    from transalign.io import atomic_write_text

    langs = tuple(lang.strip() for lang in tgt_lang.split(",") if lang.strip())
    options = AlignOptions(glossaries=tuple(glossary or ()), use_glossary=not no_glossary,
                           anchors=not length_only, band=band)
    job = AlignJob(src, tuple(tgts), src_lang, langs, sentences=sentences, output=output_format,
                   encoding=encoding, costs=costs, keep_unaligned=not drop_unaligned, options=options)
    hooks = mt_hooks(model, src_lang, langs) if mt else None
    text, alignments = align_files(job, hooks)
    if out is None:
        sys.stdout.write(text)
    else:
        folder = out.endswith(("/", os.sep)) or Path(out).is_dir()
        atomic_write_text(Path(out) / output_name(job) if folder else Path(out), text)
    if signature:
        for lang, alignment in zip(langs, alignments, strict=True):
            typer.echo(f"{src_lang}-{lang}: {alignment.signature}", err=True)
