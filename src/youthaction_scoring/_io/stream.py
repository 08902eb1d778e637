"""Scoring JSON Lines as a stream: lines in, outcomes or scorecard lines out.

Two entry points, both with memory that does not grow with the number of
communities (only each community id is kept, to refuse repeats):

* :func:`score_json_lines` — for embedding: one :class:`LineScore` a
  community line, holding the scorecard or the line's problems;
* :func:`stream_scorecards` — for writing files: scorecard lines (the format's
  JSON Lines) to a writer, problems to a reporter, with fewer, larger writes
  and fewer garbage-collector passes. The command line's ``score --format
  jsonl`` is this function with a file around it.

Bad lines never stop the reading: every bad line of the input is reported.
:func:`stream_scorecards` stops *writing* at the first bad line, so the
output never has holes; the lines before it have been written.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs

from .._analysis.rollup import Disagreement
from .._analysis.score import ProgressCallback, Scorer
from .._domain.calendar import Month
from .._domain.errors import Problem
from .._domain.scorecard import Scorecard
from .._rules.rulebook import Rulebook
from .follow import LineResult
from .jsonl import JsonLines, open_json_lines
from .scorecards import scorecard_lines, scorecards_document_chunks

_BATCH: Final = 128
"""Scorecard lines written at a time (fewer, larger writes)."""


@attrs.frozen
class LineScore:
    """The outcome of one community line: its scorecard, or its problems.

    Args:
        line: The 1-based line number in the JSON Lines input.
        scorecard: The scorecard, when the line is valid.
        problems: Everything wrong with the line, each placed
            ``line N: field.path``, when it is not.
    """

    line: int
    scorecard: Scorecard | None
    problems: tuple[Problem, ...] = ()


def score_json_lines(
    lines: Iterable[str | bytes],
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
    progress: ProgressCallback | None = None,
) -> Iterator[LineScore]:
    """Parse, validate and score JSON Lines one line at a time.

    The first line is the header (``format`` and ``period``); it is read and
    checked at once. Each further line is validated as strictly as
    :func:`~youthaction_scoring.loads_assessment` would, scored when valid, and
    reported with its problems when not; a bad line does not stop the lines
    after it. Byte lines (e.g. from a file opened in binary mode) take the
    fast path.

    Args:
        lines: The lines, header first (a file object is fine).
        as_of: As in :func:`~youthaction_scoring.score_batch`.
        rulebook: As in :func:`~youthaction_scoring.score_batch`.
        progress: Called with the number of community lines handled so far,
            after each one.

    Returns:
        An iterator of per-line outcomes, in input order (blank lines are
        skipped).

    Raises:
        InputError: The header line is missing or invalid.
        ValueError: *as_of* is before the period's first month (R2).
    """
    opened = open_json_lines(lines)
    scorer = Scorer(opened.period, as_of, rulebook, opened.districts)
    return _score_lines(opened.lines, scorer, progress)


def _score_lines(
    results: Iterable[LineResult], scorer: Scorer, progress: ProgressCallback | None
) -> Iterator[LineScore]:
    for done, result in enumerate(results, start=1):
        if result.community is None:
            yield LineScore(result.line, None, result.problems)
        else:
            yield LineScore(result.line, scorer(result.community))
        if progress is not None:
            progress(done)


def stream_scorecards(
    lines: Iterable[bytes] | JsonLines,
    write: Callable[[bytes], object],
    report: Callable[[Problem], None],
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
    warn: Callable[[Disagreement], None] | None = None,
    document: bool = False,
) -> int:
    """Score a JSON Lines assessment and write its scorecards as JSON Lines.

    Args:
        lines: The input's lines, header first (a file opened in binary mode),
            or an input already opened (:func:`~.jsonl.open_json_lines`,
            :func:`~.document_stream.open_json_document`).
        write: Takes encoded scorecard lines, a batch at a time, in order.
        report: Takes every problem of every bad line, in line order.
        as_of: Score as of this month (R2), or ``None``.
        rulebook: The edition; by default the one in force on the period's
            first day (EDITIONS.md).
        warn: Takes, at the end, every district whose communities record
            different 1.1 lists without a district record (R18).
        document: Write the scorecards document (``score --format json``,
            byte for byte :func:`~.scorecards.dumps_scorecards`) instead of
            JSON Lines; when a line is bad, what was written is not a whole
            document (callers discard it).

    Returns:
        The number of bad lines: 0 when every scorecard was written; else the
        scorecards of the lines before the first bad one were written.

    Raises:
        InputError: The header line is missing or invalid; nothing was written.
        ValueError: *as_of* is before the period's first month (R2); nothing
            was written.
    """
    opened = lines if isinstance(lines, JsonLines) else open_json_lines(lines)
    scorer = Scorer(opened.period, as_of, rulebook, opened.districts)
    bad = 0

    def valid_cards() -> Iterator[Scorecard]:
        nonlocal bad
        for result in opened.lines:
            if result.community is None:
                bad += 1
                for problem in result.problems:
                    report(problem)
            elif not bad:
                yield scorer(result.community)

    chunks: Iterable[bytes]
    head = scorer.scorecards()
    if document:
        chunks = scorecards_document_chunks(head, valid_cards())
    else:
        chunks = scorecard_lines(valid_cards(), head)
    pending: list[bytes] = []
    with fewer_collections():
        for line in chunks:
            pending.append(line)
            if len(pending) == _BATCH:
                write(b"".join(pending))
                pending.clear()
        if pending:
            write(b"".join(pending))
    if warn is not None:
        for disagreement in opened.disagreements():
            warn(disagreement)
    return bad


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while streaming.

    Scoring allocates many small objects and makes no reference cycles, so
    reference counting frees everything; the collector's frequent young
    generation passes only cost time (about a tenth of a streaming run). The
    objects alive at the start (modules, classes) are frozen out of its
    passes. Restored afterwards, also on error.

    Re-entrant and thread-safe: the collector's settings belong to the
    process, so only the outermost of nested or concurrent uses (the command
    line wraps a whole run, the service many requests at once) changes and
    restores them.

    Returns:
        A context manager.
    """
    with _HELD.lock:
        if _HELD.depth == 0:
            _HELD.thresholds = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(max(_HELD.thresholds[0], 50_000), *_HELD.thresholds[1:])
        _HELD.depth += 1
    try:
        yield
    finally:
        with _HELD.lock:
            _HELD.depth -= 1
            if _HELD.depth == 0:
                gc.set_threshold(*_HELD.thresholds)
                gc.unfreeze()


class _Held:
    """How many uses of :func:`fewer_collections` are open, and the settings to restore."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.thresholds: tuple[int, ...] = gc.get_threshold()


_HELD: Final = _Held()
