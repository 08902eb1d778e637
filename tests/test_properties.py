"""Properties that hold for every community and assessment (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import TypeVar

import attrs
from hypothesis import given
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
from youthaction_scoring._io.converter import unstructure_community

T = TypeVar("T")


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


def _add_qualifying_record(community: Community, period: Period, which: int, n: int) -> Community:
    """Return *community* with one more qualifying record of kind *which* (0-3)."""
    on = dt.date(period.start.year, period.start.month, 28)
    w, p, m = community.workforce, community.projects, community.mechanisms
    if which == 0:
        project = ServiceProject(f"新项目{n}", "新组织", on)
        w = attrs.evolve(w, service_projects=(*w.service_projects, project))
    elif which == 1:
        w = attrs.evolve(
            w, pairings=(*w.pairings, Pairing(f"新伙伴{n}", PartnerKind.UNIVERSITY, on))
        )
    elif which == 2:
        p = attrs.evolve(p, activities=(*p.activities, Activity("社区青春行动·新增", on, True)))
    else:
        summary = Summary(f"新综述{n}", list(Mechanism)[n % 3], on, (MediaPublication("贵阳日报"),))
        m = attrs.evolve(m, summaries=(*m.summaries, summary))
    return attrs.evolve(community, workforce=w, projects=p, mechanisms=m)


@given(community_and_period(), st.integers(0, 3), st.integers(0, 1000))
def test_adding_a_qualifying_record_never_lowers_any_item(
    case: tuple[Community, Period], which: int, n: int
) -> None:
    """A new qualifying record of any kind never lowers an item (monotonicity)."""
    community, period = case
    before = score(community, period)
    after = score(_add_qualifying_record(community, period, which, n), period)
    for old, new in zip(before.items, after.items, strict=True):
        assert new.points >= old.points
    assert after.total >= before.total


@given(community_and_period(), st.randoms(use_true_random=False))
def test_record_order_does_not_change_the_score(
    case: tuple[Community, Period], rnd: random.Random
) -> None:
    """Shuffling every record list leaves every item's points unchanged."""
    community, period = case

    def shuffled(items: tuple[T, ...]) -> tuple[T, ...]:
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


@given(assessments())
def test_converter_round_trip(assessment: object) -> None:
    """Assessment → JSON → assessment gives back an equal value."""
    assert assessment == loads_assessment(dumps_assessment(assessment))  # type: ignore[arg-type]


@given(assessments())
def test_scorecard_json_is_byte_identical(assessment: object) -> None:
    """The same input gives byte-identical scorecard JSON, also after a JSON round trip."""
    first = dumps_scorecards(score_assessment(assessment))  # type: ignore[arg-type]
    again = dumps_scorecards(score_assessment(loads_assessment(dumps_assessment(assessment))))  # type: ignore[arg-type]
    assert first == again
    assert json.loads(first)["format"] == "youthaction-scoring/scorecards/1"


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
