"""Scoring: run every clause on a community and add up the stages (R16).

Scoring is a pure function of its inputs: it reads frozen values, keeps no
state between calls and may be called from several threads at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .._domain.codes import ItemKind
from .._domain.messages import Message
from .._domain.model import Assessment, Community, Month, Period
from .._domain.scorecard import Scorecard, Scorecards
from .._rules.clause import CLAUSES, Context
from .._rules.rulebook import GUIYANG_2021, Rulebook


def score(
    community: Community,
    period: Period,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook = GUIYANG_2021,
) -> Scorecard:
    """Score one community over *period*.

    Args:
        community: The community.
        period: The assessment period (R1).
        as_of: Score as of this month: later months are not yet owed and
            later records do not count (R2). ``None`` scores the whole period.
        rulebook: The amounts to apply; the Guiyang 2021 edition by default.

    Returns:
        The itemised scorecard.

    Raises:
        ValueError: *as_of* is before the period's first month (R2).
    """
    return score_in(community, Context.make(period, as_of, rulebook))


def score_in(community: Community, ctx: Context) -> Scorecard:
    """Score one community in a prepared :class:`Context` (no re-validation).

    Args:
        community: The community.
        ctx: Period, as-of month and rulebook.

    Returns:
        The itemised scorecard.
    """
    rb = ctx.rulebook
    items = tuple(clause(community, ctx) for clause in CLAUSES)
    base_sum = sum(i.points for i in items if i.kind is ItemKind.BASE)
    bonus_sum = sum(i.points for i in items if i.kind is ItemKind.BONUS)
    notes: list[Message] = []
    if base_sum > rb.base_cap:
        notes.append(Message("base_capped", (base_sum, rb.base_cap), "R16"))
    if bonus_sum > rb.bonus_cap:
        notes.append(Message("bonus_capped", (bonus_sum, rb.bonus_cap), "R16"))
    return Scorecard(
        community_id=community.id,
        community_name=community.name,
        district=community.district,
        pilot_level=community.pilot_level,
        items=items,
        base=min(base_sum, rb.base_cap),
        bonus_before_cap=bonus_sum,
        bonus=min(bonus_sum, rb.bonus_cap),
        notes=tuple(notes),
    )


def iter_scores(
    communities: Iterable[Community],
    period: Period,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook = GUIYANG_2021,
) -> Iterator[Scorecard]:
    """Score communities one at a time, lazily, in order.

    Args:
        communities: Any iterable of communities (a generator is fine).
        period: The assessment period.
        as_of: As in :func:`score`.
        rulebook: As in :func:`score`.

    Returns:
        An iterator of scorecards in input order.

    Raises:
        ValueError: *as_of* is before the period's first month (R2), raised
            at once, before any community is read.
    """
    ctx = Context.make(period, as_of, rulebook)
    return (score_in(community, ctx) for community in communities)


def score_assessment(
    assessment: Assessment,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook = GUIYANG_2021,
) -> Scorecards:
    """Score every community of an assessment.

    Args:
        assessment: The period and the communities.
        as_of: As in :func:`score`.
        rulebook: As in :func:`score`.

    Returns:
        The scorecards, in input order, stamped with the rulebook edition.

    Raises:
        ValueError: *as_of* is before the period's first month (R2).
    """
    cards = tuple(
        iter_scores(assessment.communities, assessment.period, as_of=as_of, rulebook=rulebook)
    )
    return Scorecards(
        rulebook=rulebook.edition, period=assessment.period, as_of=as_of, scorecards=cards
    )
