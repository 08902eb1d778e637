"""Every clause at, just below and just above its boundaries (RULES.md R1-R16)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from tests.builders import (
    PERIOD,
    day,
    empty_community,
    full_community,
    monthly_activities,
    pairings_,
    projects_,
    summaries_,
    with_org,
    with_projects,
    with_summaries,
    with_workforce,
)
from youthaction_scoring import (
    GUIYANG_2021,
    Activity,
    Brand,
    Cadres,
    Community,
    CountyOrgCategory,
    ItemCode,
    LeagueOrg,
    Mechanism,
    MediaPublication,
    Month,
    Pairing,
    PartnerKind,
    Period,
    ServiceProject,
    Summary,
    YouthHome,
    score,
)
from youthaction_scoring._rules.clause import RuleText
from youthaction_scoring._rules.s3_projects import S3Text


def points(community: Community, code: str, period: Period = PERIOD, **kw: Any) -> int:
    """Score *community* and return one item's points."""
    return score(community, period, **kw).item(code).points


# --- shape of the score --------------------------------------------------------------------


def test_full_community_scores_200() -> None:
    """A community that meets every clause gets 100 base + 100 bonus."""
    card = score(full_community(), PERIOD)
    assert (100, 100, 200) == (card.base, card.bonus, card.total)


def test_empty_community_scores_zero() -> None:
    """A community with nothing recorded gets 0 everywhere."""
    card = score(empty_community(), PERIOD)
    assert [0] * 10 == [i.points for i in card.items]
    assert 0 == card.total


def test_items_follow_the_table_order() -> None:
    """The ten items come in RULES.md's order with their kinds and maxima."""
    card = score(empty_community(), PERIOD)
    expected = [
        ("1.1", "base", 15),
        ("1.2", "base", 15),
        ("1.3", "base", 15),
        ("2.1", "base", 15),
        ("2.2", "bonus", 20),
        ("2.3", "bonus", 20),
        ("3", "base", 40),
        ("4.1", "bonus", 20),
        ("4.2", "bonus", 20),
        ("4.3", "bonus", 20),
    ]
    assert expected == [(i.code.code, i.kind.code, i.max) for i in card.items]


# --- 1.1 county-level league youth organisations (R3) -----------------------------------------


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [(3, 15), (2, 10), (1, 5), (0, 0)],
)
def test_1_1_deducts_five_per_missing_category(recorded: int, expected: int) -> None:
    """Each category not recorded deducts 5 (R3)."""
    cats = tuple(CountyOrgCategory)[:recorded]
    community = with_org(empty_community(), county_youth_orgs=cats)
    item = score(community, PERIOD).item("1.1")
    assert expected == item.points
    assert ["R3"] * (3 - recorded) == [d.rule for d in item.deductions]


def test_1_1_floor_is_zero_when_deductions_exceed_full_points() -> None:
    """With a larger per-category deduction the item stops at 0 and says so (R3)."""
    rulebook = GUIYANG_2021.amended(ItemCode.C1_1, per_missing_category=6)
    card = score(empty_community(), PERIOD, rulebook=rulebook)
    item = card.item("1.1")
    assert (15, 18, -3, 0) == (item.raw, item.deducted, item.after_deductions, item.points)
    assert ["deductions total 18, floored at 0"] == [n.en for n in item.notes]


def test_1_1_names_the_missing_category() -> None:
    """The deduction names the category in Chinese and English."""
    community = with_org(
        empty_community(), county_youth_orgs=(CountyOrgCategory.VOLUNTEER_SERVICE,)
    )
    reasons = [d.reason for d in score(community, PERIOD).item("1.1").deductions]
    assert any("创业就业" in r.zh for r in reasons)
    assert any("culture, arts and sports" in r.en for r in reasons)


# --- 1.2 Y+ Youth Home (R4) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("home", "expected"),
    [
        (None, 0),
        (YouthHome(on_cloud_platform=True, activities_standardized=True), 15),
        (YouthHome(on_cloud_platform=False, activities_standardized=True), 10),
        (YouthHome(on_cloud_platform=True, activities_standardized=False), 10),
        (YouthHome(on_cloud_platform=False, activities_standardized=False), 5),
    ],
)
def test_1_2_youth_home(home: YouthHome | None, expected: int) -> None:
    """Not built 0; built 15 minus 5 per shortcoming; built with neither 5 (R4)."""
    assert expected == points(with_org(empty_community(), youth_home=home), "1.2")


def test_1_2_not_built_is_one_deduction_of_the_full_points() -> None:
    """An unbuilt home is shown as one R4 deduction of 15, not as partial ones."""
    item = score(empty_community(), PERIOD).item("1.2")
    assert [(15, "R4")] == [(d.points, d.rule) for d in item.deductions]


# --- 1.3 community league organisation (R5) ---------------------------------------------------


@pytest.mark.parametrize(
    ("org", "expected"),
    [(None, 0), (LeagueOrg(activities_standardized=False), 5), (LeagueOrg(True), 15)],
)
def test_1_3_league_org(org: LeagueOrg | None, expected: int) -> None:
    """Not established 0; established 15, minus 10 when not run to standard (R5)."""
    assert expected == points(with_org(empty_community(), league_org=org), "1.3")


# --- 2.1 cadres (R6) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadres", "expected"),
    [
        (Cadres(1, 1, 1), 15),
        (Cadres(5, 2, 9), 15),
        (Cadres(0, 1, 1), 0),
        (Cadres(1, 0, 1), 0),
        (Cadres(1, 1, 0), 0),
        (Cadres(0, 0, 0), 0),
    ],
)
def test_2_1_needs_one_of_each_kind(cadres: Cadres, expected: int) -> None:
    """At least one full-time, seconded and part-time cadre → 15, else 0 (R6)."""
    assert expected == points(with_workforce(empty_community(), cadres=cadres), "2.1")


def test_2_1_names_every_missing_kind() -> None:
    """The deduction names every missing kind of cadre."""
    community = with_workforce(empty_community(), cadres=Cadres(1, 0, 0))
    (deduction,) = score(community, PERIOD).item("2.1").deductions
    assert "cadre staffing incomplete, missing: seconded, part-time" == deduction.reason.en
    assert "专、挂、兼团干部配备不完善，缺少挂职、兼职团干部" == deduction.reason.zh


# --- 2.2 service projects (R7) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "raw", "expected"), [(0, 0, 0), (3, 15, 15), (4, 20, 20), (5, 25, 20), (9, 45, 20)]
)
def test_2_2_five_each_capped_at_20(count: int, raw: int, expected: int) -> None:
    """+5 per completed project, cap 20: below, at and above the cap (R7)."""
    community = with_workforce(
        empty_community(), service_projects=projects_(count, day("2021-12-01"))
    )
    item = score(community, PERIOD).item("2.2")
    assert (raw, expected) == (item.raw, item.points)


def test_2_2_cap_exceeded_is_noted() -> None:
    """Going over the cap leaves a note with the raw sum."""
    community = with_workforce(empty_community(), service_projects=projects_(5, day("2021-12-01")))
    assert ["raw 25 capped at 20"] == [n.en for n in score(community, PERIOD).item("2.2").notes]


def test_2_2_duplicate_project_counts_once() -> None:
    """The same title and organisation, differing in width, case and spaces, count once (R7, R15)."""
    community = with_workforce(
        empty_community(),
        service_projects=(
            ServiceProject("四点半课堂 ABC", "南明区青协", day("2021-11-02")),
            ServiceProject("四点半课堂ａｂｃ", " 南明区 青协 ", day("2022-01-09")),
            ServiceProject("四点半课堂ABC", "云岩区青协", day("2022-01-09")),
        ),
    )
    item = score(community, PERIOD).item("2.2")
    assert (2, 10) == (item.counted, item.points)
    assert ["R7"] == [n.rule for n in item.notes]


@pytest.mark.parametrize(
    ("completed", "counts"),
    [
        ("2021-10-31", False),
        ("2021-11-01", True),
        ("2022-04-30", True),
        ("2022-05-01", False),
    ],
)
def test_2_2_period_edges(completed: str, counts: bool) -> None:
    """The first and last day of the period count; the day before and after do not (R1, R7)."""
    community = with_workforce(
        empty_community(), service_projects=(ServiceProject("t", "o", day(completed)),)
    )
    item = score(community, PERIOD).item("2.2")
    assert (5 if counts else 0) == item.points
    assert (not counts) == any(n.rule == "R1" for n in item.notes)


# --- 2.3 pairings (R8) ----------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "expected"), [(3, 15), (4, 20), (5, 20)])
def test_2_3_five_each_capped_at_20(count: int, expected: int) -> None:
    """+5 per partner, cap 20 (R8)."""
    community = with_workforce(empty_community(), pairings=pairings_(count, day("2022-02-28")))
    assert expected == points(community, "2.3")


def test_2_3_partner_counts_once_however_many_records() -> None:
    """Several records with one partner (compared as in R15) count once, whatever the kind (R8)."""
    community = with_workforce(
        empty_community(),
        pairings=(
            Pairing("贵州大学 青协", PartnerKind.UNIVERSITY, day("2021-11-20")),
            Pairing("贵州大学青协", PartnerKind.INSTITUTION, day("2022-03-01")),
            Pairing("贵州大学青协", PartnerKind.UNIVERSITY, day("2021-10-01")),
        ),
    )
    item = score(community, PERIOD).item("2.3")
    assert 5 == item.points
    assert ["R1", "R8"] == [n.rule for n in item.notes]


# --- 3 brands and monthly activities (R9-R11) ---------------------------------------------------


def _projects(brands: tuple[Brand, ...], activities: tuple[Activity, ...]) -> Community:
    return with_projects(empty_community(), brands=brands, activities=activities)


def test_3_full_with_a_brand_and_every_month() -> None:
    """A brand and a qualifying activity every month earn 40 (R10, R11)."""
    community = _projects((Brand.VIBRANT,), monthly_activities(PERIOD))
    assert 40 == points(community, "3")


@pytest.mark.parametrize(("missing", "expected"), [(1, 30), (3, 10), (4, 0), (5, 0), (6, 0)])
def test_3_ten_per_missing_month_floored(missing: int, expected: int) -> None:
    """Each month without a qualifying activity deducts 10, never below 0 (R10)."""
    activities = monthly_activities(PERIOD)[missing:]
    item = score(_projects((Brand.VIBRANT,), activities), PERIOD).item("3")
    assert expected == item.points
    assert ["R10"] * missing == [d.rule for d in item.deductions]
    assert (missing > 4) == any(n.key is RuleText.FLOORED for n in item.notes)


def test_3_no_brand_scores_zero_even_with_every_month() -> None:
    """Without any featured brand the item is 0 (R11)."""
    item = score(_projects((), monthly_activities(PERIOD)), PERIOD).item("3")
    assert 0 == item.points
    assert [(40, "R11")] == [(d.points, d.rule) for d in item.deductions]


@pytest.mark.parametrize(("count", "noted"), [(1, False), (2, False), (3, True)])
def test_3_more_than_two_brands_still_scores_and_is_noted(count: int, noted: bool) -> None:
    """One or two brands are expected; a third is allowed and noted (R11)."""
    brands = tuple(Brand)[:count]
    item = score(_projects(brands, monthly_activities(PERIOD)), PERIOD).item("3")
    assert 40 == item.points
    assert noted == any(n.key is S3Text.MANY_BRANDS for n in item.notes)


@pytest.mark.parametrize(
    ("title", "reported", "qualifies"),
    [
        ("社区青春行动·垃圾分类", True, True),
        ("社区 青春 行动 助老", True, True),
        ("ＸＸ社区青春行动", True, True),
        ("社区青春行动", False, False),
        ("青春行动·月度活动", True, False),
        ("社区青年行动", True, False),
    ],
)
def test_3_qualifying_activity(title: str, reported: bool, qualifies: bool) -> None:
    """Only reported activities whose title contains 社区青春行动 (as in R15) qualify (R9)."""
    one_month = Period(Month(2021, 11), Month(2021, 11))
    community = _projects((Brand.VIBRANT,), (Activity(title, day("2021-11-05"), reported),))
    assert (40 if qualifies else 30) == points(community, "3", one_month)


def test_3_leap_day_and_year_boundary() -> None:
    """A 29 February and a December → January period are counted by calendar month (R10)."""
    period = Period(Month(2023, 12), Month(2024, 2))
    activities = (
        Activity("社区青春行动", day("2023-12-31"), True),
        Activity("社区青春行动", day("2024-01-01"), True),
        Activity("社区青春行动", day("2024-02-29"), True),
    )
    assert 40 == points(_projects((Brand.BEAUTIFUL,), activities), "3", period)


def test_3_single_month_period() -> None:
    """A one-month period owes one month: covered 40, missing 30 (R1, R10)."""
    period = Period(Month(2022, 1), Month(2022, 1))
    covered = (Activity("社区青春行动", day("2022-01-31"), True),)
    outside = (Activity("社区青春行动", day("2022-02-01"), True),)
    assert 40 == points(_projects((Brand.BEAUTIFUL,), covered), "3", period)
    assert 30 == points(_projects((Brand.BEAUTIFUL,), outside), "3", period)


def test_3_several_activities_in_one_month_cover_only_that_month() -> None:
    """Two activities in one month do not make up for an empty month (R10)."""
    period = Period(Month(2022, 1), Month(2022, 2))
    activities = (
        Activity("社区青春行动", day("2022-01-01"), True),
        Activity("社区青春行动", day("2022-01-31"), True),
    )
    item = score(_projects((Brand.BEAUTIFUL,), activities), period).item("3")
    assert 30 == item.points
    assert ["no qualifying activity in 2022-02"] == [d.reason.en for d in item.deductions]


# --- 4.x summaries (R12-R14) ------------------------------------------------------------------


@pytest.mark.parametrize("mechanism", list(Mechanism))
@pytest.mark.parametrize(("count", "expected"), [(1, 10), (2, 20), (3, 20)])
def test_4_ten_each_capped_at_20_per_mechanism(
    mechanism: Mechanism, count: int, expected: int
) -> None:
    """+10 per recognised summary, cap 20 for each mechanism, 4.3 included (R12, R14)."""
    community = with_summaries(empty_community(), summaries_(count, mechanism, day("2022-01-10")))
    card = score(community, PERIOD)
    got = {i.code.code: i.points for i in card.items if i.code.section == "4"}
    code = {"socialized_operation": "4.1", "project_management": "4.2"}.get(mechanism.code, "4.3")
    assert {c: (expected if c == code else 0) for c in ("4.1", "4.2", "4.3")} == got


def test_4_unrecognised_summary_scores_nothing_and_is_noted() -> None:
    """A summary without recognition does not count yet and is reported (R12)."""
    community = with_summaries(
        empty_community(),
        summaries_(1, Mechanism.PROJECT_MANAGEMENT, day("2022-01-10"), recognised=False),
    )
    item = score(community, PERIOD).item("4.2")
    assert 0 == item.points
    assert ["R12"] == [n.rule for n in item.notes]


def test_4_several_recognitions_count_once() -> None:
    """Two recognitions on one summary still earn 10 (R12)."""
    summary = Summary(
        "综述",
        Mechanism.INFORMATION_SHARING,
        day("2021-12-01"),
        (MediaPublication("贵阳日报"), MediaPublication("贵州日报")),
    )
    assert 10 == points(with_summaries(empty_community(), (summary,)), "4.3")


def test_4_duplicate_summary_counts_once_and_only_in_its_mechanism() -> None:
    """A summary recorded twice counts once; the same title on another mechanism is another summary (R13)."""
    recognised = (MediaPublication("贵阳日报"),)
    summaries = (
        Summary("社会化 运作综述", Mechanism.SOCIALIZED_OPERATION, day("2021-12-01"), recognised),
        Summary("社会化运作综述", Mechanism.SOCIALIZED_OPERATION, day("2022-02-01"), ()),
        Summary("社会化运作综述", Mechanism.PROJECT_MANAGEMENT, day("2022-02-01"), recognised),
    )
    card = score(with_summaries(empty_community(), summaries), PERIOD)
    assert (10, 10, 0) == tuple(card.item(c).points for c in ("4.1", "4.2", "4.3"))
    assert ["R13"] == [n.rule for n in card.item("4.1").notes]


def test_4_out_of_period_summary_is_excluded() -> None:
    """A recognised summary dated after the period does not count (R1, R12)."""
    summary = Summary(
        "综述", Mechanism.SOCIALIZED_OPERATION, day("2022-05-01"), (MediaPublication("x"),)
    )
    item = score(with_summaries(empty_community(), (summary,)), PERIOD).item("4.1")
    assert (0, ["R1"]) == (item.points, [n.rule for n in item.notes])


# --- as-of scoring (R2) -----------------------------------------------------------------------


def test_as_of_truncates_owed_months() -> None:
    """As of 2022-01 only 2021-11 … 2022-01 are owed (R2)."""
    activities = monthly_activities(Period(Month(2021, 11), Month(2022, 1)))
    community = _projects((Brand.VIBRANT,), activities)
    assert 40 == points(community, "3", as_of=Month(2022, 1))
    assert 10 == points(community, "3")


def test_as_of_excludes_later_records_with_a_note() -> None:
    """Records after the as-of month do not count yet and are noted as such (R2)."""
    community = with_workforce(
        empty_community(),
        service_projects=(
            ServiceProject("a", "o", day("2022-01-31")),
            ServiceProject("b", "o", day("2022-02-01")),
        ),
    )
    item = score(community, PERIOD, as_of=Month(2022, 1)).item("2.2")
    assert 5 == item.points
    assert ["R2"] == [n.rule for n in item.notes]


@pytest.mark.parametrize(
    ("as_of", "months_owed"),
    [(Month(2021, 11), 1), (Month(2022, 4), 6), (Month(2022, 5), 6), (Month(2030, 1), 6)],
)
def test_as_of_at_and_after_the_edges(as_of: Month, months_owed: int) -> None:
    """As of the first month one month is owed; as of the last month or later, all (R2)."""
    item = score(_projects((Brand.VIBRANT,), ()), PERIOD, as_of=as_of).item("3")
    assert months_owed == len(item.deductions)


def test_as_of_before_the_period_is_an_error() -> None:
    """An as-of month before the first month is refused (R2)."""
    with pytest.raises(ValueError, match="before the period's first month"):
        score(empty_community(), PERIOD, as_of=Month(2021, 10))


# --- totals (R16) and custom rulebooks -------------------------------------------------------


def test_bonus_total_is_capped_by_the_rulebook() -> None:
    """With larger item caps the bonus total stops at the bonus cap, and says so (R16)."""
    rulebook = GUIYANG_2021
    for code in (ItemCode.C4_1, ItemCode.C4_2, ItemCode.C4_3):
        rulebook = rulebook.amended(code, cap=40)
    community = with_summaries(
        full_community(),
        tuple(s for m in Mechanism for s in summaries_(4, m, day("2021-12-01"))),
    )
    card = score(community, PERIOD, rulebook=rulebook)
    assert (160, 100, 200) == (card.bonus_before_cap, card.bonus, card.total)
    assert ["bonus items total 160, capped at 100 (R16)"] == [n.en for n in card.notes]


def test_base_total_is_capped_by_the_rulebook() -> None:
    """With a lower base cap the base total stops there (R16)."""
    rulebook = attrs.evolve(GUIYANG_2021, name="low", base_cap=90)
    card = score(full_community(), PERIOD, rulebook=rulebook)
    assert (90, 190) == (card.base, card.total)


def test_rulebook_amounts_are_used_not_literals() -> None:
    """Another city's amounts change the points (no literal in the clause functions)."""
    rulebook = attrs.evolve(GUIYANG_2021, name="other-city")
    rulebook = rulebook.amended(ItemCode.C2_1, points=12).amended(ItemCode.C2_2, each=3)
    rulebook = rulebook.amended(ItemCode.C3, per_missing_month=7, marker="青年行动")
    community = full_community()
    community = with_projects(
        community, activities=(Activity("青年行动", day("2021-11-15"), True),)
    )
    card = score(community, PERIOD, rulebook=rulebook)
    assert 12 == card.item("2.1").points
    assert 12 == card.item("2.2").points
    assert 40 - 5 * 7 == card.item("3").points
    assert 12 + 12 + 5 + 15 * 3 + 20 * 4 == card.base + card.bonus


def test_rulebook_refuses_negative_amounts() -> None:
    """A negative amount is refused at construction."""
    with pytest.raises(ValueError, match="points"):
        GUIYANG_2021.amended(ItemCode.C2_1, points=-1)


def test_item_code_lookup() -> None:
    """A scorecard item can be looked up by code or by text."""
    card = score(full_community(), PERIOD)
    assert card.item(ItemCode.C3) == card.item("3")


def test_full_community_over_leap_year_period() -> None:
    """The full community over a period containing 29 February still scores 200."""
    period = Period(Month(2024, 1), Month(2024, 3))
    assert 200 == score(full_community(period), period).total


def test_activity_dates_are_dates() -> None:
    """Records reject a non-date at construction."""
    with pytest.raises(TypeError):
        Activity("社区青春行动", "2021-11-01", True)  # type: ignore[arg-type]


def test_the_english_reasons_of_1_1_read_well_for_every_category() -> None:
    """No "a entrepreneurship": 1.1's reason and plan step put the category after "for"."""
    from youthaction_scoring import Community, Period, PilotLevel, plan_scorecard, score

    period = Period.parse("2021-11:2022-04")
    card = score(Community("c", "甲", "南明区", PilotLevel.NATIONAL), period)
    reasons = [d.reason.text("en") for d in card.item("1.1").deductions]
    assert (
        "the district league committee has not recorded an organisation for entrepreneurship"
        in (reasons[1])
    )
    steps = [a.text("en") for a in plan_scorecard(card, period).actions if a.item.code == "1.1"]
    assert all(" a e" not in s and " record an organisation for " in s for s in steps), steps
