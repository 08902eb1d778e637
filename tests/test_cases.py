"""Worked cases as data files: each file's name says what it shows.

Each file in ``tests/cases/`` holds an assessment (FORMAT.md) whose
``expected`` list gives the hand-computed points of its communities (as of a
month where the case needs one), so ``check`` runs on it as a committee's own
cases would; beside it, ``traces`` gives per community the R-decisions of
the deductions and the keys of the notes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from youthaction_scoring import loads_assessment
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
