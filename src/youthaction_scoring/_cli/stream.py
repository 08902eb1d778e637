"""``score --format jsonl``: stream JSON Lines in, scorecards as JSON Lines out.

Memory does not grow with the number of communities: one line is read,
checked, scored and written at a time (only each community id is kept, to
refuse repeats).

Bad lines. Every bad line is reported on standard error, one problem a line
(``line 5812: workforce.cadres.full_time: must be >= 0, got -1``), and the
command exits with status 2. Reading and checking go on to the end of the
input, so *all* bad lines are reported at once, as everywhere in the
project; scoring and writing stop at the first bad line, so the output is
never a file with holes in it:

* to standard output, the scorecards of the lines before the first bad one
  have already been written and stay; the exit status says the output is
  incomplete;
* with ``-o FILE``, scorecards go to a temporary file beside FILE which is
  renamed onto it only when every line was valid: FILE appears whole or not
  at all, and an existing FILE is untouched by a failed run.

A progress bar (rich) is drawn on standard error only when it is a terminal
(and the scorecards are not going to the same terminal).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import IO, Any

import click

from .._domain.errors import InputError, Problem
from .._domain.model import Month
from .._rules.rulebook import GUIYANG_2021
from .common import EXIT_USER_ERROR, UserError, emit, fail, load_input

_TICK = 500
"""Lines between progress bar updates."""
_BATCH = 128
"""Scorecard lines written at a time (fewer, larger writes)."""


class _Incomplete(Exception):  # noqa: N818 - a private signal, not an error type
    """Some line was bad: discard the temporary output file."""


def score_to_jsonl(input_path: str, as_of: Month | None, output: str | None) -> None:
    """Score INPUT and write one scorecard a line (FORMAT.md's JSON Lines).

    Args:
        input_path: A ``.jsonl`` file (streamed) or any other supported
            assessment file (loaded whole, then written as lines).
        as_of: The as-of month (R2), or ``None``.
        output: A file to write atomically, or ``None`` for standard output.

    Raises:
        UserError: Bad input (exit status 2).
        click.exceptions.Exit: Some line was bad; its problems were reported.
    """
    from .._io.scorecards import scorecard_json_line

    if Path(input_path).suffix.lower() != ".jsonl":
        from .._analysis.score import iter_scores

        assessment = load_input(input_path)
        try:
            cards = iter_scores(assessment.communities, assessment.period, as_of=as_of)
        except ValueError as exc:
            fail("--as-of", str(exc))
        emit("".join(scorecard_json_line(card) for card in cards), output)
        return
    try:
        handle = open(input_path, "rb")  # noqa: SIM115 - closed below, after streaming
    except OSError as exc:
        fail(input_path, f"cannot read: {exc.strerror or exc}")
    with handle, _fewer_collections():
        bad = _stream(handle, input_path, as_of, output)
    if bad:
        raise click.exceptions.Exit(EXIT_USER_ERROR)


def _stream(handle: IO[bytes], input_path: str, as_of: Month | None, output: str | None) -> int:
    from .._analysis.score import score_in
    from .._io.jsonl import iter_community_lines, read_header
    from .._io.scorecards import scorecard_json_line
    from .._rules.clause import Context

    header = handle.readline()
    if not header.strip():
        raise UserError([Problem("line 1", "the header line is missing")])
    try:
        period, _ = read_header(header)
    except InputError as exc:
        raise UserError(list(exc.problems)) from None
    try:
        ctx = Context.make(period, as_of, GUIYANG_2021)
    except ValueError as exc:
        fail("--as-of", str(exc))

    # A bar on a terminal that also receives the scorecards would garble both.
    show_bar = sys.stderr.isatty() and (output is not None or not sys.stdout.isatty())
    with _progress(input_path, len(header), show_bar) as (advance, report):

        def pump(write: Callable[[bytes], Any]) -> int:
            bad = 0
            pending: list[str] = []
            for result in iter_community_lines(_counted(handle, advance)):
                if result.community is None:
                    bad += 1
                    for problem in result.problems:
                        report(str(problem))
                elif not bad:
                    pending.append(scorecard_json_line(score_in(result.community, ctx)))
                    if len(pending) == _BATCH:
                        write("".join(pending).encode("utf-8"))
                        pending.clear()
                if bad and pending:  # lines before the first bad one are still written
                    write("".join(pending).encode("utf-8"))
                    pending.clear()
            if pending:
                write("".join(pending).encode("utf-8"))
            return bad

        if output is None:
            stdout = sys.stdout.buffer
            bad = pump(stdout.write)
            stdout.flush()
            return bad
        from .._io.atomic import atomic_output

        try:
            with atomic_output(output, binary=True) as out:
                bad = pump(out.write)  # type: ignore[arg-type]
                if bad:
                    raise _Incomplete
        except _Incomplete:
            pass
        except OSError as exc:
            fail(output, f"cannot write: {exc.strerror or exc}")
        return bad


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while streaming.

    Scoring allocates many small objects and makes no reference cycles, so
    reference counting frees everything; the collector's frequent young
    generation passes only cost time (about a tenth of a streaming run). The
    objects alive at the start (modules, classes) are frozen out of its
    passes. Restored afterwards, also on error.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], 50_000), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _counted(handle: IO[bytes], advance: Callable[[int], None]) -> Iterator[bytes]:
    pending = 0
    for count, line in enumerate(handle, start=1):
        pending += len(line)
        if count % _TICK == 0:
            advance(pending)
            pending = 0
        yield line
    advance(pending)


def _echo_err(text: str) -> None:
    click.echo(text, err=True)


def _progress(
    input_path: str, done: int, show_bar: bool
) -> AbstractContextManager[tuple[Callable[[int], None], Callable[[str], None]]]:
    """Return (advance by n bytes, report a problem line) for the run."""
    if not show_bar:
        return nullcontext((lambda _n: None, _echo_err))
    return _rich_progress(input_path, done)


class _rich_progress:  # noqa: N801 - used like a function
    def __init__(self, input_path: str, done: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.console = Console(stderr=True, highlight=False)
        self.progress = Progress(
            TextColumn("[bold]scoring[/bold]"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("score", total=os.path.getsize(input_path))
        self.progress.advance(self.task, done)

    def __enter__(self) -> tuple[Callable[[int], None], Callable[[str], None]]:
        self.progress.start()
        return self._advance, self._report

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def _advance(self, count: int) -> None:
        self.progress.advance(self.task, count)

    def _report(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)
