import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tests.decide_helpers import activities as _activities
from tests.decide_helpers import community as _community
from tests.decide_helpers import run, write_assessment
from tests.strategies import assessments, communities, periods, rulebooks
from youthaction_scoring import (
    GUIYANG_2021,
    Assessment,
    ItemCode,
    Month,
    Period,
    Projects,
    Rulebook,
    max_total,
    plan_scorecard,
    plan_scorecards,
    plans_to_dict,
    score,
    score_assessment,
)
from youthaction_scoring._analysis.plan import PlanText
from youthaction_scoring._cli import main
from youthaction_scoring._rules.s3_projects import S3Text

SAMPLE = Path(__file__).parent / "data" / "decide_sample.json"
PERIOD = Period.parse("2021-11:2022-04")


def _check(plan_total: int, max_total: int, plan: object) -> None:
    from youthaction_scoring import Plan

    assert isinstance(plan, Plan)
    assert max_total - plan_total == plan.recoverable + plan.unrecoverable
    assert all(a.gain > 0 for a in plan.actions)
    assert all(lost.points > 0 for lost in plan.lost)
    gains = [a.gain for a in plan.actions]
    assert sorted(gains, reverse=True) == gains


@st.composite
def _assessment_and_as_of(draw: st.DrawFn) -> tuple[Assessment, Month | None]:
    assessment = draw(assessments())
    period = assessment.period
    index = draw(st.integers(period.start.index, period.end.index + 2))
    return assessment, draw(st.none() | st.just(Month.from_index(index)))


@given(_assessment_and_as_of())
def test_plan_accounts_for_every_point_under_the_guiyang_rulebook(
    case: tuple[Assessment, Month | None],
) -> None:
    """Gains plus lost points equal 200 minus the total, every gain > 0, gains ordered."""
    assessment, as_of = case
    cards = score_assessment(assessment)
    plans = plan_scorecards(cards, as_of=as_of)
    assert len(cards) == len(plans)
    for card, plan in zip(cards, plans, strict=True):
        assert card.total == plan.total
        assert 200 == plan.max_total
        _check(card.total, 200, plan)


@given(st.data(), rulebooks())
def test_plan_accounts_for_every_point_under_any_rulebook(
    data: st.DataObject, rulebook: Rulebook
) -> None:
    """The accounting holds for any amounts: floors, zero amounts and binding caps (R16)."""
    period = data.draw(periods(max_months=8))
    community = data.draw(communities(period))
    index = data.draw(st.integers(period.start.index, period.end.index + 1))
    as_of = data.draw(st.none() | st.just(Month.from_index(index)))
    card = score(community, period, rulebook=rulebook)
    plan = plan_scorecard(card, period, as_of=as_of, rulebook=rulebook)
    _check(card.total, max_total(rulebook), plan)


def test_past_months_are_lost_without_as_of() -> None:
    """Without --as-of every missing month has passed: lost, 10 each (R10)."""
    community = _community(projects=_activities("2021-11", "2021-12"))
    plan = plan_scorecard(score(community, PERIOD), PERIOD)
    lost = [(x.item, x.points, x.reason.args) for x in plan.lost]
    expected = [(ItemCode.C3, 10, (Month(y, m),)) for y, m in ((2022, 1), (2022, 2), (2022, 3))]
    expected.append((ItemCode.C3, 10, (Month(2022, 4),)))
    assert expected == lost
    assert not [a for a in plan.actions if a.item is ItemCode.C3]


def test_months_after_as_of_are_recoverable() -> None:
    """With --as-of 2022-02, 2022-03 and 2022-04 are actions of +10 each (R2)."""
    community = _community(projects=_activities("2021-11", "2021-12"))
    plan = plan_scorecard(score(community, PERIOD), PERIOD, as_of=Month(2022, 2))
    lost_months = [x.reason.args[0] for x in plan.lost if x.item is ItemCode.C3]
    assert [Month(2022, 1), Month(2022, 2)] == lost_months
    month_actions = [(a.gain, a.steps[0].args[0]) for a in plan.actions if a.item is ItemCode.C3]
    assert [(10, Month(2022, 3)), (10, Month(2022, 4))] == month_actions


@pytest.mark.parametrize(
    ("past_missing", "expected_lost"),
    [(3, 30), (4, 40), (5, 40)],
)
def test_item_3_lost_points_stop_at_its_floor(past_missing: int, expected_lost: int) -> None:
    """Missing months beyond the 40 points are not counted twice: lost stops at 40 (R10)."""
    covered = [str(m) for m in PERIOD.months[past_missing:]]
    community = _community(projects=_activities(*covered))
    plan = plan_scorecard(score(community, PERIOD), PERIOD)
    assert expected_lost == sum(x.points for x in plan.lost if x.item is ItemCode.C3)


def test_missing_brand_with_future_months_is_one_merged_action() -> None:
    """No brand and a floor: brand and the months that only count together form one action."""
    community = _community(projects=Projects(brands=(), activities=()))
    period = Period.parse("2021-11:2022-06")  # 8 months
    plan = plan_scorecard(score(community, period), period, as_of=Month(2021, 11))
    item3 = [a for a in plan.actions if a.item is ItemCode.C3]
    # One month lost (2021-11, 10); 7 future months: brand alone earns nothing
    # (40 - 80 < 0), so the brand goes with enough months to leave the floor.
    assert 30 == sum(a.gain for a in item3)
    assert 10 == sum(x.points for x in plan.lost if x.item is ItemCode.C3)
    first = item3[0]
    assert S3Text.PLAN_BRAND is first.steps[0].key
    assert all(a.gain > 0 for a in item3)


def test_no_brand_and_all_months_passed_offers_nothing_on_item_3() -> None:
    """R11 with four past missing months: 40 lost, no action on item 3 (it would gain 0)."""
    community = _community(projects=Projects(brands=(), activities=()))
    period = Period.parse("2021-11:2022-02")
    plan = plan_scorecard(score(community, period), period)
    assert [] == [a for a in plan.actions if a.item is ItemCode.C3]
    assert 40 == sum(x.points for x in plan.lost if x.item is ItemCode.C3)


def test_unrecognised_summary_gets_its_own_action() -> None:
    """A summary without recognition: "obtain a leader instruction ... for summary X: +10" (R12)."""
    cards = score_assessment(_load_sample())
    plan = plan_scorecard(cards.get("nm-xinhua"), cards.period)
    texts = [(a.item.code, a.gain, a.text("en")) for a in plan.actions]
    assert (
        "4.2",
        10,
        'obtain a leader instruction or media publication for summary "新华路社区项目化管理综述"'
        " (R12)",
    ) in texts


def test_bonus_action_says_how_many_records_reach_the_cap() -> None:
    """One service project counted: record 3 more for +15, reaching the cap of 20 (R7)."""
    cards = score_assessment(_load_sample())
    plan = plan_scorecard(cards.get("nm-xinhua"), cards.period)
    (action,) = [a for a in plan.actions if a.item is ItemCode.C2_2]
    assert 15 == action.gain
    assert action.text("en").startswith("record 3 more service projects")
    assert action.text("en").endswith("reaching the cap of 20")


def test_binding_bonus_cap_shrinks_gains_and_says_so() -> None:
    """With a bonus cap of 30, gains stop at the cap and the capped action says so (R16)."""
    rulebook = attrs.evolve(GUIYANG_2021, name="capped", bonus_cap=30)
    community = _community()
    card = score(community, PERIOD, rulebook=rulebook)
    plan = plan_scorecard(card, PERIOD, rulebook=rulebook)
    bonus = {"2.2", "2.3", "4.1", "4.2", "4.3"}
    assert 30 == sum(a.gain for a in plan.actions if a.item.code in bonus)
    assert any(n.key is PlanText.TOTAL_CAPPED for a in plan.actions for n in a.notes)
    assert 130 == plan.max_total
    _check(card.total, 130, plan)


def test_plans_refuse_as_of_scorecards_and_other_editions() -> None:
    """Plans need whole-period scorecards of the same rulebook edition."""
    assessment = _load_sample()
    with pytest.raises(ValueError, match="whole period"):
        plan_scorecards(score_assessment(assessment, as_of=Month(2022, 1)))
    other = attrs.evolve(GUIYANG_2021, name="other")
    with pytest.raises(ValueError, match="rulebook"):
        plan_scorecards(score_assessment(assessment), rulebook=other)


def _load_sample() -> Assessment:
    from youthaction_scoring import load_assessment

    return load_assessment(SAMPLE)


def test_plan_json_has_exactly_the_documented_keys() -> None:
    """Plan JSON has exactly the keys of the issue and the edition's stamp (EDITIONS.md)."""
    result = CliRunner().invoke(main, ["plan", str(SAMPLE), "--format", "json"])
    assert 0 == result.exit_code, result.output
    doc = json.loads(result.stdout)
    assert ["rulebook", "rulebook_hash", "plans"] == list(doc)
    for plan in doc["plans"]:
        assert ["community_id", "total", "actions", "lost"] == list(plan)
        for action in plan["actions"]:
            assert ["item", "gain", "action"] == list(action)
        for lost in plan["lost"]:
            assert ["item", "points", "reason"] == list(lost)
        gap = 200 - plan["total"]
        assert gap == sum(a["gain"] for a in plan["actions"]) + sum(
            x["points"] for x in plan["lost"]
        )


def test_plan_command_single_community_table_and_as_of() -> None:
    """Plan --community ID shows one community; --as-of turns later months into actions."""
    runner = CliRunner()
    result = runner.invoke(
        main, ["plan", str(SAMPLE), "--community", "nm-xinhua", "--as-of", "2022-01"]
    )
    assert 0 == result.exit_code, result.output
    assert "nm-xinhua" in result.output
    assert "yy-qianling" not in result.output
    assert "2022-02开展冠名" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2021-10"], "before the period"),
        (["--community", "nope"], "no community with id or name 'nope'"),
    ],
)
@pytest.mark.usefixtures("english")
def test_plan_command_refuses_bad_options_with_status_2(args: list[str], message: str) -> None:
    """An as-of month before the period (R2) or an unknown community: status 2, no traceback."""
    result = CliRunner().invoke(main, ["plan", str(SAMPLE), *args])
    assert 2 == result.exit_code
    assert message in result.output
    assert "Traceback" not in result.output


def test_plans_to_dict_renders_english_on_request() -> None:
    """plans_to_dict(lang="en") writes English actions."""
    cards = score_assessment(_load_sample())
    doc = plans_to_dict(plan_scorecards(cards), "en")
    first = doc["plans"]
    assert isinstance(first, list)
    assert "join the Youth Home cloud platform (R4)" in [a["action"] for a in first[0]["actions"]]


def test_a_deduction_cut_by_the_floor_is_lost_only_in_part() -> None:
    """Three past months at 15 against 40 points: lost 15, 15 and 10 of 15 (R10 floor)."""
    rulebook = GUIYANG_2021.amended(ItemCode.C3, per_missing_month=15)
    period = Period.parse("2021-11:2022-01")
    card = score(_community(projects=_activities()), period, rulebook=rulebook)
    plan = plan_scorecard(card, period, rulebook=rulebook)
    lost = [(x.points, x.partial) for x in plan.lost if x.item is ItemCode.C3]
    assert [(15, None), (15, None), (10, 15)] == lost
    assert (
        plan.lost[-1]
        .text("en")
        .endswith("(counts 10 of its 15: the item stops at 0 or the sum is capped)")
    )


def test_the_plan_table_has_no_empty_lost_table_and_full_width_chinese(tmp_path: Path) -> None:
    """Nothing lost: no 已无法挽回 table; Chinese reads “（R12），达到上限20分”, the table a remark a line."""
    period = Period.parse("2021-11:2022-04")
    community = _community(projects=_activities("2021-11"))
    path = write_assessment(Assessment(period=period, communities=(community,)), tmp_path)
    early = run("plan", str(path), "--as-of", "2021-11")
    assert 0 == early.exit_code
    assert "已无法挽回" not in early.stdout
    assert "（R12）\n" in early.stdout.replace(" ", "").replace(
        "│", ""
    )  # remarks on their own line
    assert "(R12)" not in early.stdout
    document = run("plan", str(path), "--as-of", "2021-11", "--format", "json").stdout
    assert "（R12），达到上限20分" in document
    assert "已无法挽回" in run("plan", str(path)).stdout  # every month has passed: months lost
