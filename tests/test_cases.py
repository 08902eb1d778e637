"""Worked cases as data files: each file's name says what it shows.

Each file in ``tests/cases/`` holds an assessment (FORMAT.md), an optional
as-of month and, per community, hand-computed expectations: item points,
totals, the R-decisions of the deductions and the keys of the notes. A file
may also say who is behind under one rule or more (``behind``: a share as
people write it or a ``below`` total, and the ids flagged, R19, R23) and how
the communities group into districts (``districts``: each district as shown,
with its ids, R22).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from youthaction_scoring import (
    BehindRule,
    Month,
    district_rollup,
    iter_progress,
    loads_assessment,
    score_assessment,
)
from youthaction_scoring._analysis.behind import parse_share

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))


def test_there_are_worked_cases() -> None:
    """The worked-case folder is not empty (a lost folder must not pass silently)."""
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_worked_case(path: Path) -> None:
    """The scorecard of every community matches the hand-computed expectation."""
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assessment = loads_assessment(json.dumps(case["assessment"]))
    as_of = Month.parse(case["as_of"]) if case["as_of"] else None
    cards = score_assessment(assessment, as_of=as_of)
    for community_id, expected in case["expected"].items():
        card = cards.get(community_id)
        got_items = {code: card.item(code).points for code in expected["items"]}
        assert expected["items"] == got_items
        for key in ("base", "bonus", "total"):
            if key in expected:
                assert expected[key] == getattr(card, key), key
        for code, rules in expected.get("deductions", {}).items():
            assert rules == [d.rule for d in card.item(code).deductions], code
        for code, keys in expected.get("notes", {}).items():
            assert keys == [n.key.key for n in card.item(code).notes], code


BEHIND_CASES = [p for p in CASES if "behind" in json.loads(p.read_text(encoding="utf-8"))]


def test_there_are_worked_behind_cases() -> None:
    """Some worked cases say who is behind (R23 at, below and above its boundaries)."""
    assert len(BEHIND_CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_worked_case_behind_and_districts(path: Path) -> None:
    """Progress and the district roll-up flag exactly the expected ids; districts group as expected."""
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assessment = loads_assessment(json.dumps(case["assessment"]))
    as_of = Month.parse(case["as_of"]) if case["as_of"] else None
    cards = score_assessment(assessment, as_of=as_of)
    month = as_of or assessment.period.end
    for check in case.get("behind", []):
        if "share" in check:
            rule = BehindRule(share=parse_share(check["share"]))
        else:
            rule = BehindRule(below=check["below"])
        (progress,) = iter_progress(assessment, months=[month], behind=rule)
        assert check["flagged"] == list(progress.behind), check
        rolled = [i for s in district_rollup(cards, rule) for i in s.behind]
        assert sorted(check["flagged"]) == sorted(rolled), check
    if "districts" in case:
        got = [[s.district, list(s.community_ids)] for s in district_rollup(cards)]
        assert case["districts"] == got
