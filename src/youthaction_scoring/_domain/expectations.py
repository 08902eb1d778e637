"""Expected scores: points someone computed by hand, for ``check`` to compare (the format page).

An :class:`Expected` row names a community of the assessment, optionally an
as-of month (R2), and any of the ten items' points, the base, the bonus and
the total; what it leaves out is not checked. Scoring ignores expected rows;
converting keeps them. :func:`expected_problems` checks rows against the
assessment (the community exists, the month lies in the period, no row
repeats another), each problem with the index and field it concerns, so every
reader places it in its own terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .calendar import Month, Period
from .checks import all_of as _all_of
from .checks import count as _count
from .checks import identifier as _identifier
from .checks import is_ as _is
from .checks import optional as _optional
from .checks import tuple_of as _tuple_of
from .codes import ItemCode
from .errors import Place
from .messages import Message, Text

TOTAL_KEYS: tuple[str, ...] = ("base", "bonus", "total")
"""The totals an expected row may give, in the order they are written."""


class ExpectedText(Text):
    """The texts of the checks of expected rows."""

    NO_COMMUNITY = ("没有编号为“{0}”的社区", "no community with id {0!r}")
    OUTSIDE = ("月份{0}不在考核期{1}内", "month {0} is outside the period {1}")
    REPEATED = (
        "社区“{0}”{1}的期望得分重复（首次出现在 {2}）",
        "expected scores for community {0!r}{1} repeated (first at {2})",
    )
    WHOLE_PERIOD = ("（整个考核期）", " (whole period)")
    AS_OF = ("（截至{0}）", " (as of {0})")
    ITEMS = ("项目须按编号排列且不重复", "items must be in code order without repeats")


def _items_check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name}: must be a tuple")
    order = list(ItemCode)
    codes = []
    for pair in value:
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], ItemCode)):
            raise TypeError(f"{attribute.name}: must hold (ItemCode, points) pairs")
        _count(None, attribute, pair[1])
        codes.append(order.index(pair[0]))
    if codes != sorted(set(codes)):
        raise ValueError(f"{attribute.name}: {ExpectedText.ITEMS().en}")


@attrs.frozen
class Expected:
    """Scores computed by hand for one community, as of a month or for the whole period.

    Args:
        community: The community's id.
        as_of: The as-of month (R2), or ``None`` for the whole period.
        items: ``(item, points)`` pairs in item order, each item at most once.
        base: The expected base points, or ``None`` (not checked).
        bonus: The expected bonus points, or ``None``.
        total: The expected total, or ``None``.
    """

    community: str = attrs.field(validator=_identifier)
    as_of: Month | None = attrs.field(default=None, validator=_optional(_is(Month)))
    items: tuple[tuple[ItemCode, int], ...] = attrs.field(default=(), validator=_items_check)
    base: int | None = attrs.field(default=None, validator=_optional(_count))
    bonus: int | None = attrs.field(default=None, validator=_optional(_count))
    total: int | None = attrs.field(default=None, validator=_optional(_count))

    def totals(self) -> Iterator[tuple[str, int]]:
        """The totals the row gives, as ``(key, points)`` in :data:`TOTAL_KEYS` order."""
        for key in TOTAL_KEYS:
            value = getattr(self, key)
            if value is not None:
                yield key, value


@attrs.frozen
class ExpectedProblem:
    """A problem of one expected row against its assessment.

    Args:
        index: The row's index in the assessment's ``expected``.
        field: The field concerned (``"community"``, ``"as_of"``).
        message: What is wrong.
        first: For a repeated row, the index of the row it repeats.
    """

    index: int
    field: str
    message: Message
    first: int | None = None


def expected_problems(
    expected: Iterable[Expected],
    period: Period | None,
    ids: Iterable[str] | None,
    *,
    repeats: bool = True,
) -> list[ExpectedProblem]:
    """Check expected rows against the period and the communities' ids.

    Args:
        expected: The rows, in order.
        period: The period, or ``None`` to skip the month check.
        ids: The communities' ids, or ``None`` to skip the id check.
        repeats: Whether to check for repeated rows.

    Returns:
        Every problem, in row order: a month outside the period (R2), a
        repeated ``(community, as_of)`` pair, an unknown community.
    """
    known = None if ids is None else set(ids)
    first: dict[tuple[str, Month | None], int] = {}
    problems: list[ExpectedProblem] = []
    for index, row in enumerate(expected):
        if period is not None and row.as_of is not None and row.as_of not in period:
            message = ExpectedText.OUTSIDE(str(row.as_of), str(period), rule="R2")
            problems.append(ExpectedProblem(index, "as_of", message))
        seen = first.setdefault((row.community, row.as_of), index)
        if repeats and seen != index:
            month = ExpectedText.AS_OF(str(row.as_of)) if row.as_of else ExpectedText.WHOLE_PERIOD()
            message = ExpectedText.REPEATED(row.community, month, Place(f"expected[{seen}]"))
            problems.append(ExpectedProblem(index, "community", message, seen))
        if known is not None and row.community not in known:
            problems.append(
                ExpectedProblem(index, "community", ExpectedText.NO_COMMUNITY(row.community))
            )
    return problems


def _expected_check(inst: Any, _attribute: attrs.Attribute[Any], value: object) -> None:
    problems = expected_problems(value, inst.period, (c.id for c in inst.communities))  # type: ignore[arg-type]
    if problems:
        raise ValueError(
            "; ".join(f"expected[{p.index}].{p.field}: {p.message.en}" for p in problems)
        )


def expected_field() -> Any:
    """The ``expected`` field of an assessment: rows checked against its period and ids."""
    return attrs.field(default=(), validator=_all_of(_tuple_of(Expected), _expected_check))
