"""Batch scoring, JSON Lines scorecards, and scoring from several threads."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings

from tests.malformed import spoiled, valid_community, valid_header
from tests.strategies import assessments
from youthaction_scoring import (
    Assessment,
    Community,
    InputError,
    LineScore,
    Message,
    Month,
    Period,
    dumps_assessment,
    score,
    score_assessment,
    score_batch,
    score_json_lines,
    scorecard_json_line,
)
from youthaction_scoring._analysis.score import iter_scores
from youthaction_scoring._io.converter import (
    structure_as,
    unstructure_community,
    unstructure_scorecard,
)
from youthaction_scoring._io.scorecards import reference_scorecard_line

PERIOD = Period.parse("2021-11:2022-04")


def _lines(*communities: dict[str, object]) -> list[bytes]:
    header = json.dumps(valid_header(), ensure_ascii=False).encode("utf-8")
    return [header] + [json.dumps(c, ensure_ascii=False).encode("utf-8") for c in communities]


@settings(max_examples=40, deadline=None)
@given(assessments())
def test_fast_scorecard_line_is_byte_identical_to_the_reference(assessment: Assessment) -> None:
    """The fast writer gives exactly the bytes of unstructure_scorecard + json.dumps."""
    for card in score_assessment(assessment):
        assert reference_scorecard_line(card) == scorecard_json_line(card)


def test_scorecard_line_is_one_compact_json_object() -> None:
    """A scorecard line is one line of JSON holding FORMAT.md's scorecard object."""
    card = next(iter_scores([_community()], PERIOD))
    line = scorecard_json_line(card)
    assert line.endswith("\n")
    assert "\n" not in line[:-1]
    assert unstructure_scorecard(card) == json.loads(line)


def _community() -> Community:
    return structure_as(valid_community(), Community)


@settings(max_examples=25, deadline=None)
@given(assessments())
def test_score_batch_equals_score_one_by_one(assessment: Assessment) -> None:
    """score_batch gives, in order, what score gives for each community."""
    expected = [score(c, assessment.period) for c in assessment.communities]
    assert expected == list(score_batch(iter(assessment.communities), assessment.period))


@settings(max_examples=25, deadline=None)
@given(assessments())
def test_score_json_lines_equals_scoring_the_document(assessment: Assessment) -> None:
    """Scoring raw JSON Lines gives the scorecards of the same assessment as JSON."""
    doc = json.loads(dumps_assessment(assessment))
    header = {k: v for k, v in doc.items() if k != "communities"}
    lines = [json.dumps(header, ensure_ascii=False).encode("utf-8")] + [
        json.dumps(c, ensure_ascii=False).encode("utf-8") for c in doc["communities"]
    ]
    results = list(score_json_lines(lines))
    assert list(score_assessment(assessment)) == [r.scorecard for r in results]
    assert list(range(2, 2 + len(lines) - 1)) == [r.line for r in results]


def test_score_json_lines_reports_bad_lines_and_goes_on() -> None:
    """A bad line yields its problems with line number and path; later lines are still scored."""
    lines = _lines(valid_community("a"), spoiled("negative count", "b"), valid_community("c"))
    results = list(score_json_lines(lines))
    assert [r.line for r in results] == [2, 3, 4]
    assert results[0].scorecard is not None
    assert results[2].scorecard is not None
    assert LineScore(3, None, results[1].problems) == results[1]
    assert [str(p) for p in results[1].problems] == [
        "line 3: workforce.cadres.part_time: must be >= 0, got -1"
    ]


def test_score_json_lines_accepts_text_lines_too() -> None:
    """Lines given as text (not bytes) are scored the same."""
    as_bytes = [r.scorecard for r in score_json_lines(_lines(valid_community()))]
    as_text = [
        r.scorecard for r in score_json_lines([b.decode() for b in _lines(valid_community())])
    ]
    assert as_bytes == as_text


def test_bad_header_is_raised_before_any_line_is_read() -> None:
    """An invalid header raises InputError at once, placed on line 1."""
    header = valid_header()
    header["format"] = "other"
    with pytest.raises(InputError) as caught:
        score_json_lines([json.dumps(header).encode()])
    assert [p.place for p in caught.value.problems] == ["line 1: format"]


def test_missing_header_is_an_input_error() -> None:
    """An empty input has no header line."""
    with pytest.raises(InputError, match="header line is missing"):
        score_json_lines([])


def test_as_of_before_the_period_is_refused_at_once() -> None:
    """as_of before the first month raises ValueError before scoring starts (R2)."""
    with pytest.raises(ValueError, match="R2"):
        score_batch([], PERIOD, as_of=Month(2021, 10))
    with pytest.raises(ValueError, match="R2"):
        score_json_lines(_lines(), as_of=Month(2021, 10))


def test_as_of_at_the_first_month_is_accepted() -> None:
    """as_of equal to the first month is allowed (boundary of R2)."""
    cards = list(score_batch([_community()], PERIOD, as_of=Month(2021, 11)))
    assert [score(_community(), PERIOD, as_of=Month(2021, 11))] == cards


def test_progress_is_called_after_each_community() -> None:
    """The progress callback hears 1, 2, 3 for three communities, also for a bad line."""
    heard: list[int] = []
    list(score_batch([_community()] * 2, PERIOD, progress=heard.append))
    assert heard == [1, 2]
    heard.clear()
    lines = _lines(valid_community("a"), spoiled("null name", "b"), valid_community("c"))
    list(score_json_lines(lines, progress=heard.append))
    assert heard == [1, 2, 3]


def test_scoring_from_several_threads_gives_identical_results() -> None:
    """Scoring is pure: eight threads scoring the same batch get identical scorecards."""
    base = valid_community()
    communities = []
    for index in range(40):
        community = json.loads(json.dumps(base))
        community["id"] = f"c{index}"
        community["workforce"]["cadres"]["full_time"] = index % 2
        community["projects"]["activities"][0]["date"] = f"2022-0{1 + index % 6}-10"
        communities.append(community)
    lines = _lines(*communities)
    expected = [scorecard_json_line(r.scorecard) for r in score_json_lines(lines) if r.scorecard]

    def run(_: int) -> list[str]:
        return [scorecard_json_line(r.scorecard) for r in score_json_lines(lines) if r.scorecard]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(16)))
    assert [expected] * 16 == results


def test_unstructured_round_trip_of_the_valid_fixture() -> None:
    """The shared valid community survives structuring and unstructuring unchanged."""
    assert valid_community() == unstructure_community(_community())


def test_known_message_equals_a_checked_message() -> None:
    """known_message builds a Message equal to the checked constructor's, texts included."""
    from youthaction_scoring._domain.messages import known_message

    made = known_message("summary_unrecognised", ("综述",), "R12")
    checked = Message("summary_unrecognised", ("综述",), "R12")
    assert checked == made
    assert (checked.zh, checked.en) == (made.zh, made.en)
    assert hash(checked) == hash(made)


def test_every_key_given_to_known_message_exists() -> None:
    """The rules only pass literal keys of TEMPLATES to known_message (it skips the check)."""
    import re
    from pathlib import Path

    from youthaction_scoring._domain.messages import TEMPLATES
    from youthaction_scoring._rules import clause as _rules

    source = Path(_rules.__file__).read_text("utf-8")
    calls = re.findall(r"known_message\(\s*([^,\s)]+)", source)
    assert calls
    assert [c for c in calls if c.strip('"') not in TEMPLATES or not c.startswith('"')] == []
