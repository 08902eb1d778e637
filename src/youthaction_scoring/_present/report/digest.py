"""One pass over the communities: everything the report shows, kept small.

Each community is scored once over the whole period (for its plan) and,
with an as-of month, once as of it (for what is shown); its plan is made;
then the scorecards and the plan are dropped and only an :class:`Entry`
stays: numbers only. Its deductions, notes and plan refer to their texts by
number in one table of texts (:attr:`Digest.texts`), where a text shared by
many communities (the same missing month, the same step) is rendered and
held once. No set of scorecards of the whole assessment is ever held, let
alone two; memory grows with the entries only.

Ranks, who is behind (R19) and the district roll-up are then computed by the
analysis layer's own functions from summary scorecards (totals without
items), so the report agrees with ``rank`` and ``districts`` by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from ..._analysis.behind import BehindRule
from ..._analysis.plan import LostPoints, Plan, PlanAction, plan_scorecard
from ..._analysis.progress import missed_months, short_items
from ..._analysis.ranking import rank_scorecards
from ..._analysis.rectify import rectify_order
from ..._analysis.rollup import (
    BehindCommunity,
    DistrictSummary,
    district_disagreements,
    rollup_communities,
)
from ..._analysis.score import score_batch
from ..._domain.calendar import Month
from ..._domain.codes import SECTION_TITLES, ItemCode, Lang, PilotLevel
from ..._domain.messages import Message
from ..._domain.model import Assessment
from ..._domain.scorecard import ItemScore, Scorecard
from ..._rules.clauses import max_points, max_total
from ..._rules.rulebook import Rulebook

SECTIONS: Final = tuple(SECTION_TITLES)
"""The section codes, in order."""


@attrs.frozen
class Entry:
    """What the report shows of one community (as of the report's month).

    Args:
        id: Its id.
        name: Its name.
        district: Its district.
        pilot_level: Its batch.
        base: Base points.
        bonus: Bonus points.
        sections: Points by section, in the order of :data:`SECTIONS`.
        items: Points by item, in the order of :class:`~..._domain.codes.ItemCode`.
        missed: Positions, in the report's months, of the months without a
            qualifying activity (R10).
        deductions: ``item, points, reason, rule`` of every deduction, one
            after the other; texts (item, reason, rule) by their number in
            :attr:`Digest.texts`, as in the next three.
        notes: ``item, text`` of every note (item ``""``: the card's own).
        actions: ``item, gain, text`` of every action of its plan.
        lost: ``item, points, text`` of every point its plan says is lost.
        gap: The highest total minus its total over the whole period.
        short_items: Its base items short of their full points (what the
            behind lists name, R23).
    """

    id: str
    name: str
    district: str
    pilot_level: PilotLevel
    base: int
    bonus: int
    sections: tuple[int, ...]
    items: tuple[int, ...]
    missed: tuple[int, ...]
    deductions: tuple[int, ...]
    notes: tuple[int, ...]
    actions: tuple[int, ...]
    lost: tuple[int, ...]
    gap: int
    short_items: tuple[ItemScore, ...] = ()

    @property
    def total(self) -> int:
        """``base + bonus`` (R16)."""
        return self.base + self.bonus

    @property
    def recoverable(self) -> int:
        """The points its plan can still gain."""
        return sum(self.actions[1::3])

    @property
    def unrecoverable(self) -> int:
        """The points its plan says are lost."""
        return sum(self.lost[1::3])

    def summary_card(self) -> Scorecard:
        """A scorecard with its totals and no items, for ranks and the roll-up."""
        return Scorecard(
            community_id=self.id,
            community_name=self.name,
            district=self.district,
            pilot_level=self.pilot_level,
            items=(),
            base=self.base,
            bonus_before_cap=self.bonus,
            bonus=self.bonus,
        )


@attrs.frozen
class Digest:
    """The whole report's facts.

    Args:
        ranked: ``(rank, entry, behind)`` of every community, highest total first.
        districts: The district roll-up (R19 lists included).
        disagreements: The R18 warnings, as text.
        months: The months shown (the period, or up to the as-of month).
        max_total: The rulebook's highest total.
        item_max: Each item's full points or cap, in the order of ``ItemCode``.
        texts: The texts of the entries' deductions, notes and plans, each
            distinct text once, by number.
        rectify: The rectification list's order: each district with its
            ``(community id, behind)``, behind first (as ``rectify`` lists them).
    """

    ranked: tuple[tuple[int, Entry, bool], ...]
    districts: tuple[DistrictSummary, ...]
    disagreements: tuple[str, ...]
    months: tuple[Month, ...]
    max_total: int
    item_max: tuple[int, ...]
    texts: tuple[str, ...]
    rectify: tuple[tuple[str, tuple[tuple[str, bool], ...]], ...] = ()


class _Texts:
    """Numbers texts in one language: each distinct text once, in order of first use.

    Each community's notes and plan are new objects, but most are equal to
    another community's (the same record outside the period, the same step):
    a value already seen is not rendered again (a message renders both its
    languages) and gets the number it got before.
    """

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.texts: list[str] = []
        self._numbers: dict[str | Message | PlanAction | LostPoints, int] = {}
        self._by_text: dict[str, int] = {}

    def __call__(self, value: str | Message | PlanAction | LostPoints) -> int:
        """The number of *value*'s text (a string is its own text)."""
        number = self._numbers.get(value)
        if number is None:
            text = value if isinstance(value, str) else value.text(self.lang)
            number = self._by_text.get(text)
            if number is None:
                number = self._by_text[text] = len(self.texts)
                self.texts.append(text)
            self._numbers[value] = number
        return number


def _entry(shown: Scorecard, plan: Plan, positions: dict[Month, int], text: _Texts) -> Entry:
    """One community's entry, from its scorecard as shown and its whole-period plan."""
    points = dict.fromkeys(SECTIONS, 0)
    deductions: list[int] = []
    notes: list[int] = []
    for item in shown.items:
        code = text(item.code.code)
        points[item.code.section] += item.points
        for d in item.deductions:
            deductions += (code, d.points, text(d.reason), text(d.rule))
        for n in item.notes:
            notes += (code, text(n))
    for n in shown.notes:
        notes += (text(""), text(n))
    actions: list[int] = []
    for a in plan.actions:
        actions += (text(a.item.code), a.gain, text(a))
    lost: list[int] = []
    for x in plan.lost:
        lost += (text(x.item.code), x.points, text(x))
    return Entry(
        id=shown.community_id,
        name=shown.community_name,
        district=shown.district,
        pilot_level=shown.pilot_level,
        base=shown.base,
        bonus=shown.bonus,
        sections=tuple(points.values()),
        items=tuple(item.points for item in shown.items),
        missed=tuple(positions[m] for m in missed_months(shown) if m in positions),
        deductions=tuple(deductions),
        notes=tuple(notes),
        actions=tuple(actions),
        lost=tuple(lost),
        gap=plan.max_total - plan.total,
        short_items=short_items(shown),
    )


def entries(
    assessment: Assessment, *, rulebook: Rulebook, as_of: Month | None, text: _Texts
) -> Iterator[Entry]:
    """Every community's entry, in input order, one community's scorecards at a time.

    Args:
        assessment: The assessment.
        rulebook: The amounts.
        as_of: The as-of month (R2), or ``None``.
        text: Numbers the texts of the entries.

    Returns:
        The entries, lazily.

    Raises:
        Refusal: *as_of* is before the period (R2), raised when the first is asked for.
    """
    period = assessment.period
    positions = {m: i for i, m in enumerate(period.as_of(as_of).months)}
    communities, records = assessment.communities, assessment.districts
    wholes = score_batch(communities, period, rulebook=rulebook, districts=records)
    pairs: Iterable[tuple[Scorecard, Scorecard]] = ((card, card) for card in wholes)
    if as_of is not None:  # shown as of the month; planned from the whole period
        shown = score_batch(communities, period, as_of=as_of, rulebook=rulebook, districts=records)
        pairs = zip(shown, wholes, strict=True)
    for card, whole in pairs:
        plan = plan_scorecard(whole, period, as_of=as_of, rulebook=rulebook)
        yield _entry(card, plan, positions, text)


def digest(
    assessment: Assessment,
    *,
    lang: Lang,
    rulebook: Rulebook,
    behind: BehindRule,
    as_of: Month | None,
) -> Digest:
    """Gather the report's facts in one pass over the communities.

    Args:
        assessment: The assessment.
        lang: The language of the texts.
        rulebook: The amounts.
        behind: Who is flagged behind (R19).
        as_of: The as-of month (R2), or ``None``.

    Returns:
        The facts.

    Raises:
        Refusal: *as_of* is before the period (R2).
    """
    text = _Texts(lang)
    items = list(entries(assessment, rulebook=rulebook, as_of=as_of, text=text))
    cards = [e.summary_card() for e in items]
    entry_of = {id(card): entry for card, entry in zip(cards, items, strict=True)}
    del items
    districts = rollup_communities(
        (
            (e.district, BehindCommunity(e.id, e.name, e.total, e.short_items))
            for e in entry_of.values()
        ),
        behind,
    )
    flagged = {i for s in districts for i in s.behind}
    ranked = tuple(
        (r.rank, entry_of[id(r.card)], r.card.community_id in flagged)
        for r in rank_scorecards(cards)
    )
    position = {card.community_id: n for n, card in enumerate(cards)}
    return Digest(
        ranked=ranked,
        districts=districts,
        disagreements=tuple(d.text(lang) for d in district_disagreements(assessment)),
        months=assessment.period.as_of(as_of).months,
        max_total=max_total(rulebook),
        item_max=tuple(max_points(rulebook, code) for code in ItemCode),
        texts=tuple(text.texts),
        rectify=rectify_order(districts, position),
    )
