"""The public API as callers use it, checked by mypy (``strict``), also run by a test.

Every line says, with ``assert_type``, what a caller's type checker sees. A
change that loosens a public type to ``Any`` or renames something breaks the
type check, not only a test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, assert_type

import attrs

import youthaction_scoring as ys
from youthaction_scoring import (
    GUIYANG_2021,
    Assessment,
    Brand,
    Community,
    Deduction,
    InputError,
    ItemCode,
    ItemScore,
    Message,
    Month,
    Period,
    PilotLevel,
    Problem,
    Rulebook,
    Scorecard,
    Scorecards,
)

TEXT = json.dumps(
    {
        "format": ys.ASSESSMENT_FORMAT,
        "period": {"start": "2021-11", "end": "2022-04"},
        "communities": [
            {"id": "a", "name": "甲社区", "district": "南明区", "pilot_level": "national"}
        ],
    }
)


def build_and_score() -> Scorecard:
    """Build a community in code and score it."""
    period = Period.parse("2021-11:2022-04")
    assert_type(period.start, Month)
    community = Community(
        id="a",
        name="甲社区",
        district="南明区",
        pilot_level=PilotLevel.from_code("national"),
        projects=ys.Projects(brands=(Brand.DRUG_FREE,)),
    )
    card = ys.score(community, period, as_of=Month(2022, 1))
    assert_type(card.total, int)
    assert_type(card.items, tuple[ItemScore, ...])
    item = card.item(ItemCode.C3)
    assert_type(item.deductions, tuple[Deduction, ...])
    assert_type(item.notes, tuple[Message, ...])
    assert_type(item.deductions[0].reason.zh, str)
    assert_type(item.code.label, str)
    return card


def read_and_write(tmp: Path) -> Scorecards:
    """Read an assessment, score it, write the scorecards."""
    assessment = ys.loads_assessment(TEXT)
    assert_type(assessment, Assessment)
    path = tmp / "assessment.json"
    path.write_text(ys.dumps_assessment(assessment), encoding="utf-8")
    assert_type(ys.load_assessment(path), Assessment)
    cards = ys.score_assessment(assessment, rulebook=GUIYANG_2021)
    assert_type(cards, Scorecards)
    assert_type(ys.dumps_scorecards(cards), str)
    assert_type(ys.scorecards_to_dict(cards), dict[str, Any])
    lazily = ys.score_batch(assessment.communities, assessment.period)
    assert_type(lazily, Iterator[Scorecard])
    return cards


def refuse_bad_input() -> list[str]:
    """Catch bad input and list its problems."""
    try:
        ys.loads_assessment("{}")
    except InputError as error:
        assert_type(error.problems, tuple[Problem, ...])
        return [f"{p.place}: {p.message}" for p in error.problems]
    return []


def another_city() -> Rulebook:
    """Change the amounts for another city's rules."""
    rulebook = attrs.evolve(GUIYANG_2021.amended(ys.ItemCode.C2_1, points=10), name="my-city-2023")
    assert_type(rulebook, Rulebook)
    return rulebook


def schema_and_frames(cards: Scorecards) -> int:
    """Get the JSON Schema and a DataFrame."""
    schema = ys.json_schema("scorecards")
    assert_type(schema, dict[str, Any])
    frame = ys.to_dataframe(cards, detail=True, lang="en")
    one = ys.to_dataframe(cards.scorecards[0])
    assert_type(ys.__version__, str)
    return len(frame) + len(one)


def run(tmp: Path) -> None:
    """Run every example above (the test calls this)."""
    build_and_score()
    cards = read_and_write(tmp)
    assert refuse_bad_input()
    assert another_city().cadres.points == 10
    assert schema_and_frames(cards) == 11
