"""What-if: one assessment under two editions, or two assessments under one (EDITIONS.md).

A comparison puts two sets of scorecards side by side — side *a* and side
*b*: the same assessment scored under two editions of the rulebook (what an
amendment would change), or a community's self-check (*a*) and the verified
data (*b*) under one edition (issue 23). Per community: the total, every
item, the rank (ties share a rank, as :mod:`.ranking` ranks) and the behind
flag (R19, R23: :meth:`~.behind.BehindRule.flag`, among the communities of
that side) under each, and the difference; per district (names compared as
R22 says) the same rolled up (:mod:`.rollup`); a summary of who moved most
and who enters or leaves the behind list. A community present on one side
only is listed with the other side empty, never dropped. Comparing identical
editions, or identical inputs, shows no difference.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from .._domain.calendar import Month
from .._domain.checks import check_type
from .._domain.codes import ItemCode
from .._domain.model import Assessment, Community
from .._domain.normalize import compare_key
from .._domain.scorecard import Scorecard, Scorecards
from .._rules.rulebook import Rulebook
from .behind import BehindRule
from .differences import RecordDifference, record_differences
from .progress import short_items
from .ranking import competition_ranks
from .rollup import BehindCommunity, DistrictSummary, rollup_communities

MOVED_MOST: Final = 5
"""The most communities the summary names as having moved most."""


@attrs.frozen
class ComparedEdition:
    """The edition that scored one side: its name and content hash (EDITIONS.md)."""

    rulebook: str
    hash: str


@attrs.frozen
class ComparedSide:
    """One community under one side.

    Args:
        total: Its total (R16).
        rank: Its rank among that side's communities (1 + the number with a
            higher total: ties share a rank).
        behind: Flagged behind among that side's communities (R19, R23).
        items: Each item's points, in item order.
    """

    total: int
    rank: int
    behind: bool
    items: tuple[tuple[ItemCode, int], ...]

    def points(self, code: ItemCode) -> int:
        """The points of item *code*."""
        return dict(self.items)[code]


@attrs.frozen
class CommunityComparison:
    """One community under both sides.

    Args:
        community_id: Its id.
        community_name: Its name (side *a*'s, when it has one).
        district: Its district (side *a*'s, when it has one).
        a: Under side *a*; ``None``: not on side *a*.
        b: Under side *b*; ``None``: not on side *b*.
        differences: The records and facts that differ (two inputs only).
    """

    community_id: str
    community_name: str
    district: str
    a: ComparedSide | None
    b: ComparedSide | None
    differences: tuple[RecordDifference, ...] = ()

    @property
    def delta(self) -> int | None:
        """Side *b*'s total minus side *a*'s; ``None`` when on one side only."""
        return None if self.a is None or self.b is None else self.b.total - self.a.total

    @property
    def rank_change(self) -> int | None:
        """Places gained from *a* to *b* (side *a*'s rank minus *b*'s); ``None`` on one side."""
        return None if self.a is None or self.b is None else self.a.rank - self.b.rank

    @property
    def changed_items(self) -> tuple[tuple[ItemCode, int], ...]:
        """Each item whose points differ, with *b* minus *a* (none when on one side only)."""
        if self.a is None or self.b is None:
            return ()
        b = dict(self.b.items)
        return tuple((code, b[code] - points) for code, points in self.a.items if b[code] != points)

    @property
    def changed(self) -> bool:
        """On one side only, or a total, an item, the behind flag or a record differs.

        A rank alone may move because others moved; it is not a change of this
        community's own (:meth:`Comparison.moved_most` still counts it).
        """
        if self.a is None or self.b is None or self.differences:
            return True
        return (self.a.total, self.a.behind, self.a.items) != (
            self.b.total,
            self.b.behind,
            self.b.items,
        )


@attrs.frozen
class DistrictComparison:
    """One district under both sides (R22: its name as first met).

    Args:
        district: The district.
        a: Its roll-up under side *a*; ``None``: no community there.
        b: Its roll-up under side *b*; ``None``: no community there.
    """

    district: str
    a: DistrictSummary | None
    b: DistrictSummary | None

    @property
    def delta(self) -> float | None:
        """Side *b*'s mean total minus side *a*'s; ``None`` when on one side only."""
        return None if self.a is None or self.b is None else self.b.mean - self.a.mean


@attrs.frozen
class Comparison:
    """Two sides compared.

    Args:
        a: The edition of side *a*.
        b: The edition of side *b*.
        behind: The rule that flagged communities behind on both sides.
        communities: Every community of either side: side *a*'s in its order,
            then those only on side *b*.
        districts: Every district of either side, as ``communities`` orders them.
        as_of: The month the totals are as of (side *a*'s; its period's last
            month when scored over the whole period).
        records: The records behind each difference were looked for (two inputs).
    """

    a: ComparedEdition
    b: ComparedEdition
    behind: BehindRule
    communities: tuple[CommunityComparison, ...]
    districts: tuple[DistrictComparison, ...]
    as_of: Month
    records: bool = False

    @property
    def changed(self) -> tuple[CommunityComparison, ...]:
        """The communities in which anything differs."""
        return tuple(c for c in self.communities if c.changed)

    @property
    def entering(self) -> tuple[CommunityComparison, ...]:
        """Behind under *b*, not under *a* (on both sides)."""
        return tuple(c for c in self.communities if c.a and c.b and c.b.behind and not c.a.behind)

    @property
    def leaving(self) -> tuple[CommunityComparison, ...]:
        """Behind under *a*, not under *b* (on both sides)."""
        return tuple(c for c in self.communities if c.a and c.b and c.a.behind and not c.b.behind)

    @property
    def only_a(self) -> tuple[CommunityComparison, ...]:
        """The communities on side *a* only."""
        return tuple(c for c in self.communities if c.b is None)

    @property
    def only_b(self) -> tuple[CommunityComparison, ...]:
        """The communities on side *b* only."""
        return tuple(c for c in self.communities if c.a is None)

    def moved_most(self, limit: int = MOVED_MOST) -> tuple[CommunityComparison, ...]:
        """Up to *limit* communities that moved most in rank, then in total; ties in order."""
        moved = [c for c in self.communities if c.delta or c.rank_change]
        moved.sort(key=lambda c: (-abs(c.rank_change or 0), -abs(c.delta or 0)))
        return tuple(moved[:limit])


def compare_scorecards(
    a: Scorecards,
    b: Scorecards,
    behind: BehindRule | None = None,
    differences: dict[str, tuple[RecordDifference, ...]] | None = None,
) -> Comparison:
    """Compare two sets of scorecards, community by community (by id).

    Args:
        a: Side *a*'s scorecards, scored together.
        b: Side *b*'s scorecards, scored together.
        behind: Who is behind on each side (R19); the bottom quarter by default.
        differences: The record differences of each community, by id.

    Returns:
        The comparison.
    """
    check_type("compare_scorecards", "a", a, Scorecards)
    check_type("compare_scorecards", "b", b, Scorecards)
    rule = behind or BehindRule()
    check_type("compare_scorecards", "behind", rule, BehindRule)
    sides = (_sides(a, rule), _sides(b, rule))
    cards = {card.community_id: card for card in (*b, *a)}  # side a's name first
    found = differences or {}
    communities = tuple(
        CommunityComparison(
            i,
            cards[i].community_name,
            cards[i].district,
            sides[0].get(i),
            sides[1].get(i),
            found.get(i, ()),
        )
        for i in dict.fromkeys(card.community_id for card in (*a, *b))
    )
    rolled = (_rollup(a, rule), _rollup(b, rule))
    districts = tuple(
        DistrictComparison(shown, rolled[0].get(key), rolled[1].get(key))
        for key, shown in _districts(c.district for c in communities).items()
    )
    return Comparison(
        ComparedEdition(a.rulebook, a.rulebook_hash),
        ComparedEdition(b.rulebook, b.rulebook_hash),
        rule,
        communities,
        districts,
        a.period.end if a.as_of is None else a.as_of,
        differences is not None,
    )


def _sides(cards: Scorecards, rule: BehindRule) -> dict[str, ComparedSide]:
    totals = [card.total for card in cards]
    ranks = competition_ranks(totals)
    flags = rule.flag(totals, [bool(short_items(card)) for card in cards])
    return {
        card.community_id: ComparedSide(
            card.total, rank, flagged, tuple((item.code, item.points) for item in card.items)
        )
        for card, rank, flagged in zip(cards, ranks, flags, strict=True)
    }


def _rollup(cards: Iterable[Scorecard], rule: BehindRule) -> dict[str, DistrictSummary]:
    entries = (
        (c.district, BehindCommunity(c.community_id, c.community_name, c.total, short_items(c)))
        for c in cards
    )
    return {compare_key(s.district): s for s in rollup_communities(entries, rule)}


def _districts(names: Iterable[str]) -> dict[str, str]:
    shown: dict[str, str] = {}
    for name in names:
        shown.setdefault(compare_key(name), name)  # R22: the first spelling met
    return shown


def compare_editions(
    assessment: Assessment,
    a: Rulebook,
    b: Rulebook,
    *,
    as_of: Month | None = None,
    behind: BehindRule | None = None,
) -> Comparison:
    """Score one assessment under two editions and compare (what an amendment would change).

    Args:
        assessment: The assessment.
        a: The edition of side *a* (the one in force, say).
        b: The edition of side *b* (the amendment).
        as_of: Score both as of this month (R2).
        behind: As in :func:`compare_scorecards`.

    Raises:
        ValueError: *as_of* is before the period (R2).
    """
    from .score import score_assessment

    left = score_assessment(assessment, as_of=as_of, rulebook=a)
    right = score_assessment(assessment, as_of=as_of, rulebook=b)
    return compare_scorecards(left, right, behind)


def compare_inputs(
    a: Assessment,
    b: Assessment,
    *,
    rulebook: Rulebook | None = None,
    against_rulebook: Rulebook | None = None,
    as_of: Month | None = None,
    behind: BehindRule | None = None,
) -> Comparison:
    """Score a self-check (*a*) and the verified data (*b*) and compare, with the records behind.

    Args:
        a: The self-check (自查).
        b: The verified data (验收).
        rulebook: The edition of both sides; by default each side's in force
            on its period's first day (EDITIONS.md).
        against_rulebook: Side *b*'s edition, when it is not *rulebook*.
        as_of: Score both as of this month (R2).
        behind: As in :func:`compare_scorecards`.

    Returns:
        The comparison; each community on both sides carries the records and
        facts that differ (``record_differences``).

    Raises:
        ValueError: *as_of* is before a period (R2).
    """
    from .._domain.district_records import records_by_key
    from .score import score_assessment, with_district_records

    left = score_assessment(a, as_of=as_of, rulebook=rulebook)
    right = score_assessment(b, as_of=as_of, rulebook=against_rulebook or rulebook)
    ours, theirs = records_by_key(a.districts), records_by_key(b.districts)
    held: dict[str, Community] = {c.id: with_district_records(c, theirs) for c in b.communities}
    differences = {
        c.id: record_differences(with_district_records(c, ours), held[c.id])
        for c in a.communities
        if c.id in held
    }
    return compare_scorecards(left, right, behind, differences)
