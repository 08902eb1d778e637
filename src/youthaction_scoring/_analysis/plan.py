"""Improvement plans: the points a community has left on the table.

A plan splits the gap between a community's total and the rulebook's highest
total into *actions* (what would still earn points, each with its gain) and
*lost* points (what can no longer be recovered, with the reason). The split
is exact: the gains of all actions plus the lost points equal
``max_total(rulebook) - total``, whatever the rulebook's amounts.

Everything is read from the scorecard: base items are ``raw`` minus their
deductions, floored at 0; bonus items are ``raw`` capped at ``max``; the base
and bonus sums are capped again (R16). What undoes a deduction, and whether
it can still be undone, is said by the item's clause record (its remedy): a
month without a qualifying activity (R10) is lost once the month has
passed. Without an as-of month the whole period has passed; with one, months
after it are not yet owed (R2) and are still recoverable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from .._domain.calendar import Month, Period
from .._domain.checks import check_type
from .._domain.codes import ItemCode, ItemKind, Lang
from .._domain.messages import Message, Text
from .._domain.scorecard import Deduction, ItemScore, Scorecard, Scorecards
from .._rules.clause import BaseRemedy, BonusRemedy
from .._rules.clauses import bonus_each, clause_of, max_total
from .._rules.editions import edition_for, edition_named
from .._rules.rulebook import Rulebook

_JOIN: Final[dict[Lang, str]] = {"zh": "；", "en": "; "}


class PlanText(Text):
    """Remarks of improvement plans (the steps themselves are the clauses')."""

    REACHES_CAP = ("达到上限{0}分", "reaching the cap of {0}")
    TOTAL_CAPPED = (
        "{0}合计按上限{1}分计，只增加{2}分",
        "the {0} total is capped at {1}, so only {2} count",
    )
    LOST_PARTIAL = (
        "（该项{1}分中只计{0}分：本项最低0分或合计有上限）",
        "(counts {0} of its {1}: the item stops at 0 or the sum is capped)",
    )
    LOST_NO_POINTS = (
        "规则对本项每条记录不计分，无法得分",
        "the rulebook awards no points per record for this item",
    )


@attrs.frozen
class PlanAction:
    """Something that would still earn points.

    Args:
        item: The item it earns points on.
        gain: Points it adds to the total (> 0), given the actions listed
            before it in the plan's working order.
        steps: What to do; several steps when none earns points alone (a
            floor or a missing brand makes them count only together).
        notes: Remarks: the item's cap reached, a capped sum (R16).
    """

    item: ItemCode
    gain: int
    steps: tuple[Message, ...]
    notes: tuple[Message, ...] = ()

    def text(self, lang: Lang = "en") -> str:
        """Render the action (steps and remarks) in *lang*."""
        body = _JOIN[lang].join(m.text(lang) for m in self.steps)
        if self.notes:
            extra = (", " if lang == "en" else "，").join(m.text(lang) for m in self.notes)
            body = f"{body}{', ' if lang == 'en' else '，'}{extra}"
        return body


@attrs.frozen
class LostPoints:
    """Points that can no longer be recovered.

    Args:
        item: The item they were lost on.
        points: How many (> 0).
        reason: Why.
        partial: Set when only part of the underlying deduction counts
            (the item's floor or a capped sum), with the full amount.
    """

    item: ItemCode
    points: int
    reason: Message
    partial: int | None = None

    def text(self, lang: Lang = "en") -> str:
        """Render the reason in *lang*."""
        body = self.reason.text(lang)
        if self.partial is not None:
            note = Message(PlanText.LOST_PARTIAL, (self.points, self.partial)).text(lang)
            body = f"{body} {note}"
        return body


@attrs.frozen
class Plan:
    """One community's improvement plan.

    Args:
        community_id: The community.
        community_name: Its name.
        total: Its current total.
        max_total: The rulebook's highest total.
        actions: What would still earn points, highest gain first.
        lost: What can no longer be recovered.
    """

    community_id: str
    community_name: str
    total: int
    max_total: int
    actions: tuple[PlanAction, ...]
    lost: tuple[LostPoints, ...]

    @property
    def recoverable(self) -> int:
        """The sum of all actions' gains."""
        return sum(a.gain for a in self.actions)

    @property
    def unrecoverable(self) -> int:
        """The sum of all lost points."""
        return sum(lost.points for lost in self.lost)


# --------------------------------------------------------------------------
# Item level: steps from the current points to the best reachable points.
# --------------------------------------------------------------------------


@attrs.frozen
class _Step:
    item: ItemCode
    kind: ItemKind
    gain: int  # item-level gain
    steps: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


@attrs.frozen
class _ItemPlan:
    item: ItemScore
    best: int
    steps: tuple[_Step, ...]
    lost: tuple[tuple[Message, int], ...]  # (reason, full deduction), in order


def _base_remedy(item: ItemScore) -> BaseRemedy:
    remedy = clause_of(item.code).remedy
    assert isinstance(remedy, BaseRemedy)
    return remedy


def _is_past(remedy: BaseRemedy, deduction: Deduction, cutoff: Month) -> bool:
    """Tell whether a deduction is for a month that has passed (R10, R2)."""
    month = remedy.due(deduction)
    return month is not None and month <= cutoff


def _merge(item: ItemScore, raw_steps: Sequence[tuple[Message, int]]) -> tuple[_Step, ...]:
    """Turn (step, item points after it) into steps with gains > 0.

    Steps that earn nothing alone are merged into the next step that does;
    trailing steps that earn nothing are dropped.
    """
    merged: list[_Step] = []
    pending: list[Message] = []
    before = item.points
    for message, after in raw_steps:
        pending.append(message)
        if after > before:
            merged.append(_Step(item.code, item.kind, after - before, tuple(pending)))
            pending = []
            before = after
    return tuple(merged)


def _base_plan(item: ItemScore, cutoff: Month) -> _ItemPlan:
    """Plan a base item: ``raw`` minus remaining deductions, floored at 0."""
    remedy = _base_remedy(item)
    past = [d for d in item.deductions if _is_past(remedy, d, cutoff)]
    open_ = sorted(
        (d for d in item.deductions if not _is_past(remedy, d, cutoff)), key=lambda d: -d.points
    )
    floor_after_lost = item.raw - sum(d.points for d in past)
    remaining = sum(d.points for d in open_)
    raw_steps: list[tuple[Message, int]] = []
    for deduction in open_:
        remaining -= deduction.points
        raw_steps.append((remedy.fix(deduction), max(0, floor_after_lost - remaining)))
    lost_reason = remedy.lost
    assert lost_reason is not None or not past
    lost = tuple((lost_reason(d), d.points) for d in past if lost_reason is not None)
    return _ItemPlan(item, max(0, floor_after_lost), _merge(item, raw_steps), lost)


def _bonus_plan(item: ItemScore, rulebook: Rulebook) -> _ItemPlan:
    """Plan a bonus item: more qualifying records, up to the item's cap."""
    if item.points >= item.max:
        return _ItemPlan(item, item.points, (), ())
    remedy = clause_of(item.code).remedy
    assert isinstance(remedy, BonusRemedy)
    each = bonus_each(rulebook, item.code)
    if each == 0:
        reason = Message(PlanText.LOST_NO_POINTS, ())
        return _ItemPlan(item, item.points, (), ((reason, item.max - item.points),))
    raw = item.raw
    raw_steps: list[tuple[Message, int]] = []
    for step in remedy.pending(item):
        if min(item.max, raw) < item.max:
            raw += each
            raw_steps.append((step, raw))
    short = item.max - min(item.max, raw)
    if short > 0:
        more = -(-short // each)
        raw += more * each
        raw_steps.append((remedy.more(more), raw))
    capped = [(m, min(item.max, r)) for m, r in raw_steps]
    steps = list(_merge(item, capped))
    if steps:
        last = steps[-1]
        cap_note = Message(PlanText.REACHES_CAP, (item.max,))
        steps[-1] = attrs.evolve(last, notes=(*last.notes, cap_note))
    return _ItemPlan(item, item.max, tuple(steps), ())


# --------------------------------------------------------------------------
# Community level: caps on the base and bonus sums (R16).
# --------------------------------------------------------------------------


def _total(points: dict[ItemCode, int], kinds: dict[ItemCode, ItemKind], rb: Rulebook) -> int:
    base = sum(p for c, p in points.items() if kinds[c] is ItemKind.BASE)
    bonus = sum(p for c, p in points.items() if kinds[c] is ItemKind.BONUS)
    return min(base, rb.base_cap) + min(bonus, rb.bonus_cap)


def _section_lost(plans: Sequence[_ItemPlan], kind: ItemKind, cap: int) -> list[LostPoints]:
    """Spread a section's unrecoverable points over its items' lost entries."""
    members = [p for p in plans if p.item.kind is kind]
    full = min(sum(p.item.max for p in members), cap)
    best = min(sum(p.best for p in members), cap)
    budget = full - best
    lost: list[LostPoints] = []
    for plan in members:
        item_budget = plan.item.max - plan.best
        for reason, amount in plan.lost:
            points = min(amount, item_budget, budget)
            if points <= 0:
                continue
            item_budget -= points
            budget -= points
            partial = amount if points < amount else None
            lost.append(LostPoints(plan.item.code, points, reason, partial))
    return lost


def check_arguments(
    function: str, card: object, period: object, as_of: object, rulebook: object
) -> None:
    """Refuse arguments of the wrong type for a function of one scorecard.

    Raises:
        TypeError: One of them is not of its type.
    """
    check_type(function, "card", card, Scorecard)
    check_type(function, "period", period, Period)
    check_type(function, "as_of", as_of, Month, optional=True)
    check_type(function, "rulebook", rulebook, Rulebook, optional=True)


def plan_scorecard(
    card: Scorecard,
    period: Period,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
) -> Plan:
    """Plan how one community could still gain points.

    Args:
        card: Its scorecard over the whole period (no as-of month).
        period: The assessment period.
        as_of: The current month: months up to it have passed, later ones
            are not yet owed (R2). ``None``: the whole period has passed.
        rulebook: The edition that produced *card* (for the points each
            further bonus record earns and for the caps); by default the one
            in force on the period's first day (EDITIONS.md).

    Returns:
        The plan; ``recoverable + unrecoverable == max_total - total``.

    Raises:
        TypeError: An argument is not of the type named here.
        ValueError: *as_of* is before the period's first month (R2).
    """
    check_arguments("plan_scorecard", card, period, as_of, rulebook)
    period.as_of(as_of)  # validates R2
    rulebook = edition_for(period) if rulebook is None else rulebook
    cutoff = period.end if as_of is None else min(as_of, period.end)
    item_plans = [
        _base_plan(item, cutoff) if item.kind is ItemKind.BASE else _bonus_plan(item, rulebook)
        for item in card.items
    ]
    kinds = {p.item.code: p.item.kind for p in item_plans}
    points = {p.item.code: p.item.points for p in item_plans}
    current = _total(points, kinds, rulebook)
    steps = sorted(
        (s for p in item_plans for s in p.steps),
        key=lambda s: -s.gain,
    )
    actions: list[PlanAction] = []
    for step in steps:
        points[step.item] += step.gain
        after = _total(points, kinds, rulebook)
        gain = after - current
        current = after
        if gain <= 0:
            continue
        notes = step.notes
        if gain < step.gain:
            cap = rulebook.base_cap if step.kind is ItemKind.BASE else rulebook.bonus_cap
            notes = (*notes, Message(PlanText.TOTAL_CAPPED, (step.kind, cap, gain), "R16"))
        actions.append(PlanAction(step.item, gain, step.steps, notes))
    actions.sort(key=lambda a: -a.gain)
    lost = _section_lost(item_plans, ItemKind.BASE, rulebook.base_cap)
    lost += _section_lost(item_plans, ItemKind.BONUS, rulebook.bonus_cap)
    return Plan(
        community_id=card.community_id,
        community_name=card.community_name,
        total=card.total,
        max_total=max_total(rulebook),
        actions=tuple(actions),
        lost=tuple(lost),
    )


def plan_scorecards(
    cards: Scorecards,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[Plan, ...]:
    """Plan every community of a set of scorecards.

    Args:
        cards: Scorecards over the whole period (scored without an as-of
            month), produced with *rulebook*.
        as_of: As in :func:`plan_scorecard`.
        rulebook: The edition that produced *cards*; by default the known
            edition they name, else the one in force on the period's first day.

    Returns:
        One plan per scorecard, in order.

    Raises:
        TypeError: An argument is not of the type named here.
        ValueError: *cards* were scored as of a month, or by another edition
            (name or hash), or *as_of* is before the period (R2).
    """
    check_type("plan_scorecards", "cards", cards, Scorecards)
    check_type("plan_scorecards", "rulebook", rulebook, Rulebook, optional=True)
    if cards.as_of is not None:
        raise ValueError("plans need scorecards of the whole period (scored without --as-of)")
    if rulebook is None:
        rulebook = edition_named(cards.rulebook) or edition_for(cards.period)
    if cards.rulebook != rulebook.name or cards.rulebook_hash not in ("", rulebook.hash):
        produced = f"{cards.rulebook} {cards.rulebook_hash}".rstrip()
        raise ValueError(
            f"scorecards were produced by rulebook {produced!r}, not {rulebook.stamp()!r}"
        )
    return tuple(
        plan_scorecard(card, cards.period, as_of=as_of, rulebook=rulebook) for card in cards
    )
