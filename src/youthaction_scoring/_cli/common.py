"""Shared command-line plumbing: user errors, input loading, output files."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from .._domain.errors import InputError, Problem
from .._domain.model import Assessment, Month

EXIT_USER_ERROR = 2
"""Exit status for bad input, a bad option or an unreadable file."""


class UserError(click.ClickException):
    """Problems with what the user gave us: printed one a line, exit status 2."""

    exit_code = EXIT_USER_ERROR

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
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


Loader = Callable[[Path], Assessment]
LOADERS: dict[str, Loader] = {}
"""Assessment readers by file ending; spreadsheet support registers ``.xlsx``."""


def _load_json(path: Path) -> Assessment:
    from .._io.documents import loads_assessment

    return loads_assessment(path.read_bytes())


def _load_jsonl(path: Path) -> Assessment:
    from .._io.jsonl import read_assessment_jsonl

    return read_assessment_jsonl(path)


def _load_xlsx(path: Path) -> Assessment:
    from .._io.register import read_register

    try:
        return read_register(path)
    except ImportError as exc:
        fail(str(path), str(exc))


LOADERS[".json"] = _load_json
LOADERS[".jsonl"] = _load_jsonl
LOADERS[".xlsx"] = _load_xlsx


def load_input(path: str) -> Assessment:
    """Load an assessment for a command, turning every failure into a user error.

    Args:
        path: The input file; its ending picks the reader.

    Returns:
        The assessment.

    Raises:
        UserError: Unknown ending, unreadable file, or invalid content.
    """
    file = Path(path)
    loader = LOADERS.get(file.suffix.lower())
    if loader is None:
        endings = ", ".join(sorted(LOADERS))
        fail(path, f"unsupported file type {file.suffix or '(none)'!r}; expected one of {endings}")
    try:
        return loader(file)
    except InputError as exc:
        raise UserError(list(exc.problems)) from None
    except OSError as exc:
        fail(path, f"cannot read: {exc.strerror or exc}")


def parse_as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Month | None:
    """Click callback for ``--as-of YYYY-MM``."""
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
    callback=parse_as_of,
    help="Score as of this month (R2): later months are not yet owed, later records do not count.",
)

OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file (atomically: whole or not at all) instead of standard output.",
)


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
