"""JSON Lines assessments (FORMAT.md): a header line, then one community a line.

Lines are read and checked one at a time, so memory does not grow with the
number of communities. Every problem is placed by its line number:
``line 5812: workforce.cadres.full_time: must be >= 0, got -1``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from .._domain.errors import InputError, Problem
from .._domain.model import Assessment, Community, Period
from .converter import structure_as, structure_header
from .documents import parse_json
from .fast import community_from_json


@attrs.frozen
class LineResult:
    """One community line: the community, or the problems found on it.

    Args:
        line: The 1-based line number.
        community: The community, when the line is valid.
        problems: The problems, when it is not.
    """

    line: int
    community: Community | None
    problems: tuple[Problem, ...] = ()


def read_header(line: str | bytes, number: int = 1) -> tuple[Period, str | None]:
    """Check a JSON Lines header line.

    Args:
        line: The first line.
        number: Its line number.

    Returns:
        The period and the description.

    Raises:
        InputError: The header is invalid; places start with ``line N: ``.
    """
    prefix = f"line {number}"
    value = parse_json(line, prefix)
    period, description, problems = structure_header(
        value, place=f"{prefix}: ", allow_communities=False
    )
    if problems:
        raise InputError(problems)
    assert period is not None
    return period, description


def iter_community_lines(
    lines: Iterable[str | bytes], first_number: int = 2
) -> Iterator[LineResult]:
    """Parse and check community lines one at a time.

    Blank lines are skipped. A repeated community id is a problem of the line
    that repeats it. Byte lines go through the fast structurer of
    :mod:`._fast` first; whatever it does not accept (and every text line)
    goes through the converter, which reports the problems. The only state
    kept is each community id with its line number.

    Args:
        lines: The lines after the header.
        first_number: The line number of the first of them.

    Returns:
        An iterator of per-line results, in order.
    """
    first_seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=first_number):
        if not line or line.isspace():  # blank (without copying the line as strip() would)
            continue
        community = community_from_json(line) if isinstance(line, bytes) else None
        if community is None:
            # The converter path: the one authority on what is wrong and where
            # (and the path for text lines); the fast path only ever accepts.
            prefix = f"line {number}"
            try:
                community = structure_as(parse_json(line, prefix), Community, f"{prefix}: ")
            except InputError as exc:
                yield LineResult(number, None, exc.problems)
                continue
        if community.id in first_seen:
            first = first_seen[community.id]
            problem = Problem(
                f"line {number}: id",
                f"duplicate community id {community.id!r} (first at line {first})",
            )
            yield LineResult(number, None, (problem,))
            continue
        first_seen[community.id] = number
        yield LineResult(number, community)


def read_assessment_jsonl(path: Path) -> Assessment:
    """Read a whole JSON Lines assessment into memory, checking every line.

    Args:
        path: The ``.jsonl`` file.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem on every line.
        OSError: The file cannot be read.
    """
    with path.open("rb") as handle:
        first = handle.readline()
        if not first.strip():
            raise InputError([Problem("line 1", "the header line is missing")])
        period, description = read_header(first)
        communities: list[Community] = []
        problems: list[Problem] = []
        for result in iter_community_lines(handle):
            if result.community is not None:
                communities.append(result.community)
            problems.extend(result.problems)
    if problems:
        raise InputError(problems)
    return Assessment(period=period, communities=tuple(communities), description=description)
