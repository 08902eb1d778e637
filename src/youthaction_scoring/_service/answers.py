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
from collections.abc import Callable, Iterable
from typing import IO, Final

import attrs

from .._analysis.behind import BehindRule
from .._analysis.districts import Disagreement
from .._domain.calendar import Month
from .._domain.codes import Lang
from .._domain.errors import InputError, Problem, Refusal
from .._domain.model import Assessment
from .._domain.scorecard import Scorecards
from .problems import ServiceProblem, bad_parameter, invalid
from .texts import ServiceText

SPOOL_BYTES: Final = 2**20
"""Bodies and answers up to this size stay in memory; larger ones go to a temporary file."""


@attrs.frozen
class Options:
    """The checked query parameters an endpoint may take (``None``: not given).

    ``warnings`` gathers, while the answer is made, the districts whose
    communities record different 1.1 lists without a district record (R18):
    the command line prints them on standard error, the service sends them
    as headers (:mod:`.endpoints`).
    """

    lang: Lang = "zh"
    as_of: Month | None = None
    community: str | None = None
    by_district: bool = False
    behind: BehindRule = attrs.field(factory=BehindRule)
    detail_limit: int | None = None
    warnings: list[Disagreement] = attrs.field(factory=list, eq=False, repr=False)


def load(data: bytes, fmt: str, options: Options) -> Assessment:
    """Read an assessment (``json``, ``jsonl`` or ``xlsx``); every problem is a 422.

    Its R18 warnings are added to ``options.warnings``, as the command line
    prints them for every command that reads an assessment.
    """
    from .._analysis.districts import district_disagreements
    from .._io.assessments import read_assessment

    if not data:
        raise invalid([Problem("", ServiceText.EMPTY_BODY())])
    try:
        assessment = read_assessment(data, fmt)
        options.warnings.extend(district_disagreements(assessment))
        return assessment
    except InputError as exc:
        raise invalid(exc.problems) from None
    except ImportError:  # a register, and the excel extra is not installed here
        raise ServiceProblem("unsupported-media-type", ServiceText.NO_EXCEL()) from None


def scored(assessment: Assessment, options: Options) -> Scorecards:
    """Score, refusing an as-of month before the period (R2) as a bad ``as_of``."""
    from .._analysis.score import score_assessment

    try:
        return score_assessment(assessment, as_of=options.as_of)
    except Refusal as exc:
        raise bad_parameter("as_of", exc.message) from None


def _json(value: object) -> bytes:
    from .._io.codec import dumps_json

    return dumps_json(value).encode("utf-8")


def score_whole(data: bytes, fmt: str, options: Options, lines: bool) -> bytes:
    """``score --format json|jsonl`` of a register or a document read whole."""
    cards = scored(load(data, fmt, options), options)
    if lines:
        from .._io.scorecards import scorecard_json_line

        return "".join(scorecard_json_line(card) for card in cards).encode("utf-8")
    from .._io.scorecards import dumps_scorecards

    return dumps_scorecards(cards).encode("utf-8")


def score_stream(source: IO[bytes], document: bool, options: Options, lines: bool) -> IO[bytes]:
    """Score a JSON document or JSON Lines one community at a time, into a spooled file.

    Args:
        source: The body (spooled), at its start.
        document: It is one JSON document (else JSON Lines).
        options: ``as_of`` is used.
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
            whole = score_whole(data, "json", options, lines)
            return _spool(lambda write: write(whole))
        opened = found
    else:
        opened = source

    def fill(write: Callable[[bytes], object]) -> None:
        problems: list[Problem] = []
        try:
            stream_scorecards(
                opened,
                write,
                problems.append,
                as_of=options.as_of,
                warn=options.warnings.append,
                document=not lines,
            )
        except InputError as exc:
            raise invalid(exc.problems) from None
        except Refusal as exc:
            raise bad_parameter("as_of", exc.message) from None
        if problems:
            raise invalid(problems)

    return _spool(fill)


def _spool(fill: Callable[[Callable[[bytes], object]], object]) -> IO[bytes]:
    """A spooled file (memory up to :data:`SPOOL_BYTES`, then disk) that *fill* writes.

    Returned at its start; closed, and the error passed on, when *fill* fails.
    """
    answer = tempfile.SpooledTemporaryFile(SPOOL_BYTES)  # noqa: SIM115 - the caller closes it
    try:
        fill(answer.write)
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


def plan(data: bytes, fmt: str, options: Options) -> bytes:
    """``plan --format json``: what would still gain points."""
    from .._analysis.plan import plan_scorecards
    from .._io.decisions import plans_to_dict

    assessment = load(data, fmt, options)
    if options.as_of is not None:
        try:
            assessment.period.as_of(options.as_of)  # within the period (R2)
        except Refusal as exc:
            raise bad_parameter("as_of", exc.message) from None
    # Plans count the whole period; the as-of month says which months are still to come.
    cards = scored(assessment, attrs.evolve(options, as_of=None))
    plans = plan_scorecards(cards, as_of=options.as_of)
    if options.community is not None:
        plans = tuple(p for p in plans if p.community_id == options.community)
        if not plans:
            raise bad_parameter("community", ServiceText.NO_SUCH_COMMUNITY(options.community))
    return _json(plans_to_dict(plans, options.lang))


def explain(data: bytes, fmt: str, options: Options) -> bytes:
    """``explain --format text``: one community's score in plain language."""
    from .._analysis.explain import explain_scorecard
    from .._present.terminal import terminal_safe

    cards = scored(load(data, fmt, options), options)
    assert options.community is not None  # a required parameter
    try:
        card = cards.get(options.community)
    except KeyError:
        raise bad_parameter("community", ServiceText.NO_SUCH_COMMUNITY(options.community)) from None
    statement = explain_scorecard(card, period=cards.period, as_of=options.as_of, lang=options.lang)
    return terminal_safe(statement).encode("utf-8")


def rank(data: bytes, fmt: str, options: Options) -> bytes:
    """``rank --format json``: communities ordered by total."""
    from .._analysis.ranking import rank_scorecards
    from .._io.decisions import ranking_document

    cards = scored(load(data, fmt, options), options)
    return _json(ranking_document(rank_scorecards(cards, by_district=options.by_district)))


def progress(data: bytes, fmt: str, options: Options) -> IO[bytes]:
    """``progress --format json``: month by month, who is falling behind (a month at a time)."""
    from .._analysis.progress import iter_progress
    from .._io.decisions import progress_json_chunks

    steps = iter_progress(load(data, fmt, options), behind=options.behind)
    return _spool(_texts(progress_json_chunks(steps, options.lang)))


def districts(data: bytes, fmt: str, options: Options) -> bytes:
    """``districts --format json``: the district roll-up."""
    from .._analysis.districts import district_rollup
    from .._io.decisions import districts_document

    cards = scored(load(data, fmt, options), options)
    return _json(districts_document(district_rollup(cards, options.behind), options.behind))


def report(data: bytes, fmt: str, options: Options) -> IO[bytes]:
    """``report``: the self-contained HTML page, into a spooled file."""
    from .._present.report import DETAIL_LIMIT, report_pieces

    assessment = load(data, fmt, options)
    limit = DETAIL_LIMIT if options.detail_limit is None else options.detail_limit
    try:
        pieces = report_pieces(
            assessment,
            lang=options.lang,
            behind=options.behind,
            as_of=options.as_of,
            detail_limit=limit,
        )
    except Refusal as exc:
        raise bad_parameter("as_of", exc.message) from None
    return _spool(_texts(pieces))


Answerer = Callable[[bytes, str, Options], bytes | IO[bytes]]
"""An endpoint's answer: from the body, its format and the options."""

ANSWERS: Final[dict[str, Answerer]] = {
    "plan": plan,
    "explain": explain,
    "rank": rank,
    "progress": progress,
    "districts": districts,
    "report": report,
}
"""The endpoints that read the whole assessment, by name."""
