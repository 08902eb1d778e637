"""What every command shares: options, user errors, loading the input, writing output.

A command parses its options, calls the library and renders; the plumbing
here turns the library's exceptions into user errors (every problem on its
own line, exit status 2) and writes output atomically.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from .._domain.calendar import Month
from .._domain.codes import Lang
from .._domain.errors import InputError, Problem
from .._domain.model import Assessment
from .._domain.scorecard import Scorecards

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import RenderableType

T = TypeVar("T")

EXIT_USER_ERROR = 2
"""Exit status for bad input, a bad option or an unreadable file."""


class UserError(click.ClickException):
    """Problems with what the user gave us: printed one a line, exit status 2."""

    exit_code = EXIT_USER_ERROR

    def __init__(self, problems: Sequence[Problem]) -> None:
        """Create the error from its problems."""
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file: Any = None) -> None:
        """Print every problem on its own line to standard error."""
        stream = file if file is not None else sys.stderr
        for problem in self.problems:
            click.echo(str(problem), file=stream)


def fail(place: str, message: str) -> NoReturn:
    """Stop with one user error.

    Args:
        place: Where (an option, a file, ...).
        message: What is wrong.
    """
    raise UserError([Problem(place, message)])


@contextlib.contextmanager
def user_errors(place: str) -> Iterator[None]:
    """Turn the library's refusals inside the block into user errors.

    ``InputError`` keeps its problems; a missing optional extra
    (``ImportError``) and a file that cannot be read or written (``OSError``)
    are placed at *place*.

    Args:
        place: The file the block reads or writes.

    Returns:
        A context manager.
    """
    try:
        yield
    except InputError as exc:
        raise UserError(exc.problems) from None
    except ImportError as exc:
        fail(place, str(exc))
    except OSError as exc:
        fail(exc.filename or place, f"cannot read or write: {exc.strerror or exc}")


def load_input(path: str) -> Assessment:
    """Load an assessment for a command, turning every failure into a user error.

    Args:
        path: The input file; its ending picks the reader.

    Returns:
        The assessment.

    Raises:
        UserError: Unknown ending, unreadable file, or invalid content.
    """
    from .._io.assessments import load_assessment

    try:
        return load_assessment(path)
    except InputError as exc:
        raise UserError(exc.problems) from None
    except ImportError as exc:
        fail(path, str(exc))
    except OSError as exc:
        fail(path, f"cannot read: {exc.strerror or exc}")


def score_or_fail(assessment: Assessment, as_of: Month | None) -> Scorecards:
    """Score an assessment, turning an as-of month before the period into a user error (R2)."""
    from .._analysis.score import score_assessment

    try:
        return score_assessment(assessment, as_of=as_of)
    except ValueError as exc:
        fail("--as-of", str(exc))


# --------------------------------------------------------------------------
# Options.
# --------------------------------------------------------------------------


def _parse_as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Month | None:
    if value is None:
        return None
    try:
        return Month.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


AS_OF_OPTION = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM",
    callback=_parse_as_of,
    help="Score as of this month (R2): later months are not yet owed, later records do not count.",
)

OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file (atomically: whole or not at all) instead of standard output.",
)

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of headings, reasons and actions.",
)

INPUT_ARGUMENT = click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))


def lang_of(value: str) -> Lang:
    """Narrow a ``--lang`` value to :data:`Lang`."""
    return "en" if value == "en" else "zh"


# --------------------------------------------------------------------------
# Output.
# --------------------------------------------------------------------------


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
