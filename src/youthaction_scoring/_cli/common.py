"""User errors: the library's refusals as messages, one a line, exit status 2.

A command parses its options, calls the library and renders; the plumbing
here turns the library's exceptions into user errors, so a user never sees a
traceback. Options are in :mod:`.options`, writing output in :mod:`.output`.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from .._domain.calendar import Month
from .._domain.errors import InputError, Problem
from .._domain.model import Assessment
from .._domain.scorecard import Scorecards

if TYPE_CHECKING:  # pragma: no cover
    pass

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
