"""Ranking: communities ordered by total, ties sharing a rank (1, 2, 2, 4).

The rulebook asks for results to be published periodically; it defines no
grade bands, so a ranking is only an order by total (R16), never a grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from .._domain.checks import check_type
from .._domain.scorecard import Scorecard


@attrs.frozen
class RankedCard:
    """One community's place in a ranking.

    Args:
        rank: Its rank: one more than the number of communities (in the same
            group) with a strictly higher total, so ties share a rank.
        card: Its scorecard.
    """

    rank: int
    card: Scorecard


def rank_scorecards(
    cards: Iterable[Scorecard], *, by_district: bool = False
) -> tuple[RankedCard, ...]:
    """Rank scorecards by total, highest first; ties share a rank (1, 2, 2, 4).

    Communities with equal totals keep their input order.

    Args:
        cards: The scorecards.
        by_district: Rank within each district instead of overall; districts
            appear in the order of their first community.

    Returns:
        The ranked cards: grouped by district when *by_district*, each group
        ordered by total, highest first.
    """
    groups: dict[str, list[Scorecard]] = {}
    for card in cards:
        check_type("rank_scorecards", "cards[]", card, Scorecard)
        groups.setdefault(card.district if by_district else "", []).append(card)
    ranked: list[RankedCard] = []
    for members in groups.values():
        ordered = sorted(members, key=lambda c: -c.total)
        ranks = competition_ranks([c.total for c in ordered])
        ranked.extend(RankedCard(rank, card) for rank, card in zip(ranks, ordered, strict=True))
    return tuple(ranked)


def competition_ranks(totals: Sequence[int]) -> list[int]:
    """Competition ranks of *totals*, highest first (1, 2, 2, 4), in input order.

    Args:
        totals: Totals in any order.

    Returns:
        Each total's rank (1 + the number of strictly higher totals), in the
        order of *totals*.
    """
    first_position: dict[int, int] = {}
    for position, total in enumerate(sorted(totals, reverse=True), start=1):
        first_position.setdefault(total, position)
    return [first_position[total] for total in totals]
