"""Batch scoring, JSON Lines scorecards, and scoring from several threads."""

from __future__ import annotations

import json
import linecache
from concurrent.futures import ThreadPoolExecutor

import attrs
import pytest
from hypothesis import given

from tests.malformed import spoiled, valid_community, valid_header
from tests.strategies import assessments
from youthaction_scoring import (
    Assessment,
    Community,
    InputError,
    LineScore,
    Month,
    Period,
    dumps_assessment,
    score,
    score_assessment,
    score_batch,
    score_json_lines,
    scorecard_json_line,
)
from youthaction_scoring._io.converter import structure_as, unstructure_community
from youthaction_scoring._io.schema import scorecards_schema
from youthaction_scoring._io.scorecards import (
    dumps_scorecards,
    scorecard_to_dict,
    scorecards_to_dict,
)

PERIOD = Period.parse("2021-11:2022-04")


def _lines(*communities: dict[str, object]) -> list[bytes]:
    header = json.dumps(valid_header(), ensure_ascii=False).encode("utf-8")
    return [header] + [json.dumps(c, ensure_ascii=False).encode("utf-8") for c in communities]


@given(assessments())
def test_scorecards_are_written_as_json_dumps_writes_them(assessment: Assessment) -> None:
    """Msgspec writes lines and documents byte for byte as ``json.dumps`` does (the format page)."""
    cards = score_assessment(assessment)
    for card in cards:
        expected = json.dumps(scorecard_to_dict(card), ensure_ascii=False, separators=(",", ":"))
        assert expected + "\n" == scorecard_json_line(card)
    document = json.dumps(scorecards_to_dict(cards), ensure_ascii=False, indent=2) + "\n"
    assert document == dumps_scorecards(cards)


def test_scorecard_keys_follow_the_schema_in_order() -> None:
    """A scorecard dict has the schema's keys, in order; conditional keys only when due."""
    cards = score_assessment(Assessment(period=PERIOD, communities=(_community(),)))
    card = cards.scorecards[0]
    value = scorecard_to_dict(card)
    defs = scorecards_schema()["$defs"]
    assert defs["Scorecard"]["required"] == list(value)
    for item, item_dict in zip(card.items, value["items"], strict=True):
        wanted = defs[f"{item.kind.label_en.capitalize()}Item"]["properties"]
        assert list(wanted) == list(item_dict)
        assert ("raw" in item_dict) == (item.kind.code == "bonus")


def test_scorecard_line_is_one_compact_json_object() -> None:
    """A scorecard line is one line of JSON holding FORMAT.md's scorecard object."""
    card = next(score_batch([_community()], PERIOD))
    line = scorecard_json_line(card)
    assert line.endswith("\n")
    assert "\n" not in line[:-1]
    assert scorecard_to_dict(card) == json.loads(line)


def _community() -> Community:
    return structure_as(valid_community(), Community)


@given(assessments())
def test_score_batch_equals_score_one_by_one(assessment: Assessment) -> None:
    """score_batch gives, in order, what score gives for each community."""
    expected = [score(c, assessment.period) for c in assessment.communities]
    assert expected == list(score_batch(iter(assessment.communities), assessment.period))


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


def test_every_text_has_the_same_placeholders_in_both_languages() -> None:
    """Each catalogue text uses the same {n} placeholders in Chinese and English."""
    import importlib
    import pkgutil
    import string

    import youthaction_scoring
    from youthaction_scoring._domain.messages import Text

    for module in pkgutil.walk_packages(youthaction_scoring.__path__, "youthaction_scoring."):
        importlib.import_module(module.name)

    def catalogues(cls: type[Text]) -> list[type[Text]]:
        return [cls, *(c for sub in cls.__subclasses__() for c in catalogues(sub))]

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}

    found = [text for catalogue in catalogues(Text) for text in catalogue]
    aliases = [c.__name__ for c in catalogues(Text) if len(c.__members__) != len(list(c))]
    assert [] == aliases  # two texts with the same words would be one member
    assert len(found) >= 38
    assert [] == [text for text in found if fields(text.zh) != fields(text.en)]


def test_a_traceback_into_a_scorecard_hook_shows_its_source() -> None:
    """The hooks cattrs generates are in ``linecache``: a traceback shows their lines."""
    card = next(score_batch([_community()], PERIOD))
    broken = attrs.evolve(card)
    object.__delattr__(broken, "community_name")
    with pytest.raises(AttributeError) as caught:
        scorecard_to_dict(broken)
    generated = [e for e in caught.traceback if str(e.path).startswith("<cattrs generated")]
    assert generated
    assert "instance.community_name" in linecache.getline(
        str(generated[-1].path), generated[-1].lineno + 1
    )
