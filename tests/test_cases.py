"""Worked cases as data files: each file's name says what it shows.

Each file in ``tests/cases/`` holds an assessment (FORMAT.md) whose
``expected`` list gives the hand-computed points of its communities (as of a
month where the case needs one), so ``check`` runs on it as a committee's own
cases would; beside it, ``traces`` gives per community the R-decisions of
the deductions and the keys of the notes. A file may also say who is
behind under one rule or more (``behind``: a share as people write it or a
``below`` total, and the ids flagged, R19, R23) and how the communities
group into districts (``districts``: each district as shown, with its ids,
R22).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from youthaction_scoring import (
    BehindRule,
    Month,
    district_rollup,
    iter_progress,
    loads_assessment,
    score_assessment,
)
from youthaction_scoring._analysis.behind import parse_share
from youthaction_scoring._analysis.check import check_assessment
from youthaction_scoring._cli import main

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))


def test_there_are_worked_cases() -> None:
    """The worked-case folder is not empty (a lost folder must not pass silently)."""
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_worked_case(path: Path) -> None:
    """Every expected row passes, and every community's deductions and notes are as traced."""
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    verdicts = check_assessment(loads_assessment(json.dumps(case["assessment"])))
    assert len(verdicts) == len(case["traces"]) > 0
    assert [v.differences for v in verdicts] == [() for _ in verdicts]
    for verdict in verdicts:
        card = verdict.card
        traced = case["traces"][card.community_id]
        for code, rules in traced.get("deductions", {}).items():
            assert rules == [d.rule for d in card.item(code).deductions], code
        for code, keys in traced.get("notes", {}).items():
            assert keys == [n.key.key for n in card.item(code).notes], code


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_check_passes_on_worked_case(path: Path, tmp_path: Path) -> None:
    """``check`` on the case's assessment exits 0 and says every row passed."""
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    document = tmp_path / "case.json"
    document.write_text(json.dumps(case["assessment"], ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(document), "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["passed"] is True
    assert len(answer["rows"]) == len(case["assessment"]["expected"])


BEHIND_CASES = [p for p in CASES if "behind" in json.loads(p.read_text(encoding="utf-8"))]


def test_there_are_worked_behind_cases() -> None:
    """Some worked cases say who is behind (R23 at, below and above its boundaries)."""
    assert len(BEHIND_CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_worked_case_behind_and_districts(path: Path) -> None:
    """Progress and the district roll-up flag exactly the expected ids; districts group as expected."""
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assessment = loads_assessment(json.dumps(case["assessment"]))
    months = {row.get("as_of") for row in case["assessment"]["expected"]}
    assert len(months) == 1  # one as-of month a case
    (as_of_text,) = months
    as_of = Month.parse(as_of_text) if as_of_text else None
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
