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
from contextlib import nullcontext

import click

from .._domain.errors import InputError, Problem, Refusal
from .._io.input_files import bounded_lines
from .._io.jsonl import JsonLines
from .._io.output_limit import limited_writer
from .._present.settings import Request
from .cli_texts import CliText, os_reason
from .common import EXIT_USER_ERROR, UserError, WriteFailure, fail, stdin_lines
from .output import writing
from .progress_bar import counted, reporting
from .stdout import to_stdout
from .warnings import disagreement_warner


def stream_json_lines(input_path: str, request: Request, output: str | None, jobs: int) -> None:
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
        source, closing = bounded_lines(handle, input_path, whole=False), handle
    # A bar on a terminal that also receives the scorecards would garble both.
    show_bar = (
        input_path != "-"
        and sys.stderr.isatty()
        and (output is not None or not sys.stdout.isatty())
    )
    with closing, reporting(input_path, show_bar) as (advance, report):
        lines = counted(source, advance)
        if jobs > 1:
            from .._io.jsonl import json_lines_items

            run = _parallel(report, request, jobs, lambda: json_lines_items(lines), False)
        else:
            run = _serial(lines, report, request)
        _run(run, output, whole=False)


def stream_json_document(
    input_path: str,
    data: bytes,
    fmt: str,
    request: Request,
    output: str | None,
    jobs: int,
) -> bool:
    """Score a JSON document element by element (``False``: it must be read whole instead).

    Args:
        input_path: The input, for messages.
        data: Its bytes.
        fmt: ``jsonl`` or ``json``: what to write.
        request: The as-of month (R2), the edition, the language of warnings.
        output: The file to write, or ``None`` for standard output.
        jobs: How many worker processes (1: none).

    Returns: whether the document was streamed.
    """
    from .._io.document_stream import element_slices, open_json_document

    document = fmt == "json"
    with reporting(input_path, show_bar=False) as (_advance, report):
        if jobs > 1:
            found = element_slices(data)
            if found is None:
                return False
            run = _parallel(report, request, jobs, lambda: found, True, document)
        else:
            opened = open_json_document(data)
            if opened is None:
                return False
            run = _serial(opened, report, request, document)
        _run(run, output, whole=True)
    return True


Run = Callable[[Callable[[bytes], object]], int]
"""Scores the input, writing to the function given; returns how many communities were bad."""


def _serial(
    source: Iterable[bytes] | JsonLines,
    report: Callable[[Problem], None],
    request: Request,
    document: bool = False,
) -> Run:
    from .._io.stream import stream_scorecards

    warn = disagreement_warner(request.lang)
    as_of, rulebook = request.as_of, request.rulebook
    return lambda write: stream_scorecards(
        source, write, report, as_of=as_of, rulebook=rulebook, warn=warn, document=document
    )


def _parallel(
    report: Callable[[Problem], None],
    request: Request,
    jobs: int,
    opening: Callable[[], tuple[JsonLines, Iterable[tuple[int, bytes]]]],
    elements: bool,
    document: bool = False,
) -> Run:
    from .._io.parallel import stream_in_parallel

    warn = disagreement_warner(request.lang)

    def run(write: Callable[[bytes], object]) -> int:
        opened, items = opening()
        return stream_in_parallel(
            opened,
            items,
            write,
            report,
            jobs=jobs,
            elements=elements,
            as_of=request.as_of,
            rulebook=request.rulebook,
            warn=warn,
            document=document,
        )

    return run


def _run(scored: Run, output: str | None, *, whole: bool) -> None:
    from .._io.atomic import atomic_output

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
    except Refusal as exc:  # an InputError too: first
        fail("--as-of", exc.message)
    except InputError as exc:
        raise UserError(exc.problems) from None
    if bad:
        raise click.exceptions.Exit(EXIT_USER_ERROR)


def _held_for_stdout(scored: Callable[[Callable[[bytes], object]], int]) -> int:
    """Write to a temporary file, then, when nothing was bad, to standard output."""
    with to_stdout() as sink, tempfile.TemporaryFile() as held:
        try:
            bad = scored(limited_writer(held.write))  # within the output limit, like the sink
        except OSError as exc:  # the temporary file could not be written: a full disk
            raise WriteFailure(CliText.STDOUT(os_reason(exc))) from None
        if not bad:
            held.seek(0)
            shutil.copyfileobj(held, sink)  # a closed pipe: to_stdout ends quietly
    return bad


class _Incomplete(Exception):  # noqa: N818 - a private signal, not an error type
    """Some line was bad: discard the temporary output file."""
