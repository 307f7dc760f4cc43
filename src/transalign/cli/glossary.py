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
    from transalign.glossary.summary import glossary_summary, glossary_warnings
    from transalign.glossary.tsv import load_glossaries

    if output_format not in ("text", "json"):
        raise InputError("E219", f"unknown --format {output_format!r}", hint="use text or json")
    glossary = load_glossaries(files)
    summary = glossary_summary(glossary)
    warnings = glossary_warnings(glossary)
    if output_format == "json":
        typer.echo(json.dumps({"files": files, **summary, "warnings": warnings},
                              ensure_ascii=False))
        return
    typer.echo(f"{' + '.join(files)}: {summary['concepts']} concepts, languages "
               f"{', '.join(glossary.languages)}; terms: {summary['preferred']} preferred, "
               f"{summary['admitted']} admitted, {summary['forbidden']} forbidden; "
               f"sha256 {summary['digest']}")
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

    write_output(format_glossary(load_tbx(tbx), comments=[f"imported from {tbx}"]), out)


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
    from transalign.glossary import SourceMatcher, load_glossaries_or_default
    from transalign.glossary.summary import match_rows
    from transalign.io import read_input

    glossary = load_glossaries_or_default(glossary_files)
    targets = [t.strip() for t in to.split(",") if t.strip()] or [
        x for x in glossary.languages if x != lang]
    glossary.require_language(lang)
    for target in targets:
        glossary.require_language(target, fix="pass --to with some of them")
    matcher = SourceMatcher(glossary, lang)
    columns = ["file", "start", "end", "text", "concept", "status", *targets]
    typer.echo("\t".join(columns))
    for path in files or ["-"]:
        text = read_input(path, encoding=encoding)
        for row in match_rows(matcher.find(text), glossary, targets):
            cells = [path, *(row[name] for name in columns[1:])]
            typer.echo("\t".join(" ".join(cell.split()) for cell in cells))


@app.command("forms")
def forms_command(
    files: list[str] = typer.Argument(None, help="Glossary TSVs; default: the house glossary."),
    lang: str = typer.Option(..., "--lang", help="Language whose terms to expand: en, ru, be."),
) -> None:
    """Print every term with the inflected forms searched for it (TSV), for review."""
    from transalign.glossary import load_glossaries_or_default
    from transalign.glossary.summary import term_forms

    glossary = load_glossaries_or_default(files)
    glossary.require_language(lang)
    rows = term_forms(glossary, lang)
    typer.echo("concept\tstatus\tterm\tcount\tforms")
    for row in rows:
        typer.echo("\t".join(row[name] for name in ("concept", "status", "term", "count", "forms")))
