"""The ``transalign`` command: registers the commands and maps errors to exit codes.

Exit status: 0 ok, 1 problems found (``check``), 2 unusable input or usage. Every
:class:`~transalign.errors.TransalignError` becomes one line on stderr. Heavy libraries are
imported inside the commands, never here, so ``transalign --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer
import typer._click.exceptions as click_errors  # typer >= 0.26 ships its own copy of click

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
    except typer.Exit as done:
        return int(done.exit_code)
    except click_errors.UsageError as err:
        return _usage_error(err)
    except click_errors.ClickException as err:
        print(f"transalign: error: {err.format_message()}", file=sys.stderr)
        return 2
    except typer.Abort:
        print("transalign: aborted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:  # an output that cannot be written, a stream that cannot be read
        where = f"{err.filename}: " if err.filename else ""
        print(f"transalign: error: [E005] {where}{err.strerror or err}. Fix: check the path, "
              "its folder's permissions and the free space", file=sys.stderr)
        return 2
    return int(result) if isinstance(result, int) else 0


def _usage_error(err: click_errors.UsageError) -> int:
    """A usage error as one stderr line naming the command's ``--help`` (exit status 2);
    a bare ``transalign`` or ``transalign glossary`` prints the help instead."""
    command = err.ctx.command_path if err.ctx is not None else "transalign"
    if isinstance(err, click_errors.NoArgsIsHelpError):
        err.show()
        return 2
    print(f"transalign: error: {err.format_message().rstrip('.')}. Fix: see '{command} --help'",
          file=sys.stderr)
    return 2


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
