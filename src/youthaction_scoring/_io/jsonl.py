"""JSON Lines assessments (the format page): a header line, then one community a line.

:func:`open_json_lines` is the one place that reads and checks the header;
everything that reads JSON Lines — loading a file, converting it, scoring it
as a stream, the batch API — goes through it. Community lines are checked one
at a time, so memory does not grow with the number of communities, and every
problem is placed by its line number:
``line 5812: workforce.cadres.full_time: must be >= 0, got -1``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import attrs

from .._analysis.rollup import Disagreement, DisagreementFinder
from .._domain.calendar import Period
from .._domain.district_records import DistrictRecord
from .._domain.errors import InputError, Problem, Problems
from .._domain.expectations import Expected
from .._domain.model import Assessment, Community
from .codec import parse_json
from .converter import structure_as, unstructure_community
from .document import structure_header, unstructure_header
from .follow import Follow, LineResult
from .input_files import bounded_lines
from .reading_texts import ReadText
from .typed import community_from_json


@attrs.frozen
class JsonLines:
    """A JSON Lines assessment being read: its checked header, then its lines.

    Args:
        period: The period of the header line (R1).
        description: The header's description, if any.
        header_size: The header line's length (for progress in bytes).
        lines: The community lines, checked one at a time as they are read;
            after the last, a result for line 1 when a district record of the
            header has no community (R18).
        districts: The header's district records (R18).
        finder: Gathers the 1.1 lists of unrecorded districts as the lines
            are read; ask it for :meth:`~DisagreementFinder.found` at the end.
        expected: The header's expected scores (``check``); after the last
            line, a result for line 1 names those whose community is absent.
    """

    period: Period
    description: str | None
    header_size: int
    lines: Iterator[LineResult]
    districts: tuple[DistrictRecord, ...] = ()
    finder: DisagreementFinder = attrs.field(factory=DisagreementFinder)
    expected: tuple[Expected, ...] = ()

    def disagreements(self) -> tuple[Disagreement, ...]:
        """The R18 warnings of the lines read so far (all of them, at the end)."""
        return self.finder.found()


def open_json_lines(lines: Iterable[str | bytes]) -> JsonLines:
    """Read and check the header line; the community lines follow lazily.

    Args:
        lines: The lines, header first (a file opened in binary mode is best:
            byte lines take the fast path).

    Returns:
        The header's period and description, and an iterator over the
        checked community lines.

    Raises:
        InputError: The header line is missing or invalid; places start with
            ``line 1``.
    """
    iterator = iter(lines)
    opened = _open_header(iterator)
    follow = Follow(opened.districts, line_place, records="line 1: ", expected=opened.expected)
    return attrs.evolve(opened, lines=followed(read_lines(iterator), follow), finder=follow.finder)


def json_lines_items(lines: Iterable[bytes]) -> tuple[JsonLines, Iterator[tuple[int, bytes]]]:
    """Read and check the header line; the community lines follow unread, numbered.

    Args:
        lines: The lines, header first.

    Returns:
        The header (its :attr:`~JsonLines.lines` empty) and the non-blank
        community lines as ``(line number, bytes)``, to be read elsewhere
        (:func:`read_line`) and followed (:class:`~.follow.Follow`).

    Raises:
        InputError: The header line is missing or invalid.
    """
    iterator = iter(lines)
    opened = _open_header(iterator)
    numbered = enumerate(iterator, start=2)
    return opened, ((n, line) for n, line in numbered if line and not line.isspace())


def _open_header(iterator: Iterator[str | bytes]) -> JsonLines:
    first = next(iterator, b"")
    if not first.strip():
        raise InputError([Problem("line 1", ReadText.HEADER_MISSING())])
    value = parse_json(first, "line 1")
    if isinstance(value, dict) and "format" not in value and "period" not in value:
        example = '{"format": "youthaction-scoring/1", "period": {...}}'
        raise InputError([Problem("line 1", ReadText.HEADER_FIRST(example))])
    header = structure_header(value, place="line 1: ", allow_communities=False)
    if header.problems:
        raise InputError(header.problems)
    assert header.period is not None
    return JsonLines(
        header.period,
        header.description,
        len(first),
        iter(()),
        header.districts,
        expected=header.expected,
    )


def line_place(line: int, field: str) -> str:
    """The place of *field* of a line (``line 5: id``), or of the line itself (``line 5``)."""
    return f"line {line}: {field}" if field else f"line {line}"


def followed(results: Iterable[LineResult], follow: Follow) -> Iterator[LineResult]:
    """*results* after the checks that need the lines before (:class:`~.follow.Follow`)."""
    for result in results:
        yield follow(result)
    last = follow.end()
    if last is not None:
        yield last


def iter_community_lines(
    lines: Iterable[str | bytes], first_number: int = 2
) -> Iterator[LineResult]:
    """Parse and check community lines one at a time (without district records).

    Blank lines are skipped. A repeated community id is a problem of the line
    that repeats it; the only state kept is each community id with its line
    number.

    Args:
        lines: The lines after the header.
        first_number: The line number of the first of them.

    Returns:
        An iterator of per-line results, in order.
    """
    return followed(read_lines(lines, first_number), Follow((), line_place))


def read_lines(lines: Iterable[str | bytes], first_number: int = 2) -> Iterator[LineResult]:
    """Read community lines, each alone (:func:`read_line`); blank lines are skipped."""
    for number, line in enumerate(lines, start=first_number):
        if not line or line.isspace():  # blank (without copying the line as strip() would)
            continue
        yield read_line(number, line)


def read_line(number: int, line: str | bytes) -> LineResult:
    """Read one community line alone: the fast reader, else the converter.

    Byte lines go through the fast reader of :mod:`.typed` first; whatever it
    does not accept (and every text line) goes through the converter, the one
    authority on what is wrong and where (the fast reader only ever accepts).

    Args:
        number: The line's number.
        line: The line.

    Returns:
        The community, or the line's problems placed ``line N: field``.
    """
    community = community_from_json(line) if isinstance(line, bytes) else None
    if community is not None:
        return LineResult(number, community)
    prefix = f"line {number}"
    try:
        return LineResult(number, structure_as(parse_json(line, prefix), Community, f"{prefix}: "))
    except InputError as exc:
        return LineResult(number, None, exc.problems)


def read_assessment_jsonl(path: str | Path) -> Assessment:
    """Read a whole JSON Lines assessment into memory, checking every line.

    Args:
        path: The ``.jsonl`` file.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem on every line; or the file holds more
            than :data:`~.._domain.limits.MAX_INPUT_BYTES`.
        OSError: The file cannot be read.
    """
    with Path(path).open("rb") as handle:
        return read_assessment_lines(bounded_lines(handle, str(path), whole=True))


def read_assessment_lines(lines: Iterable[bytes]) -> Assessment:
    """Read a whole JSON Lines assessment from its lines (a binary file, say).

    Args:
        lines: The lines, header first.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem on every line.
    """
    return read_opened(open_json_lines(lines))


def read_opened(opened: JsonLines) -> Assessment:
    """Read every community of an opened input into an assessment.

    Args:
        opened: A JSON Lines input or a JSON document, opened.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem of every community.
    """
    communities: list[Community] = []
    problems = Problems()
    for result in opened.lines:
        if result.community is not None:
            communities.append(result.community)
        problems.extend(result.problems)
    if problems:
        raise InputError(problems)
    return Assessment(
        period=opened.period,
        communities=tuple(communities),
        description=opened.description,
        districts=opened.districts,
        expected=opened.expected,
    )


# --------------------------------------------------------------------------
# Writing.
# --------------------------------------------------------------------------


def _line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) + "\n"


def write_assessment_jsonl(assessment: Assessment, handle: IO[str]) -> None:
    """Write *assessment* as JSON Lines to an open text file.

    The first line is the header (``format``, ``period``, ``description``);
    every further line is one community, in order. Text is written as UTF-8
    characters, not as escapes.

    Args:
        assessment: The assessment.
        handle: A text file opened for writing (UTF-8, no newline translation).
    """
    header = unstructure_header(
        assessment.period, assessment.description, assessment.districts, assessment.expected
    )
    handle.write(_line(header))
    for community in assessment.communities:
        handle.write(_line(unstructure_community(community)))


def _json_document_pieces(
    header: dict[str, object], communities: Iterable[Community]
) -> Iterator[str]:
    """Yield an interchange-format document piece by piece, as ``json.dumps(indent=2)`` would."""
    head = json.dumps(header, ensure_ascii=False, indent=2)
    yield head[:-2] + ',\n  "communities": ['
    first = True
    for community in communities:
        body = json.dumps(unstructure_community(community), ensure_ascii=False, indent=2)
        yield ("\n    " if first else ",\n    ") + body.replace("\n", "\n    ")
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def copy_json_lines(source: Iterable[bytes], handle: IO[str], *, as_json: bool) -> None:
    """Copy a JSON Lines assessment to *handle*, one community at a time.

    Every line is checked as strictly as :func:`read_assessment_jsonl`
    checks it, but only one community is held in memory at a time. The output
    is byte-identical to writing the whole assessment with
    :func:`write_assessment_jsonl` (``as_json=False``) or as one document
    (``as_json=True``).

    Args:
        source: The lines to read (a ``.jsonl`` file opened in binary mode).
        handle: A text file to write to (normally a temporary file that is
            renamed only on success).
        as_json: Write one interchange-format document instead of JSON Lines.

    Raises:
        InputError: Every problem on every line (after the whole file was
            read; what was written to *handle* by then is to be discarded).
    """
    problems = Problems()

    def valid(results: Iterable[LineResult]) -> Iterator[Community]:
        for result in results:
            problems.extend(result.problems)
            if result.community is not None and not problems:
                yield result.community

    opened = open_json_lines(source)
    header = unstructure_header(
        opened.period, opened.description, opened.districts, opened.expected
    )
    if as_json:
        for piece in _json_document_pieces(header, valid(opened.lines)):
            handle.write(piece)
    else:
        handle.write(_line(header))
        for community in valid(opened.lines):
            handle.write(_line(unstructure_community(community)))
    if problems:
        raise InputError(problems)
