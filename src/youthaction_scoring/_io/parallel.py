"""Scoring on several cores: communities read and scored by worker processes, in input order.

The main process reads the input (lines, or a document's elements) and
hands them out in batches; each worker reads its communities alone (the
same readers as a single process: :func:`~.jsonl.read_line`,
:func:`~.document_stream.read_element`), scores and encodes them. The main
process then takes the results back *in input order*, makes the checks that
need the communities before (:class:`~.follow.Follow`: repeated ids,
district records, R18 warnings), writes the scorecards and reports the
problems, exactly as :func:`~.stream.stream_scorecards` does on one core: the
output is byte for byte the same, the problems the same, in the same order.
At most a few batches are in flight, so memory stays flat.

Workers are started with ``spawn`` (as on Windows and macOS): slower to start
than ``fork``, but never a copy of a process with threads.
"""

from __future__ import annotations

import collections
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from .._analysis.rollup import Disagreement
from .._analysis.score import Scorer
from .._domain.calendar import Month, Period
from .._domain.district_records import DistrictRecord
from .._domain.errors import Problem
from .._domain.model import Community, OrgSystem
from .._domain.scorecard import Scorecard
from .._rules.rulebook import Rulebook
from .document_stream import element_place, read_element
from .follow import Follow, LineResult
from .jsonl import JsonLines, line_place, read_line
from .scorecards import (
    document_closing,
    document_opening,
    document_piece,
    scorecard_lines,
)

BATCH: Final = 64
"""Communities a worker takes at a time."""
MAX_JOBS: Final = 8
"""The most worker processes :func:`default_jobs` suggests."""
MIN_CORES: Final = 4
"""The fewest cores on which :func:`default_jobs` suggests workers: on two cores,
workers score 1.15 times faster for half again the CPU time (docs/performance.md)."""


def default_jobs(cores: int | None = None) -> int:
    """One process below :data:`MIN_CORES` cores, else every core, at most :data:`MAX_JOBS`.

    Args:
        cores: How many cores this process may use (``None``: ask the system).
    """
    cores = available() if cores is None else cores
    return 1 if cores < MIN_CORES else min(cores, MAX_JOBS)


def available() -> int:
    """How many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@attrs.frozen
class Setup:
    """What every worker needs: how to read, score and encode.

    Args:
        period: The period (R1).
        as_of: The as-of month (R2), or ``None``.
        rulebook: The amounts.
        districts: The district records (R18).
        elements: Read document elements (else JSON Lines lines).
        document: Encode for the scorecards document (else JSON Lines).
    """

    period: Period
    as_of: Month | None
    rulebook: Rulebook
    districts: tuple[DistrictRecord, ...]
    elements: bool
    document: bool


_WORKER: dict[str, Any] = {}


def _start(setup: Setup, parent: int) -> None:
    """Set a worker up (once per process); it ends itself when *parent* is gone.

    The parent's id is given, not read here: a worker that starts after its
    parent was killed already has another parent (init), and would wait forever.
    """

    def watch() -> None:  # a parent killed with SIGKILL cannot stop its workers: they notice
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    _WORKER["setup"] = setup
    scorer = _WORKER["scorer"] = Scorer(setup.period, setup.as_of, setup.rulebook, setup.districts)
    _WORKER["head"] = scorer.scorecards()


def _stub(community: Community) -> Community:
    """What the main process needs of a community: its id, district and 1.1 list."""
    orgs = OrgSystem(county_youth_orgs=community.org_system.county_youth_orgs)
    return Community(community.id, community.name, community.district, community.pilot_level, orgs)


def _work(batch: list[tuple[int, bytes]]) -> list[tuple[LineResult, object, bytes | None]]:
    """Read, score and encode a batch (in a worker)."""
    setup: Setup = _WORKER["setup"]
    scorer: Scorer = _WORKER["scorer"]
    out: list[tuple[LineResult, object, bytes | None]] = []
    for number, raw in batch:
        ident: object = None
        if setup.elements:
            result, ident = read_element(number, raw)
        else:
            result = read_line(number, raw)
        community, chunk = result.community, None
        if community is not None:
            card = scorer(community)
            chunk = document_piece(card) if setup.document else _line(card)
            result = LineResult(result.line, _stub(community))
        out.append((result, ident, chunk))
    return out


def _line(card: Scorecard) -> bytes:
    return next(iter(scorecard_lines([card], _WORKER["head"])))


def _batches(items: Iterable[tuple[int, bytes]]) -> Iterator[list[tuple[int, bytes]]]:
    batch: list[tuple[int, bytes]] = []
    for item in items:
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_order(
    items: Iterable[tuple[int, bytes]], setup: Setup, jobs: int
) -> Iterator[tuple[LineResult, object, bytes | None]]:
    """The workers' results, in input order, with at most ``2 * jobs`` batches in flight."""
    import concurrent.futures  # here: a process that scores alone never loads them
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    pool = concurrent.futures.ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=(setup, os.getpid())
    )
    pending: collections.deque[concurrent.futures.Future[list[Any]]] = collections.deque()
    try:
        for batch in _batches(items):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stream_in_parallel(
    opened: JsonLines,
    items: Iterable[tuple[int, bytes]],
    write: Callable[[bytes], object],
    report: Callable[[Problem], None],
    *,
    jobs: int,
    elements: bool,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
    warn: Callable[[Disagreement], None] | None = None,
    document: bool = False,
) -> int:
    """Score an opened input on *jobs* worker processes; as :func:`~.stream.stream_scorecards`.

    Args:
        opened: The input's checked header.
        items: Its communities as ``(line number or index, bytes)``, in order.
        write: Takes the encoded output, a piece at a time, in order.
        report: Takes every problem of every bad community, in input order.
        jobs: How many worker processes.
        elements: The items are a document's elements (else JSON Lines lines).
        as_of: Score as of this month (R2).
        rulebook: The edition; by default the one in force on the period's
            first day (EDITIONS.md).
        warn: Takes, at the end, every R18 warning.
        document: Write the scorecards document (else JSON Lines).

    Returns:
        The number of bad communities (0: everything was written).

    Raises:
        ValueError: *as_of* is before the period's first month (R2).
    """
    scorer = Scorer(opened.period, as_of, rulebook, opened.districts)  # refuses a bad as-of month
    setup = Setup(opened.period, as_of, scorer.rulebook, opened.districts, elements, document)
    where = element_place if elements else line_place
    records = "" if elements else "line 1: "
    follow = Follow(opened.districts, where, records=records, expected=opened.expected)
    bad, written = 0, 0
    if document:
        write(document_opening(scorer.scorecards()))
    for result, ident, chunk in _in_order(items, setup, jobs):
        checked = follow(result, ident)
        if checked is not result or chunk is None:
            bad += 1
            for problem in checked.problems:
                report(problem)
        elif not bad:
            if document:
                write((b",\n    " if written else b"\n    ") + chunk)
            else:
                write(chunk)
            written += 1
    last = follow.end()
    if last is not None:
        bad += 1
        for problem in last.problems:
            report(problem)
    if document:
        write(document_closing(written == 0))
    if warn is not None:
        for disagreement in follow.finder.found():
            warn(disagreement)
    return bad
