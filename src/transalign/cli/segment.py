"""``transalign segment``: print one sentence per line, a blank line between paragraphs."""

from __future__ import annotations

import sys

import typer


def segment_files(paths: list[str], lang: str, encoding: str = "utf-8") -> str:
    """Segment each file (``-`` is stdin) and return the sentence-file text of all of them."""
    from transalign.formats.sents import format_sents
    from transalign.io import read_input
    from transalign.segment import check_language, segment_paragraphs

    check_language(lang)
    paragraphs: list[list[str]] = []
    for path in paths or ["-"]:
        paragraphs.extend(segment_paragraphs(read_input(path, encoding=encoding), lang))
    return format_sents(paragraphs) if paragraphs else ""


def command(
    files: list[str] = typer.Argument(None, help="Text files; stdin when none or '-'."),
    lang: str = typer.Option(..., "--lang", help="Language code: en, ru or be."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding, e.g. cp1251."),
) -> None:
    """Split text into sentences: one per line, a blank line between paragraphs."""
    sys.stdout.write(segment_files(files or [], lang, encoding))
