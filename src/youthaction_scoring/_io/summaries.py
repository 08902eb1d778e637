"""Scoring an input as a stream into score rows: every community read, one compact row kept.

The whole-file commands that read only totals (``rank``, ``districts``,
``score --format csv``) score an opened input (JSON Lines, or a JSON document
read element by element) with :func:`score_rows`: each community is read,
checked, scored and reduced to its :class:`~.._analysis.rows.ScoreRow`, so
that what is held is the rows, not the communities and their full scorecards.

``progress`` reduces each community to its standings the same way
(:func:`progress_standings`). The outcome is the whole-file reader's,
problem for problem (:func:`_reduced`): every bad community of the input is
reported at once (:class:`InputError`) and nothing is scored after the
first; only a valid input gives its R18 warnings, and only after them is an
as-of month before the period refused (R2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from .._analysis.progress import Standings
from .._analysis.rollup import Disagreement
from .._analysis.score import Scorer
from .._analysis.score_rows import ScoreRow, ScoreRows
from .._domain.calendar import Month
from .._domain.errors import InputError, Problems
from .._domain.model import Community
from .._rules.rulebook import Rulebook
from .jsonl import JsonLines
from .stream import fewer_collections

T = TypeVar("T")


def _reduced(
    opened: JsonLines,
    reduce: Callable[[Iterator[Community]], T],
    warn: Callable[[Disagreement], None] | None,
) -> T:
    """Reduce the valid communities of *opened* with *reduce*, as the whole-file reader would.

    *reduce* is given each community while none was bad, and must read them
    all; the reading goes on to the end for the problems. Then every problem
    is raised (:class:`InputError`), or, the input valid, its R18 warnings go
    to *warn*.
    """
    problems = Problems()

    def valid() -> Iterator[Community]:
        for result in opened.lines:
            if result.community is None:
                problems.extend(result.problems)
            elif not problems:
                yield result.community

    with fewer_collections():
        made = reduce(valid())
    if problems:
        raise InputError(problems)
    if warn is not None:
        for disagreement in opened.disagreements():
            warn(disagreement)
    return made


def score_rows(
    opened: JsonLines,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
    warn: Callable[[Disagreement], None] | None = None,
    shortfalls: bool = False,
) -> ScoreRows:
    """Score every community of an opened input, keeping one score row each.

    Args:
        opened: The input (:func:`~.jsonl.open_json_lines`,
            :func:`~.document_stream.open_json_document`).
        as_of: Score as of this month (R2), or ``None``.
        rulebook: The edition; by default the one in force on the period's
            first day (EDITIONS.md).
        warn: Takes, when every community is valid, each district whose
            communities record different 1.1 lists without a district record
            (R18).
        shortfalls: Keep each row's short base items (for the behind lists).

    Returns:
        The rows, in input order, stamped like
        :func:`~.._analysis.score.score_assessment`'s scorecards.

    Raises:
        InputError: Every problem of every bad community, in input order
            (after reading the whole input).
        ValueError: *as_of* is before the period's first month (R2); raised
            after the whole input was read and found valid.
    """
    scorer: Scorer | None = None
    refused: ValueError | None = None
    try:
        scorer = Scorer(opened.period, as_of, rulebook, opened.districts)
    except ValueError as exc:  # reported once the input is known to be valid
        refused = exc

    def rows_of(communities: Iterator[Community]) -> tuple[ScoreRow, ...]:
        if scorer is None:  # read on for the problems: scored once all is valid, never
            for _ in communities:
                pass
            return ()
        return tuple(ScoreRow.of(scorer(community), shortfalls) for community in communities)

    rows = _reduced(opened, rows_of, warn)
    if refused is not None:
        raise refused
    assert scorer is not None
    return ScoreRows(scorer.scorecards(), rows)


def progress_standings(
    opened: JsonLines,
    *,
    rulebook: Rulebook | None = None,
    warn: Callable[[Disagreement], None] | None = None,
) -> Standings:
    """Every community's standing as of each month of an opened input's period (R2).

    Each community is read, checked and reduced to its standings
    (:class:`~.._analysis.progress.Standings`) as it comes, so the
    communities are never held; the outcome is the whole-file reader's, as
    for :func:`score_rows`.

    Raises:
        InputError: Every problem of every bad community, in input order
            (after reading the whole input).
    """

    def standings_of(communities: Iterator[Community]) -> Standings:
        return Standings(communities, opened.period, rulebook=rulebook, districts=opened.districts)

    return _reduced(opened, standings_of, warn)
