"""The clause registry: every clause record, in the rules' order, and what derives from it.

Per-item facts of the rulebook — an item's kind, its maximum under a given
edition, the highest total — are read from the records declared in the
section modules (:mod:`.s1_organisation` … :mod:`.s4_mechanisms`) and the
edition's typed amounts, never kept in a table of their own.
"""

from __future__ import annotations

from typing import Final

import attrs

from .._domain.codes import ItemCode, ItemKind
from .._domain.model import Community
from .._domain.scorecard import Scorecard
from . import s1_organisation, s2_workforce, s3_projects, s4_mechanisms
from .clause import Clause, Context
from .rulebook import ITEM_FIELDS, BonusAmounts, Rulebook
from .totals import total_stage

CLAUSES: Final[tuple[Clause, ...]] = (
    *s1_organisation.CLAUSES,
    *s2_workforce.CLAUSES,
    *s3_projects.CLAUSES,
    *s4_mechanisms.CLAUSES,
)
"""Every clause, in the order of the rules page (one per item)."""


def _check_registry() -> dict[ItemCode, Clause]:
    """Check that there is one clause per item, in order, whose amounts are of its kind."""
    codes = [c.code for c in CLAUSES]
    if codes != list(ItemCode):
        raise RuntimeError(f"clauses out of order or missing: {[c.code for c in codes]}")
    fields = attrs.fields_dict(Rulebook)
    for clause in CLAUSES:
        amounts = fields[ITEM_FIELDS[clause.code]].type
        if (amounts is BonusAmounts) != (clause.kind is ItemKind.BONUS):
            raise RuntimeError(f"clause {clause.code.code}: amounts {amounts} of another kind")
    return {c.code: c for c in CLAUSES}


BY_CODE: Final = _check_registry()
"""Each item's clause record."""

ITEM_KINDS: Final[dict[ItemCode, ItemKind]] = {c.code: c.kind for c in CLAUSES}
"""Base or bonus, per item (the table of the rules page; R14 for 4.3)."""


def clause_of(code: ItemCode) -> Clause:
    """Return the record of the clause that scores item *code*."""
    return BY_CODE[code]


def max_points(rulebook: Rulebook, code: ItemCode) -> int:
    """Return an item's full points (base item) or cap (bonus item) under *rulebook*.

    Args:
        rulebook: The amounts.
        code: The item.

    Returns:
        Its maximum.
    """
    return rulebook.item(code).maximum


def bonus_each(rulebook: Rulebook, code: ItemCode) -> int:
    """Return the points a further qualifying record earns on bonus item *code*."""
    amounts = rulebook.item(code)
    assert isinstance(amounts, BonusAmounts)
    return amounts.each


def max_total(rulebook: Rulebook) -> int:
    """Return the highest total a community can reach under *rulebook* (R16).

    Args:
        rulebook: The amounts.

    Returns:
        The base maxima summed and capped, plus the bonus caps summed and capped.
    """
    base = sum(max_points(rulebook, c.code) for c in CLAUSES if c.kind is ItemKind.BASE)
    bonus = sum(max_points(rulebook, c.code) for c in CLAUSES if c.kind is ItemKind.BONUS)
    return min(base, rulebook.base_cap) + min(bonus, rulebook.bonus_cap)


def score_community(community: Community, ctx: Context) -> Scorecard:
    """Score one community: every clause, then the totals (R16); nothing shared.

    Args:
        community: The community.
        ctx: Period, as-of month and rulebook.

    Returns:
        Its scorecard.
    """
    items = tuple(clause.score(community, ctx) for clause in CLAUSES)
    return total_stage(community, items, ctx.rulebook)
