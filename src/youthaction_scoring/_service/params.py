"""The query parameters of the endpoints: checked strictly, every problem at once.

Each endpoint names the parameters it takes (:data:`ENDPOINT_PARAMETERS`);
an unknown or repeated parameter is refused, never ignored. Values are read
by the same functions the command line's options use (``Month.parse``,
:func:`~.._analysis.behind.parse_share`, …), so a value the command line
refuses is refused here with the same message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from .._analysis.behind import BehindRule, parse_share, parse_total
from .._domain.calendar import Month
from .._domain.codes import LANGS
from .._domain.errors import Problem, Refusal
from .._domain.messages import Message
from .._io.schema import MONTH_PATTERN
from .answers import Options
from .problems import ServiceProblem
from .texts import ServiceText


@attrs.frozen
class Parameter:
    """One query parameter: its name, how it is read, and what the contract says of it.

    Args:
        name: As it appears in the query string.
        read: Turns the text into the value :class:`~.answers.Options` holds;
            raises :class:`Refusal` with the reason.
        description: For the OpenAPI document.
        schema: Its JSON Schema, for the OpenAPI document.
        required: Whether the endpoint needs it.
    """

    name: str
    read: Callable[[str], Any]
    description: str
    schema: dict[str, Any]
    required: bool = False


def _choice(*choices: str) -> Callable[[str], str]:
    def read(text: str) -> str:
        if text not in choices:
            raise Refusal(ServiceText.NOT_A_CHOICE(text, ", ".join(choices)))
        return text

    return read


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or len(text) > 15:
        raise Refusal(ServiceText.NOT_A_COUNT(text))
    return int(text)


def _text(text: str) -> str:
    return text


LANG: Final = Parameter(
    "lang",
    _choice(*LANGS),
    "The language of texts and errors: zh (default) or en; overrides Accept-Language.",
    {"type": "string", "enum": list(LANGS)},
)
AS_OF: Final = Parameter(
    "as_of",
    Month.parse,
    "Score as of this month, YYYY-MM, within the period (R2).",
    {"type": "string", "pattern": MONTH_PATTERN},
)
COMMUNITY: Final = Parameter(
    "community", _text, "The id of one community.", {"type": "string", "minLength": 1}
)
BY: Final = Parameter(
    "by",
    _choice("district"),
    "Rank within each district.",
    {"type": "string", "enum": ["district"]},
)
BEHIND_SHARE: Final = Parameter(
    "behind_share",
    parse_share,
    "Flag this share of communities as behind, e.g. 0.25 or 25% (R19).",
    {"type": "string"},
)
BEHIND_BELOW: Final = Parameter(
    "behind_below",
    parse_total,
    "Flag communities whose total is below this as behind (R19).",
    {"type": "string", "pattern": "^[0-9]+$"},
)
DETAIL_LIMIT: Final = Parameter(
    "detail_limit",
    _count,
    "Up to this many communities, the report's full form; beyond, the compact one.",
    {"type": "string", "pattern": "^[0-9]+$"},
)

_COMMON: Final = (LANG,)
_BEHIND: Final = (BEHIND_SHARE, BEHIND_BELOW)

ENDPOINT_PARAMETERS: Final[dict[str, tuple[Parameter, ...]]] = {
    "score": (*_COMMON, AS_OF),
    "plan": (*_COMMON, AS_OF, COMMUNITY),
    "explain": (
        *_COMMON,
        AS_OF,
        attrs.evolve(COMMUNITY, required=True),
    ),
    "rank": (*_COMMON, AS_OF, BY),
    "progress": (*_COMMON, *_BEHIND),
    "districts": (*_COMMON, AS_OF, *_BEHIND),
    "report": (*_COMMON, AS_OF, *_BEHIND, DETAIL_LIMIT),
    "plain": _COMMON,
}
"""The parameters each endpoint takes (``plain``: the GET endpoints)."""


def read_options(endpoint: str, query: Sequence[tuple[str, str]]) -> Options:
    """Check an endpoint's query and build its options.

    Args:
        endpoint: A key of :data:`ENDPOINT_PARAMETERS`.
        query: The query's (name, value) pairs, in order.

    Returns:
        The options (``lang`` is left at its default: the caller negotiates it).

    Raises:
        ServiceProblem: 400 with every bad, unknown, repeated or missing parameter.
    """
    known = {p.name: p for p in ENDPOINT_PARAMETERS[endpoint]}
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    seen: set[str] = set()

    def refuse(name: str, message: Message) -> None:
        problems.append(Problem(f"?{name}", message))

    for name, text in query:
        if name not in known:
            refuse(name, ServiceText.UNKNOWN_PARAMETER(name, ", ".join(known) or "-"))
        elif name in seen:
            refuse(name, ServiceText.REPEATED_PARAMETER(name))
        else:
            seen.add(name)
            try:
                values[name] = known[name].read(text)
            except Refusal as exc:
                refuse(name, exc.message)
    for parameter in known.values():
        if parameter.required and parameter.name not in seen:
            refuse(parameter.name, ServiceText.MISSING_PARAMETER(parameter.name))
    share, below = values.get("behind_share"), values.get("behind_below")
    if share is not None and below is not None:
        refuse("behind_below", ServiceText.BEHIND_BOTH())
    if problems:
        detail = (
            problems[0].message if len(problems) == 1 else ServiceText.INVALID_DETAIL(len(problems))
        )
        raise ServiceProblem("bad-parameter", detail, tuple(problems))
    if below is not None:
        behind = BehindRule(below=below)
    else:
        behind = BehindRule() if share is None else BehindRule(share=share)
    return Options(
        as_of=values.get("as_of"),
        community=values.get("community"),
        by_district="by" in values,
        behind=behind,
        detail_limit=values.get("detail_limit"),
    )
