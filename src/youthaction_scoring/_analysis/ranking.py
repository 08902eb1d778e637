"""Ranking: communities ordered by total, ties sharing a rank (1, 2, 2, 4).

The rulebook asks for results to be published periodically; it defines no
grade bands, so a ranking is only an order by total (R16), never a grade.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import attrs

from .._domain.checks import check_type
from .._domain.normalize import compare_key
from .._domain.scorecard import Scorecard
from .score_rows import ScoreRow

T = TypeVar("T")


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

    def checked() -> Iterator[Scorecard]:
        for card in cards:
            check_type("rank_scorecards", "cards[]", card, Scorecard)
            yield card

    return tuple(
        RankedCard(rank, card)
        for rank, card in _ranked(checked(), by_district, lambda c: c.district, lambda c: c.total)
    )


@attrs.frozen
class RankedRow:
    """One community's place in a ranking of score rows (:func:`rank_rows`).

    Args:
        rank: As in :class:`RankedCard`.
        row: Its score row.
    """

    rank: int
    row: ScoreRow

    def ranked_card(self) -> RankedCard:
        """The same place, with a scorecard of the row's totals (for the ranking's renderers)."""
        return RankedCard(self.rank, self.row.summary_card())


def rank_rows(rows: Iterable[ScoreRow], *, by_district: bool = False) -> tuple[RankedRow, ...]:
    """Rank score rows exactly as :func:`rank_scorecards` ranks their scorecards.

    Args:
        rows: The rows.
        by_district: As in :func:`rank_scorecards`.

    Returns:
        The ranked rows, in the order of :func:`rank_scorecards`.
    """
    return tuple(
        RankedRow(rank, row)
        for rank, row in _ranked(rows, by_district, lambda r: r.district, lambda r: r.total)
    )


def _ranked(
    entries: Iterable[T],
    by_district: bool,
    district_of: Callable[[T], str],
    total_of: Callable[[T], int],
) -> Iterator[tuple[int, T]]:
    """(rank, entry), grouped by district (first appearance) when asked, each group by total."""
    groups: dict[str, list[T]] = {}
    for entry in entries:
        key = compare_key(district_of(entry)) if by_district else ""  # R22
        groups.setdefault(key, []).append(entry)
    for members in groups.values():
        ordered = sorted(members, key=lambda e: -total_of(e))
        ranks = competition_ranks([total_of(e) for e in ordered])
        yield from zip(ranks, ordered, strict=True)


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
