"""Properties that hold for every community and assessment (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
import random

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.oracle import oracle_items, oracle_total
from tests.strategies import assessments, community_and_period, periods
from youthaction_scoring import (
    Activity,
    Community,
    ItemKind,
    Mechanism,
    MediaPublication,
    Month,
    Pairing,
    PartnerKind,
    Period,
    ServiceProject,
    Summary,
    dumps_assessment,
    dumps_scorecards,
    loads_assessment,
    score,
    score_assessment,
)
from youthaction_scoring._converter import unstructure_community

COMMON = settings(max_examples=80, deadline=None)


@COMMON
@given(community_and_period())
def test_every_item_within_bounds_and_totals_add_up(case: tuple[Community, Period]) -> None:
    """Every item is within 0..max; base <= 100, bonus <= 100, total = base + bonus (R16)."""
    community, period = case
    card = score(community, period)
    for item in card.items:
        assert 0 <= item.points <= item.max
        if item.kind is ItemKind.BASE:
            assert max(0, item.raw - item.deducted) == item.points
        else:
            assert min(item.max, item.raw) == item.points
    assert 0 <= card.base <= 100
    assert 0 <= card.bonus <= 100
    assert card.base + card.bonus == card.total


@COMMON
@given(community_and_period(), st.none() | st.integers(0, 15))
def test_matches_the_independent_oracle(case: tuple[Community, Period], offset: int | None) -> None:
    """Every item agrees with a plain second reading of RULES.md, with and without as-of (R2)."""
    community, period = case
    as_of = None if offset is None else Month.from_index(period.start.index + offset)
    card = score(community, period, as_of=as_of)
    period_dict = {"start": str(period.start), "end": str(period.end)}
    expected = oracle_items(
        unstructure_community(community), period_dict, None if as_of is None else str(as_of)
    )
    assert expected == {i.code.code: i.points for i in card.items}
    assert oracle_total(expected) == (card.base, card.bonus, card.total)


def _qualifying_records(period: Period, n: int) -> list[tuple[str, object]]:
    on = dt.date(period.start.year, period.start.month, 28)
    return [
        ("service_projects", ServiceProject(f"新项目{n}", "新组织", on)),
        ("pairings", Pairing(f"新伙伴{n}", PartnerKind.UNIVERSITY, on)),
        ("activities", Activity("社区青春行动·新增", on, True)),
        (
            "summaries",
            Summary(f"新综述{n}", list(Mechanism)[n % 3], on, (MediaPublication("贵阳日报"),)),
        ),
    ]


def _add(community: Community, field: str, record: object) -> Community:
    if field in ("service_projects", "pairings"):
        section = community.workforce
        return attrs.evolve(
            community,
            workforce=attrs.evolve(section, **{field: (*getattr(section, field), record)}),
        )
    if field == "activities":
        section = community.projects
        return attrs.evolve(
            community, projects=attrs.evolve(section, activities=(*section.activities, record))
        )
    section2 = community.mechanisms
    return attrs.evolve(
        community, mechanisms=attrs.evolve(section2, summaries=(*section2.summaries, record))
    )


@COMMON
@given(community_and_period(), st.integers(0, 3), st.integers(0, 1000))
def test_adding_a_qualifying_record_never_lowers_any_item(
    case: tuple[Community, Period], which: int, n: int
) -> None:
    """A new qualifying record of any kind never lowers an item (monotonicity)."""
    community, period = case
    field, record = _qualifying_records(period, n)[which]
    before = score(community, period)
    after = score(_add(community, field, record), period)
    for old, new in zip(before.items, after.items, strict=True):
        assert new.points >= old.points
    assert after.total >= before.total


@COMMON
@given(community_and_period(), st.randoms(use_true_random=False))
def test_record_order_does_not_change_the_score(
    case: tuple[Community, Period], rnd: random.Random
) -> None:
    """Shuffling every record list leaves every item's points unchanged."""
    community, period = case

    def shuffled(items: tuple[object, ...]) -> tuple[object, ...]:
        out = list(items)
        rnd.shuffle(out)
        return tuple(out)

    w, p, m = community.workforce, community.projects, community.mechanisms
    other = attrs.evolve(
        community,
        workforce=attrs.evolve(
            w, service_projects=shuffled(w.service_projects), pairings=shuffled(w.pairings)
        ),
        projects=attrs.evolve(p, activities=shuffled(p.activities), brands=shuffled(p.brands)),
        mechanisms=attrs.evolve(m, summaries=shuffled(m.summaries)),
    )
    expected = [i.points for i in score(community, period).items]
    assert expected == [i.points for i in score(other, period).items]


@COMMON
@given(assessments())
def test_converter_round_trip(assessment: object) -> None:
    """Assessment → JSON → assessment gives back an equal value."""
    assert assessment == loads_assessment(dumps_assessment(assessment))  # type: ignore[arg-type]


@COMMON
@given(assessments())
def test_scorecard_json_is_byte_identical(assessment: object) -> None:
    """The same input gives byte-identical scorecard JSON, also after a JSON round trip."""
    first = dumps_scorecards(score_assessment(assessment))  # type: ignore[arg-type]
    again = dumps_scorecards(score_assessment(loads_assessment(dumps_assessment(assessment))))  # type: ignore[arg-type]
    assert first == again
    assert json.loads(first)["format"] == "youthaction-scoring/scorecards/1"


@settings(max_examples=30, deadline=None)
@given(periods(), st.integers(-3, 20))
def test_period_as_of_truncates_or_refuses(period: Period, offset: int) -> None:
    """as_of keeps [start, min(M, end)] and refuses M before the start (R2)."""
    month = Month.from_index(period.start.index + offset)
    if offset < 0:
        try:
            period.as_of(month)
        except ValueError:
            return
        raise AssertionError("as-of before the period was accepted")
    window = period.as_of(month)
    assert (period.start, min(month, period.end)) == (window.start, window.end)
