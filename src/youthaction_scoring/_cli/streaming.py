"""Scoring a file as a stream: JSON Lines line by line, a JSON document element by element.

Memory stays flat: one community is read, scored and written at a time.
Every bad line or element is reported (exit status 2). A JSON Lines input
to standard output keeps the scorecards written before its first bad line;
a JSON document, like every whole-file input, gives all or nothing (its
output to standard output is held in a temporary file until the last
element is checked). With ``-o``, the file appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import click

from .._domain.calendar import Month
from .._domain.codes import Lang
from .._domain.errors import InputError, Problem, Refusal
from .._present.terminal import terminal_safe
from .common import (
    EXIT_USER_ERROR,
    UserError,
    WriteFailure,
    fail,
    stdin_first_line,
    stdin_lines,
)
from .lang import run_lang
from .output import writing
from .progress_bar import counted
from .stdout import to_stdout
from .texts import CliText, os_reason
from .warnings import disagreement_warner


def input_kind(input_path: str, input_format: str | None) -> str:
    """``jsonl``, ``json`` or ``xlsx``: what INPUT holds (by its ending, or its first bytes)."""
    if input_path != "-":
        suffix = Path(input_path).suffix.lower()
        return {".jsonl": "jsonl", ".json": "json"}.get(suffix, "xlsx")
    if input_format is not None:
        return input_format
    from .._io.assessments import guess_format

    return guess_format(stdin_first_line()) or "json"


def read_input(input_path: str) -> bytes:
    """The bytes of an input file (a user error when it cannot be read)."""
    try:
        return Path(input_path).read_bytes()
    except OSError as exc:
        fail(input_path, CliText.CANNOT_READ(os_reason(exc)))


def stream_json_lines(input_path: str, as_of: Month | None, output: str | None, lang: Lang) -> None:
    """Stream JSON Lines to scorecard lines; every bad line is reported (exit 2)."""
    source: Iterable[bytes]
    closing: contextlib.AbstractContextManager[object] = nullcontext()
    if input_path == "-":
        source = stdin_lines()
    else:
        try:
            handle = open(input_path, "rb")  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            fail(input_path, CliText.CANNOT_READ(os_reason(exc)))
        source, closing = handle, handle
    # A bar on a terminal that also receives the scorecards would garble both.
    show_bar = (
        input_path != "-"
        and sys.stderr.isatty()
        and (output is not None or not sys.stdout.isatty())
    )
    with closing, _progress(input_path, show_bar) as (advance, report):
        _run(counted(source, advance), report, as_of, output, lang, whole=False)


def stream_json_document(
    input_path: str, data: bytes, fmt: str, as_of: Month | None, output: str | None, lang: Lang
) -> bool:
    """Score a JSON document element by element (``False``: it must be read whole instead).

    Args:
        input_path: The input, for messages.
        data: Its bytes.
        fmt: ``jsonl`` or ``json``: what to write.
        as_of: The as-of month (R2).
        output: The file to write, or ``None`` for standard output.
        lang: The language of warnings.

    Returns:
        Whether the document was streamed.
    """
    from .._io.document_stream import open_json_document

    opened = open_json_document(data)
    if opened is None:
        return False
    with _progress(input_path, show_bar=False) as (_advance, report):
        _run(opened, report, as_of, output, lang, whole=True, document=fmt == "json")
    return True


def _run(
    source: object,
    report: Callable[[Problem], None],
    as_of: Month | None,
    output: str | None,
    lang: Lang,
    *,
    whole: bool,
    document: bool = False,
) -> None:
    from .._io.atomic import atomic_output
    from .._io.stream import stream_scorecards

    warn = disagreement_warner(lang)

    def scored(write: Callable[[bytes], object]) -> int:
        return stream_scorecards(
            source,  # type: ignore[arg-type]
            write,
            report,
            as_of=as_of,
            warn=warn,
            document=document,
        )

    bad = 0
    try:
        if output is not None:
            with writing(output), atomic_output(output, binary=True) as out:
                bad = scored(out.write)  # type: ignore[arg-type]
                if bad:
                    raise _Incomplete
        elif whole:  # all or nothing: held until the last element is checked
            bad = _held_for_stdout(scored)
        else:
            with to_stdout() as sink:
                bad = scored(sink.write)
    except _Incomplete:
        pass
    except InputError as exc:
        raise UserError(exc.problems) from None
    except Refusal as exc:
        fail("--as-of", exc.message)
    if bad:
        raise click.exceptions.Exit(EXIT_USER_ERROR)


def _held_for_stdout(scored: Callable[[Callable[[bytes], object]], int]) -> int:
    """Write to a temporary file, then, when nothing was bad, to standard output."""
    with to_stdout() as sink:
        try:
            with tempfile.TemporaryFile() as held:
                bad = scored(held.write)
                if not bad:
                    held.seek(0)
                    shutil.copyfileobj(held, sink)
        except OSError as exc:  # the temporary file could not be written: a full disk
            raise WriteFailure(CliText.STDOUT(os_reason(exc))) from None
    return bad


class _Incomplete(Exception):  # noqa: N818 - a private signal, not an error type
    """Some line was bad: discard the temporary output file."""


def _report(problem: Problem) -> None:
    click.echo(terminal_safe(problem.text(run_lang())), err=True)


def _progress(
    input_path: str, show_bar: bool
) -> AbstractContextManager[tuple[Callable[[int], None], Callable[[Problem], None]]]:
    """Return (advance by n bytes, report a problem) for the run."""
    if not show_bar:
        return nullcontext((lambda _n: None, _report))
    from .progress_bar import ByteProgress

    return ByteProgress(input_path)
