"""District roll-up: district league committees carry the main responsibility.

Per district: the number of communities, the mean, lowest and highest total,
and its communities flagged behind (R19) among all those scored together
(:class:`~.behind.BehindRule`). Districts are listed by mean total, highest
first. No grade is assigned.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._domain.checks import check_type
from .._domain.scorecard import Scorecard
from .behind import BehindRule, flag_behind


@attrs.frozen
class DistrictSummary:
    """One district's roll-up.

    Args:
        district: The district (区(市、县)).
        count: Its number of communities.
        mean: Their mean total.
        min: The lowest total.
        max: The highest total.
        community_ids: Its communities, in input order.
        behind: Ids of its communities flagged behind (R19), in input order.
    """

    district: str
    count: int
    mean: float
    min: int
    max: int
    community_ids: tuple[str, ...]
    behind: tuple[str, ...]


def district_rollup(
    cards: Iterable[Scorecard], behind: BehindRule | None = None
) -> tuple[DistrictSummary, ...]:
    """Roll scorecards up by district.

    Args:
        cards: The scorecards, scored together (one period, one as-of month).
        behind: Who is flagged behind among all of them (R19); the bottom
            quarter by total, ties included, by default.

    Returns:
        One summary per district, by mean total, highest first (equal means
        in the order of each district's first community).
    """
    groups: dict[str, list[Scorecard]] = {}
    every: list[Scorecard] = []
    for card in cards:
        check_type("district_rollup", "cards[]", card, Scorecard)
        groups.setdefault(card.district, []).append(card)
        every.append(card)
    flagged = set(flag_behind(((c.community_id, c.total) for c in every), behind))
    summaries = []
    for district, members in groups.items():
        totals = [c.total for c in members]
        summaries.append(
            DistrictSummary(
                district=district,
                count=len(members),
                mean=sum(totals) / len(totals),
                min=min(totals),
                max=max(totals),
                community_ids=tuple(c.community_id for c in members),
                behind=tuple(c.community_id for c in members if c.community_id in flagged),
            )
        )
    summaries.sort(key=lambda s: -s.mean)
    return tuple(summaries)
