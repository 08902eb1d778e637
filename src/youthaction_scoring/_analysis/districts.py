"""District roll-up: district league committees carry the main responsibility.

Per district: the number of communities, the mean, lowest and highest total,
and the communities behind (any base-item shortfall, see
:func:`~._progress.shortfalls`). No grade is assigned.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._domain.checks import check_type
from .._domain.scorecard import Scorecard
from .progress import is_behind


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
        behind: Ids of its communities with any shortfall, in input order.
    """

    district: str
    count: int
    mean: float
    min: int
    max: int
    community_ids: tuple[str, ...]
    behind: tuple[str, ...]


def district_rollup(cards: Iterable[Scorecard]) -> tuple[DistrictSummary, ...]:
    """Roll scorecards up by district.

    Args:
        cards: The scorecards.

    Returns:
        One summary per district, in the order of each district's first
        community.
    """
    groups: dict[str, list[Scorecard]] = {}
    for card in cards:
        check_type("district_rollup", "cards[]", card, Scorecard)
        groups.setdefault(card.district, []).append(card)
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
                behind=tuple(c.community_id for c in members if is_behind(c)),
            )
        )
    return tuple(summaries)
