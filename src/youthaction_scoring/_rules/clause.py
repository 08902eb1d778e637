"""The rulebook as code: one small pure function per clause.

Each ``clause_*`` function scores one item of one community and cites, in its
docstring, the clause of the Guiyang 2021 measures and the decisions of
RULES.md it applies. Amounts come from the :class:`~._rulebook.Rulebook` in
the :class:`Context`; no function here holds a point value of its own.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Final, TypeVar

import attrs

from .._domain.codes import (
    MECHANISM_ITEMS,
    CountyOrgCategory,
    ItemCode,
    ItemKind,
    Mechanism,
    RecordKind,
)
from .._domain.messages import Message, known_message
from .._domain.model import CADRE_KINDS, Community, LeagueOrg, Month, Period, YouthHome, month_index
from .._domain.normalize import compare_key
from .._domain.scorecard import Deduction, ItemScore
from .rulebook import Rulebook

_T = TypeVar("_T")


@attrs.frozen
class Context:
    """What every clause needs besides the community: dates and amounts.

    Args:
        period: The assessment period (R1).
        window: The period as scored: truncated at the as-of month (R2).
        as_of: The as-of month, or ``None``.
        rulebook: The amounts.
    """

    period: Period
    window: Period
    as_of: Month | None
    rulebook: Rulebook
    first: int = attrs.field(init=False)
    last: int = attrs.field(init=False)
    marker_key: str = attrs.field(init=False)
    _memo: dict[Hashable, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Precompute month bounds and the activity marker's key."""
        object.__setattr__(self, "first", self.window.start.index)
        object.__setattr__(self, "last", self.window.end.index)
        object.__setattr__(self, "marker_key", compare_key(self.rulebook.activity_marker))

    def memo(self, key: Hashable, make: Callable[[], _T]) -> _T:
        """Return the value made for *key* in this context, making it once.

        Performance only: items, deductions and notes that depend on nothing
        but a few facts of the community (e.g. which cadre kinds are missing,
        or that a given month is missing) are immutable and equal whenever
        those facts are equal, so one instance is shared by every scorecard
        of a batch. Safe from several threads: at worst two threads make the
        same value and one of them is kept.

        Args:
            key: The facts the value depends on (and which value it is).
            make: Makes the value.

        Returns:
            The shared value.
        """
        try:
            return typing.cast(_T, self._memo[key])
        except KeyError:
            return typing.cast(_T, self._memo.setdefault(key, make()))

    @classmethod
    def make(cls, period: Period, as_of: Month | None, rulebook: Rulebook) -> Context:
        """Build the context for scoring over *period* as of *as_of*.

        Args:
            period: The assessment period.
            as_of: The as-of month, or ``None``.
            rulebook: The amounts.

        Returns:
            The context.

        Raises:
            ValueError: *as_of* is before the first month (R2).
        """
        return cls(period, period.as_of(as_of), as_of, rulebook)

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
            return known_message("excluded_as_of", (kind, title, day, self.as_of), "R2")
        return known_message(
            "excluded_period", (kind, title, day, self.period.start, self.period.end), "R1"
        )


# --------------------------------------------------------------------------
# Stage helpers: deduct-then-floor for base items, sum-then-cap for bonus.
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
        notes += (Message("floored", (deducted,)),)
    return ItemScore(
        code=code,
        kind=ItemKind.BASE,
        max=full,
        raw=full,
        points=max(0, full - deducted),
        deductions=deductions,
        notes=notes,
        counted=counted,
    )


def bonus_item(
    code: ItemCode, each: int, cap: int, counted: int, notes: Iterable[Message] = ()
) -> ItemScore:
    """Assemble a bonus item: points per qualifying record, then the cap.

    Args:
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
        return ctx_free_bonus(code, each, cap, counted)
    return _capped_bonus(code, each, cap, counted, notes)


def _capped_bonus(
    code: ItemCode, each: int, cap: int, counted: int, notes: tuple[Message, ...]
) -> ItemScore:
    raw = each * counted
    if raw > cap:
        notes += (Message("capped", (raw, cap)),)
    return ItemScore(
        code=code,
        kind=ItemKind.BONUS,
        max=cap,
        raw=raw,
        points=min(cap, raw),
        notes=notes,
        counted=counted,
    )


_BONUS_MEMO: dict[tuple[ItemCode, int, int, int], ItemScore] = {}


def ctx_free_bonus(code: ItemCode, each: int, cap: int, counted: int) -> ItemScore:
    """Return a bonus item that has no notes of its own (shared, immutable).

    Performance only: such an item depends on nothing but its four arguments.

    Args:
        code: The item.
        each: Points per qualifying record.
        cap: The item's cap.
        counted: Distinct qualifying records.

    Returns:
        The item's score, as :func:`bonus_item` makes it.
    """
    key = (code, each, cap, counted)
    item = _BONUS_MEMO.get(key)
    if item is None:
        item = _capped_bonus(code, each, cap, counted, ())
        if len(_BONUS_MEMO) < 4096:
            item = _BONUS_MEMO.setdefault(key, item)
    return item


def _deduction(points: int, rule: str, key: str, *args: object) -> Deduction:
    return Deduction(points, Message(key, args), rule)


# --------------------------------------------------------------------------
# Section (一): organisation system.
# --------------------------------------------------------------------------


def clause_1_1_county_youth_orgs(community: Community, ctx: Context) -> ItemScore:
    """Clause (一)1, county-level league youth social organisations (base).

    The district league committee must have recorded all three categories;
    each category not recorded deducts, and the item stops at 0 (R3). The
    organisations belong to the district: every community of the district is
    credited alike.

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 1.1.
    """
    rb = ctx.rulebook
    recorded = community.org_system.county_youth_orgs
    missing = tuple(category for category in CountyOrgCategory if category not in recorded)
    return ctx.memo(
        ("1.1", missing),
        lambda: base_item(
            ItemCode.C1_1,
            rb.county_orgs_points,
            [
                _deduction(rb.county_org_missing_deduction, "R3", "county_org_missing", category)
                for category in missing
            ],
        ),
    )


def clause_1_2_youth_home(community: Community, ctx: Context) -> ItemScore:
    """Clause (一)2, community "Y+ Youth Home" (base).

    Not built: 0, whatever else is true. Built: full points, minus one
    deduction for not joining the cloud platform and one for activities not
    run to standard (R4).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 1.2.
    """
    home = community.org_system.youth_home
    facts = None if home is None else (home.on_cloud_platform, home.activities_standardized)
    return ctx.memo(("1.2", facts), lambda: _youth_home_item(home, ctx))


def _youth_home_item(home: YouthHome | None, ctx: Context) -> ItemScore:
    rb = ctx.rulebook
    if home is None:
        deductions = [_deduction(rb.youth_home_points, "R4", "youth_home_not_built")]
    else:
        deductions = []
        if not home.on_cloud_platform:
            deductions.append(
                _deduction(rb.youth_home_not_on_cloud_deduction, "R4", "youth_home_not_on_cloud")
            )
        if not home.activities_standardized:
            deductions.append(
                _deduction(
                    rb.youth_home_not_standardized_deduction, "R4", "youth_home_not_standardized"
                )
            )
    return base_item(ItemCode.C1_2, rb.youth_home_points, deductions)


def clause_1_3_league_org(community: Community, ctx: Context) -> ItemScore:
    """Clause (一)3, community league organisation (base).

    Not established: 0. Established: full points, minus a deduction when its
    activities are not run to standard (R5).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 1.3.
    """
    org = community.org_system.league_org
    facts = None if org is None else org.activities_standardized
    return ctx.memo(("1.3", facts), lambda: _league_org_item(org, ctx))


def _league_org_item(org: LeagueOrg | None, ctx: Context) -> ItemScore:
    rb = ctx.rulebook
    if org is None:
        deductions = [_deduction(rb.league_org_points, "R5", "league_org_not_established")]
    elif not org.activities_standardized:
        deductions = [
            _deduction(
                rb.league_org_not_standardized_deduction, "R5", "league_org_not_standardized"
            )
        ]
    else:
        deductions = []
    return base_item(ItemCode.C1_3, rb.league_org_points, deductions)


# --------------------------------------------------------------------------
# Section (二): workforce.
# --------------------------------------------------------------------------


def clause_2_1_cadres(community: Community, ctx: Context) -> ItemScore:
    """Clause (二)1, full-time, seconded and part-time league cadres (base).

    Complete staffing (at least one cadre of each of the three kinds) earns
    the full points; anything less earns none (R6).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 2.1.
    """
    rb = ctx.rulebook
    cadres = community.workforce.cadres
    counts = (cadres.full_time, cadres.seconded, cadres.part_time)  # CADRE_KINDS' order
    missing = tuple(kind for kind, count in zip(CADRE_KINDS, counts, strict=True) if count < 1)
    return ctx.memo(
        ("2.1", missing),
        lambda: base_item(
            ItemCode.C2_1,
            rb.cadres_points,
            [_deduction(rb.cadres_points, "R6", "cadres_incomplete", missing)] if missing else [],
        ),
    )


def clause_2_2_service_projects(community: Community, ctx: Context) -> ItemScore:
    """Clause (二)2, service projects by county-level league youth organisations (bonus).

    Each project completed within the period earns points (R7); one recorded
    twice (same title and organisation, compared as in R15) counts once.
    Projects dated outside the period are excluded with a note (R1, R2).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 2.2.
    """
    rb = ctx.rulebook
    notes: list[Message] = []
    seen: dict[tuple[str, str], list[str]] = {}
    for project in community.workforce.service_projects:
        excluded = ctx.exclusion(RecordKind.SERVICE_PROJECT, project.title, project.completed_on)
        if excluded is not None:
            notes.append(excluded)
            continue
        key = (compare_key(project.title), compare_key(project.organisation))
        seen.setdefault(key, []).append(project.title)
    notes.extend(_merged(RecordKind.SERVICE_PROJECT, seen.values(), "R7"))
    return bonus_item(
        ItemCode.C2_2, rb.service_project_points, rb.service_projects_cap, len(seen), notes
    )


def clause_2_3_pairings(community: Community, ctx: Context) -> ItemScore:
    """Clause (二)3, volunteer pairing with local organisations (bonus).

    Each partner organisation paired within the period earns points once,
    however many records it has (partner names compared as in R15) (R8).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 2.3.
    """
    rb = ctx.rulebook
    notes: list[Message] = []
    seen: dict[str, list[str]] = {}
    for pairing in community.workforce.pairings:
        excluded = ctx.exclusion(RecordKind.PAIRING, pairing.partner, pairing.date)
        if excluded is not None:
            notes.append(excluded)
            continue
        seen.setdefault(compare_key(pairing.partner), []).append(pairing.partner)
    notes.extend(_merged(RecordKind.PAIRING, seen.values(), "R8"))
    return bonus_item(ItemCode.C2_3, rb.pairing_points, rb.pairings_cap, len(seen), notes)


def _merged(kind: RecordKind, groups: Iterable[list[str]], rule: str) -> list[Message]:
    return [
        known_message("duplicate_merged", (kind, titles[0], len(titles)), rule)
        for titles in groups
        if len(titles) > 1
    ]


# --------------------------------------------------------------------------
# Section (三): youth work projects.
# --------------------------------------------------------------------------


def clause_3_brands_and_monthly_activities(community: Community, ctx: Context) -> ItemScore:
    """Clause (三), featured brands and monthly special activities (base).

    An activity qualifies when it is dated in the period, was reported to the
    city league committee, and its title contains the action's name (R9).
    Every month of the scored window without one deducts (R10). Without any
    featured brand the item scores 0; more than two brands are noted (R11).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 3, with ``counted`` the number of months covered.
    """
    rb = ctx.rulebook
    projects = community.projects
    notes: list[Message] = []
    covered: set[int] = set()
    for activity in projects.activities:
        excluded = ctx.exclusion(RecordKind.ACTIVITY, activity.title, activity.date)
        if excluded is not None:
            notes.append(excluded)
        elif not activity.reported:
            notes.append(
                known_message("activity_not_reported", (activity.title, activity.date), "R9")
            )
        elif ctx.marker_key not in compare_key(activity.title):
            notes.append(
                known_message(
                    "activity_not_titled",
                    (activity.title, activity.date, rb.activity_marker),
                    "R9",
                )
            )
        else:
            covered.add(month_index(activity.date))
    deductions: list[Deduction] = []
    if not projects.brands:
        deductions.append(
            ctx.memo("R11", lambda: _deduction(rb.projects_points, "R11", "no_brand"))
        )
    elif len(projects.brands) > rb.recommended_max_brands:
        notes.append(
            Message("many_brands", (len(projects.brands), rb.recommended_max_brands), "R11")
        )
    deductions.extend(
        ctx.memo(
            ("R10", index),
            lambda index=index: _deduction(  # type: ignore[misc]
                rb.missing_month_deduction, "R10", "month_missing", Month.from_index(index)
            ),
        )
        for index in range(ctx.first, ctx.last + 1)
        if index not in covered
    )
    return base_item(ItemCode.C3, rb.projects_points, deductions, notes, counted=len(covered))


# --------------------------------------------------------------------------
# Section (四): operating mechanisms.
# --------------------------------------------------------------------------


def _summaries_item(community: Community, ctx: Context, mechanism: Mechanism) -> ItemScore:
    """Score one mechanism's summaries (R12, R13, R14)."""
    rb = ctx.rulebook
    notes: list[Message] = []
    groups: dict[str, list[tuple[str, bool]]] = {}
    for summary in community.mechanisms.summaries:
        if summary.mechanism is not mechanism:
            continue
        excluded = ctx.exclusion(RecordKind.SUMMARY, summary.title, summary.date)
        if excluded is not None:
            notes.append(excluded)
            continue
        key = compare_key(summary.title)
        groups.setdefault(key, []).append((summary.title, bool(summary.recognitions)))
    counted = 0
    for records in groups.values():
        if any(recognised for _, recognised in records):
            counted += 1
        else:
            notes.append(known_message("summary_unrecognised", (records[0][0],), "R12"))
        if len(records) > 1:
            notes.append(
                known_message(
                    "duplicate_merged", (RecordKind.SUMMARY, records[0][0], len(records)), "R13"
                )
            )
    return bonus_item(MECHANISM_ITEMS[mechanism], rb.summary_points, rb.summary_cap, counted, notes)


def clause_4_1_socialized_operation(community: Community, ctx: Context) -> ItemScore:
    """Clause (四)1, socialised operation mechanism (bonus).

    Each summary on this mechanism dated in the period with at least one
    leader instruction or media publication earns points once (R12); the
    same summary recorded twice counts once (R13).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 4.1.
    """
    return _summaries_item(community, ctx, Mechanism.SOCIALIZED_OPERATION)


def clause_4_2_project_management(community: Community, ctx: Context) -> ItemScore:
    """Clause (四)2, project-based management mechanism (bonus).

    Same reckoning as 4.1, for summaries on this mechanism (R12, R13).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 4.2.
    """
    return _summaries_item(community, ctx, Mechanism.PROJECT_MANAGEMENT)


def clause_4_3_information_sharing(community: Community, ctx: Context) -> ItemScore:
    """Clause (四)3, information-sharing mechanism (bonus, R14).

    The document does not call this item a bonus item in so many words, but
    it has the bonus form of 4.1 and 4.2 and the base items already total
    100 without it (R14). Same reckoning as 4.1 (R12, R13).

    Args:
        community: The community.
        ctx: Period and amounts.

    Returns:
        Item 4.3.
    """
    return _summaries_item(community, ctx, Mechanism.INFORMATION_SHARING)


CLAUSES: Final[tuple[Callable[[Community, Context], ItemScore], ...]] = (
    clause_1_1_county_youth_orgs,
    clause_1_2_youth_home,
    clause_1_3_league_org,
    clause_2_1_cadres,
    clause_2_2_service_projects,
    clause_2_3_pairings,
    clause_3_brands_and_monthly_activities,
    clause_4_1_socialized_operation,
    clause_4_2_project_management,
    clause_4_3_information_sharing,
)
"""The clause functions, in RULES.md's order (one per item)."""
