"""The settings of the operations: each declared once for the command line and the service.

A :class:`Setting` is one option of a command and one query parameter of the
service (its flag, its name, its help in both languages, how its text is
read and its JSON Schema); a :class:`Request` is what an operation is asked
besides the assessment, every setting read and checked. A value the library
refuses is a :class:`~.._domain.errors.Refusal` whose ``field`` is the
setting's :attr:`Setting.name`: each front end places it as it names settings
(``--as-of``, ``?as_of``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._analysis.behind import BehindRule, parse_share, parse_total
from .._analysis.rectify import parse_due
from .._domain.calendar import Month
from .._domain.codes import LANGS, Lang
from .._domain.errors import Refusal
from .._domain.messages import Text
from .._domain.model import Assessment
from .compare_help import CompareHelp
from .help_texts import OptionHelp

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


class OperationText(Text):
    """What the operations say of their settings."""

    NOT_A_CHOICE = ("“{0}”不可用；可用：{1}", "{0!r} is not one of: {1}")
    NOT_A_COUNT = ("“{0}”不是不小于0的整数", "{0!r} is not a whole number of at least 0")
    BEHIND_BOTH = ("{0} 和 {1} 只能给一个", "give {0} or {1}, not both")
    NO_EDITION = (
        "没有名为“{0}”的规则版本；可用的版本：{1}",
        "no edition named {0!r}; known editions: {1}",
    )


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
        rulebook: The edition to score with; ``None``: the one in force on
            the first day of the period (EDITIONS.md).
        against_rulebook: Compare with the scores under this edition (side *b*).
        against: Compare with this assessment (side *b*: the verified data).
    """

    lang: Lang = "zh"
    as_of: Month | None = None
    community: str | None = None
    by_district: bool = False
    behind: BehindRule = attrs.field(factory=BehindRule)
    detail_limit: int | None = None
    due: dt.date | None = None
    rulebook: Rulebook | None = None
    against_rulebook: Rulebook | None = None
    against: Assessment | None = None


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


def edition_reader(given: Sequence[Rulebook] = ()) -> Callable[[str], Rulebook]:
    """The reader of ``rulebook`` where only names are taken: a bundled or a *given* edition.

    The service reads ``?rulebook`` with the editions it was started with;
    the command line also takes a file (:mod:`.._cli.records`).
    """

    def read(text: str) -> Rulebook:
        from .._rules.editions import edition_named, known_editions

        found = edition_named(text, given)
        if found is None:
            names = ", ".join(e.name for e in known_editions(given))
            raise Refusal(OperationText.NO_EDITION(text, names))
        return found

    return read


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
        part: The service takes it as this part of a ``multipart/form-data``
            body (a second input), not as a query parameter; ``None``: a query
            parameter.
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
    part: str | None = None


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
RULEBOOK: Final = Setting(
    "rulebook",
    "--rulebook",
    OptionHelp.RULEBOOK,
    edition_reader(),
    lambda: {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"},
    metavar="NAME|FILE",
)
"""The edition to score with (EDITIONS.md): a name here; the command line also takes a file."""
AGAINST_RULEBOOK: Final = attrs.evolve(
    RULEBOOK,
    name="against_rulebook",
    flag="--against-rulebook",
    help=CompareHelp.AGAINST_RULEBOOK,
)
"""Side *b*'s edition in a comparison: read as :data:`RULEBOOK` is."""
EDITIONS: Final = (RULEBOOK.name, AGAINST_RULEBOOK.name)
"""The settings that name an edition: the service reads them with the editions it knows,
the command line also takes an edition's file."""
AGAINST_INPUT: Final = Setting(
    "against_input",
    "--against-input",
    CompareHelp.AGAINST_INPUT,
    _text,
    lambda: {"type": "string", "contentMediaType": "application/octet-stream"},
    metavar="FILE",
    part="against",
)
BEHIND: Final = (BEHIND_SHARE, BEHIND_BELOW)
SETTINGS: Final = {
    setting.name: setting
    for setting in (
        LANG,
        AS_OF,
        COMMUNITY,
        BY,
        BEHIND_SHARE,
        BEHIND_BELOW,
        DETAIL_LIMIT,
        DUE,
        RULEBOOK,
        AGAINST_RULEBOOK,
        AGAINST_INPUT,
    )
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
        rulebook=values.get("rulebook"),
        against_rulebook=values.get("against_rulebook"),
    )
