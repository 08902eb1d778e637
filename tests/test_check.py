"""``check``: expected scores read strictly, verdicts, exit statuses, explanations, coverage."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from tests.strategies import assessments
from tests.test_converter import FORMAT_EXAMPLE
from youthaction_scoring import Month, loads_assessment, score_assessment
from youthaction_scoring._analysis.check import check_assessment, coverage, outcomes_of, traces
from youthaction_scoring._cli import main
from youthaction_scoring._domain.codes import ItemCode
from youthaction_scoring._domain.errors import InputError
from youthaction_scoring._io.register import read_register, write_register
from youthaction_scoring._present.check_help import EXIT_FAILED

ID = FORMAT_EXAMPLE["communities"][0]["id"]
RIGHT: dict[str, Any] = {"community": ID, "items": {"1.1": 15, "3": 0}, "base": 60, "total": 80}


def document(*rows: dict[str, Any]) -> dict[str, Any]:
    """FORMAT.md's example with *rows* as its expected list."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    doc["expected"] = list(rows)
    return doc


def problems(doc: dict[str, Any]) -> dict[str, str]:
    """The problems of reading *doc*, English text by place (each path: text and bytes)."""
    found = []
    for text in (json.dumps(doc), json.dumps(doc).encode()):
        with pytest.raises(InputError) as caught:
            loads_assessment(text)
        found.append({p.place: p.message.en for p in caught.value.problems})
    assert found[0] == found[1]
    return found[0]


def run(doc: dict[str, Any], tmp_path: Path, *args: str) -> tuple[int, str]:
    """Run ``check`` on *doc*; its exit status and standard output."""
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), *args])
    return result.exit_code, result.stdout + result.stderr


def test_expected_rows_round_trip_through_json() -> None:
    """A read expected list is written back as it was (what a row leaves out stays out)."""
    from youthaction_scoring import dumps_assessment

    row = {"community": ID, "as_of": "2022-01", "items": {"2.3": 10}, "bonus": 20}
    assert json.loads(dumps_assessment(loads_assessment(json.dumps(document(row)))))[
        "expected"
    ] == [row]


def test_bad_codes_and_unknown_keys_are_placed() -> None:
    """An unknown item code and an unknown key are refused at their places."""
    found = problems(document({"community": ID, "items": {"5.1": 3}, "grade": "A"}))
    assert found.keys() == {'expected[0].items["5.1"]', "expected[0].grade"}
    assert "unknown code" in found['expected[0].items["5.1"]']


def test_unknown_community_is_named_at_its_place() -> None:
    """A row naming no community of the file is refused at its community."""
    found = problems(document(RIGHT, {"community": "nobody", "total": 3}))
    assert found == {"expected[1].community": "no community with id 'nobody'"}


def test_repeated_rows_are_refused() -> None:
    """The same community and month twice is refused, naming the first row."""
    found = problems(document(RIGHT, {"community": ID, "total": 1}))
    assert list(found) == ["expected[1].community"]
    assert "expected[0]" in found["expected[1].community"]


def test_same_community_at_two_months_is_allowed() -> None:
    """One community may be checked for the whole period and as of a month."""
    doc = document(RIGHT, {"community": ID, "as_of": "2022-01", "items": {"1.1": 15}})
    assert len(loads_assessment(json.dumps(doc)).expected) == 2


@pytest.mark.parametrize(
    ("key", "points", "ok"),
    [("1.1", 15, True), ("1.1", 16, False), ("1.1", 0, True), ("1.1", -1, False)],
)
def test_item_points_at_and_beyond_the_maximum(key: str, points: int, ok: bool) -> None:
    """An item's points are a whole number from 0 to its maximum (1.1: 15)."""
    doc = document({"community": ID, "items": {key: points}})
    if ok:
        assert loads_assessment(json.dumps(doc)).expected[0].items == ((ItemCode.C1_1, points),)
    else:
        assert list(problems(doc)) == [f'expected[0].items["{key}"]']


@pytest.mark.parametrize(("points", "ok"), [(200, True), (201, False)])
def test_total_at_and_above_the_highest(points: int, ok: bool) -> None:
    """A total is at most 200 (R16)."""
    doc = document({"community": ID, "total": points})
    if ok:
        assert loads_assessment(json.dumps(doc)).expected[0].total == points
    else:
        assert problems(doc) == {
            "expected[0].total": "201 points exceed the highest 200 of the total"
        }


@pytest.mark.parametrize(("month", "ok"), [("2022-04", True), ("2022-05", False)])
def test_as_of_must_lie_in_the_period(month: str, ok: bool) -> None:
    """An as-of month at the period's end is read; one after it is refused (R2)."""
    doc = document({"community": ID, "as_of": month, "total": 0})
    if ok:
        assert loads_assessment(json.dumps(doc)).expected[0].as_of == Month.parse(month)
    else:
        assert list(problems(doc)) == ["expected[0].as_of"]


def test_json_lines_header_carries_expected(tmp_path: Path) -> None:
    """In JSON Lines the list is in the header; an unknown community is placed at line 1."""
    doc = document({"community": "ghost", "total": 1})
    header = {k: v for k, v in doc.items() if k != "communities"}
    lines = [json.dumps(header), *(json.dumps(c) for c in doc["communities"])]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "line 1: expected[0].community: no community with id 'ghost'" in result.stderr


def test_passing_rows_exit_zero(tmp_path: Path) -> None:
    """Every row right: exit 0 and a pass verdict."""
    code, out = run(document(RIGHT), tmp_path, "--lang", "en")
    assert code == 0
    assert "pass" in out
    assert "FAIL" not in out


def test_a_failing_row_exits_three_and_explains(tmp_path: Path) -> None:
    """A wrong item fails with exit 3, its expected and actual points and its deductions."""
    wrong = {"community": ID, "as_of": "2022-04", "items": {"3": 10}}
    code, out = run(document(RIGHT, wrong), tmp_path, "--lang", "en")
    assert code == EXIT_FAILED == 3
    assert "3: expected 10, got 0" in out
    assert "no qualifying activity in 2022-04 (R10)" in out
    assert "deductions total 50, floored at 0" in out


def test_verdicts_compare_only_what_a_row_gives() -> None:
    """A row giving only the bonus is checked on the bonus alone."""
    doc = document({"community": ID, "bonus": 25})
    (verdict,) = check_assessment(loads_assessment(json.dumps(doc)))
    assert (verdict.checked, verdict.passed) == (1, False)
    assert [(d.key, d.expected, d.actual) for d in verdict.differences] == [("bonus", 25, 20)]


def test_rows_are_scored_as_of_their_month() -> None:
    """A row as of a month is compared with the score as of that month (R2)."""
    doc = document({"community": ID, "as_of": "2021-11", "items": {"3": 40}})
    (verdict,) = check_assessment(loads_assessment(json.dumps(doc)))
    assert verdict.card.item("3").points == 40
    assert verdict.passed


def test_json_answer_names_differences_and_explanations(tmp_path: Path) -> None:
    """The JSON form gives each difference with its explanation lines, and the coverage."""
    code, out = run(document({"community": ID, "total": 81}), tmp_path, "--format", "json")
    answer = json.loads(out)
    assert code == 3
    assert answer["passed"] is False
    (difference,) = answer["rows"][0]["differences"]
    assert (difference["what"], difference["expected"], difference["actual"]) == ("total", 81, 80)
    assert difference["explanation"][0].startswith("基本项合计60分")
    assert [c["clause"] for c in answer["coverage"]] == [c.code for c in ItemCode]


def test_no_rows_exits_zero_and_says_so(tmp_path: Path) -> None:
    """An input without expected scores passes vacuously and says there was nothing to check."""
    code, out = run(document(), tmp_path)
    assert code == 0
    assert "没有期望得分可核对" in out


def test_coverage_names_exercised_and_missing_outcomes(tmp_path: Path) -> None:
    """--coverage lists item 3's floor as exercised and 1.2's missing home as not."""
    code, out = run(document(RIGHT), tmp_path, "--coverage", "--lang", "en")
    assert code == 0
    doc = loads_assessment(json.dumps(document(RIGHT)))
    covered = {c.code: c for c in coverage(check_assessment(doc))}
    floored = [o.name for o in covered[ItemCode.C3].exercised]
    assert "FLOORED" in floored
    assert "MONTH_MISSING" in floored
    assert "YOUTH_HOME_NOT_BUILT" in [o.name for o in covered[ItemCode.C1_2].missing]
    assert "no Y+ Youth Home built" in out


@settings(max_examples=40, deadline=None)
@given(assessments())
def test_scoring_gives_only_catalogued_outcomes(assessment: Any) -> None:
    """Every deduction and note of an item is one of its clause's outcomes (the catalogue is whole)."""
    for card in score_assessment(assessment):
        for item in card.items:
            assert traces(item) <= set(outcomes_of(item.code)), item.code


def test_register_round_trip_keeps_expected_rows(tmp_path: Path) -> None:
    """The 期望得分 sheet carries the rows: JSON → xlsx → JSON loses nothing."""
    row = {"community": ID, "as_of": "2022-02", "items": {"1.2": 15, "4.3": 0}, "total": 80}
    assessment = loads_assessment(json.dumps(document(RIGHT, row)))
    path = tmp_path / "r.xlsx"
    write_register(assessment, path)
    assert read_register(path).expected == assessment.expected


def test_register_refuses_points_above_the_maximum_at_the_cell(tmp_path: Path) -> None:
    """A register's expected points beyond the maximum are refused at their cell."""
    import openpyxl

    assessment = loads_assessment(json.dumps(document(RIGHT)))
    path = tmp_path / "r.xlsx"
    write_register(assessment, path)
    book = openpyxl.load_workbook(path)
    book["期望得分"]["C2"] = 16  # column C is item 1.1
    book["期望得分"]["A3"] = "nobody"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_register(path)
    found = {p.place: p.message.en for p in caught.value.problems}
    assert found["期望得分!C2"] == "16 points exceed the highest 15 of item 1.1"
    assert "nobody" in found["期望得分!A3"]
