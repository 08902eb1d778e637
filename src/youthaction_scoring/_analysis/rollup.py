"""District roll-up: district league committees carry the main responsibility.

Per district: the number of communities, the mean, lowest and highest total,
and its communities flagged behind (R19, R23) among all those scored together
(:class:`~.behind.BehindRule`). Districts are listed by mean total, highest
first. No grade is assigned. District names are compared as names are (R22):
``南明区`` and ``南明 区`` are one district, shown as the first spelling met
among the communities in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from .._domain.checks import check_type
from .._domain.codes import CountyOrgCategory, ItemCode, Lang
from .._domain.messages import Text
from .._domain.model import Assessment, Community
from .._domain.normalize import compare_key
from .._domain.scorecard import Deduction, ItemScore, Scorecard
from .behind import BehindRule, flag_behind
from .progress import short_items
from .score_rows import ScoreRow


@attrs.frozen
class BehindCommunity:
    """A community flagged behind (R19, R23), as every behind list names it.

    Args:
        community_id: Its id.
        community_name: Its name.
        total: Its total.
        items: Its base items short of their full points, in item order
            (never empty in a behind list: a community that has lost no base
            point is never behind, R23).
    """

    community_id: str
    community_name: str
    total: int
    items: tuple[ItemScore, ...]

    @property
    def lost(self) -> tuple[tuple[ItemCode, int], ...]:
        """The points lost on each of those items, with the item's code."""
        return tuple((item.code, item.lost) for item in self.items)

    @property
    def shortfalls(self) -> tuple[tuple[ItemCode, Deduction], ...]:
        """Every deduction on its base items, with the item's code, in item order."""
        return tuple((item.code, d) for item in self.items for d in item.deductions)


@attrs.frozen
class DistrictSummary:
    """One district's roll-up.

    Args:
        district: The district (区(市、县)).
        count: Its number of communities.
        mean: Their mean total.
        min: The lowest total.
        max: The highest total.
        community_ids: Its communities, in input order.
        behind: Ids of its communities flagged behind (R19, R23), in input order.
        flagged: The same communities with their names, totals and shortfalls.
    """

    district: str
    count: int
    mean: float
    min: int
    max: int
    community_ids: tuple[str, ...]
    behind: tuple[str, ...]
    flagged: tuple[BehindCommunity, ...] = ()


def district_rollup(
    cards: Iterable[Scorecard], behind: BehindRule | None = None
) -> tuple[DistrictSummary, ...]:
    """Roll scorecards up by district.

    Args:
        cards: The scorecards, scored together (one period, one as-of month).
        behind: Who is flagged behind among all of them (R19); the bottom
            quarter by total, ties included, by default.

    Returns:
        One summary per district, by mean total, highest first (equal means
        in the order of each district's first community).
    """

    def entries() -> Iterator[_Entry]:
        for card in cards:
            check_type("district_rollup", "cards[]", card, Scorecard)
            yield (
                card.district,
                BehindCommunity(
                    card.community_id, card.community_name, card.total, short_items(card)
                ),
            )

    return _rollup(entries(), behind)


def district_rollup_rows(
    rows: Iterable[ScoreRow], behind: BehindRule | None = None
) -> tuple[DistrictSummary, ...]:
    """Roll score rows up by district, exactly as :func:`district_rollup` rolls their scorecards.

    Args:
        rows: The rows, scored together, each with its short base items
            (``ScoreRow.of(card, shortfalls=True)``).
        behind: As in :func:`district_rollup`.

    Returns:
        As :func:`district_rollup`.

    Raises:
        ValueError: A row was made without its short base items (who is
            behind could not be told, R23).
    """

    def entries() -> Iterator[_Entry]:
        for r in rows:
            if r.short_items is None:
                raise ValueError(f"district_rollup_rows: row {r.community_id!r} has no shortfalls")
            yield (
                r.district,
                BehindCommunity(r.community_id, r.community_name, r.total, r.short_items),
            )

    return _rollup(entries(), behind)


_Entry = tuple[str, BehindCommunity]
"""A community of the roll-up: its district and what a behind list says of it."""


def rollup_communities(
    entries: Iterable[_Entry], behind: BehindRule | None = None
) -> tuple[DistrictSummary, ...]:
    """Roll communities up by district, as :func:`district_rollup` rolls scorecards.

    Args:
        entries: ``(district, community)`` of each community scored together,
            in input order.
        behind: As in :func:`district_rollup`.

    Returns:
        As :func:`district_rollup`.
    """
    return _rollup(entries, behind)


def _rollup(entries: Iterable[_Entry], behind: BehindRule | None) -> tuple[DistrictSummary, ...]:
    """The roll-up of (district, community) entries."""
    groups: dict[str, list[BehindCommunity]] = {}
    shown: dict[str, str] = {}
    for district, member in entries:
        key = compare_key(district)  # R22: one district however its name is spaced
        shown.setdefault(key, district)
        groups.setdefault(key, []).append(member)
    every = (m for members in groups.values() for m in members)
    flagged = set(flag_behind(((m.community_id, m.total, bool(m.items)) for m in every), behind))
    summaries = []
    for key, members in groups.items():
        totals = [m.total for m in members]
        behind_here = tuple(m for m in members if m.community_id in flagged)
        summaries.append(
            DistrictSummary(
                district=shown[key],
                count=len(members),
                mean=sum(totals) / len(totals),
                min=min(totals),
                max=max(totals),
                community_ids=tuple(m.community_id for m in members),
                behind=tuple(m.community_id for m in behind_here),
                flagged=behind_here,
            )
        )
    summaries.sort(key=lambda s: -s.mean)
    return tuple(summaries)


SHOWN_IDS: Final = 10
"""The most community ids a warning names for one list."""


@attrs.frozen
class Disagreement:
    """Communities of one unrecorded district whose 1.1 lists differ (R18).

    Args:
        district: The district.
        variants: Each distinct list recorded, with the ids of the
            communities that recorded it, in order of first appearance.
    """

    district: str
    variants: tuple[tuple[tuple[CountyOrgCategory, ...], tuple[str, ...]], ...]

    def text(self, lang: Lang) -> str:
        """One line naming the district, each list and who recorded it.

        At most ``SHOWN_IDS`` ids are named per list, then how many more
        (a large assessment would otherwise print thousands).
        """
        parts = []
        for orgs, ids in self.variants:
            joiner = "、" if lang == "zh" else ", "
            labels = joiner.join(o.label_in(lang) for o in orgs) or (
                "无" if lang == "zh" else "none"
            )
            shown = ", ".join(ids[:SHOWN_IDS])
            if len(ids) > SHOWN_IDS:
                shown += DistrictText.MORE.format(lang, f"{len(ids) - SHOWN_IDS:,}")
            parts.append(f"{shown}: {labels}")
        return DistrictText.DISAGREE.template(lang).format(
            self.district, "；".join(parts) if lang == "zh" else "; ".join(parts)
        )


class DistrictText(Text):
    """The R18 warning."""

    DISAGREE = (
        "{0}各社区记录的县级团属青年社会组织（1.1）不一致，无区县记录可依（R18），"
        "分数按各自记录计算：{1}",
        "{0}: its communities record different county-level organisations for 1.1 and"
        " there is no district record (R18); each is scored on its own list: {1}",
    )
    MORE = ("等，另有{0}个社区", " and {0} more")


class DisagreementFinder:
    """Gathers, community by community, the 1.1 lists of unrecorded districts (R18).

    Only ids are kept, so a stream can be followed in little memory.

    Args:
        recorded: Names of the districts that have a record (their
            communities take 1.1 from it and are not compared).
    """

    def __init__(self, recorded: Iterable[str] = ()) -> None:
        self.recorded = frozenset(map(compare_key, recorded))
        self._lists: dict[str, dict[frozenset[CountyOrgCategory], list[str]]] = {}
        self._shown: dict[str, str] = {}

    def add(self, community: Community) -> None:
        """Note one community's list (district names compared as names are, R22)."""
        district = compare_key(community.district)
        if district in self.recorded:
            return
        self._shown.setdefault(district, community.district)
        key = frozenset(community.org_system.county_youth_orgs)
        self._lists.setdefault(district, {}).setdefault(key, []).append(community.id)

    def found(self) -> tuple[Disagreement, ...]:
        """Every district whose communities recorded more than one list, in order."""
        return tuple(
            Disagreement(
                self._shown[district],
                tuple(
                    (tuple(o for o in CountyOrgCategory if o in key), tuple(ids))
                    for key, ids in variants.items()
                ),
            )
            for district, variants in self._lists.items()
            if len(variants) > 1
        )


def district_disagreements(assessment: Assessment) -> tuple[Disagreement, ...]:
    """Find districts without a record whose communities' 1.1 lists differ (R18).

    The scores stand (each community is scored on its own list); the
    inconsistency is reported so that staff can add a district record.

    Args:
        assessment: The assessment.

    Returns:
        One :class:`Disagreement` per such district, in order of first
        appearance; none when every district agrees or is recorded.
    """
    check_type("district_disagreements", "assessment", assessment, Assessment)
    finder = DisagreementFinder(record.name for record in assessment.districts)
    for community in assessment.communities:
        finder.add(community)
    return finder.found()
