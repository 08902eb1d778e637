"""Score rows: one compact row per community, for the outputs that read only its totals.

``rank``, ``districts`` and ``score --format csv`` read of a scorecard only
its community's id, name, district and batch, its items' points, its base,
bonus and total, its notes and the deductions on its base items (which the
behind lists name, R23); never the notes of its items.
A :class:`ScoreRow` keeps just those (a few hundred bytes), so that a whole
file can be scored as a stream and only its rows held: 50,000 communities
take a few tens of megabytes instead of hundreds.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import attrs

from .._domain.calendar import Month, Period
from .._domain.codes import PilotLevel
from .._domain.messages import Message
from .._domain.scorecard import ItemScore, Scorecard, Scorecards
from .progress import short_items


@attrs.frozen
class ScoreRow:
    """What the summary outputs read of one community's scorecard.

    Args:
        community_id: The community's id.
        community_name: Its name.
        district: Its district.
        pilot_level: Its pilot batch.
        points: Each item's points, in the order of the rules page.
        base: Sum of base items.
        bonus_before_cap: Sum of bonus items, each after its own cap.
        bonus: ``bonus_before_cap`` capped at the bonus cap.
        notes: The scorecard's own notes (not its items').
        short_items: Its base items short of their full points (what a
            behind list names, R23), in item order; ``None`` when not kept
            (rows for ``rank`` and ``score`` need none: they cost memory).
    """

    community_id: str
    community_name: str
    district: str
    pilot_level: PilotLevel
    points: tuple[int, ...]
    base: int
    bonus_before_cap: int
    bonus: int
    notes: tuple[Message, ...] = ()
    short_items: tuple[ItemScore, ...] | None = None

    @property
    def total(self) -> int:
        """``base + bonus`` (R16)."""
        return self.base + self.bonus

    @classmethod
    def of(cls, card: Scorecard, shortfalls: bool = False) -> ScoreRow:
        """The row of a scorecard (its district's name is shared between rows).

        Args:
            card: The scorecard.
            shortfalls: Keep its short base items (for the behind lists).
        """
        return cls(
            community_id=card.community_id,
            community_name=card.community_name,
            district=sys.intern(card.district),
            pilot_level=card.pilot_level,
            points=tuple(item.points for item in card.items),
            base=card.base,
            bonus_before_cap=card.bonus_before_cap,
            bonus=card.bonus,
            notes=card.notes,
            short_items=short_items(card) if shortfalls else None,
        )

    def summary_card(self) -> Scorecard:
        """A scorecard of the same community and totals, without items.

        For the renderers of rankings, which read nothing else of a card;
        made when rendered, not held.
        """
        return Scorecard(
            community_id=self.community_id,
            community_name=self.community_name,
            district=self.district,
            pilot_level=self.pilot_level,
            items=(),
            base=self.base,
            bonus_before_cap=self.bonus_before_cap,
            bonus=self.bonus,
            notes=self.notes,
        )


@attrs.frozen
class ScoreRows:
    """The rows of communities scored together: one period, one as-of month, one rulebook.

    Args:
        head: The edition (name, hash, note), period and as-of month, as
            scorecards without any card.
        rows: One per community, in input order.
    """

    head: Scorecards
    rows: tuple[ScoreRow, ...]

    @property
    def rulebook(self) -> str:
        """The name of the edition that scored them."""
        return self.head.rulebook

    @property
    def period(self) -> Period:
        """The assessment period."""
        return self.head.period

    @property
    def as_of(self) -> Month | None:
        """The as-of month (R2), or ``None`` for the whole period."""
        return self.head.as_of

    @classmethod
    def of(cls, cards: Scorecards, shortfalls: bool = False) -> ScoreRows:
        """The rows of scorecards (for inputs that are read whole, such as registers).

        Args:
            cards: The scorecards.
            shortfalls: Keep each one's short base items (:attr:`ScoreRow.short_items`).
        """
        rows = tuple(ScoreRow.of(card, shortfalls) for card in cards)
        return cls(attrs.evolve(cards, scorecards=()), rows)

    def __iter__(self) -> Iterator[ScoreRow]:
        """Iterate over the rows."""
        return iter(self.rows)

    def __len__(self) -> int:
        """Return the number of rows."""
        return len(self.rows)

    def heading(self) -> Scorecards:
        """The edition, period and as-of month, as scorecards without any card."""
        return self.head
