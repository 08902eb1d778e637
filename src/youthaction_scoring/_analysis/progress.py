"""Monthly progress: every community's score as of each month of the period (R2).

The rulebook asks for results to be published periodically and for lagging
organisations to be called in. Progress lists, month by month, each
community's total as of that month and its shortfalls: a month with no
qualifying activity (R10) and base items still short of full points. It
never assigns a grade (the rulebook defines none).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from .._domain.calendar import Month
from .._domain.checks import check_type
from .._domain.codes import ItemCode, ItemKind
from .._domain.model import Assessment
from .._domain.scorecard import Deduction, Scorecard, Scorecards
from .._rules.clause import BaseRemedy
from .._rules.clauses import clause_of
from .._rules.rulebook import GUIYANG_2021, Rulebook
from .score import score_assessment


def item_shortfalls(card: Scorecard) -> tuple[tuple[ItemCode, Deduction], ...]:
    """Return what a community is short of on its base items, with each item's code.

    Args:
        card: Its scorecard.

    Returns:
        ``(item code, deduction)`` for every deduction on its base items, in
        item order: missing months (R10), a missing brand (R11),
        organisation and staffing gaps.
    """
    return tuple(
        (item.code, d) for item in card.items if item.kind is ItemKind.BASE for d in item.deductions
    )


def shortfalls(card: Scorecard) -> tuple[Deduction, ...]:
    """Return what a community is short of on its base items.

    Args:
        card: Its scorecard.

    Returns:
        Every deduction on its base items, in item order (see
        :func:`item_shortfalls`).
    """
    return tuple(d for _, d in item_shortfalls(card))


def missed_months(card: Scorecard) -> tuple[Month, ...]:
    """Return the months with no qualifying activity, read from the deductions (R10).

    Args:
        card: A scorecard.

    Returns:
        The months, in order.
    """
    months: list[Month] = []
    for item in card.items:
        remedy = clause_of(item.code).remedy
        if isinstance(remedy, BaseRemedy):
            months.extend(m for m in map(remedy.due, item.deductions) if m is not None)
    return tuple(months)


def is_behind(card: Scorecard) -> bool:
    """Tell whether a community has any shortfall (see :func:`shortfalls`).

    Args:
        card: Its scorecard.

    Returns:
        ``True`` when a base item is short of its full points for any
        reason, including a month with no qualifying activity.
    """
    return bool(shortfalls(card))


@attrs.frozen
class MonthProgress:
    """The state of every community as of one month (R2).

    Args:
        month: The as-of month.
        cards: The scorecards as of that month.
        missed: Ids of communities with no qualifying activity in *month*.
        behind: Ids of communities with any shortfall so far.
    """

    month: Month
    cards: Scorecards
    missed: tuple[str, ...]
    behind: tuple[str, ...]


def month_progress(cards: Scorecards, month: Month) -> MonthProgress:
    """Summarise scorecards scored as of *month*.

    Args:
        cards: Scorecards as of *month*.
        month: The month.

    Returns:
        The month's progress.
    """
    return MonthProgress(
        month=month,
        cards=cards,
        missed=tuple(c.community_id for c in cards if month in missed_months(c)),
        behind=tuple(c.community_id for c in cards if is_behind(c)),
    )


def iter_progress(
    assessment: Assessment,
    *,
    months: Iterable[Month] | None = None,
    rulebook: Rulebook = GUIYANG_2021,
) -> Iterator[MonthProgress]:
    """Score the assessment as of each month of its period, lazily (R2).

    Args:
        assessment: The assessment.
        months: The months to score as of; every month of the period by
            default.
        rulebook: The amounts to apply.

    Returns:
        One :class:`MonthProgress` per month, in order.
    """
    check_type("iter_progress", "assessment", assessment, Assessment)
    for month in assessment.period.months if months is None else months:
        check_type("iter_progress", "months[]", month, Month)
        cards = score_assessment(assessment, as_of=month, rulebook=rulebook)
        yield month_progress(cards, month)
