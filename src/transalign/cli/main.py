"""The ``transalign`` command: registers the commands and maps errors to exit codes.

Exit status: 0 ok, 1 problems found (``check``), 2 unusable input or usage. Every
:class:`~transalign.errors.TransalignError` becomes one line on stderr. Heavy libraries are
imported inside the commands, never here, so ``transalign --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click
import typer

from transalign import __version__
from transalign.cli import align, check, glossary, segment, translate
from transalign.errors import TransalignError

app = typer.Typer(
    name="transalign",
    help="Translate news stories en→ru/be with house terminology, check and align editions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"transalign {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Translate news stories en→ru/be with house terminology, check and align editions."""


app.command("segment")(segment.command)
app.command("translate")(translate.command)
app.command("check")(check.command)
app.command("align")(align.command)
app.add_typer(glossary.app, name="glossary")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI on ``argv`` (default ``sys.argv[1:]``) and return the exit status."""
    try:
        result = app(args=list(argv) if argv is not None else None, standalone_mode=False,
                     prog_name="transalign")
    except TransalignError as err:
        print(f"transalign: error: {err.one_line()}", file=sys.stderr)
        return err.exit_code
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as err:
        err.show()
        return 2
    except click.exceptions.Abort:
        print("transalign: aborted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return int(result) if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
