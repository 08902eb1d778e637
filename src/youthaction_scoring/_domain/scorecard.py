"""Scorecards: the itemised result of scoring, with every stage visible.

Each item goes through visible stages, so a reader can follow every point:

* base item: ``raw`` (its full points) → ``after_deductions`` (raw minus every
  deduction, possibly below zero) → ``points`` (floored at 0);
* bonus item: ``raw`` (points earned, uncapped) → ``points`` (after its cap).

The community's ``base`` is the sum of base items (at most the rulebook's base
cap); ``bonus`` is the sum of bonus items after their own caps, capped again
at the bonus cap (R16); ``total = base + bonus``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import SupportsIndex

import attrs

from .calendar import Month, Period
from .codes import ItemCode, ItemKind, Lang, PilotLevel
from .messages import Message


@attrs.frozen
class Deduction:
    """Points taken off a base item, with the reason and the decision behind it.

    Args:
        points: Points deducted (> 0).
        reason: Why, in Chinese and English.
        rule: The R-decision applied, e.g. ``"R10"``.
    """

    points: int
    reason: Message
    rule: str

    def text(self, lang: Lang = "en") -> str:
        """Return the reason in *lang* (the rule is in ``rule``)."""
        return self.reason.text(lang)


@attrs.frozen
class ItemScore:
    """One item's score, stage by stage.

    Args:
        code: The item.
        kind: Base or bonus.
        max: Full points (base) or cap (bonus).
        raw: Full points before deductions (base) or points earned before
            the cap (bonus).
        points: What counts.
        deductions: Base items only: every deduction, in order.
        notes: Excluded records, merged duplicates, caps and floors, ...
        counted: Bonus items: distinct qualifying records; base item 3:
            months with a qualifying activity.
    """

    code: ItemCode
    kind: ItemKind
    max: int
    raw: int
    points: int
    deductions: tuple[Deduction, ...] = ()
    notes: tuple[Message, ...] = ()
    counted: int = 0

    @property
    def deducted(self) -> int:
        """The sum of all deductions (before the floor)."""
        return sum(d.points for d in self.deductions)

    @property
    def after_deductions(self) -> int:
        """``raw`` minus every deduction; may be negative before the floor."""
        return self.raw - self.deducted

    @property
    def lost(self) -> int:
        """Points short of the item's maximum."""
        return self.max - self.points


@attrs.frozen
class Scorecard:
    """The itemised score of one community.

    Args:
        community_id: The community's id.
        community_name: Its name.
        district: Its district.
        pilot_level: Its pilot batch.
        items: The ten items, in the order of the rules page.
        base: Sum of base items, at most the base cap.
        bonus_before_cap: Sum of bonus items, each after its own cap.
        bonus: ``bonus_before_cap`` capped at the bonus cap.
    """

    community_id: str
    community_name: str
    district: str
    pilot_level: PilotLevel
    items: tuple[ItemScore, ...]
    base: int
    bonus_before_cap: int
    bonus: int
    notes: tuple[Message, ...] = ()

    @property
    def total(self) -> int:
        """``base + bonus`` (R16)."""
        return self.base + self.bonus

    def item(self, code: ItemCode | str) -> ItemScore:
        """Return the score of one item.

        Args:
            code: An :class:`ItemCode` or its text, e.g. ``"2.2"``.

        Returns:
            The item's score.
        """
        wanted = code if isinstance(code, ItemCode) else ItemCode.from_code(code)
        for item in self.items:
            if item.code is wanted:
                return item
        raise KeyError(wanted.code)  # pragma: no cover - every card has all ten

    def __iter__(self) -> Iterator[ItemScore]:
        """Iterate over the ten items."""
        return iter(self.items)

    def _repr_html_(self) -> str:
        """Render as an HTML table in Jupyter."""
        from html import escape

        rows = "".join(
            f"<tr><td>{escape(i.code.code)}</td><td>{escape(i.code.label)}</td>"
            f"<td>{escape(i.kind.label)}</td><td>{i.points}</td><td>{i.max}</td></tr>"
            for i in self.items
        )
        head = escape(f"{self.community_name} ({self.community_id}, {self.district})")
        return (
            f"<table><caption>{head}: {self.total}</caption>"
            "<tr><th>code</th><th>item</th><th>kind</th><th>points</th><th>max</th></tr>"
            f"{rows}<tr><td colspan=3>base / bonus / total</td>"
            f"<td colspan=2>{self.base} / {self.bonus} / {self.total}</td></tr></table>"
        )


@attrs.frozen
class Scorecards:
    """The scorecards of an assessment, stamped with the rulebook edition.

    Args:
        rulebook: The name of the edition of the rules that produced the scores.
        period: The assessment period.
        as_of: The as-of month (R2), or ``None`` for the whole period.
        scorecards: One per community, in input order.
        rulebook_hash: The edition's content hash (12 hex digits; EDITIONS.md).
        rulebook_note: Why the edition may not be the period's own: it came
            into force after the period began (EDITIONS.md), or ``None``.
    """

    rulebook: str
    period: Period
    as_of: Month | None
    scorecards: tuple[Scorecard, ...]
    rulebook_hash: str = attrs.field(default="", kw_only=True)
    rulebook_note: Message | None = attrs.field(default=None, kw_only=True)

    def __iter__(self) -> Iterator[Scorecard]:
        """Iterate over the scorecards."""
        return iter(self.scorecards)

    def __len__(self) -> int:
        """Return the number of scorecards."""
        return len(self.scorecards)

    def __getitem__(self, index: SupportsIndex) -> Scorecard:
        """Return the scorecard at *index*, in input order (``cards[0]``, ``cards[-1]``).

        Raises:
            IndexError: No scorecard at *index*.
        """
        return self.scorecards[index]

    def get(self, community_id: str) -> Scorecard:
        """Return the scorecard of one community.

        Args:
            community_id: The community's id.

        Returns:
            Its scorecard.

        Raises:
            KeyError: No scorecard has that id.
        """
        for card in self.scorecards:
            if card.community_id == community_id:
                return card
        raise KeyError(community_id)

    def _repr_html_(self) -> str:
        """Render as an HTML table in Jupyter: one row per community, in input order."""
        from html import escape

        codes = "".join(f'<th title="{escape(c.label)}">{escape(c.code)}</th>' for c in ItemCode)
        rows = "".join(
            f"<tr><td>{escape(card.community_id)}</td><td>{escape(card.community_name)}</td>"
            f"<td>{escape(card.district)}</td><td>{escape(card.pilot_level.label)}</td>"
            + "".join(f"<td>{item.points}</td>" for item in card.items)
            + f"<td>{card.base}</td><td>{card.bonus}</td><td>{card.total}</td></tr>"
            for card in self.scorecards
        )
        as_of = f", as of {self.as_of}" if self.as_of is not None else ""
        caption = escape(f"{self.rulebook}, {self.period}{as_of}: {len(self)} communities")
        return (
            f"<table><caption>{caption}</caption><tr><th>id</th><th>name</th>"
            f"<th>district</th><th>pilot</th>{codes}<th>base</th><th>bonus</th>"
            f"<th>total</th></tr>{rows}</table>"
        )
