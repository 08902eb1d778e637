"""Writing a command's output: to standard output or a file (atomically), tables as text.

Before anything is computed, :func:`prepare_output` checks where the output
goes: ``-`` (or nothing) is standard output; a file must be a regular file or
a new path, not one of the inputs, and an existing workbook is replaced only
with ``--force``. Writing turns every failure into one line and exit status 1;
a reader that closes the pipe ends the command quietly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar, cast

import click

from .cli_texts import CliText, missing_extra, os_reason
from .common import WriteFailure, fail
from .stdout import to_stdout

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import RenderableType

T = TypeVar("T")


def prepare_output(
    output: str | None,
    *,
    inputs: Iterable[str] = (),
    force: bool = False,
    workbook: bool = False,
) -> str | None:
    """Check an ``-o`` path before the command does any work.

    An existing workbook (a filled-in register, say) is never replaced
    without ``--force``, whatever its name and whatever is written; a
    workbook written replaces no existing file without ``--force``; any
    other file is replaced (atomically).

    Args:
        output: The ``-o`` value: a file, ``-`` or ``None`` for standard output.
        inputs: The files the command reads (``-`` is standard input).
        force: ``--force``: an existing file may be replaced, workbooks too.
        workbook: What is written is a workbook.

    Returns:
        The file to write, or ``None`` for standard output.

    Raises:
        UserError: The path is a directory, a device, a FIFO or a socket, one
            of the inputs, or an existing file that may not be replaced.
        WriteFailure: Its folder does not exist or cannot be written.
    """
    if output is None or output == "-":
        return None
    from .._io.atomic import OutputRefusedError, check_target

    try:
        target = check_target(
            output,
            inputs=[i for i in inputs if i != "-"],
            replace=force or not workbook,
            replace_workbook=force,
        )
    except OutputRefusedError as exc:
        fail(output, exc.message)
    _check_folder(output, target.parent)
    return output


def _check_folder(output: str, folder: Path) -> None:
    if not folder.is_dir():
        raise WriteFailure(CliText.NO_FOLDER(output, str(folder)))
    if not os.access(folder, os.W_OK):
        raise WriteFailure(CliText.FOLDER_READ_ONLY(output, str(folder)))


def emit(text: str, output: str | None, *, human: bool = False) -> None:
    """Write command output to a file (atomically) or to standard output.

    Args:
        text: The output.
        output: A file path, or ``None`` for standard output.
        human: Text for people (a table, a statement): control characters in
            it are shown as escapes, so that user text cannot steer a terminal.
    """
    if human:
        from .._present.terminal import terminal_safe

        text = terminal_safe(text)
    if output is None:
        with to_stdout() as sink:
            if sys.stdout.isatty():
                click.echo(text, nl=False)  # a console: click knows its encoding
            else:
                sink.write(
                    text.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict")
                )
        return
    from .._io.atomic import atomic_write

    with writing(output):
        atomic_write(output, text)


def emit_pieces(pieces: Iterable[str], output: str | None) -> None:
    """Write text made in pieces as it comes: to a file atomically, or to standard output.

    The run's output limit counts the whole (``--max-output``), not each piece.
    """
    if output is None and sys.stdout.isatty():
        emit("".join(pieces), None)  # a console: click knows its encoding
    elif output is None:
        with to_stdout() as sink:
            for piece in pieces:
                sink.write(piece.encode(sys.stdout.encoding or "utf-8"))
    else:
        from .._io.atomic import atomic_output

        with writing(output), atomic_output(output, binary=True) as handle:
            out = cast("IO[bytes]", handle)  # binary=True
            for piece in pieces:
                out.write(piece.encode("utf-8"))


def emit_tables(
    renderables: Sequence[RenderableType],
    output: str | None,
    *,
    default: int = 160,
) -> None:
    """Render tables as text for the terminal (in colour) or a file (plain).

    On a terminal the tables fit its width (``COLUMNS`` when set), numbers
    never cut (:mod:`.._present.fit`), and more than a screenful goes through
    the pager (``$PAGER``, else ``less``/``more``); to a pipe or a file, a
    plain layout at a stable width, whole.

    Args:
        renderables: Tables or text (user text in them already made safe).
        output: A file path, or ``None`` for standard output.
        default: The width when not writing to a terminal.
    """
    from .._present.tables import render

    to_terminal = output is None and sys.stdout.isatty()
    size = shutil.get_terminal_size((default, 24))
    width = size.columns if to_terminal else default
    text = render(renderables, width=max(width, 20), color=to_terminal)
    if to_terminal and text.count("\n") > size.lines:  # more than a screenful: page it
        click.echo_via_pager(text)
        return
    emit(text, output)


@contextlib.contextmanager
def writing(output: str) -> Iterator[None]:
    """Turn a failure to write *output* into one line naming the file.

    An ``OSError`` (a full disk, no permission) is a :class:`WriteFailure`
    (exit status 1); a missing optional extra (``ImportError``), a path
    that may not be written and output past the run's limit
    (``--max-output``: the file is not made) are user errors (exit status 2).

    Args:
        output: The file being written.

    Returns:
        A context manager.
    """
    from .._io.atomic import OutputRefusedError, OutputText
    from .._io.output_limit import OutputTooLarge

    try:
        yield
    except OutputTooLarge as exc:
        fail(output, exc.message)
    except ImportError as exc:
        fail(output, missing_extra(exc))
    except OutputRefusedError as exc:
        fail(output, exc.message)
    except FileExistsError:
        fail(output, OutputText.EXISTS())
    except OSError as exc:
        raise WriteFailure(CliText.CANNOT_WRITE(output, os_reason(exc))) from None
