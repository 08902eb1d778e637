"""Monthly progress: every community's standing as of each month of the period (R2).

The rulebook asks for results to be published periodically and for lagging
organisations to be called in. Progress lists, month by month, each
community's total as of that month and its shortfalls: the months with no
qualifying activity so far (R10, counted; the month itself flagged) and the
other deductions on its base items. It never assigns a grade (the rulebook
defines none). The standings come from :mod:`.timeline`, so the work grows
with months plus records, not with months squared.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from .._domain.calendar import Month, Period
from .._domain.checkpoint import checkpoint
from .._domain.checks import check_type
from .._domain.codes import ItemCode, ItemKind
from .._domain.district_records import DistrictRecord, records_by_key
from .._domain.model import Assessment, Community
from .._domain.scorecard import Deduction, ItemScore, Scorecard
from .._rules.clause import BaseRemedy
from .._rules.clauses import clause_of
from .._rules.editions import edition_for
from .._rules.rulebook import Rulebook
from .behind import BehindRule, flag_behind
from .score import with_district_records
from .timeline import Contexts, Standing, Timeline


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


def short_items(card: Scorecard) -> tuple[ItemScore, ...]:
    """Return the base items of a scorecard that are short of their full points, in order.

    A community with none has lost no base point and is never behind (R23).
    """
    return tuple(i for i in card.items if i.kind is ItemKind.BASE and i.deductions)


def shortfalls(card: Scorecard) -> tuple[Deduction, ...]:
    """Return what a community is short of on its base items.

    Args:
        card: Its scorecard.

    Returns:
        Every deduction on its base items, in item order (see
        ``item_shortfalls``).
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


def has_shortfalls(card: Scorecard) -> bool:
    """Tell whether a community has any shortfall (see :func:`shortfalls`).

    This is not the "behind" label, which compares totals (R19, see
    :class:`~.behind.BehindRule`).

    Args:
        card: Its scorecard.

    Returns:
        ``True`` when a base item is short of its full points for any
        reason, including a month with no qualifying activity.
    """
    return bool(shortfalls(card))


@attrs.frozen
class CommunityMonth:
    """One community's line in one month of progress.

    Args:
        community_id: Its id.
        community_name: Its name.
        district: Its district.
        standing: Its total and shortfalls as of the month (R2).
    """

    community_id: str
    community_name: str
    district: str
    standing: Standing

    @property
    def total(self) -> int:
        """Its total as of the month."""
        return self.standing.total


@attrs.frozen
class MonthProgress:
    """The state of every community as of one month (R2).

    Args:
        month: The as-of month.
        rows: Every community's standing as of that month, in input order.
        missed: Ids of communities with no qualifying activity in *month*.
        behind: Ids of communities flagged behind by *rule* among all of
            them, by total as of *month* (R19, R23), in input order.
        rule: The rule that flagged them.
    """

    month: Month
    rows: tuple[CommunityMonth, ...]
    missed: tuple[str, ...]
    behind: tuple[str, ...]
    rule: BehindRule = attrs.field(factory=BehindRule)

    def get(self, community_id: str) -> CommunityMonth:
        """Return the row of the community with this id.

        Raises:
            KeyError: No community has this id.
        """
        for row in self.rows:
            if row.community_id == community_id:
                return row
        raise KeyError(community_id)


def iter_progress(
    assessment: Assessment,
    *,
    months: Iterable[Month] | None = None,
    rulebook: Rulebook | None = None,
    behind: BehindRule | None = None,
) -> Iterator[MonthProgress]:
    """Give every community's standing as of each month of its period, lazily (R2).

    Each community is scored once; its standing as of a month is then read
    from its timeline, equal to scoring it as of that
    month, in time linear in months and records (not months squared). For
    the full scorecards as of a month, use
    :func:`~youthaction_scoring.score_assessment` with ``as_of``.

    Args:
        assessment: The assessment.
        months: The months to report as of; every month of the period by
            default.
        rulebook: The edition to apply; by default the one in force on the
            period's first day (EDITIONS.md).
        behind: Who is flagged behind each month (R19); the bottom quarter
            by total, ties included, by default.

    Returns:
        One :class:`MonthProgress` per month, in order.

    Raises:
        TypeError: An argument is not of the type named here.
        ValueError: A month is before the period's first month (R2).
    """
    check_type("iter_progress", "assessment", assessment, Assessment)
    check_type("iter_progress", "rulebook", rulebook, Rulebook, optional=True)
    rule = BehindRule() if behind is None else behind
    check_type("iter_progress", "behind", rule, BehindRule)
    yield from Standings.of(assessment, months, rulebook).months(rule)


def _timeline(community: Community, contexts: Contexts) -> Timeline:
    checkpoint()  # work for a request that is gone may stop here
    return Timeline(community, contexts)


@attrs.frozen
class Track:
    """One community's standings as of each month of a progress report.

    Args:
        community_id: Its id.
        community_name: Its name.
        district: Its district.
        standings: Its standing as of each month, in the report's order.
    """

    community_id: str
    community_name: str
    district: str
    standings: tuple[Standing, ...]


class Standings:
    """Every community's standing as of each month: what progress reports, computed at once.

    The communities are read once, each scored once into its
    timeline and reduced to its :class:`Track`: what is
    held is a few numbers a community and month, never the communities, so a
    stream of communities (a JSON Lines file) is reported in memory that
    does not grow with their records.

    Args:
        communities: The communities, read once.
        period: The assessment period (R1).
        months: The months to report as of; every month of the period by
            default.
        rulebook: The edition to apply (:attr:`rulebook`: the one used); by
            default the one in force on the period's first day.
        districts: District records: a community of a recorded district is
            scored with its district's 1.1 list (R18, R22).

    Raises:
        TypeError: A month is not a :class:`Month`.
        ValueError: A month is before the period's first month (R2).
    """

    def __init__(
        self,
        communities: Iterable[Community],
        period: Period,
        months: Iterable[Month] | None = None,
        rulebook: Rulebook | None = None,
        districts: Iterable[DistrictRecord] = (),
    ) -> None:
        chosen = tuple(period.months if months is None else months)
        for month in chosen:
            check_type("iter_progress", "months[]", month, Month)
        windows = [
            (window, window.end == month) for month in chosen for window in [period.as_of(month)]
        ]
        self.rulebook: Final = edition_for(period) if rulebook is None else rulebook
        contexts = Contexts(period, self.rulebook)
        self.period: Final = period
        self.month_list: Final = chosen
        kept: dict[Standing, Standing] = {}  # equal standings held once, and their shortfalls
        lacks: dict[object, tuple[tuple[ItemCode, Deduction], ...]] = {}

        def held(standing: Standing) -> Standing:
            found = kept.get(standing)
            if found is None:
                shared = lacks.setdefault(standing.shortfalls, standing.shortfalls)
                found = kept[standing] = attrs.evolve(standing, shortfalls=shared)
            return found

        records = records_by_key(districts)
        self.tracks: Final = [
            Track(c.id, c.name, c.district, tuple(held(line.standing(*w)) for w in windows))
            for c in communities
            for line in [_timeline(with_district_records(c, records), contexts)]
        ]

    @classmethod
    def of(
        cls,
        assessment: Assessment,
        months: Iterable[Month] | None = None,
        rulebook: Rulebook | None = None,
    ) -> Standings:
        """The standings of an assessment's communities, with its district records (R18)."""
        return cls(
            assessment.communities, assessment.period, months, rulebook, assessment.districts
        )

    def months(self, rule: BehindRule) -> Iterator[MonthProgress]:
        """One :class:`MonthProgress` per month, in order, flagging the behind by *rule* (R19)."""
        for index, month in enumerate(self.month_list):
            rows = tuple(
                CommunityMonth(t.community_id, t.community_name, t.district, t.standings[index])
                for t in self.tracks
            )
            yield MonthProgress(
                month=month,
                rows=rows,
                missed=tuple(r.community_id for r in rows if r.standing.missed),
                behind=flag_behind(
                    ((r.community_id, r.total, r.standing.lost_base_points) for r in rows), rule
                ),
                rule=rule,
            )
