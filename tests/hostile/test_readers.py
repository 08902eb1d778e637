"""Hostile JSON and JSON Lines: every one refused with its place, never a traceback, never a hang."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.harness import cli, document, json_lines, quick, write
from tests.malformed import set_at, valid_community, valid_header
from youthaction_scoring import InputError, loads_assessment

Spoil = Callable[[dict[str, Any]], None]

# Each case spoils a valid community (FORMAT.md's example, every section filled)
# and names the field where the problem must be placed.
COMMUNITY_CASES: dict[str, tuple[Spoil, str, str]] = {
    "control character in a name": (
        set_at("name", "新华路\u0007社区"),
        "name",
        "contains the control character U+0007 at position 4",
    ),
    "terminal escape in a name": (
        set_at("name", "\x1b]0;owned\x07社区"),
        "name",
        "contains the control character U+001B at position 1",
    ),
    "C1 control in a title": (
        set_at("projects.activities[0].title", "社区青春行动\x9b"),
        "projects.activities[0].title",
        "contains the control character U+009B",
    ),
    "NUL before a formula": (
        set_at("district", '\x00=HYPERLINK("http://x")'),
        "district",
        "contains the control character U+0000 at position 1",
    ),
    "text longer than a cell": (
        set_at("workforce.service_projects[0].title", "项" * 32768),
        "workforce.service_projects[0].title",
        "is 32,768 characters long; at most 32,767 fit",
    ),
    "text longer than a cell as the cell stores it": (
        set_at("mechanisms.summaries[0].title", "综述\r" * 4700),
        "mechanisms.summaries[0].title",
        "takes 42,300 characters as a spreadsheet cell stores it",
    ),
    "zero-width space in an id": (
        set_at("id", "nm\u200bxinhua"),
        "id",
        "must not contain whitespace, control or format characters (found U+200B",
    ),
    "space in an id": (set_at("id", "nm xinhua"), "id", "(found U+0020 at position 3)"),
    "count above fifteen digits": (
        set_at("workforce.cadres.full_time", 10**20),
        "workforce.cadres.full_time",
        "must be at most 999,999,999,999,999",
    ),
    "count beyond JavaScript's exact integers": (
        set_at("workforce.cadres.seconded", 9007199254740993),
        "workforce.cadres.seconded",
        "must be at most 999,999,999,999,999",
    ),
    "date before 1900": (
        set_at("projects.activities[0].date", "1899-12-31"),
        "projects.activities[0].date",
        "'1899-12-31' is outside the years 1900-2199",
    ),
    "date after 2199": (
        set_at("workforce.pairings[0].date", "2200-01-01"),
        "workforce.pairings[0].date",
        "'2200-01-01' is outside the years 1900-2199",
    ),
    "year zero": (
        set_at("workforce.pairings[0].date", "0000-01-01"),
        "workforce.pairings[0].date",
        "is not a real date",
    ),
}


def _spoiled(case: str) -> dict[str, Any]:
    community = valid_community()
    COMMUNITY_CASES[case][0](community)
    return community


@pytest.mark.parametrize("case", sorted(COMMUNITY_CASES))
@pytest.mark.usefixtures("english")
def test_a_hostile_community_is_refused_in_json_with_its_place(tmp_path: Path, case: str) -> None:
    """The document is refused (status 2) with the problem at the spoiled field."""
    _, field, message = COMMUNITY_CASES[case]
    path = write(tmp_path, "in.json", document(_spoiled(case)))
    outcome = quick("score", str(path), "--format", "json")
    assert outcome.refused(f"communities[0].{field}: "), outcome
    assert message in outcome.stderr
    assert "" == outcome.stdout


@pytest.mark.parametrize("case", sorted(COMMUNITY_CASES))
@pytest.mark.usefixtures("english")
def test_a_hostile_community_is_refused_in_json_lines_with_its_line(
    tmp_path: Path, case: str
) -> None:
    """The same line in JSON Lines is refused at its line and field; good lines still score."""
    _, field, message = COMMUNITY_CASES[case]
    text = json_lines(valid_community("a"), _spoiled(case), valid_community("b"))
    path = write(tmp_path, "in.jsonl", text)
    outcome = quick("score", str(path), "--format", "jsonl")
    assert outcome.refused(f"line 3: {field}: "), outcome
    assert message in outcome.stderr
    assert 1 == len(outcome.stdout.splitlines())  # the line before the bad one


@pytest.mark.parametrize("case", sorted(COMMUNITY_CASES))
def test_a_hostile_community_is_refused_by_the_library(case: str) -> None:
    """loads_assessment raises InputError with the same place (the Python API's limits)."""
    _, field, message = COMMUNITY_CASES[case]
    with pytest.raises(InputError) as caught:
        loads_assessment(document(_spoiled(case)))
    assert [f"communities[0].{field}"] == [p.place for p in caught.value.problems]
    assert message in caught.value.problems[0].message.en


@pytest.mark.usefixtures("english")
def test_an_escaped_lone_surrogate_is_refused_in_every_format(tmp_path: Path) -> None:
    r"""``"\ud800"`` in JSON text is refused at its place; nothing is written, no traceback."""
    doc = document().replace("新华路社区（示例）", "\\ud800")
    assert "\\ud800" in doc
    path = write(tmp_path, "in.json", doc)
    for fmt in ("json", "jsonl", "csv", "table"):
        outcome = quick("score", str(path), "--format", fmt)
        assert outcome.refused("communities[0].name: contains a lone surrogate U+D800"), outcome
    lines = json_lines(valid_community("a"), valid_community("b")).replace(
        '"name": "新华路社区（示例）"', '"name": "\\udfff"', 1
    )
    outcome = quick("score", str(write(tmp_path, "in.jsonl", lines)), "--format", "jsonl")
    assert outcome.refused("line 2: name: contains a lone surrogate U+DFFF"), outcome


@pytest.mark.usefixtures("english")
def test_a_number_of_thousands_of_digits_is_named_without_python_advice(tmp_path: Path) -> None:
    """A count of 10**5000 is 'a number of 5,001 digits' at its place, no set_int_max_str_digits."""
    huge = '"full_time": 1' + "0" * 5000
    doc = document().replace('"full_time": 1', huge)
    lines = json_lines(valid_community()).replace('"full_time": 1', huge)
    for name, text in (("in.json", doc), ("in.jsonl", lines)):
        outcome = quick("score", str(write(tmp_path, name, text)), "--format", "json")
        assert outcome.refused(), outcome
        assert "must be a whole number, got a number of 5,001 digits" in outcome.stderr
        assert "set_int_max_str_digits" not in outcome.stderr


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ({"start": "0001-01", "end": "9999-12"}, "'0001-01' is outside the years 1900-2199"),
        ({"start": "2000-01", "end": "2010-01"}, "the period is 121 months long; at most 120"),
        ({"start": "1900-01", "end": "1909-12"}, None),
        ({"start": "2190-01", "end": "2199-12"}, None),
    ],
)
@pytest.mark.usefixtures("english")
def test_periods_are_at_most_120_months_of_1900_2199(
    tmp_path: Path, period: dict[str, str], message: str | None
) -> None:
    """A period of 0001-01 … 9999-12, or of 121 months, is refused at once; 120 months score."""
    header = {**valid_header(), "period": period}
    community = valid_community()
    for kind in ("service_projects", "pairings"):
        community["workforce"][kind] = []
    community["projects"]["activities"] = []
    community["mechanisms"]["summaries"] = []
    path = write(tmp_path, "in.json", document(community, header=header))
    outcome = cli("score", str(path), "--format", "json")
    assert outcome.seconds < 10
    if message is None:
        assert 0 == outcome.status, outcome
    else:
        assert outcome.refused("period"), outcome
        assert message in outcome.stderr


def test_progress_covers_the_longest_period_allowed(tmp_path: Path) -> None:
    """Progress over the longest period (120 months) reports every month of it."""
    header = {**valid_header(), "period": {"start": "2010-01", "end": "2019-12"}}
    path = write(
        tmp_path,
        "in.json",
        document(*(valid_community(f"c{n}") for n in range(3)), header=header),
    )
    outcome = quick("progress", str(path), "--format", "json")
    assert 0 == outcome.status, outcome.stderr
    assert 120 == len(json.loads(outcome.stdout)["months"])


def test_progress_output_grows_linearly_with_months(tmp_path: Path) -> None:
    """Communities missing every month: twice the months give about twice the JSON, not four."""
    sizes = []
    for months, end in ((60, "2014-12"), (120, "2019-12")):  # records all dated 2021
        header = {**valid_header(), "period": {"start": "2010-01", "end": end}}
        members = [valid_community(f"c{n}") for n in range(20)]
        members[0]["workforce"]["cadres"]["seconded"] = 1  # 2.1 whole: the others lag (R23)
        path = write(tmp_path, f"{end}.json", document(*members, header=header))
        outcome = cli("progress", str(path), "--format", "json")
        assert 0 == outcome.status, outcome.stderr
        doc = json.loads(outcome.stdout)
        assert months == doc["months"][-1]["behind"][0]["months_missed"]
        sizes.append(len(outcome.stdout))
    assert 1.9 < sizes[1] / sizes[0] < 2.2


@pytest.mark.parametrize(
    ("name", "content", "place", "message"),
    [
        ("nested.json", "[" * 100_000 + "]" * 100_000, "", "invalid JSON"),
        ("binary.json", b"\xff\xfe\x00{", "", "not UTF-8 text"),
        ("nan.json", '{"format": NaN}', "", "NaN is not allowed in JSON"),
        ("empty.json", "", "line 1 column 1", "invalid JSON"),
        ("list.json", "[]", "", "must be an object, got a list"),
        ("empty.jsonl", "", "line 1", "the header line is missing"),
        ("binary.jsonl", b"\x80\x81\n", "line 1", "not UTF-8 text"),
        ("nested.jsonl", "[" * 100_000 + "\n", "line 1", "nested too deeply"),
    ],
    # A 200,000-character value must not become the test's name (pytest before
    # 9.2 would put it into an environment variable of the child process).
    ids=lambda value: (
        f"{len(value)} characters" if isinstance(value, str) and len(value) > 99 else None
    ),
)
@pytest.mark.usefixtures("english")
def test_malformed_files_are_refused_with_a_place(
    tmp_path: Path, name: str, content: str | bytes, place: str, message: str
) -> None:
    """Broken JSON of every kind is one clean refusal, however deep or odd."""
    outcome = cli("score", str(write(tmp_path, name, content)), "--format", "json")
    assert 2 == outcome.status, outcome
    assert not outcome.traceback
    assert message in outcome.stderr
    assert outcome.stderr.startswith(place)


@pytest.mark.usefixtures("english")
def test_a_missing_json_lines_header_is_named_as_missing(tmp_path: Path) -> None:
    """A file whose first line is a community says the header is missing, once."""
    text = "\n".join(json.dumps(valid_community(str(n))) for n in range(3)) + "\n"
    outcome = quick("score", str(write(tmp_path, "in.jsonl", text)), "--format", "jsonl")
    assert outcome.refused("line 1: the header line is missing"), outcome
    assert 1 == len(outcome.stderr.splitlines())


def test_a_long_period_in_the_python_api_is_refused_at_once() -> None:
    """Period(0001-01 … 9999-12) cannot even be built: months are within 1900-2199."""
    from youthaction_scoring import Month, Period

    with pytest.raises(ValueError, match="from 1900 to 2199"):
        Month(1, 1)
    with pytest.raises(ValueError, match="at most 120"):
        Period(Month(1900, 1), Month(2199, 12))
    assert 120 == len(Period(Month(1900, 1), Month(1909, 12)))
