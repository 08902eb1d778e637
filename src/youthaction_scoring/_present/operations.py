"""Each operation declared once: its settings, its help, its answer and how it is served.

An :class:`Operation` is one record per command that reads an assessment
and answers (score, plan, explain, rank, progress, districts, rectify, report): its
help in both languages (:class:`~.help_texts.CommandDoc`), the settings it
takes (:class:`Setting`: the command line's option and the service's query
parameter are both made from one), the media type and text of its answer,
and the library function that makes that answer from an assessment and a
:class:`Request`. The command line builds its options and help from the
record, the service its routes, query parameters and OpenAPI operations;
adding a setting or an endpoint touches the record and its tests.

A setting's value the library refuses is a :class:`~.._domain.errors.Refusal`
whose ``field`` is the setting's :attr:`Setting.name`: each front end places
it as it names settings (``--as-of``, ``?as_of``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._domain.errors import Refusal
from .._domain.messages import Text
from .._domain.model import Assessment
from .._domain.scorecard import Scorecard, Scorecards
from .check_help import CHECK, CheckHelp
from .command_help import DISTRICTS, EXPLAIN, PLAN, PROGRESS, RANK, REPORT, SCORE
from .compare_help import COMPARE, CompareHelp
from .help_texts import CommandDoc, OptionHelp
from .review_help import RECTIFY
from .settings import (
    AGAINST_INPUT,
    AGAINST_RULEBOOK,
    AS_OF,
    BEHIND,
    BY,
    COMMUNITY,
    DETAIL_LIMIT,
    DUE,
    LANG,
    RULEBOOK,
    Request,
    Setting,
)

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook

JSON: Final = "application/json"
TEXT: Final = "text/plain; charset=utf-8"
HTML: Final = "text/html; charset=utf-8"


# --------------------------------------------------------------------------
# The steps every front end takes, once.
# --------------------------------------------------------------------------


def edition_of(assessment: Assessment, request: Request) -> Rulebook:
    """The edition that scores *assessment*: the request's, else the one in force (EDITIONS.md)."""
    from .._rules.editions import edition_for

    return request.rulebook or edition_for(assessment.period)


def scored(assessment: Assessment, request: Request) -> Scorecards:
    """Score *assessment* as of the request's month, with the request's edition.

    Raises:
        Refusal: The as-of month is before the period (R2; field ``as_of``).
    """
    from .._analysis.score import score_assessment

    try:
        return score_assessment(assessment, as_of=request.as_of, rulebook=request.rulebook)
    except Refusal as exc:
        raise Refusal(exc.message, AS_OF.name) from None


def card_of(cards: Scorecards, community: str) -> Scorecard:
    """The scorecard of *community*: an id, or a name compared as in R15.

    Raises:
        Refusal: No community has that id or name, or several have that
            name (field ``community``; the message lists the nearest or all).
    """
    from .._analysis.find import find_community

    return find_community(cards, community, COMMUNITY.name)


def plans_of(assessment: Assessment, request: Request) -> tuple[Any, ...]:
    """The plans (of one community, or all): scored over the whole period, as of the month.

    Plans count the whole period; the as-of month says which months are
    still to come (R2, R10).

    Raises:
        Refusal: The as-of month is outside the period, or no community
            has the requested id (fields ``as_of``, ``community``).
    """
    from .._analysis.plan import plan_scorecard, plan_scorecards

    if request.as_of is not None:
        try:
            assessment.period.as_of(request.as_of)  # within the period (R2)
        except Refusal as exc:
            raise Refusal(exc.message, AS_OF.name) from None
    rulebook = edition_of(assessment, request)
    cards = scored(assessment, attrs.evolve(request, as_of=None, rulebook=rulebook))
    if request.community is None:
        return plan_scorecards(cards, as_of=request.as_of, rulebook=rulebook)
    card = card_of(cards, request.community)
    return (plan_scorecard(card, cards.period, as_of=request.as_of, rulebook=rulebook),)


# --------------------------------------------------------------------------
# The answers: what the service sends and the command writes with -o.
# --------------------------------------------------------------------------


def _json(value: object) -> str:
    from .._io.codec import dumps_json

    return dumps_json(value)


def answer_plan(assessment: Assessment, request: Request) -> str:
    """``plan --format json``: what would still gain points."""
    from .._io.decisions import plans_to_dict
    from .._io.stamps import head_of

    edition = head_of(edition_of(assessment, request), assessment.period)
    return _json(plans_to_dict(plans_of(assessment, request), request.lang, edition=edition))


def answer_explain(assessment: Assessment, request: Request) -> str:
    """``explain --format text``: one community's score in plain language."""
    from .._analysis.explain import explain_scorecard
    from .terminal import terminal_safe

    rulebook = edition_of(assessment, request)
    cards = scored(assessment, attrs.evolve(request, rulebook=rulebook))
    card = card_of(cards, request.community or "")
    statement = explain_scorecard(
        card, period=cards.period, as_of=request.as_of, rulebook=rulebook, lang=request.lang
    )
    return terminal_safe(statement)


def answer_rank(assessment: Assessment, request: Request) -> str:
    """``rank --format json``: communities ordered by total."""
    from .._analysis.ranking import rank_scorecards
    from .._io.decisions import ranking_document

    cards = scored(assessment, request)
    ranked = rank_scorecards(cards, by_district=request.by_district)
    return _json(ranking_document(ranked, edition=cards))


def answer_progress(assessment: Assessment, request: Request) -> Iterable[str]:
    """``progress --format json``: month by month, who is falling behind (a month at a time)."""
    from .._analysis.progress import iter_progress
    from .._io.decisions import progress_json_chunks
    from .._io.stamps import head_of

    rulebook = edition_of(assessment, request)
    steps = iter_progress(assessment, behind=request.behind, rulebook=rulebook)
    edition = head_of(rulebook, assessment.period)
    return progress_json_chunks(steps, request.lang, edition=edition)


def answer_districts(assessment: Assessment, request: Request) -> str:
    """``districts --format json``: the district roll-up."""
    from .._analysis.rollup import district_rollup
    from .._io.decisions import districts_document

    cards = scored(assessment, request)
    summaries = district_rollup(cards, request.behind)
    return _json(districts_document(summaries, request.behind, request.lang, edition=cards))


def answer_report(assessment: Assessment, request: Request) -> Iterable[str]:
    """``report``: the self-contained HTML page, in pieces."""
    from .report import DETAIL_LIMIT as LIMIT
    from .report import report_pieces

    limit = LIMIT if request.detail_limit is None else request.detail_limit
    try:
        return report_pieces(
            assessment,
            lang=request.lang,
            rulebook=request.rulebook,
            behind=request.behind,
            as_of=request.as_of,
            detail_limit=limit,
        )
    except Refusal as exc:
        raise Refusal(exc.message, AS_OF.name) from None


def answer_check(assessment: Assessment, request: Request) -> str:
    """``check --format json``: the expected rows' verdicts and the clauses' coverage."""
    from .._analysis.check import check_assessment, coverage
    from .._io.stamps import head_of
    from .check import check_document

    rulebook = edition_of(assessment, request)
    verdicts = check_assessment(assessment, rulebook)
    edition = head_of(rulebook, assessment.period)
    return _json(
        check_document(verdicts, coverage(verdicts, rulebook), request.lang, edition=edition)
    )


def answer_rectify(assessment: Assessment, request: Request) -> str:
    """``rectify --format json``: the rectification list, by district, behind first."""
    from .._analysis.rectify import rectify_assessment
    from .._io.decisions import rectification_document
    from .._io.stamps import head_of

    rulebook = edition_of(assessment, request)
    r = rectify_assessment(
        assessment, as_of=request.as_of, due=request.due, behind=request.behind, rulebook=rulebook
    )
    edition = head_of(rulebook, assessment.period)
    return _json(rectification_document(r, request.lang, edition=edition))


def compared(assessment: Assessment, request: Request) -> Any:
    """The comparison the request asks for: with another edition, another input, or both.

    Side *a* is *assessment* under the request's edition, else the one in
    force for its period (EDITIONS.md); side *b* the request's other input
    (the verified data), or its other edition, or both.

    Raises:
        Refusal: Nothing to compare with (field ``against_rulebook``), or the
            as-of month is outside a period (R2; field ``as_of``).
    """
    from .._analysis.compare import compare_editions, compare_inputs

    if request.against is None and request.against_rulebook is None:
        needs = CompareHelp.NEEDS_AGAINST(AGAINST_RULEBOOK.name, AGAINST_INPUT.part)
        raise Refusal(needs, AGAINST_RULEBOOK.name)
    try:
        if request.against is not None:
            return compare_inputs(
                assessment,
                request.against,
                rulebook=request.rulebook,
                against_rulebook=request.against_rulebook,
                as_of=request.as_of,
                behind=request.behind,
            )
        edition = edition_of(assessment, request)
        assert request.against_rulebook is not None
        return compare_editions(
            assessment,
            edition,
            request.against_rulebook,
            as_of=request.as_of,
            behind=request.behind,
        )
    except Refusal as exc:
        raise Refusal(exc.message, AS_OF.name) from None


def answer_compare(assessment: Assessment, request: Request) -> str:
    """``compare --format json``: the two sides, per community and district."""
    from .compare import compare_document

    return _json(compare_document(compared(assessment, request)))


Answer = Callable[[Assessment, Request], str | Iterable[str]]
"""An operation's answer: text, or text in pieces (written as they come)."""


@attrs.frozen
class Operation:
    """One operation, declared once.

    Args:
        name: The command's name and the service's ``POST /v1/<name>``.
        doc: Its help, in both languages.
        settings: What it takes besides the assessment (``lang`` is implied).
        media: The media type of its answer.
        answers_as: The command (and format) whose ``-o`` output the answer equals.
        answer: The library function that makes the answer; ``None`` for
            ``score``, which the service streams itself.
        formats: What the command writes (``--format``), the default first;
            none: it writes one thing.
        format_help: The help of ``--format``.
        bilingual: The command takes ``--bilingual-headers`` (it writes CSV).
    """

    name: str
    doc: CommandDoc
    settings: tuple[Setting, ...]
    media: str
    answers_as: str
    answer: Answer | None
    formats: tuple[str, ...] = ()
    format_help: Text | None = None
    bilingual: bool = False

    @property
    def summary(self) -> str:
        """One line in English, for the OpenAPI document."""
        return self.doc.summary.en.rstrip(".")

    def parameters(self) -> tuple[Setting, ...]:
        """The service's query parameters: ``lang``, then its settings (not its parts)."""
        return (LANG, *(s for s in self.settings if s.part is None))

    @property
    def parts(self) -> tuple[Setting, ...]:
        """The settings the service takes as parts of a form (a second input), not parameters."""
        return tuple(s for s in self.settings if s.part is not None)


OPERATIONS: Final = (
    Operation(
        "score",
        SCORE,
        (AS_OF, RULEBOOK),
        JSON,
        "score --format json|jsonl",
        None,
        ("table", "json", "jsonl", "xlsx", "csv", "csv-detail"),
        OptionHelp.SCORE_FORMAT,
        bilingual=True,
    ),
    Operation(
        "plan",
        PLAN,
        (AS_OF, COMMUNITY, RULEBOOK),
        JSON,
        "plan --format json",
        answer_plan,
        ("table", "json"),
        OptionHelp.PLAN_FORMAT,
    ),
    Operation(
        "explain",
        EXPLAIN,
        (
            AS_OF,
            attrs.evolve(COMMUNITY, required=True, help=OptionHelp.EXPLAIN_COMMUNITY),
            RULEBOOK,
        ),
        TEXT,
        "explain --format text",
        answer_explain,
        ("table", "text"),
        OptionHelp.EXPLAIN_FORMAT,
    ),
    Operation(
        "rank",
        RANK,
        (AS_OF, BY, RULEBOOK),
        JSON,
        "rank --format json",
        answer_rank,
        ("table", "json", "csv"),
        OptionHelp.RANK_FORMAT,
        bilingual=True,
    ),
    Operation(
        "progress",
        PROGRESS,
        (*BEHIND, RULEBOOK),
        JSON,
        "progress --format json",
        answer_progress,
        ("table", "json"),
        OptionHelp.PROGRESS_FORMAT,
    ),
    Operation(
        "districts",
        DISTRICTS,
        (AS_OF, *BEHIND, RULEBOOK),
        JSON,
        "districts --format json",
        answer_districts,
        ("table", "json", "csv"),
        OptionHelp.DISTRICTS_FORMAT,
        bilingual=True,
    ),
    Operation(
        "rectify",
        RECTIFY,
        (AS_OF, DUE, *BEHIND, RULEBOOK),
        JSON,
        "rectify --format json",
        answer_rectify,
        ("table", "json", "xlsx"),
        OptionHelp.RECTIFY_FORMAT,
    ),
    Operation(
        "report", REPORT, (AS_OF, *BEHIND, DETAIL_LIMIT, RULEBOOK), HTML, "report", answer_report
    ),
    Operation(
        "check",
        CHECK,
        (RULEBOOK,),
        JSON,
        "check --format json",
        answer_check,
        ("table", "json"),
        CheckHelp.FORMAT,
    ),
    Operation(
        "compare",
        COMPARE,
        (AS_OF, *BEHIND, RULEBOOK, AGAINST_RULEBOOK, AGAINST_INPUT),
        JSON,
        "compare --format json",
        answer_compare,
        ("table", "json", "csv"),
        CompareHelp.FORMAT,
        bilingual=True,
    ),
)
"""Every operation that reads an assessment, in the order the service lists them."""

OPERATION: Final = {operation.name: operation for operation in OPERATIONS}
"""The operations by name."""
