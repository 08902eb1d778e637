"""What each endpoint answers: the library's functions, rendered as the command line renders them.

Each function takes the request's body (already read within the size
limit) and its checked parameters, and returns the bytes the matching
command writes with ``-o`` — the same functions in the same order, so the
answers are byte-for-byte the command line's (tested). They are synchronous
and CPU-bound: the endpoints run them on worker threads. A refusal of the
library becomes a :class:`~.problems.ServiceProblem`: a bad document 422
with every problem, a bad parameter 400.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Iterable
from typing import IO, Any, Final

import attrs

from .._analysis.rollup import Disagreement
from .._domain.checkpoint import CHECKPOINT, checkpoint
from .._domain.errors import InputError, Problem, Problems, Refusal
from .._domain.model import Assessment
from .._io.output_limit import OUTPUT_LIMIT, OutputTooLarge, limited_writer
from .._present.operations import Operation, scored
from .._present.settings import Request
from .problems import ServiceProblem, answer_too_large, bad_parameter, invalid
from .service_texts import ServiceText

SPOOL_BYTES: Final = 2**20
"""Bodies and answers up to this size stay in memory; larger ones go to a temporary file."""


class Abandoned(Exception):  # noqa: N818 - a signal, not an error
    """The request an answer was being made for is gone (timed out, or its client left)."""


def working(stop: threading.Event, function: Callable[..., object], *args: object) -> object:
    """Run *function* on this thread until it ends or *stop* is set.

    Once *stop* is set, the next checkpoint raises :class:`Abandoned`: the
    scoring of the answer's next community, or its next write.
    """

    def check() -> None:
        if stop.is_set():
            raise Abandoned

    token = CHECKPOINT.set(check)
    try:
        return function(*args)
    finally:
        CHECKPOINT.reset(token)


def load(data: bytes, fmt: str, warnings: list[Disagreement]) -> Assessment:
    """Read an assessment (``json``, ``jsonl`` or ``xlsx``); every problem is a 422.

    Its R18 warnings are added to *warnings*, as the command line prints
    them for every command that reads an assessment.
    """
    from .._analysis.rollup import district_disagreements
    from .._io.assessments import read_assessment

    if not data:
        raise invalid([Problem("", ServiceText.EMPTY_BODY())])
    try:
        assessment = read_assessment(data, fmt)
        warnings.extend(district_disagreements(assessment))
        return assessment
    except InputError as exc:
        raise invalid(exc.problems) from None
    except ImportError:  # a register, and the excel extra is not installed here
        raise ServiceProblem("unsupported-media-type", ServiceText.NO_EXCEL()) from None


def format_of(data: bytes) -> str:
    """The format an input part is in, as its first bytes show (JSON when they say nothing)."""
    from .._io.assessments import guess_format

    return guess_format(data[:65536]) or "json"  # nothing said: read as JSON, refused there


def within_limit(made: bytes) -> bytes:
    """*made*, an answer made whole, unless it passes the service's output limit (422)."""
    limit = OUTPUT_LIMIT.get()
    if limit is not None and len(made) > limit:
        raise answer_too_large(limit)
    return made


def refused(exc: Refusal) -> ServiceProblem:
    """A setting the library refused (its ``field``), as a bad parameter (400)."""
    return bad_parameter(exc.field, exc.message)


def score_whole(
    data: bytes, fmt: str, request: Request, warnings: list[Disagreement], lines: bool
) -> bytes:
    """``score --format json|jsonl`` of a register or a document read whole."""
    try:
        cards = scored(load(data, fmt, warnings), request)
    except Refusal as exc:
        raise refused(exc) from None
    if lines:
        from .._io.scorecards import scorecard_json_line

        return within_limit("".join(scorecard_json_line(c, cards) for c in cards).encode("utf-8"))
    from .._io.scorecards import dumps_scorecards

    return within_limit(dumps_scorecards(cards).encode("utf-8"))


def score_stream(
    source: IO[bytes],
    document: bool,
    request: Request,
    warnings: list[Disagreement],
    lines: bool,
) -> IO[bytes]:
    """Score a JSON document or JSON Lines one community at a time, into a spooled file.

    Args:
        source: The body (spooled), at its start.
        document: It is one JSON document (else JSON Lines).
        request: ``as_of`` is used.
        warnings: Where the R18 warnings go.
        lines: Answer JSON Lines (else the scorecards document).

    Returns:
        The answer, at its start; memory stays flat (one community at a time).

    Raises:
        ServiceProblem: Every problem of every bad community (422): nothing
            is answered but the problems, as for a JSON document on the
            command line.
    """
    from .._io.jsonl import JsonLines
    from .._io.stream import stream_scorecards

    opened: IO[bytes] | JsonLines
    if document:
        from .._io.document_stream import open_json_document

        data = source.read()
        found = open_json_document(data) if data else None
        if found is None:
            whole = score_whole(data, "json", request, warnings, lines)
            return _spool(lambda write: write(whole))
        opened = found
    else:
        opened = source

    def fill(write: Callable[[bytes], object]) -> None:
        problems = Problems()  # the first MAX_PROBLEMS, the rest counted
        try:
            stream_scorecards(
                opened,
                write,
                problems.add,
                as_of=request.as_of,
                rulebook=request.rulebook,
                warn=warnings.append,
                document=not lines,
            )
        except Refusal as exc:  # an InputError too: first
            raise bad_parameter("as_of", exc.message) from None  # R2, before any community
        except InputError as exc:
            raise invalid(exc.problems) from None
        if problems:
            raise invalid(problems)

    return _spool(fill)


def _spool(fill: Callable[[Callable[[bytes], object]], object]) -> IO[bytes]:
    """A spooled file (memory up to :data:`SPOOL_BYTES`, then disk) that *fill* writes.

    Returned at its start; closed (its temporary file removed), and the error
    passed on, when *fill* fails — or, at its next write, once the request it
    is for is gone (:class:`Abandoned`): work never outlives its answer by
    more than one piece (a month of ``progress``, a community of ``score``).
    The piece that would pass the service's output limit stops the work the
    same way, answered 422 (``answer-too-large``).
    """
    answer = tempfile.SpooledTemporaryFile(SPOOL_BYTES)  # noqa: SIM115 - the caller closes it
    keep = limited_writer(answer.write)  # within the service's --max-output

    def write(piece: bytes) -> None:
        checkpoint()  # the request gone: no more writes (Abandoned)
        keep(piece)

    try:
        fill(write)
    except OutputTooLarge as exc:
        answer.close()
        raise answer_too_large(exc.limit) from None
    except BaseException:
        answer.close()
        raise
    answer.seek(0)
    return answer


def _texts(pieces: Iterable[str]) -> Callable[[Callable[[bytes], object]], None]:
    """Fills a spooled file with text made in pieces, as they come (UTF-8)."""

    def fill(write: Callable[[bytes], object]) -> None:
        for piece in pieces:
            write(piece.encode("utf-8"))

    return fill


def answer(
    operation: Operation,
    data: bytes,
    fmt: str,
    request: Request,
    warnings: list[Disagreement],
    parts: dict[str, bytes] | None = None,
) -> bytes | IO[bytes]:
    """The answer of *operation* (not ``score``) to a body: as its command writes it with ``-o``.

    Text answers are bytes; answers made in pieces are spooled as they come.
    *parts* are the other inputs of a form, by part name (a setting's
    :attr:`~.._present.settings.Setting.part`, the request's field it fills),
    each in the format its first bytes show.
    """
    assert operation.answer is not None  # score is streamed: score_stream, score_whole
    try:
        for setting in operation.parts:
            given = (parts or {}).get(str(setting.part))
            if given is not None:
                other = load(given, format_of(given), warnings)
                changes: dict[str, Any] = {str(setting.part): other}
                request = attrs.evolve(request, **changes)
        made = operation.answer(load(data, fmt, warnings), request)
        if isinstance(made, str):
            return within_limit(made.encode("utf-8"))
        return _spool(_texts(made))
    except Refusal as exc:
        raise refused(exc) from None
    except ModuleNotFoundError:  # the report, and the report extra is not installed here
        raise ServiceProblem("not-implemented", ServiceText.NO_REPORT()) from None
