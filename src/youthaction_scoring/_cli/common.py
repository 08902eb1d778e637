"""How a command fails: user errors (exit status 2) and write failures (exit status 1).

A command parses its options, calls the library and renders; the plumbing
here turns the library's refusals into messages, one a line, so a user never
sees a traceback:

* a problem with what the user gave (bad input, a bad option, an output path
  that may not be written) is a :class:`UserError`: exit status 2;
* a failure to write (a full disk, no permission) is a :class:`WriteFailure`:
  one line saying what could not be written, exit status 1;
* a closed pipe (``| head``) ends the command quietly (:class:`ClosedPipe`).
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

import click

from .._domain.codes import Lang
from .._domain.errors import InputError, Problem, Refusal
from .._domain.limits import MAX_INPUT_BYTES
from .._domain.messages import Message
from .._domain.model import Assessment
from .._present.terminal import terminal_safe
from .cli_texts import CliText, missing_extra, os_reason
from .lang import run_lang
from .warnings import register_notes

EXIT_USER_ERROR = 2
"""Exit status for bad input, a bad option or an unreadable file."""
EXIT_WRITE_FAILURE = 1
"""Exit status for output that could not be written."""


class UserError(click.ClickException):
    """Problems with what the user gave us: printed one a line, in the run's language, exit 2."""

    exit_code = EXIT_USER_ERROR

    def __init__(self, problems: Sequence[Problem]) -> None:
        """Create the error from its problems."""
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file: Any = None) -> None:
        """Print every problem on its own line to standard error."""
        stream = file if file is not None else sys.stderr
        lang = run_lang()
        for problem in self.problems:
            click.echo(terminal_safe(problem.text(lang)), file=stream)


class WriteFailure(click.ClickException):
    """Output that could not be written (*reason*): one line in the run's language, exit 1."""

    exit_code = EXIT_WRITE_FAILURE

    def __init__(self, reason: Message) -> None:
        """Create the failure."""
        super().__init__(reason.en)
        self.reason = reason

    def show(self, file: Any = None) -> None:
        """Print the message on standard error."""
        text = terminal_safe(self.reason.text(run_lang()))
        click.echo(text, file=file if file is not None else sys.stderr)


class ClosedPipe(Exception):  # noqa: N818 - a signal, not an error
    """Standard output was closed by its reader (``| head``): stop quietly."""


def fail(place: str, message: Message) -> NoReturn:
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
    (``ImportError``) and a file that cannot be read (``OSError``) are
    placed at *place*.

    Args:
        place: The file the block reads.

    Returns:
        A context manager.
    """
    try:
        with register_notes():
            yield
    except Refusal:  # a setting refused (an InputError too): the caller places it
        raise
    except InputError as exc:
        raise UserError(exc.problems) from None
    except ImportError as exc:
        fail(place, missing_extra(exc))
    except OSError as exc:
        fail(exc.filename or place, CliText.CANNOT_READ(os_reason(exc)))


def stdin_first_line() -> bytes:
    """Standard input's first line, read once per run (to tell its format).

    Raises:
        UserError: Standard input is a terminal.
    """
    if sys.stdin.isatty():
        fail("-", CliText.STDIN_TERMINAL())
    meta = click.get_current_context().meta
    if _FIRST_LINE not in meta:
        meta[_FIRST_LINE] = sys.stdin.buffer.readline(MAX_INPUT_BYTES + 1)
    line: bytes = meta[_FIRST_LINE]
    return line


def stdin_lines() -> Iterator[bytes]:
    """Standard input's lines, the first included even when already read; none past the limit."""
    from .._io.input_files import bounded_lines

    yield from bounded_lines(io.BytesIO(stdin_first_line()), "-", whole=False)
    yield from bounded_lines(sys.stdin.buffer, "-", whole=False, first=2)


_FIRST_LINE = "youthaction_scoring.stdin_first_line"


def load_input(
    path: str,
    input_format: str | None = None,
    *,
    warn: Lang | None = None,
    data: bytes | None = None,
) -> Assessment:
    """Load an assessment for a command, turning every failure into a user error.

    Args:
        path: The input file (its ending picks the reader), or ``-``: standard
            input, in *input_format* or the format its first bytes show.
        input_format: ``json``, ``jsonl`` or ``xlsx``, for standard input.
        warn: Print the R18 warnings (districts whose communities record
            different 1.1 lists) in this language: for a command that scores.
        data: The bytes of the JSON document *path*, if read already (once: a FIFO).

    Raises:
        UserError: Unknown ending, unreadable file, or invalid content.
    """
    assessment = _load(path, input_format, data)
    if warn is not None:
        from .._analysis.rollup import district_disagreements
        from .warnings import warn_disagreements

        warn_disagreements(district_disagreements(assessment), warn)
    return assessment


def _load(path: str, input_format: str | None, data: bytes | None) -> Assessment:
    from .._io.assessments import load_assessment, read_assessment

    with user_errors(path):
        if data is None and path != "-":
            return load_assessment(path)
        data, fmt = (data, "json") if data is not None else stdin_input(input_format)
        return read_assessment(data, fmt)


def stdin_input(input_format: str | None) -> tuple[bytes, str]:
    """Standard input read whole within the size limit, and its format (given, or shown)."""
    from .._io.assessments import guess_format

    head = stdin_first_line()
    data = head + sys.stdin.buffer.read(MAX_INPUT_BYTES + 1 - len(head))  # head: at most that
    if len(data) > MAX_INPUT_BYTES:
        fail("-", CliText.STDIN_TOO_BIG(f"{MAX_INPUT_BYTES // 2**20:,}"))
    fmt = input_format or guess_format(data[:65536])
    if fmt is None:
        fail("-", CliText.STDIN_FORMAT())
    return data, fmt
