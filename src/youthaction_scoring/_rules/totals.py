"""The totals of a scorecard, the last stage of scoring (R16).

Base = the sum of the base items, at most the rulebook's base cap; bonus =
the sum of the bonus items (each already after its own cap), at most the
bonus cap; total = base + bonus. Under the 2021 amounts neither cap can bind
(R21), but editions with other amounts may make them.
"""

from __future__ import annotations

from .._domain.codes import ItemKind
from .._domain.messages import Message, Text
from .._domain.model import Community
from .._domain.scorecard import ItemScore, Scorecard
from .rulebook import Rulebook


class TotalText(Text):
    """Notes of the total stage."""

    BONUS_CAPPED = ("加分项合计{0}分，按上限{1}分计", "bonus items total {0}, capped at {1}")
    BASE_CAPPED = ("基本项合计{0}分，按上限{1}分计", "base items total {0}, capped at {1}")


def total_stage(
    community: Community, items: tuple[ItemScore, ...], rulebook: Rulebook
) -> Scorecard:
    """Add the items up under the base and bonus caps (R16).

    Args:
        community: The community scored.
        items: Its items, in the order of the rules page.
        rulebook: The caps.

    Returns:
        The scorecard, with a note for each cap that bound.
    """
    base_sum = sum(i.points for i in items if i.kind is ItemKind.BASE)
    bonus_sum = sum(i.points for i in items if i.kind is ItemKind.BONUS)
    base, bonus = capped_totals(base_sum, bonus_sum, rulebook)
    notes: list[Message] = []
    if base_sum > rulebook.base_cap:
        notes.append(Message(TotalText.BASE_CAPPED, (base_sum, rulebook.base_cap), "R16"))
    if bonus_sum > rulebook.bonus_cap:
        notes.append(Message(TotalText.BONUS_CAPPED, (bonus_sum, rulebook.bonus_cap), "R16"))
    return Scorecard(
        community_id=community.id,
        community_name=community.name,
        district=community.district,
        pilot_level=community.pilot_level,
        items=items,
        base=base,
        bonus_before_cap=bonus_sum,
        bonus=bonus,
        notes=tuple(notes),
    )


def capped_totals(base_sum: int, bonus_sum: int, rulebook: Rulebook) -> tuple[int, int]:
    """The total stage's arithmetic: each sum cut to its cap (R16).

    Args:
        base_sum: The base items' points added up.
        bonus_sum: The bonus items' points added up (each after its own cap).
        rulebook: The caps.

    Returns:
        ``(base, bonus)``; the total is their sum.
    """
    return min(base_sum, rulebook.base_cap), min(bonus_sum, rulebook.bonus_cap)
