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

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from .._analysis.behind import BehindRule, parse_share, parse_total
from .._analysis.rectify import parse_due
from .._domain.calendar import Month
from .._domain.codes import LANGS, Lang
from .._domain.errors import Refusal
from .._domain.messages import Text
from .._domain.model import Assessment
from .._domain.scorecard import Scorecard, Scorecards
from .command_help import DISTRICTS, EXPLAIN, PLAN, PROGRESS, RANK, REPORT, SCORE
from .help_texts import CommandDoc, OptionHelp
from .review_help import RECTIFY

JSON: Final = "application/json"
TEXT: Final = "text/plain; charset=utf-8"
HTML: Final = "text/html; charset=utf-8"


class OperationText(Text):
    """What the operations say of their settings."""

    NOT_A_CHOICE = ("“{0}”不可用；可用：{1}", "{0!r} is not one of: {1}")
    NOT_A_COUNT = ("“{0}”不是不小于0的整数", "{0!r} is not a whole number of at least 0")
    NO_SUCH_COMMUNITY = (
        "提交的内容中没有编号为“{0}”的社区",
        "no community with id {0!r} in the input",
    )
    BEHIND_BOTH = ("{0} 和 {1} 只能给一个", "give {0} or {1}, not both")


@attrs.frozen
class Request:
    """What an operation is asked, besides the assessment: every setting, checked.

    Args:
        lang: The language of the answer's texts.
        as_of: Score as of this month (R2); ``None``: the whole period.
        community: One community's id (plan, explain).
        by_district: Rank within each district.
        behind: Who counts as behind (R19, R23).
        detail_limit: The report's full form up to this many communities.
        due: The deadline a rectification list states; the period's last day.
    """

    lang: Lang = "zh"
    as_of: Month | None = None
    community: str | None = None
    by_district: bool = False
    behind: BehindRule = attrs.field(factory=BehindRule)
    detail_limit: int | None = None
    due: dt.date | None = None


def parse_count(text: str) -> int:
    """A whole number of at least 0, as typed (at most 15 digits).

    Raises:
        Refusal: It is not one.
    """
    if not (text.isascii() and text.isdigit()) or len(text) > 15:
        raise Refusal(OperationText.NOT_A_COUNT(text))
    return int(text)


def _choice(*choices: str) -> Callable[[str], str]:
    def read(text: str) -> str:
        if text not in choices:
            raise Refusal(OperationText.NOT_A_CHOICE(text, ", ".join(choices)))
        return text

    return read


def _text(text: str) -> str:
    return text


@attrs.frozen
class Setting:
    """One setting of an operation, declared once for the command line and the service.

    Args:
        name: Its name in a :class:`Request` and the service's query (``as_of``).
        flag: The command line's option (``--as-of``).
        help: What it does, in both languages (the option's help; the
            OpenAPI parameter's description is its English).
        read: Turns the text given into its value; raises :class:`Refusal`.
        schema: Makes its JSON Schema in the service's contract (when the
            contract is written, not at import).
        metavar: What the command line's help shows for its value.
        choices: The values it takes, when it is a choice.
        required: Whether the operation needs it.
        default: What applies when it is not given, as the help says it.
    """

    name: str
    flag: str
    help: Text
    read: Callable[[str], Any]
    schema: Callable[[], dict[str, Any]]
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    required: bool = False
    default: str | None = None


def _month_schema() -> dict[str, Any]:
    from .._io.schema import MONTH_PATTERN

    return {"type": "string", "pattern": MONTH_PATTERN}


def _count_schema() -> dict[str, Any]:
    return {"type": "string", "pattern": "^[0-9]+$"}


LANG: Final = Setting(
    "lang",
    "--lang",
    OptionHelp.LANG,
    _choice(*LANGS),
    lambda: {"type": "string", "enum": list(LANGS)},
    choices=LANGS,
)
AS_OF: Final = Setting(
    "as_of",
    "--as-of",
    OptionHelp.AS_OF,
    Month.parse,
    _month_schema,
    metavar="YYYY-MM",
)
COMMUNITY: Final = Setting(
    "community",
    "--community",
    OptionHelp.PLAN_COMMUNITY,
    _text,
    lambda: {"type": "string", "minLength": 1},
    metavar="ID",
)
BY: Final = Setting(
    "by",
    "--by",
    OptionHelp.RANK_BY,
    _choice("district"),
    lambda: {"type": "string", "enum": ["district"]},
    choices=("district",),
)
BEHIND_SHARE: Final = Setting(
    "behind_share",
    "--behind-share",
    OptionHelp.BEHIND_SHARE,
    parse_share,
    lambda: {"type": "string"},
    metavar="SHARE",
)
BEHIND_BELOW: Final = Setting(
    "behind_below",
    "--behind-below",
    OptionHelp.BEHIND_BELOW,
    parse_total,
    _count_schema,
    metavar="TOTAL",
)
DETAIL_LIMIT: Final = Setting(
    "detail_limit",
    "--detail-limit",
    OptionHelp.REPORT_DETAIL_LIMIT,
    parse_count,
    _count_schema,
    metavar="N",
    default="500",  # the report's DETAIL_LIMIT (a test keeps the two in step)
)
DUE: Final = Setting(
    "due",
    "--due",
    OptionHelp.RECTIFY_DUE,
    parse_due,
    lambda: {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    metavar="YYYY-MM-DD",
)
BEHIND: Final = (BEHIND_SHARE, BEHIND_BELOW)
SETTINGS: Final = {
    setting.name: setting
    for setting in (LANG, AS_OF, COMMUNITY, BY, BEHIND_SHARE, BEHIND_BELOW, DETAIL_LIMIT, DUE)
}
"""Every setting, by name."""


def request_of(
    values: dict[str, Any], lang: Lang = "zh", named: Callable[[Setting], str] = lambda s: s.name
) -> Request:
    """The request the settings' read *values* make (by :attr:`Setting.name`; absent: not given).

    Args:
        values: The settings given, read.
        lang: The answer's language.
        named: How the front end names a setting in a message.

    Raises:
        Refusal: Both behind settings are given (field ``behind_below``).
    """
    share, below = values.get("behind_share"), values.get("behind_below")
    if share is not None and below is not None:
        both = OperationText.BEHIND_BOTH(named(BEHIND_SHARE), named(BEHIND_BELOW))
        raise Refusal(both, BEHIND_BELOW.name)
    if below is not None:
        behind = BehindRule(below=below)
    else:
        behind = BehindRule() if share is None else BehindRule(share=share)
    return Request(
        lang=lang,
        as_of=values.get("as_of"),
        community=values.get("community"),
        by_district=values.get("by") == "district",
        behind=behind,
        detail_limit=values.get("detail_limit"),
        due=values.get("due"),
    )


# --------------------------------------------------------------------------
# The steps every front end takes, once.
# --------------------------------------------------------------------------


def scored(assessment: Assessment, request: Request) -> Scorecards:
    """Score *assessment* as of the request's month.

    Raises:
        Refusal: The as-of month is before the period (R2; field ``as_of``).
    """
    from .._analysis.score import score_assessment

    try:
        return score_assessment(assessment, as_of=request.as_of)
    except Refusal as exc:
        raise Refusal(exc.message, AS_OF.name) from None


def card_of(cards: Scorecards, community: str) -> Scorecard:
    """The scorecard of *community*.

    Raises:
        Refusal: No community has that id (field ``community``).
    """
    try:
        return cards.get(community)
    except KeyError:
        raise Refusal(OperationText.NO_SUCH_COMMUNITY(community), COMMUNITY.name) from None


def plans_of(assessment: Assessment, request: Request) -> tuple[Any, ...]:
    """The plans (of one community, or all): scored over the whole period, as of the month.

    Plans count the whole period; the as-of month says which months are
    still to come (R2, R10).

    Raises:
        Refusal: The as-of month is outside the period, or no community
            has the requested id (fields ``as_of``, ``community``).
    """
    from .._analysis.plan import plan_scorecards

    if request.as_of is not None:
        try:
            assessment.period.as_of(request.as_of)  # within the period (R2)
        except Refusal as exc:
            raise Refusal(exc.message, AS_OF.name) from None
    cards = scored(assessment, attrs.evolve(request, as_of=None))
    plans = plan_scorecards(cards, as_of=request.as_of)
    if request.community is not None:
        plans = tuple(p for p in plans if p.community_id == request.community)
        if not plans:
            message = OperationText.NO_SUCH_COMMUNITY(request.community)
            raise Refusal(message, COMMUNITY.name)
    return plans


# --------------------------------------------------------------------------
# The answers: what the service sends and the command writes with -o.
# --------------------------------------------------------------------------


def _json(value: object) -> str:
    from .._io.codec import dumps_json

    return dumps_json(value)


def answer_plan(assessment: Assessment, request: Request) -> str:
    """``plan --format json``: what would still gain points."""
    from .._io.decisions import plans_to_dict

    return _json(plans_to_dict(plans_of(assessment, request), request.lang))


def answer_explain(assessment: Assessment, request: Request) -> str:
    """``explain --format text``: one community's score in plain language."""
    from .._analysis.explain import explain_scorecard
    from .terminal import terminal_safe

    cards = scored(assessment, request)
    card = card_of(cards, request.community or "")
    statement = explain_scorecard(card, period=cards.period, as_of=request.as_of, lang=request.lang)
    return terminal_safe(statement)


def answer_rank(assessment: Assessment, request: Request) -> str:
    """``rank --format json``: communities ordered by total."""
    from .._analysis.ranking import rank_scorecards
    from .._io.decisions import ranking_document

    cards = scored(assessment, request)
    return _json(ranking_document(rank_scorecards(cards, by_district=request.by_district)))


def answer_progress(assessment: Assessment, request: Request) -> Iterable[str]:
    """``progress --format json``: month by month, who is falling behind (a month at a time)."""
    from .._analysis.progress import iter_progress
    from .._io.decisions import progress_json_chunks

    return progress_json_chunks(iter_progress(assessment, behind=request.behind), request.lang)


def answer_districts(assessment: Assessment, request: Request) -> str:
    """``districts --format json``: the district roll-up."""
    from .._analysis.rollup import district_rollup
    from .._io.decisions import districts_document

    cards = scored(assessment, request)
    return _json(districts_document(district_rollup(cards, request.behind), request.behind))


def answer_report(assessment: Assessment, request: Request) -> Iterable[str]:
    """``report``: the self-contained HTML page, in pieces."""
    from .report import DETAIL_LIMIT as LIMIT
    from .report import report_pieces

    limit = LIMIT if request.detail_limit is None else request.detail_limit
    try:
        return report_pieces(
            assessment,
            lang=request.lang,
            behind=request.behind,
            as_of=request.as_of,
            detail_limit=limit,
        )
    except Refusal as exc:
        raise Refusal(exc.message, AS_OF.name) from None


def answer_rectify(assessment: Assessment, request: Request) -> str:
    """``rectify --format json``: the rectification list, by district, behind first."""
    from .._analysis.rectify import rectify_assessment
    from .._io.decisions import rectification_document

    r = rectify_assessment(assessment, as_of=request.as_of, due=request.due, behind=request.behind)
    return _json(rectification_document(r, request.lang))


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
    """

    name: str
    doc: CommandDoc
    settings: tuple[Setting, ...]
    media: str
    answers_as: str
    answer: Answer | None

    @property
    def summary(self) -> str:
        """One line in English, for the OpenAPI document."""
        return self.doc.summary.en.rstrip(".")

    def parameters(self) -> tuple[Setting, ...]:
        """The service's query parameters: ``lang``, then its settings."""
        return (LANG, *self.settings)


OPERATIONS: Final = (
    Operation("score", SCORE, (AS_OF,), JSON, "score --format json|jsonl", None),
    Operation("plan", PLAN, (AS_OF, COMMUNITY), JSON, "plan --format json", answer_plan),
    Operation(
        "explain",
        EXPLAIN,
        (AS_OF, attrs.evolve(COMMUNITY, required=True, help=OptionHelp.EXPLAIN_COMMUNITY)),
        TEXT,
        "explain --format text",
        answer_explain,
    ),
    Operation("rank", RANK, (AS_OF, BY), JSON, "rank --format json", answer_rank),
    Operation("progress", PROGRESS, BEHIND, JSON, "progress --format json", answer_progress),
    Operation(
        "districts", DISTRICTS, (AS_OF, *BEHIND), JSON, "districts --format json", answer_districts
    ),
    Operation(
        "rectify", RECTIFY, (AS_OF, DUE, *BEHIND), JSON, "rectify --format json", answer_rectify
    ),
    Operation("report", REPORT, (AS_OF, *BEHIND, DETAIL_LIMIT), HTML, "report", answer_report),
)
"""Every operation that reads an assessment, in the order the service lists them."""

OPERATION: Final = {operation.name: operation for operation in OPERATIONS}
"""The operations by name."""
