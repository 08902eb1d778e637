"""A JSON document read one community at a time: the same assessment, the same problems."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tests.malformed import COMMUNITY_CASES, valid_community, valid_header
from tests.strategies import assessments
from youthaction_scoring import (
    Assessment,
    InputError,
    dumps_assessment,
    load_assessment,
    loads_assessment,
)
from youthaction_scoring._cli.app import main
from youthaction_scoring._io.document_stream import open_json_document
from youthaction_scoring._io.jsonl import read_opened


def _document(*communities: dict[str, Any], **header: Any) -> dict[str, Any]:
    return {**valid_header(), **header, "communities": list(communities)}


def _streamed(data: bytes) -> Assessment | list[str]:
    opened = open_json_document(data)
    assert opened is not None
    try:
        return read_opened(opened)
    except InputError as exc:
        return sorted(str(p) for p in exc.problems)


def _whole(data: bytes) -> Assessment | list[str]:
    try:
        return loads_assessment(data)
    except InputError as exc:
        return sorted(str(p) for p in exc.problems)


@given(assessments(max_communities=4), st.sampled_from([None, 2, 0]))
def test_a_valid_document_reads_the_same_in_any_layout(assessment: Assessment, indent: Any) -> None:
    """Compact, indented or oddly spaced, the split reader gives the whole reader's assessment."""
    value = json.loads(dumps_assessment(assessment))
    if indent == 0:  # white space around every separator
        text = json.dumps(value, ensure_ascii=False, separators=(" ,\n ", " :\r\n\t"))
    else:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
    data = text.encode()
    assert _whole(data) == _streamed(data) == assessment


@pytest.mark.parametrize("case", sorted(COMMUNITY_CASES))
def test_a_malformed_community_has_the_same_problems(case: str) -> None:
    """Each malformed community is refused with the whole reader's problems, at communities[1]."""
    bad = copy.deepcopy(valid_community("b"))
    COMMUNITY_CASES[case](bad)
    data = json.dumps(_document(valid_community("a"), bad), ensure_ascii=False).encode()
    streamed = _streamed(data)
    assert isinstance(streamed, list)
    assert streamed == _whole(data)
    assert all(p.startswith("communities[1]") for p in streamed), streamed


def test_repeated_keys_ids_and_district_records_are_refused_in_place() -> None:
    """A repeated key, a repeated id and a list in a recorded district, each at its element."""
    first, second, third = valid_community("a"), valid_community("a"), valid_community("c")
    header = {"districts": [{"name": "南明区", "county_youth_orgs": []}]}
    text = json.dumps(_document(first, second, third, **header), ensure_ascii=False)
    head, rest = text.split('"communities"')
    text = head + '"communities"' + rest.replace('"name": ', '"name": "重复", "name": ', 1)
    streamed = _streamed(text.encode())
    assert isinstance(streamed, list)
    assert "communities[0].name: key appears more than once" in streamed
    assert any(p.startswith("communities[1].id: duplicate community id 'a'") for p in streamed)
    assert any(p.startswith("communities[2].org_system.county_youth_orgs") for p in streamed)


@pytest.mark.parametrize(
    "text",
    [
        b'{"format": "youthaction-scoring/1"',  # cut short
        b'{"format": "a", "format": "b", "communities": []}',  # a repeated top-level key
        b'{"format": "youthaction-scoring/1", "period": {"start": "2021-11", "end": "2022-04"},'
        b' "communities": {}}',  # not a list
        b'{"format": "youthaction-scoring/2", "period": {"start": "2021-11", "end": "2022-04"},'
        b' "communities": []}',  # a header problem
        b'{"format": "youthaction-scoring/1", "period": {"start": "2021-11", "end": "2022-04"},'
        b' "communities": []} x',  # something after the document
        b"[]",
        b"{}",
        b'{"communities": [1 2]}',
    ],
)
def test_an_unusual_structure_is_left_to_the_whole_reader(text: bytes) -> None:
    """Anything odd about the structure gives None: the whole reader says what and where."""
    assert open_json_document(text) is None


def test_large_and_chinese_heavy_communities_split_right() -> None:
    """A community of 500 activities, and many of multi-byte text, are split exactly."""
    big = valid_community("big")
    activity = big["projects"]["activities"][0]
    big["projects"]["activities"] = [
        {**activity, "title": f"社区青春行动{'青' * 50}{n}"} for n in range(500)
    ]
    small = [valid_community(f"c{n}") | {"name": "社区" * (n % 40 + 1)} for n in range(40)]
    value = _document(*small, big)
    data = json.dumps(value, ensure_ascii=False).encode()
    assert len(data) > 4 * 4096
    assert _streamed(data) == _whole(data)


def test_a_byte_order_mark_is_allowed() -> None:
    """A UTF-8 byte-order mark before the document is read past, as by the whole reader."""
    data = b"\xef\xbb\xbf" + json.dumps(_document(valid_community()), ensure_ascii=False).encode()
    assert _streamed(data) == _whole(data)


def _write(path: Path, value: dict[str, Any]) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_score_streams_a_document_with_the_same_output(tmp_path: Path, fmt: str) -> None:
    """Scoring x.json as json or jsonl writes what the whole-document path writes."""
    communities = [valid_community(f"c{n}") for n in range(5)]
    path = _write(tmp_path / "in.json", _document(*communities))
    streamed = CliRunner().invoke(main, ["score", str(path), "--format", fmt])
    whole = CliRunner().invoke(
        main, ["score", "-", "--input-format", "json", "--format", fmt], input=path.read_bytes()
    )
    assert (0, 0) == (streamed.exit_code, whole.exit_code)
    assert whole.stdout == streamed.stdout
    lines = streamed.stdout.splitlines()
    cards = [json.loads(line) for line in lines] if fmt == "jsonl" else None
    cards = cards or json.loads(streamed.stdout)["scorecards"]
    assert [f"c{n}" for n in range(5)] == [card["community_id"] for card in cards]


def test_a_bad_element_writes_nothing(tmp_path: Path) -> None:
    """A bad community late in the document: exit 2, nothing on standard output, no file."""
    bad = valid_community("z")
    bad["workforce"]["cadres"]["full_time"] = -1
    path = _write(tmp_path / "in.json", _document(valid_community("a"), bad))
    out = tmp_path / "out.json"
    to_file = CliRunner().invoke(main, ["score", str(path), "--format", "json", "-o", str(out)])
    to_stdout = CliRunner().invoke(main, ["score", str(path), "--format", "jsonl", "--lang", "en"])
    assert (2, 2) == (to_file.exit_code, to_stdout.exit_code)
    assert not out.exists()
    assert "" == to_stdout.stdout
    assert "communities[1].workforce.cadres.full_time: must be >= 0, got -1" in to_stdout.stderr


_REPEATS = {
    "period": (
        '"period": {"start": "2021-11", "end": "2022-04"}',
        '"period": {"start": "2021-11", "end": "2022-04", "end": "2021-12"}',
        "period.end",
    ),
    "district record": (
        '"districts": [{"name": "南明区", "county_youth_orgs": []}]',
        '"districts": [{"name": "南明区", "county_youth_orgs": [], "county_youth_orgs": []}]',
        "districts[0].county_youth_orgs",
    ),
    "top level": (
        '"format": "youthaction-scoring/1"',
        '"format": "youthaction-scoring/1", "format": "youthaction-scoring/1"',
        "format",
    ),
}


def _repeated(case: str) -> bytes:
    written, repeated, _ = _REPEATS[case]
    header = {"districts": [{"name": "南明区", "county_youth_orgs": []}]}
    community = valid_community("a")
    community["org_system"]["county_youth_orgs"] = []
    text = json.dumps(_document(community, **header), ensure_ascii=False)
    assert written in text
    return text.replace(written, repeated, 1).encode()


@pytest.mark.parametrize("case", sorted(_REPEATS))
def test_a_repeated_key_in_the_header_is_refused_with_its_place(case: str) -> None:
    """A key repeated in period, a district record or the top level: never last-wins (issue 25)."""
    data = _repeated(case)
    assert open_json_document(data) is None  # the whole reader decides
    assert _whole(data) == [f"{_REPEATS[case][2]}: key appears more than once"]


@pytest.mark.parametrize("case", sorted(_REPEATS))
def test_a_repeated_key_in_the_header_is_refused_by_every_command_path(
    tmp_path: Path, case: str
) -> None:
    """Score x.json, score - (standard input) and load_assessment refuse it alike, with its place."""
    path = tmp_path / "in.json"
    path.write_bytes(_repeated(case))
    expected = f"{_REPEATS[case][2]}: key appears more than once"
    for fmt in ("json", "jsonl"):
        from_file = CliRunner().invoke(main, ["score", str(path), "--format", fmt, "--lang", "en"])
        from_stdin = CliRunner().invoke(
            main,
            ["score", "-", "--input-format", "json", "--format", fmt, "--lang", "en"],
            input=path.read_bytes(),
        )
        for result in (from_file, from_stdin):
            assert 2 == result.exit_code
            assert "" == result.stdout
            assert expected in result.stderr
    with pytest.raises(InputError) as caught:
        load_assessment(path)
    assert [str(p) for p in caught.value.problems] == [expected]


def test_a_repeated_key_in_a_json_lines_header_is_refused() -> None:
    """The same repeat inside the period of a JSON Lines header line is refused at line 1."""
    header = json.dumps(valid_header(), ensure_ascii=False)
    written, repeated, _ = _REPEATS["period"]
    line = header.replace(written, repeated, 1)
    assert line != header
    from youthaction_scoring._io.jsonl import open_json_lines

    with pytest.raises(InputError) as caught:
        open_json_lines([line.encode()])
    assert [str(p) for p in caught.value.problems] == [
        "line 1: period.end: key appears more than once"
    ]
