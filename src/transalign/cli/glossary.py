"""``transalign glossary``: validate glossary TSVs, find terms in a text, import/export TBX."""

from __future__ import annotations

import typer

app = typer.Typer(help="Validate glossaries; import and export TBX-Basic (TBX v3).",
                  no_args_is_help=True)


@app.command("validate")
def validate_command(
    files: list[str] = typer.Argument(..., help="Glossary TSV files; later ones override "
                                      "earlier ones by concept id."),
    output_format: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Check glossary files and print a summary; exit status 2 on the first error."""
    import json

    from transalign.errors import InputError
    from transalign.glossary.summary import glossary_summary, glossary_warnings, summary_line
    from transalign.glossary.tsv import load_glossaries

    if output_format not in ("text", "json"):
        raise InputError("E219", f"unknown --format {output_format!r}", hint="use text or json")
    glossary = load_glossaries(files)
    warnings = glossary_warnings(glossary)
    if output_format == "json":
        typer.echo(json.dumps({"files": files, **glossary_summary(glossary),
                               "warnings": warnings}, ensure_ascii=False))
        return
    typer.echo(summary_line(files, glossary))
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


@app.command("import")
def import_command(
    tbx: str = typer.Argument(..., help="TBX file (TBX v3 TBX-Basic, DCA or DCT; TBX v2 read too)."),
    out: str = typer.Option(None, "--out",
                            help="Glossary TSV to write (atomically); stdout when absent or '-'."),
) -> None:
    """Convert a TBX glossary into a glossary TSV (statuses and notes kept)."""
    from transalign.glossary.tbx import load_tbx
    from transalign.glossary.tsv import format_glossary
    from transalign.io import write_output

    write_output(format_glossary(load_tbx(tbx), comments=[f"imported from {tbx}"], source=tbx), out)


@app.command("export")
def export_command(
    files: list[str] = typer.Argument(..., help="Glossary TSV files (merged in order)."),
    out: str = typer.Option(None, "--out", help="TBX file to write (atomically); stdout when absent or '-'."),
) -> None:
    """Convert glossary TSVs into one TBX-Basic (TBX v3, DCA style) file."""
    from transalign.glossary.tbx import format_tbx
    from transalign.glossary.tsv import load_glossaries
    from transalign.io import write_output

    title = f"transalign glossary: {', '.join(files)}"
    write_output(format_tbx(load_glossaries(files), title=title), out)


@app.command("find")
def find_command(
    files: list[str] = typer.Argument(None, help="Text files; stdin when none or '-'."),
    lang: str = typer.Option(..., "--lang", help="Language of the text: en, ru, be, …"),
    to: str = typer.Option("", "--to", help="Target languages to show, e.g. ru,be "
                           "(default: every other glossary language)."),
    glossary_files: list[str] = typer.Option(None, "--glossary", help="Glossary TSV "
                                             "(repeatable); default: the house glossary."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding, e.g. cp1251."),
) -> None:
    """List the glossary terms found in a text and their preferred translations (TSV)."""
    import sys

    from transalign.glossary import load_glossaries_or_default
    from transalign.glossary.summary import find_table
    from transalign.io import read_input

    glossary = load_glossaries_or_default(glossary_files)
    targets = [t.strip() for t in to.split(",") if t.strip()] or [
        x for x in glossary.languages if x != lang]
    documents = ((path, read_input(path, encoding=encoding)) for path in files or ["-"])
    sys.stdout.write(find_table(documents, glossary, lang, targets))


@app.command("forms")
def forms_command(
    files: list[str] = typer.Argument(None, help="Glossary TSVs; default: the house glossary."),
    lang: str = typer.Option(..., "--lang", help="Language whose terms to expand: en, ru, be."),
) -> None:
    """Print every term with the inflected forms searched for it (TSV), for review."""
    import sys

    from transalign.glossary import load_glossaries_or_default
    from transalign.glossary.summary import forms_table

    sys.stdout.write(forms_table(load_glossaries_or_default(files), lang))
