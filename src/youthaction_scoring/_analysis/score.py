"""Scoring communities: every clause, then the totals (R16).

Scoring is a pure function of its inputs: it reads frozen values and may run
from several threads at once. :class:`Scorer` scores many communities over one
period and rulebook; it shares an item between communities whose clause
declares that the item depends only on a few facts (say, which cadre kinds
are present), and equal deductions (the same missing month), which saves
work in large batches and changes no result.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Final, TypeVar

import attrs

from .._domain.calendar import Month, Period
from .._domain.checkpoint import checkpoint
from .._domain.checks import check_type
from .._domain.codes import ItemCode
from .._domain.district_records import DistrictRecord, records_by_key
from .._domain.messages import Message, Text
from .._domain.model import Assessment, Community
from .._domain.normalize import compare_key
from .._domain.scorecard import Deduction, ItemScore, Scorecard, Scorecards
from .._rules.clause import Context, Values
from .._rules.clauses import CLAUSES
from .._rules.editions import edition_for, edition_note
from .._rules.rulebook import Rulebook
from .._rules.totals import total_stage

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

ProgressCallback = Callable[[int], None]
"""Called after each community with how many have been handled so far."""

_NOTES_MAX: Final = 2048
"""At most this many shared notes (most notes name a record of one community)."""
_SHARED_MAX: Final = 4096
"""At most this many shared items, and deductions, a scorer keeps (they are few)."""


class _Shared(dict[K, V]):
    """A bounded table of values shared by their key: made once, then reused.

    Look a value up with ``get``; :meth:`keep` a new one. Beyond its bound the
    table keeps no more (new values are made afresh, equal to what would have
    been shared).
    """

    def __init__(self, bound: int) -> None:
        super().__init__()
        self.bound = bound

    def keep(self, key: K, value: V) -> V:
        """Keep *value* for *key* while under the bound; return it."""
        if len(self) < self.bound:
            self[key] = value
        return value


class SharedValues(Values):
    """Makes each distinct deduction, note and plain bonus item once, and shares it."""

    def __init__(self) -> None:
        self._deductions: _Shared[tuple[int, str, Text, tuple[Hashable, ...]], Deduction]
        self._deductions = _Shared(_SHARED_MAX)
        self._notes: _Shared[tuple[Text, tuple[Hashable, ...], str | None], Message]
        self._notes = _Shared(_NOTES_MAX)
        self._bonuses: _Shared[tuple[ItemCode, int, int, int], ItemScore] = _Shared(_SHARED_MAX)

    def deduction(self, points: int, rule: str, key: Text, args: tuple[Hashable, ...]) -> Deduction:
        """Return the deduction, made once for equal arguments."""
        index = (points, rule, key, args)
        found = self._deductions.get(index)
        if found is None:
            found = self._deductions.keep(index, super().deduction(points, rule, key, args))
        return found

    def note(self, key: Text, args: tuple[Hashable, ...], rule: str | None) -> Message:
        """Return the note, made once for equal arguments."""
        index = (key, args, rule)
        found = self._notes.get(index)
        if found is None:
            found = self._notes.keep(index, super().note(key, args, rule))
        return found

    def plain_bonus(self, code: ItemCode, each: int, cap: int, counted: int) -> ItemScore:
        """Return the bonus item without notes, made once for equal arguments."""
        index = (code, each, cap, counted)
        found = self._bonuses.get(index)
        if found is None:
            found = self._bonuses.keep(index, super().plain_bonus(code, each, cap, counted))
        return found


def with_district_records(
    community: Community, districts: Mapping[str, DistrictRecord]
) -> Community:
    """Return the community as scored: with clause 1.1 from its district's record (R18).

    Args:
        community: The community.
        districts: District records by the comparison key of their names
            (:func:`~.._domain.district_records.records_by_key`): the district
            names are compared as names are (R22).

    Returns:
        The community itself when its district has no record; otherwise the
        community with the record's ``county_youth_orgs``.
    """
    record = districts.get(compare_key(community.district))
    if record is None:
        return community
    orgs = attrs.evolve(community.org_system, county_youth_orgs=record.county_youth_orgs)
    return attrs.evolve(community, org_system=orgs)


class Scorer:
    """Scores communities over one period, as of one month, under one rulebook.

    Args:
        period: The assessment period (R1).
        as_of: Score as of this month (R2), or ``None`` for the whole period.
        rulebook: The edition, or ``None``: the one in force on the period's
            first day (EDITIONS.md); :attr:`rulebook` is the one used.
        districts: District records (R18): a community of a recorded
            district is scored with its district's 1.1 list.

    Raises:
        ValueError: *as_of* is before the period's first month (R2).
    """

    def __init__(
        self,
        period: Period,
        as_of: Month | None,
        rulebook: Rulebook | None,
        districts: Iterable[DistrictRecord] = (),
    ) -> None:
        self.rulebook: Final = edition_for(period) if rulebook is None else rulebook
        self.context: Final = Context.make(period, as_of, self.rulebook, SharedValues())
        self.districts: Final = records_by_key(districts)
        self._items: _Shared[tuple[ItemCode, Hashable], ItemScore] = _Shared(_SHARED_MAX)

    def __call__(self, community: Community) -> Scorecard:
        """Score one community (a :func:`~.._domain.checkpoint.checkpoint` first)."""
        checkpoint()
        if self.districts:
            community = with_district_records(community, self.districts)
        ctx = self.context
        items: list[ItemScore] = []
        for clause in CLAUSES:
            if clause.facts is None:
                items.append(clause.score(community, ctx))
            else:
                key = (clause.code, clause.facts(community))
                item = self._items.get(key)
                if item is None:
                    item = self._items.keep(key, clause.score(community, ctx))
                items.append(item)
        return total_stage(community, tuple(items), ctx.rulebook)

    def scorecards(self, cards: Iterable[Scorecard] = ()) -> Scorecards:
        """*cards* as the scorecards of this scorer's period, as-of month and edition (stamped)."""
        return stamped(self.rulebook, self.context.period, self.context.as_of, cards)


def stamped(
    rulebook: Rulebook, period: Period, as_of: Month | None, cards: Iterable[Scorecard] = ()
) -> Scorecards:
    """Scorecards stamped with *rulebook*'s name, hash and note (EDITIONS.md).

    Args:
        rulebook: The edition that scored them.
        period: The assessment period.
        as_of: The as-of month, or ``None``.
        cards: The scorecards, in input order.

    Returns:
        The scorecards.
    """
    return Scorecards(
        rulebook.name,
        period,
        as_of,
        tuple(cards),
        rulebook_hash=rulebook.hash,
        rulebook_note=edition_note(rulebook, period),
    )


def score(
    community: Community,
    period: Period,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
) -> Scorecard:
    """Score one community over *period*.

    Args:
        community: The community.
        period: The assessment period (R1).
        as_of: Score as of this month: later months are not yet owed and
            later records do not count (R2). ``None`` scores the whole period.
        rulebook: The edition to apply; by default the one in force on the
            period's first day (EDITIONS.md).

    Returns:
        The itemised scorecard.

    Raises:
        TypeError: An argument is not of the type named here.
        ValueError: *as_of* is before the period's first month (R2).
    """
    check_type("score", "community", community, Community)
    return _scorer("score", period, as_of, rulebook)(community)


def score_assessment(
    assessment: Assessment,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
) -> Scorecards:
    """Score every community of an assessment.

    Args:
        assessment: The period and the communities.
        as_of: As in :func:`score`.
        rulebook: As in :func:`score`.

    Returns:
        The scorecards, in input order, stamped with the rulebook edition;
        communities of a recorded district take 1.1 from its record (R18).

    Raises:
        TypeError: An argument is not of the type named here.
        ValueError: *as_of* is before the period's first month (R2).
    """
    check_type("score_assessment", "assessment", assessment, Assessment)
    scorer = _scorer("score_assessment", assessment.period, as_of, rulebook, assessment.districts)
    return scorer.scorecards(scorer(community) for community in assessment.communities)


def score_batch(
    communities: Iterable[Community],
    period: Period,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
    progress: ProgressCallback | None = None,
    districts: Iterable[DistrictRecord] = (),
) -> Iterator[Scorecard]:
    """Score communities lazily, in order, reporting progress.

    Memory does not grow with the number of communities: each is scored when
    the iterator reaches it.

    Args:
        communities: Any iterable of communities (a generator is fine).
        period: The assessment period (R1).
        as_of: Score as of this month (R2), or ``None`` for the whole period.
        rulebook: As in :func:`score`.
        progress: Called with the number of communities scored so far, after
            each one.
        districts: District records (R18), as in :func:`score_assessment`.

    Returns:
        An iterator of scorecards, one per community, in input order; equal
        to what :func:`score` gives for each.

    Raises:
        TypeError: An argument is not of the type named here (a community
            that is not a :class:`Community` is refused when reached).
        ValueError: *as_of* is before the period's first month (R2), raised
            at once, before any community is read.
    """
    scorer = _scorer("score_batch", period, as_of, rulebook, districts)
    return _score_all(communities, scorer, progress)


def _scorer(
    function: str,
    period: Period,
    as_of: Month | None,
    rulebook: Rulebook | None,
    districts: Iterable[DistrictRecord] = (),
) -> Scorer:
    check_type(function, "period", period, Period)
    check_type(function, "as_of", as_of, Month, optional=True)
    check_type(function, "rulebook", rulebook, Rulebook, optional=True)
    records = tuple(districts)
    for record in records:
        check_type(function, "districts[]", record, DistrictRecord)
    return Scorer(period, as_of, rulebook, records)


def _score_all(
    communities: Iterable[Community], scorer: Scorer, progress: ProgressCallback | None
) -> Iterator[Scorecard]:
    for done, community in enumerate(communities, start=1):
        check_type("score_batch", "communities[]", community, Community)
        yield scorer(community)
        if progress is not None:
            progress(done)
