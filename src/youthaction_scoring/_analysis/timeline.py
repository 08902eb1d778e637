"""One community's standing as of any month, without rescoring it month by month (R2).

Scoring a community as of every month of its period one month at a time costs
months × (records + months): each as-of scorecard lists every month missed so
far. A :class:`Timeline` scores the community once for the whole period and
then answers "as of month *m*" from what the clause records declare
(:attr:`~.._rules.clause.Clause.monthly`):

* a monthly item (item 3, R10) keeps its undated deductions and its
  whole-period deductions for months up to *m*; prefix sums give its points
  as of *m* through the rules' own floor (:func:`~.._rules.clause.floored`);
* any other item depends on *m* only through the dated records it reads
  (R2, R21), so it is rescored only when *m* passes the month of one of them
  — the months are learnt by watching which dates the clause asks about.

The totals come from the rules' own caps (:func:`~.._rules.totals.capped_totals`).
Time is linear in months plus records per distinct record month; the property
tests check every answer against :func:`~.score.score` as of the month.
"""

from __future__ import annotations

import bisect
import datetime as dt
from itertools import accumulate
from typing import Final

import attrs

from .._domain.calendar import Month, Period, month_index
from .._domain.codes import ItemCode, ItemKind, RecordKind
from .._domain.messages import Message
from .._domain.model import Community
from .._domain.scorecard import Deduction, ItemScore
from .._rules.clause import BaseRemedy, Clause, Context, floored
from .._rules.clauses import CLAUSES
from .._rules.rulebook import Rulebook
from .._rules.totals import capped_totals


@attrs.frozen
class _Watching(Context):
    """A whole-period context that notes the month of every dated record a clause reads."""

    seen: set[int] = attrs.field(factory=set, eq=False, repr=False)

    def exclusion(self, kind: RecordKind, title: str, day: dt.date) -> Message | None:
        """Note *day*'s month, then decide as any context does."""
        self.seen.add(month_index(day))
        return super().exclusion(kind, title, day)


@attrs.frozen
class Standing:
    """A community's standing as of one month: what monthly progress lists.

    Args:
        total: Its total as of the month (R2).
        missed: No qualifying activity in the month itself (R10).
        months_missed: Months without one so far, this one included.
        shortfalls: Every other deduction on its base items as of the month,
            with the item's code, in item order (a missing brand, R11;
            organisation and staffing gaps).
    """

    total: int
    missed: bool
    months_missed: int
    shortfalls: tuple[tuple[ItemCode, Deduction], ...]

    @property
    def lost_base_points(self) -> bool:
        """Whether it has lost a base point as of the month (else it is never behind, R23)."""
        return self.months_missed > 0 or bool(self.shortfalls)


class Contexts:
    """The scoring contexts of one assessment, one per as-of month, made once and shared."""

    def __init__(self, period: Period, rulebook: Rulebook) -> None:
        self.period = period
        self.rulebook = rulebook
        self._made: dict[int, Context] = {}
        self.watching: Final = _Watching(period, period, None, rulebook)
        """The whole-period context that notes record months (cleared per clause)."""

    def as_of(self, index: int) -> Context:
        """Return the context for scoring as of the month numbered *index*."""
        found = self._made.get(index)
        if found is None:
            month = Month.from_index(index)
            found = self._made[index] = Context.make(self.period, month, self.rulebook)
        return found


class _Monthly:
    """A monthly item as of any month: its undated deductions and its months' prefix sums.

    ``months`` are the months it deducts for: its standing changes there.
    """

    def __init__(self, item: ItemScore, remedy: BaseRemedy) -> None:
        self.full = item.raw
        dated: list[tuple[int, int]] = []
        undated: list[Deduction] = []
        for ded in item.deductions:
            due = remedy.due(ded)
            if due is None:
                undated.append(ded)
            else:
                dated.append((due.index, ded.points))
        dated.sort()
        self.months = [index for index, _ in dated]
        self.sums = [0, *accumulate(points for _, points in dated)]
        self.undated = tuple((item.code, d) for d in undated)
        self.undated_points = sum(d.points for d in undated)

    def points(self, index: int) -> tuple[int, int, bool]:
        """Return ``(points, months missed so far, missed this month)`` as of month *index*."""
        owed = bisect.bisect_right(self.months, index)
        missed = owed > 0 and self.months[owed - 1] == index
        return floored(self.full, self.undated_points + self.sums[owed]), owed, missed


class _Rescored:
    """An item that changes only when the as-of month passes one of its records' months.

    ``months`` are those months, from watching which dates the clause reads.
    """

    def __init__(self, clause: Clause, item: ItemScore, seen: set[int]) -> None:
        self.clause = clause
        self.whole = item
        self.months = sorted(seen)
        self._key: int | None = None
        self._item = item

    def item(self, community: Community, index: int, contexts: Contexts) -> ItemScore:
        """Return the item as of month *index*: rescored as of its latest record month."""
        passed = bisect.bisect_right(self.months, index)
        if passed == len(self.months):
            return self.whole  # every record it reads is in time, as for the whole period
        key = self.months[passed - 1] if passed else -1
        if key != self._key:
            self._key = key
            self._item = self.clause.score(community, contexts.as_of(index))
        return self._item


class Timeline:
    """One community's standing as of any month of the period.

    The items other than the monthly one change only at their records'
    months, so their sums and shortfalls are kept until the as-of month
    passes the next such month; the monthly item is read off its prefix sums.

    Args:
        community: The community.
        contexts: The contexts of its assessment (period and rulebook).

    Raises:
        TypeError: More than one clause is monthly (only item 3 is).
    """

    def __init__(self, community: Community, contexts: Contexts) -> None:
        self.community = community
        self.contexts = contexts
        self.rulebook = contexts.rulebook
        self._parts: list[_Monthly | _Rescored] = []
        self._monthly: _Monthly | None = None
        watching = contexts.watching
        for clause in CLAUSES:
            watching.seen.clear()
            item = clause.score(community, watching)
            remedy = clause.remedy
            if clause.monthly and isinstance(remedy, BaseRemedy):
                if self._monthly is not None:
                    raise TypeError("progress expects at most one monthly clause")
                self._monthly = _Monthly(item, remedy)
                self._parts.append(self._monthly)
            else:
                self._parts.append(_Rescored(clause, item, set(watching.seen)))
        self._changes = sorted(
            {m for p in self._parts if isinstance(p, _Rescored) for m in p.months}
        )
        self._key = -1
        self._rest: tuple[int, int, tuple[tuple[ItemCode, Deduction], ...]] = (0, 0, ())

    def standing(self, window: Period, exact: bool) -> Standing:
        """Return the standing as of a month (R2): equal to scoring as of it.

        Args:
            window: The period truncated at the month (:meth:`Period.as_of`).
            exact: The month is the window's last month (not after the period).

        Returns:
            The standing.
        """
        index = window.end.index
        key = bisect.bisect_right(self._changes, index)
        if key != self._key:
            self._key, self._rest = key, self._rescore(index)
        base, bonus, shortfalls = self._rest
        owed, missed = 0, False
        if self._monthly is not None:
            points, owed, missed = self._monthly.points(index)
            base += points
        total = sum(capped_totals(base, bonus, self.rulebook))
        return Standing(total, missed and exact, owed, shortfalls)

    def _rescore(self, index: int) -> tuple[int, int, tuple[tuple[ItemCode, Deduction], ...]]:
        """The other items as of month *index*: base and bonus sums, every shortfall in order."""
        base = bonus = 0
        shortfalls: list[tuple[ItemCode, Deduction]] = []
        for part in self._parts:
            if isinstance(part, _Monthly):
                shortfalls.extend(part.undated)
                continue
            item = part.item(self.community, index, self.contexts)
            shortfalls.extend((item.code, d) for d in item.deductions)
            if item.kind is ItemKind.BASE:
                base += item.points
            else:
                bonus += item.points
        return base, bonus, tuple(shortfalls)
