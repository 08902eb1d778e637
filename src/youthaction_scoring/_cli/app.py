"""The command group: every command of ``youthaction-scoring``, added explicitly."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from .. import __version__
from .._present.command_help import MAIN
from .._present.help_texts import HelpWord
from .check import check
from .cli_texts import CliText
from .common import ClosedPipe
from .compare import compare
from .convert import convert
from .districts import districts
from .explain import explain
from .help import HelpGroup, HelpOption
from .lang import reset_run_lang, scan_lang, set_run_lang
from .plan import plan
from .progress import progress
from .rank import rank
from .rectify import rectify
from .report import report
from .schema import schema
from .score import score
from .serve import serve
from .template import template
from .usage import StopUsage, UsageText, show_usage_error

_NO_ARGS_IS_HELP: tuple[type[Exception], ...] = tuple(
    getattr(click.exceptions, name)
    for name in ("NoArgsIsHelpError",)  # click 8.2 and later; before, click prints the help
    if hasattr(click.exceptions, name)
)


class App(HelpGroup):
    """The command group; it ends every run with exit status 0, 1 or 2 and no traceback.

    0: done; 1: output could not be written (one line says what); 2: a
    problem with the input or the options (every problem on its own line). A
    reader that closes the pipe (``| head``) ends the run quietly.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; exit (or, not standalone, return) with the status."""
        _tolerant_streams()
        argv = list(sys.argv[1:] if args is None else args)
        lang = scan_lang(argv, os.environ)
        token = set_run_lang(lang)
        from .._io.stream import fewer_collections

        try:
            with fewer_collections():  # a run makes no reference cycles: see the function
                result = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except click.exceptions.Exit as stop:
            code = stop.exit_code
        except _NO_ARGS_IS_HELP as shown:  # no arguments: the help, on standard error
            shown_in: click.Context | None = getattr(shown, "ctx", None)
            if shown_in is not None:
                click.echo(shown_in.get_help(), err=True)
            code = getattr(shown, "exit_code", 2)
        except click.UsageError as error:
            show_usage_error(error, lang)
            code = error.exit_code
        except click.ClickException as error:
            error.show()
            code = error.exit_code
        except click.Abort:
            click.echo(CliText.ABORTED.format(lang), err=True)
            code = 1
        except ClosedPipe:
            _silence_stdout()
            code = 0
        finally:
            reset_run_lang(token)
        if not standalone_mode:
            return code
        sys.exit(code)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Find the command; an unknown one is named with the commands there are."""
        name = args[0] if args else ""
        unknown = name and not name.startswith("-") and self.get_command(ctx, name) is None
        if unknown and not ctx.resilient_parsing:
            commands = ", ".join(sorted(self.commands))
            raise StopUsage(UsageText.NO_SUCH_COMMAND(name, commands), ctx)
        return super().resolve_command(ctx, args)


def _tolerant_streams() -> None:
    """Let standard output and error write ASCII stand-ins for what their encoding lacks.

    On a GBK console (Chinese Windows, or ``PYTHONIOENCODING=gbk``) a ``✗`` or
    a ``−`` would otherwise end the run with a UnicodeEncodeError. Files
    written with ``-o`` are UTF-8 and keep every character.
    """
    from .._present.terminal import register_ascii_fallback

    handler = register_ascii_fallback()
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors=handler)


def _silence_stdout() -> None:
    """After a closed pipe, send what is left of standard output nowhere (no error at exit)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@click.group(
    cls=App,
    doc=MAIN,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(
    __version__, prog_name="youthaction-scoring", cls=HelpOption, help_text=HelpWord.VERSION
)
def main() -> None:
    """Score Community Youth Action pilot communities (help: :data:`.command_help.MAIN`)."""


for _command in (
    convert,
    schema,
    score,
    template,
    districts,
    explain,
    plan,
    progress,
    rank,
    rectify,
    report,
    serve,
    check,
    compare,
):
    main.add_command(_command)
