"""``align_files``: the whole ``transalign align`` job as one plain function (the CLI is a shell).

One target edition gives links, aligned TSV or bilingual TMX; several target editions (aligned
each against the source as pivot) give one multilingual TMX.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from transalign.align.aligner import Alignment, AlignOptions, align_sentences
from transalign.align.documents import Document, load_document
from transalign.align.mt import Translate
from transalign.align.output import aligned_table, bilingual_units, pivot_units
from transalign.align.tmx import format_tmx
from transalign.alphabet import looks_like
from transalign.errors import InputError
from transalign.formats.links import format_links
from transalign.formats.naming import aligned_name, document_id
from transalign.formats.tsv import format_aligned_tsv

__all__ = ["FORMATS", "AlignJob", "align_files", "check_job", "document_id", "output_name"]
OutputFormat = Literal["links", "tsv", "tmx"]
FORMATS: tuple[str, ...] = ("links", "tsv", "tmx")


@dataclass(frozen=True)
class AlignJob:
    """What to align and how to write it.

    Attributes:
        src: source file; tgts: one target file per language in ``tgt_langs``.
        sentences: inputs are sentence files (else raw text, segmented first).
        output: ``links``, ``tsv`` or ``tmx``; with several targets only ``tmx``.
        costs: add each bead's cost (links: third field; TSV: always in ``cost``).
        keep_unaligned: TSV rows for 1-0 / 0-1 beads (TMX never has them).
    """

    src: Path
    tgts: tuple[Path, ...]
    src_lang: str
    tgt_langs: tuple[str, ...]
    sentences: bool = False
    output: str = "links"
    encoding: str = "utf-8"
    costs: bool = False
    keep_unaligned: bool = True
    options: AlignOptions = field(default_factory=AlignOptions)


_EXTENSIONS = {"links": "links", "tsv": "tsv", "tmx": "tmx"}


def output_name(job: AlignJob) -> str:
    """The file name for ``--out DIR``: ``<document-id>.<src>-<tgt>[-<tgt2>…].<format>``,
    e.g. ``cis-ministers.en-ru.tsv`` as the contract names aligned text."""
    return aligned_name(document_id(job.src, job.src_lang), job.src_lang, job.tgt_langs,
                        _EXTENSIONS.get(job.output, job.output))


def check_job(job: AlignJob) -> None:
    """Validate the combination of options before any work.

    Raises:
        InputError: E502 for an unknown format, a language/file count mismatch, a language
            given twice, or several targets with a format other than TMX.
    """
    if job.output not in FORMATS:
        raise InputError("E502", f"unknown format {job.output!r}", hint=f"use one of {', '.join(FORMATS)}")
    if len(job.tgts) != len(job.tgt_langs) or not job.tgts:
        raise InputError("E502", f"{len(job.tgt_langs)} target language(s) but "
                         f"{len(job.tgts)} target file(s)",
                         hint="give one target file per language, e.g. --tgt-lang ru,be SRC RU BE")
    langs = (job.src_lang, *job.tgt_langs)
    repeated = sorted({lang for lang in langs if langs.count(lang) > 1})
    if repeated:
        raise InputError("E502", f"language {repeated[0]!r} is given twice (source and targets must differ)",
                         hint="give each edition its own language, e.g. --src-lang en --tgt-lang ru,be")
    if len(job.tgts) > 1 and job.output != "tmx":
        raise InputError("E502", "several target editions can only be written as one TMX",
                         hint="add --format tmx, or align one target at a time")


def align_files(job: AlignJob, translate: dict[str, Translate] | None = None) -> tuple[str, list[Alignment]]:
    """Run ``job``; returns the output text and the alignment of each target edition.

    ``translate`` optionally maps a target language to an MT hook for the chrF term.
    """
    check_job(job)
    src = _load(job, job.src, job.src_lang)
    targets = [_load(job, path, lang) for path, lang in zip(job.tgts, job.tgt_langs, strict=True)]
    alignments = [
        _align(src, tgt, job.src_lang, lang, job.options, (translate or {}).get(lang))
        for tgt, lang in zip(targets, job.tgt_langs, strict=True)
    ]
    return _render(job, src, targets, alignments), alignments


def _load(job: AlignJob, path: Path, lang: str) -> Document:
    """One edition, checked to be written in ``lang``'s alphabet (E504 when it plainly is not)."""
    document = load_document(path, lang, sentences=job.sentences, encoding=job.encoding)
    found = looks_like(document.sentences, lang)
    if found is not None:
        raise InputError("E504", f"this looks like {found}, not {lang}", path=path,
                         hint=f"check the order of the files: SRC ({job.src_lang}) first, then one file "
                              f"per --tgt-lang language, in the order {','.join(job.tgt_langs)}")
    return document


def _align(src: Document, tgt: Document, src_lang: str, tgt_lang: str, options: AlignOptions,
           translate: Translate | None) -> Alignment:
    return align_sentences(src.sentences, tgt.sentences, src_lang, tgt_lang,
                           src_paragraphs=src.paragraphs, tgt_paragraphs=tgt.paragraphs,
                           options=options, translate=translate)


def _render(job: AlignJob, src: Document, targets: Sequence[Document],
            alignments: Sequence[Alignment]) -> str:
    first, alignment = targets[0], alignments[0]
    if job.output == "links":
        return format_links(alignment.beads, alignment.costs if job.costs else None)
    if job.output == "tsv":
        table = aligned_table(alignment.beads, src.sentences, first.sentences, costs=alignment.costs,
                              keep_unaligned=job.keep_unaligned)
        return format_aligned_tsv(table.columns, table.rows)
    langs = job.tgt_langs
    signature = " ; ".join(f"{lang}: {a.signature}" for lang, a in zip(langs, alignments, strict=True))
    if len(targets) == 1:
        units = bilingual_units(alignment.beads, src.sentences, first.sentences, job.src_lang, langs[0])
    else:
        editions = {lang: (tgt.sentences, a.beads)
                    for lang, tgt, a in zip(job.tgt_langs, targets, alignments, strict=True)}
        units = pivot_units(src.sentences, job.src_lang, editions)
    return format_tmx(units, job.src_lang, signature=signature)
