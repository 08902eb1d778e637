"""Batch scoring for embedding: iterators in, iterators out, optional progress.

Two entry points, both lazy (memory does not grow with the number of
communities) and both pure (see :func:`~._scoring.score`: safe to run from
several threads at once, each with its own iterator):

* :func:`score_batch` — communities in, scorecards out;
* :func:`score_json_lines` — raw JSON Lines in (FORMAT.md: a header line,
  then one community a line), one :class:`LineScore` a community line out,
  each holding the scorecard or the line's problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from .._analysis.score import score_in
from .._domain.errors import InputError, Problem
from .._domain.model import Community, Month, Period
from .._domain.scorecard import Scorecard
from .._rules.clause import Context
from .._rules.rulebook import GUIYANG_2021, Rulebook
from .jsonl import iter_community_lines, read_header

ProgressCallback = Callable[[int], None]
"""Called after each community with how many have been handled so far."""


def score_batch(
    communities: Iterable[Community],
    period: Period,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook = GUIYANG_2021,
    progress: ProgressCallback | None = None,
) -> Iterator[Scorecard]:
    """Score communities lazily, in order, reporting progress.

    Args:
        communities: Any iterable of communities (a generator is fine).
        period: The assessment period (R1).
        as_of: Score as of this month (R2), or ``None`` for the whole period.
        rulebook: The amounts; the Guiyang 2021 edition by default.
        progress: Called with the number of communities scored so far, after
            each one.

    Returns:
        An iterator of scorecards, one per community, in input order; equal
        to what :func:`~._scoring.score` gives for each.

    Raises:
        ValueError: *as_of* is before the period's first month (R2), raised
            at once, before any community is read.
    """
    ctx = Context.make(period, as_of, rulebook)
    return _score_all(communities, ctx, progress)


def _score_all(
    communities: Iterable[Community], ctx: Context, progress: ProgressCallback | None
) -> Iterator[Scorecard]:
    for done, community in enumerate(communities, start=1):
        yield score_in(community, ctx)
        if progress is not None:
            progress(done)


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
    rulebook: Rulebook = GUIYANG_2021,
    progress: ProgressCallback | None = None,
) -> Iterator[LineScore]:
    """Parse, validate and score JSON Lines one line at a time.

    The first line is the header (``format`` and ``period``); it is read and
    checked at once. Each further line is validated as strictly as
    :func:`~._jsonio.loads_assessment` would, scored when valid, and reported
    with its problems when not; a bad line does not stop the lines after it.
    Byte lines (e.g. from a file opened in binary mode) take the fast path.

    Args:
        lines: The lines, header first (a file object is fine).
        as_of: As in :func:`score_batch`.
        rulebook: As in :func:`score_batch`.
        progress: Called with the number of community lines handled so far,
            after each one.

    Returns:
        An iterator of per-line outcomes, in input order (blank lines are
        skipped).

    Raises:
        InputError: The header line is missing or invalid.
        ValueError: *as_of* is before the period's first month (R2).
    """
    iterator = iter(lines)
    header = next(iterator, b"")
    if not header.strip():
        raise InputError([Problem("line 1", "the header line is missing")])
    period, _ = read_header(header)
    ctx = Context.make(period, as_of, rulebook)
    return _score_lines(iterator, ctx, progress)


def _score_lines(
    lines: Iterator[str | bytes], ctx: Context, progress: ProgressCallback | None
) -> Iterator[LineScore]:
    for done, result in enumerate(iter_community_lines(lines), start=1):
        if result.community is None:
            yield LineScore(result.line, None, result.problems)
        else:
            yield LineScore(result.line, score_in(result.community, ctx))
        if progress is not None:
            progress(done)
