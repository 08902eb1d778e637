"""Rectification lists (整改清单): what each community must still mend, by district.

A rectification list is the committees' 督促整改 step made concrete: for every
community, grouped by district, the shortfalls it can still mend before the
period ends with the plan's step for each (:class:`~.plan.PlanAction`), the
points already lost (:class:`~.plan.LostPoints`) and the points at stake. It
is made from the improvement plans (:func:`~.plan.plan_scorecard`): the plans
count the whole period, the as-of month says which months have passed (R2,
R10). Who is behind is said by the district roll-up's own lists (R19, R23),
as of the month, among all communities scored together.

Order: districts in the order their first community appears in the input;
within a district the communities flagged behind first, then the others,
each in input order. A community with nothing to mend and nothing lost is
listed too (its list is empty), so that no community is left out.

The due date (``due``) is the deadline the list states; it defaults to the
period's last day, may not be after it, and may not be before the as-of month
(without an as-of month, before the period's last month): a deadline that
has already passed, or that falls after the assessment, sets no task.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from .._domain.calendar import Month, Period
from .._domain.checks import check_type
from .._domain.errors import Refusal
from .._domain.messages import Text
from .._domain.model import Assessment
from .._rules.rulebook import Rulebook
from .behind import BehindRule
from .plan import LostPoints, Plan, PlanAction, plan_scorecards
from .rollup import DistrictSummary, district_rollup
from .score import score_assessment


class RectifyText(Text):
    """Why a due date is refused."""

    NOT_A_DATE = (
        "“{0}”不是“年-月-日”格式（YYYY-MM-DD）的真实日期",
        "{0!r} is not a real date written YYYY-MM-DD",
    )
    AFTER_END = (
        "整改期限{0}晚于考核期的最后一天{1}",
        "the due date {0} is after the period's last day {1}",
    )
    BEFORE_AS_OF = (
        "整改期限{0}早于截至月份{1}",
        "the due date {0} is before the as-of month {1}",
    )


_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_due(text: str) -> dt.date:
    """Read a due date written ``YYYY-MM-DD`` (nothing else: no ``20220430``).

    Raises:
        Refusal: Not such a date, or not a real one (``2022-02-30``).
    """
    shown = text if len(text) <= 40 else f"{text[:37]}..."
    if _DATE.fullmatch(text) is None:
        raise Refusal(RectifyText.NOT_A_DATE(shown))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Refusal(RectifyText.NOT_A_DATE(shown)) from None


def last_day(month: Month) -> dt.date:
    """The last day of *month*."""
    return dt.date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


def check_due(due: dt.date | None, period: Period, as_of: Month | None) -> dt.date:
    """The due date of a list: *due*, or the period's last day when ``None``.

    Args:
        due: The deadline asked for.
        period: The assessment period.
        as_of: The as-of month (R2), or ``None`` (the whole period has passed).

    Returns:
        The due date.

    Raises:
        Refusal: *due* is after the period's last day, or before the as-of
            month (without one: before the period's last month); field ``due``.
    """
    end = last_day(period.end)
    if due is None:
        return end
    check_type("rectify", "due", due, dt.date)
    if due > end:
        raise Refusal(RectifyText.AFTER_END(due.isoformat(), end.isoformat()), "due")
    current = period.end if as_of is None else min(as_of, period.end)
    if Month.of(due) < current:
        raise Refusal(RectifyText.BEFORE_AS_OF(due.isoformat(), str(current)), "due")
    return due


@attrs.frozen
class RectifyCommunity:
    """One community's rectification list.

    Args:
        district: Its district.
        behind: Whether it is flagged behind as of the month (R19, R23).
        total: Its total as of the month (what *behind* compares).
        plan: Its plan: what it can still mend and what is lost.
    """

    district: str
    behind: bool
    total: int
    plan: Plan

    @property
    def community_id(self) -> str:
        """Its id."""
        return self.plan.community_id

    @property
    def community_name(self) -> str:
        """Its name."""
        return self.plan.community_name

    @property
    def mend(self) -> tuple[PlanAction, ...]:
        """What it can still mend, with the step for each, highest gain first."""
        return self.plan.actions

    @property
    def lost(self) -> tuple[LostPoints, ...]:
        """What is already lost."""
        return self.plan.lost

    @property
    def at_stake(self) -> int:
        """The points its list can still earn (the sum of the gains)."""
        return self.plan.recoverable


@attrs.frozen
class RectifyDistrict:
    """One district's part of the list: its communities, behind first.

    Args:
        district: The district.
        communities: Its communities, behind first, each group in input order.
    """

    district: str
    communities: tuple[RectifyCommunity, ...]


@attrs.frozen
class Rectification:
    """A rectification list (整改清单).

    Args:
        period: The assessment period.
        as_of: The as-of month (R2), or ``None``: the whole period has passed.
        due: The deadline the list states.
        behind: The rule that flagged communities behind (R19, R23).
        districts: Each district's part, in the order of its first community.
    """

    period: Period
    as_of: Month | None
    due: dt.date
    behind: BehindRule
    districts: tuple[RectifyDistrict, ...]

    def communities(self) -> tuple[RectifyCommunity, ...]:
        """Every community, in the list's order."""
        return tuple(c for d in self.districts for c in d.communities)


def rectify_order(
    summaries: Iterable[DistrictSummary], position: Mapping[str, int]
) -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
    """The list's order: districts by their first community, each one's behind first.

    Args:
        summaries: The district roll-up (its behind lists: R19, R23).
        position: Each community's place in the input.

    Returns:
        ``(district, ((community id, behind), ...))`` in the list's order.
    """
    ordered = sorted(summaries, key=lambda s: min(position[i] for i in s.community_ids))
    out = []
    for summary in ordered:
        flagged = set(summary.behind)
        members = sorted(summary.community_ids, key=lambda i: (i not in flagged, position[i]))
        out.append((summary.district, tuple((i, i in flagged) for i in members)))
    return tuple(out)


def rectify_assessment(
    assessment: Assessment,
    *,
    as_of: Month | None = None,
    due: dt.date | None = None,
    behind: BehindRule | None = None,
    rulebook: Rulebook | None = None,
) -> Rectification:
    """Make the rectification list of every community of an assessment.

    Args:
        assessment: The assessment.
        as_of: The current month: months up to it have passed, later ones
            can still be made up (R2, R10); who is behind is flagged as of
            it. ``None``: the whole period has passed.
        due: The deadline the list states; the period's last day by default.
        behind: Who is flagged behind (R19, R23); the bottom quarter by default.
        rulebook: The amounts to apply; by default the edition in force when
            the period begins (EDITIONS.md).

    Returns:
        The list.

    Raises:
        TypeError: An argument is not of the type named here.
        InputError: (a refusal with its ``field``) *as_of* is before the period (R2;
            field ``as_of``), or *due*
            is after the period's last day or before the as-of month (field
            ``due``).
    """
    check_type("rectify_assessment", "assessment", assessment, Assessment)
    check_type("rectify_assessment", "as_of", as_of, Month, optional=True)
    rule = behind or BehindRule()
    check_type("rectify_assessment", "behind", rule, BehindRule)
    period = assessment.period
    try:
        period.as_of(as_of)
    except Refusal as exc:
        raise Refusal(exc.message, "as_of") from None
    deadline = check_due(due, period, as_of)
    whole = score_assessment(assessment, rulebook=rulebook)
    plans = {p.community_id: p for p in plan_scorecards(whole, as_of=as_of, rulebook=rulebook)}
    shown = whole if as_of is None else score_assessment(assessment, as_of=as_of, rulebook=rulebook)
    del whole
    totals = {card.community_id: card.total for card in shown}
    position = {card.community_id: n for n, card in enumerate(shown)}
    districts = tuple(
        RectifyDistrict(
            district,
            tuple(RectifyCommunity(district, flag, totals[i], plans[i]) for i, flag in members),
        )
        for district, members in rectify_order(district_rollup(shown, rule), position)
    )
    return Rectification(period, as_of, deadline, rule, districts)
