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
from .common import ClosedPipe
from .convert import convert
from .districts import districts
from .explain import explain
from .plan import plan
from .progress import progress
from .rank import rank
from .report import report
from .schema import schema
from .score import score
from .template import template


class App(click.Group):
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
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except click.exceptions.Exit as stop:
            code = stop.exit_code
        except click.ClickException as error:
            error.show()
            code = error.exit_code
        except click.Abort:
            click.echo("Aborted.", err=True)
            code = 1
        except ClosedPipe:
            _silence_stdout()
            code = 0
        if not standalone_mode:
            return code
        sys.exit(code)


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
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="youthaction-scoring")
def main() -> None:
    """Score Community Youth Action (社区青春行动) pilot communities.

    Applies the Guiyang Communist Youth League assessment rulebook (2021):
    100 base points with fixed deductions and up to 100 bonus points under
    caps, itemised per clause. Bad input is reported one problem a line, with
    its place, and exits with status 2.
    """


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
    report,
):
    main.add_command(_command)
