"""What every clause shares: its record, the scoring context and the stages.

A clause of the document is one :class:`Clause` record in its section's
module, beside the function that scores it: its code, kind, the R-decisions
it applies, and how an improvement plan recovers its points
(:class:`BaseRemedy`, :class:`BonusRemedy`). Every per-clause table of the
library (kinds, maxima, plan steps, the rules page) is derived from these
records by :mod:`.clauses`.

Scoring has visible stages, as in Catala: a base item starts from its full
points, loses every deduction and is floored at 0 (:func:`base_item`); a
bonus item earns points per qualifying record and is cut to its cap
(:func:`bonus_item`); the totals are capped again in :mod:`.totals` (R16).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable

import attrs

from .._domain.calendar import Month, Period
from .._domain.codes import ItemCode, ItemKind, RecordKind
from .._domain.messages import Message, Text
from .._domain.model import Community
from .._domain.normalize import compare_key
from .._domain.scorecard import Deduction, ItemScore
from .rulebook import Rulebook


class RuleText(Text):
    """Texts every clause may use: stages, excluded and merged records."""

    FLOORED = ("扣分合计{0}分，扣完为止，本项计0分", "deductions total {0}, floored at 0")
    CAPPED = ("累计{0}分，按上限{1}分计", "raw {0} capped at {1}")
    EXCLUDED_PERIOD = (
        "{0}“{1}”日期{2}不在考核期{3}至{4}内，不计分",
        '{0} "{1}" dated {2} is outside the period {3} … {4}; not counted',
    )
    EXCLUDED_AS_OF = (
        "{0}“{1}”日期{2}晚于统计截至月份{3}，暂不计分",
        '{0} "{1}" dated {2} is after the as-of month {3}; not counted yet',
    )
    DUPLICATE_MERGED = (
        "{0}“{1}”重复记录{2}次，只计1次",
        '{0} "{1}" recorded {2} times; counted once',
    )


class Values:
    """Makes the immutable values that clauses return: deductions, notes, plain bonus items.

    Scoring many communities, a scorer may pass a subclass that shares equal
    values among them (the same missing month, the same empty bonus item):
    they are immutable, so the results are the same, made with less work.
    """

    def deduction(self, points: int, rule: str, key: Text, args: tuple[Hashable, ...]) -> Deduction:
        """Make a deduction of *points* under *rule*, its reason *key* with *args*."""
        return Deduction(points, Message(key, args), rule)

    def plain_bonus(self, code: ItemCode, each: int, cap: int, counted: int) -> ItemScore:
        """Make a bonus item without notes of its own (see :func:`bonus_item`)."""
        return capped_bonus(code, each, cap, counted, ())

    def note(self, key: Text, args: tuple[Hashable, ...], rule: str | None) -> Message:
        """Make a note on a record (excluded, not counted, merged)."""
        return Message(key, args, rule)


@attrs.frozen
class Context:
    """What every clause needs besides the community: dates and amounts.

    Args:
        period: The assessment period (R1).
        window: The period as scored: truncated at the as-of month (R2).
        as_of: The as-of month, or ``None``.
        rulebook: The amounts.
        values: Makes the deductions and plain bonus items of every clause
            (:class:`Values`; a scorer may share equal ones).

    Derived: ``first`` and ``last``, the window's month numbers
    (:attr:`Month.index`), and ``months``, its months in order.
    """

    period: Period
    window: Period
    as_of: Month | None
    rulebook: Rulebook
    values: Values = attrs.field(factory=Values, eq=False, repr=False)
    first: int = attrs.field(init=False)
    last: int = attrs.field(init=False)
    months: tuple[Month, ...] = attrs.field(init=False)
    marker_key: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        """Derive the window's month numbers and months, and the activity marker's key."""
        object.__setattr__(self, "first", self.window.start.index)
        object.__setattr__(self, "last", self.window.end.index)
        object.__setattr__(self, "months", self.window.months)
        object.__setattr__(self, "marker_key", compare_key(self.rulebook.projects.marker))

    @classmethod
    def make(
        cls,
        period: Period,
        as_of: Month | None,
        rulebook: Rulebook,
        values: Values | None = None,
    ) -> Context:
        """Build the context for scoring over *period* as of *as_of*.

        Args:
            period: The assessment period.
            as_of: The as-of month, or ``None``.
            rulebook: The amounts.
            values: As for the class; plain :class:`Values` by default.

        Returns:
            The context.

        Raises:
            ValueError: *as_of* is before the first month (R2).
        """
        return cls(period, period.as_of(as_of), as_of, rulebook, values or Values())

    def deduct(self, points: int, rule: str, key: Text, *args: Hashable) -> Deduction:
        """Make a deduction of *points* under *rule*, its reason *key* with *args*."""
        return self.values.deduction(points, rule, key, args)

    def exclusion(self, kind: RecordKind, title: str, day: dt.date) -> Message | None:
        """Say why a dated record does not count, or ``None`` if it is in time.

        Args:
            kind: The kind of record.
            title: Its title or name, for display.
            day: Its date.

        Returns:
            ``None`` when *day* falls in the scored window; otherwise a note:
            outside the period (R1) or after the as-of month (R2).
        """
        index = day.year * 12 + day.month - 1  # month_index(day), inlined: a hot path
        if self.first <= index <= self.last:
            return None
        if self.as_of is not None and self.last < index <= self.period.end.index:
            return self.values.note(RuleText.EXCLUDED_AS_OF, (kind, title, day, self.as_of), "R2")
        return self.values.note(
            RuleText.EXCLUDED_PERIOD, (kind, title, day, self.period.start, self.period.end), "R1"
        )


# --------------------------------------------------------------------------
# The record of a clause.
# --------------------------------------------------------------------------

ClauseFunction = Callable[[Community, Context], ItemScore]
"""Scores one item of one community: a pure function of its inputs."""


def _never(_deduction: Deduction) -> Month | None:
    return None


def _nothing_pending(_item: ItemScore) -> tuple[Message, ...]:
    return ()


@attrs.frozen
class BaseRemedy:
    """How a plan recovers the points of a base item, deduction by deduction.

    Args:
        fix: What undoes a deduction (the plan's step).
        due: The month after which a deduction can no longer be undone
            (R10: a month without an activity has passed), or ``None``.
        lost: Why a deduction that is past its month cannot be undone.
    """

    fix: Callable[[Deduction], Message]
    due: Callable[[Deduction], Month | None] = _never
    lost: Callable[[Deduction], Message] | None = None


@attrs.frozen
class BonusRemedy:
    """How a plan earns the rest of a bonus item: more qualifying records.

    Args:
        more: The step "record *n* more ...".
        pending: Steps that complete records already kept, each earning
            *each* (4.1-4.3: a recognition for a summary that has none, R12).
    """

    more: Callable[[int], Message]
    pending: Callable[[ItemScore], tuple[Message, ...]] = _nothing_pending


@attrs.frozen
class Clause:
    """One clause of the document: what it is, and the function that scores it.

    Args:
        code: The item's code (the table of the rules page).
        kind: Base or bonus (its amounts in a :class:`~.rulebook.Rulebook`
            are of the same kind: :class:`~.rulebook.BaseAmounts` or
            :class:`~.rulebook.BonusAmounts`).
        decisions: The R-decisions of the rules page it applies.
        score: The function that scores it.
        remedy: How an improvement plan recovers its points.
        facts: When the item depends only on a few facts of the community
            (and the context), a function returning them; scorers may then
            share one result among communities with equal facts.
        monthly: The item owes something every month (R10): each of its
            dated deductions is for one month (``remedy.due``) and depends
            only on the records of that month, so as of a month (R2) it keeps
            its whole-period deductions up to that month and its undated
            ones. Any other clause depends on the as-of month only through
            :meth:`Context.exclusion` of its dated records (R21). Monthly
            progress relies on both (see :mod:`.._analysis.progress`).
        reasons: The texts of the deductions and notes of its own it may
            give (the floor's when its deductions can pass its full points);
            with the cap of a bonus item and the exclusions of R1 and R2,
            they are its outcomes (``check --coverage``; a test checks that
            scoring gives no other).
    """

    code: ItemCode
    kind: ItemKind
    decisions: tuple[str, ...]
    score: ClauseFunction
    remedy: BaseRemedy | BonusRemedy
    facts: Callable[[Community], Hashable] | None = None
    monthly: bool = False
    reasons: tuple[Text, ...] = ()

    def __attrs_post_init__(self) -> None:
        """Check that the remedy fits the kind, and that a monthly item is a base item."""
        base = self.kind is ItemKind.BASE
        if base != isinstance(self.remedy, BaseRemedy):
            raise TypeError(f"clause {self.code.code}: a {self.kind.code} item needs its remedy")
        if self.monthly and not base:
            raise TypeError(f"clause {self.code.code}: only a base item owes months")


# --------------------------------------------------------------------------
# Stages: deduct-then-floor for base items, sum-then-cap for bonus items.
# --------------------------------------------------------------------------


def base_item(
    code: ItemCode,
    full: int,
    deductions: Iterable[Deduction],
    notes: Iterable[Message] = (),
    counted: int = 0,
) -> ItemScore:
    """Assemble a base item: full points, minus deductions, floored at 0.

    Args:
        code: The item.
        full: Its full points.
        deductions: Every deduction that applies.
        notes: Notes gathered while scoring.
        counted: What the item counted (item 3: months covered).

    Returns:
        The item's score, with a note when the floor was reached.
    """
    deductions = tuple(deductions)
    notes = tuple(notes)
    deducted = sum(d.points for d in deductions)
    if deducted > full:
        notes += (Message(RuleText.FLOORED, (deducted,)),)
    return ItemScore(
        code=code,
        kind=ItemKind.BASE,
        max=full,
        raw=full,
        points=floored(full, deducted),
        deductions=deductions,
        notes=notes,
        counted=counted,
    )


def floored(full: int, deducted: int) -> int:
    """The base stage's arithmetic: full points less the deductions, never below 0."""
    return max(0, full - deducted)


def bonus_item(
    ctx: Context,
    code: ItemCode,
    each: int,
    cap: int,
    counted: int,
    notes: Iterable[Message] = (),
) -> ItemScore:
    """Assemble a bonus item: points per qualifying record, then the cap.

    Args:
        ctx: The context (an item without notes is made by its values).
        code: The item.
        each: Points per qualifying record.
        cap: The item's cap.
        counted: Distinct qualifying records.
        notes: Notes gathered while scoring.

    Returns:
        The item's score, with a note when the cap was exceeded.
    """
    notes = tuple(notes)
    if not notes:
        return ctx.values.plain_bonus(code, each, cap, counted)
    return capped_bonus(code, each, cap, counted, notes)


def capped_bonus(
    code: ItemCode, each: int, cap: int, counted: int, notes: tuple[Message, ...]
) -> ItemScore:
    """The bonus stages: *each* points per record, then the cap (with a note when it binds)."""
    raw = each * counted
    if raw > cap:
        notes += (Message(RuleText.CAPPED, (raw, cap)),)
    return ItemScore(
        code=code,
        kind=ItemKind.BONUS,
        max=cap,
        raw=raw,
        points=min(cap, raw),
        notes=notes,
        counted=counted,
    )


def merged(kind: RecordKind, groups: Iterable[list[str]], rule: str) -> list[Message]:
    """Notes for records recorded more than once and counted once.

    Args:
        kind: The kind of record.
        groups: The titles of each distinct record, as recorded.
        rule: The decision that merges them (R7, R8, R13).

    Returns:
        One note per record recorded more than once, in order.
    """
    return [
        Message(RuleText.DUPLICATE_MERGED, (kind, titles[0], len(titles)), rule)
        for titles in groups
        if len(titles) > 1
    ]
