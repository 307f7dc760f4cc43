"""``transalign glossary``: PROVISIONAL stub until the glossary issue lands."""

from __future__ import annotations

import typer

app = typer.Typer(help="Import and export glossaries (TBX).", no_args_is_help=True)


@app.command("import")
def import_command() -> None:
    """Not implemented yet."""
