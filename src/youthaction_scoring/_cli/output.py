"""Writing a command's output: to standard output or a file (atomically), tables as text."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from .common import fail

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import RenderableType

T = TypeVar("T")


def emit(text: str, output: str | None) -> None:
    """Write command output to a file (atomically) or to standard output.

    Args:
        text: The output.
        output: A file path, or ``None`` for standard output.
    """
    if output is None:
        click.echo(text, nl=False)
        return
    from .._io.atomic import atomic_write

    with writing(output):
        atomic_write(output, text)


def emit_tables(
    renderables: Sequence[RenderableType],
    output: str | None,
    *,
    minimum: int = 100,
    default: int = 160,
) -> None:
    """Render tables as text for the terminal (in colour) or a file (plain).

    Args:
        renderables: Tables or text.
        output: A file path, or ``None`` for standard output.
        minimum: The narrowest width to render at.
        default: The width when not writing to a terminal.
    """
    from .._present.tables import render

    to_terminal = output is None and sys.stdout.isatty()
    width = shutil.get_terminal_size((default, 24)).columns if to_terminal else default
    emit(render(renderables, width=max(width, minimum), color=to_terminal), output)


@contextlib.contextmanager
def writing(output: str) -> Iterator[None]:
    """Turn a failure to write *output* into a user error naming the file.

    A missing optional extra (``ImportError``) and an ``OSError`` while
    writing both stop the command with status 2 instead of a traceback.

    Args:
        output: The file being written.

    Returns:
        A context manager.
    """
    try:
        yield
    except ImportError as exc:
        fail(output, str(exc))
    except OSError as exc:
        fail(output, f"cannot write: {exc.strerror or exc}")


def check_output_dir(output: str | None) -> None:
    """Fail early when an output file's folder does not exist.

    Args:
        output: The output path, or ``None``.
    """
    if output is not None:
        parent = Path(output).parent
        if not parent.is_dir():
            fail(output, f"folder {str(parent)!r} does not exist")
        if not os.access(parent, os.W_OK):
            fail(output, f"folder {str(parent)!r} is not writable")


def with_progress(items: Sequence[T], description: str) -> Iterator[T]:
    """Iterate over *items*, showing a progress bar on standard error when it is a terminal.

    Args:
        items: What to iterate over.
        description: The bar's label.

    Returns:
        The items, in order.
    """
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(description, total=len(items))
        for item in items:
            yield item
            bar.advance(task)
