"""The fast reader (msgspec) is exactly as strict as the converter and builds equal objects."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.malformed import (
    COMMUNITY_CASES,
    HEADER_CASES,
    spoiled,
    valid_community,
    valid_header,
)
from tests.strategies import community_and_period
from youthaction_scoring import Community, InputError, Period, loads_assessment
from youthaction_scoring._io.codec import parse_json
from youthaction_scoring._io.converter import structure_as, unstructure_community
from youthaction_scoring._io.jsonl import iter_community_lines, open_json_lines
from youthaction_scoring._io.typed import community_from_json


def _line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _slow(line: bytes) -> Community:
    return structure_as(parse_json(line, "line 2"), Community, "line 2: ")


def _jsonl_problems(*lines: bytes) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for result in iter_community_lines(lines):
        out.extend((p.place, p.message.en) for p in result.problems)
    return out


def _json_problems(communities: list[Any], header: dict[str, Any] | None = None) -> list[Any]:
    doc = dict(header if header is not None else valid_header())
    doc["communities"] = communities
    with pytest.raises(InputError) as caught:
        loads_assessment(json.dumps(doc, ensure_ascii=False))
    return [(p.place, p.message.en) for p in caught.value.problems]


def test_valid_community_takes_the_fast_path() -> None:
    """A valid line is accepted by the fast path and equals the converter's object."""
    line = _line(valid_community())
    fast = community_from_json(line)
    assert fast is not None
    assert _slow(line) == fast


@pytest.mark.parametrize("case", sorted(COMMUNITY_CASES))
def test_malformed_community_is_refused_alike_in_json_and_json_lines(
    case: str,
) -> None:
    """Each malformed community: the fast path declines, both formats report the same problems."""
    bad = spoiled(case)
    line = _line(bad)
    assert community_from_json(line) is None
    in_json = [
        (place.removeprefix("communities[0]").removeprefix("."), message)
        for place, message in _json_problems([bad])
    ]
    in_lines = [
        (place.removeprefix("line 2: ").removeprefix("line 2"), message)
        for place, message in _jsonl_problems(line)
    ]
    assert in_json
    assert in_json == in_lines


def test_several_problems_are_all_reported_with_their_paths() -> None:
    """A line with four problems reports all four, each with its field path."""
    expected = [
        ("line 2: name", "required field missing"),
        ("line 2: extra", "unknown field"),
        ("line 2: workforce.cadres.full_time", "must be >= 0, got -2"),
        ("line 2: projects.activities[0].reported", "must be true or false, got text 'yes'"),
    ]
    assert sorted(expected) == sorted(_jsonl_problems(_line(spoiled("several at once"))))


def test_repeated_key_is_refused_by_both_formats() -> None:
    """A repeated key in one object is a problem in JSON and in JSON Lines, never last-wins."""
    good = _line(valid_community()).decode("utf-8")
    line = good.replace('"full_time": 1', '"full_time": 1, "full_time": 2').encode("utf-8")
    assert community_from_json(line) is None
    assert (_jsonl_problems(line)) == [
        ("line 2: workforce.cadres.full_time", "key appears more than once")
    ]
    doc = json.dumps(valid_header())[:-1] + f', "communities": [{line.decode("utf-8")}]}}'
    with pytest.raises(InputError) as caught:
        loads_assessment(doc)
    assert [(p.place, p.message.en) for p in caught.value.problems] == [
        ("communities[0].workforce.cadres.full_time", "key appears more than once")
    ]


@pytest.mark.parametrize(
    ("written", "repeated"),
    [
        ('"full_time": 1', '"full_time": 1, "full_time": 1'),  # the same value twice
        ('"part_time": 3', '"full_time": 2'),  # a repeat where a key is left out
        ('"on_cloud_platform": true', '"on_cloud_platform": true, "on_cloud_platform": false'),
        (
            '"completed_on": "2021-12-18"',
            '"completed_on": "2021-12-18", "completed_on": "2021-12-19"',
        ),
        ('"kind": "media_publication"', '"kind": "media_publication", "kind": "media_publication"'),
        ('"brands": [', '"brands": [], "brands": ['),
        ('"id": "nm-xinhua"', '"id": "nm-xinhua", "id": "nm-xinhua"'),
    ],
)
def test_a_repeated_key_at_any_depth_is_never_accepted(written: str, repeated: str) -> None:
    """A key repeated in any object, even with the same value or another key left out, is refused."""
    good = _line(valid_community()).decode("utf-8")
    assert written in good
    line = good.replace(written, repeated, 1).encode("utf-8")
    assert community_from_json(_line(valid_community())) is not None
    assert community_from_json(line) is None
    problems = _jsonl_problems(line)
    assert problems
    assert all(message == "key appears more than once" for _, message in problems)


def test_an_escaped_colon_does_not_hide_a_repeated_key() -> None:
    """A ``:`` escaped in text (backslash, ``u003a``) cannot make up for a repeated key's colon."""
    good = _line(valid_community()).decode("utf-8")
    text = good.replace('"full_time": 1', '"full_time": 1, "full_time": 2', 1)
    line = text.replace("新华路社区（示例）", "新华路社区\\u003a示例", 1).encode("utf-8")
    assert community_from_json(line) is None
    assert _jsonl_problems(line) == [
        ("line 2: workforce.cadres.full_time", "key appears more than once")
    ]


def test_repeated_key_with_spaces_before_the_colon_is_refused() -> None:
    """A repeat written as ``"k" :`` is still caught (the colon count is exact)."""
    good = _line(valid_community()).decode("utf-8")
    line = good.replace('"seconded": 0', '"seconded": 0, "seconded" : 5').encode("utf-8")
    assert community_from_json(line) is None


def test_colon_inside_text_is_accepted() -> None:
    """A ``:`` inside a name is accepted by the fast path and by the converter alike."""
    community = valid_community()
    community["name"] = '新华路社区: 示例 \\":'
    line = _line(community)
    assert community_from_json(line) == _slow(line)
    results = list(iter_community_lines([line]))
    assert results[0].community is not None
    assert community["name"] == results[0].community.name


@pytest.mark.parametrize(
    "line",
    [
        b'{"id": "a", NaN}',
        b"\xff\xfe not utf-8",
        b'{"id": "\\ud800"}',
        b"[1, 2",
        b"\xef\xbb\xbf" + _line(valid_community()),
        _line(valid_community()) + b" x",
    ],
)
def test_unusual_json_goes_to_the_converter(line: bytes) -> None:
    """Invalid or unusual JSON is never accepted by the fast path; the converter decides."""
    assert community_from_json(line) is None
    results = list(iter_community_lines([line]))
    try:
        expected: object = _slow(line)
    except InputError as exc:
        expected = exc.problems
    actual = results[0].community if results[0].community is not None else results[0].problems
    assert expected == actual


def test_duplicate_ids_are_refused_in_both_formats() -> None:
    """A repeated id is placed at the repeating community, in JSON and in JSON Lines."""
    first, second = valid_community("a"), valid_community("a")
    assert (_json_problems([first, second])) == [
        ("communities[1].id", "duplicate community id 'a' (first at communities[0])")
    ]
    assert _jsonl_problems(_line(first), _line(second)) == [
        ("line 3: id", "duplicate community id 'a' (first at line 2)")
    ]


@pytest.mark.parametrize("case", sorted(HEADER_CASES))
def test_malformed_header_is_refused_alike_in_json_and_json_lines(case: str) -> None:
    """Each malformed header gives the same problems as a JSON document and a JSON Lines header."""
    header = valid_header()
    HEADER_CASES[case](header)
    in_json = _json_problems([], header)
    with pytest.raises(InputError) as caught:
        open_json_lines([_line(header)])
    in_lines = [
        (p.place.removeprefix("line 1: ").removeprefix("line 1"), p.message.en)
        for p in caught.value.problems
    ]
    assert in_json
    assert in_json == in_lines


@given(pair=community_and_period())
def test_generated_valid_communities_give_equal_objects(
    pair: tuple[Community, Period],
) -> None:
    """Any valid community: fast path, converter and the original are all equal."""
    community, _ = pair
    line = _line(unstructure_community(community))
    fast = community_from_json(line)
    # The fast path may decline a line it cannot vouch for (it then falls back
    # to the converter); when it accepts one, it must agree with the converter.
    slow = _slow(line)
    assert community == slow
    if fast is not None:
        assert slow == fast


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=False)
    | st.text(max_size=4)
    | st.sampled_from(["2021-11-01", "2021-02-30", "harmonious", "national", "", " "]),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, sub in value.items():
            out.extend(_paths(sub, (*prefix, key)))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            out.extend(_paths(sub, (*prefix, index)))
    return out


@given(data=st.data())
def test_random_damage_is_never_accepted_by_the_fast_path_alone(
    data: st.DataObject,
) -> None:
    """Whatever is changed or removed, the fast path accepts only what the converter accepts."""
    community = valid_community()
    paths = _paths(community)[1:]
    path = data.draw(st.sampled_from(paths))
    target: Any = community
    for step in path[:-1]:
        target = target[step]
    if data.draw(st.booleans()) and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = data.draw(_json_values)
    line = _line(community)
    fast = community_from_json(line)
    try:
        slow: Community | None = _slow(line)
    except InputError:
        slow = None
    if slow is None:
        assert fast is None
    elif fast is not None:
        assert slow == fast


def _wrong_values(value: object) -> list[object]:
    """Values of the wrong type or refused by a check, for a field holding *value*."""
    if isinstance(value, bool):
        return ["true", 1, None]
    if isinstance(value, int):
        return [-1, 1.0, "1", True]
    if isinstance(value, str):
        return ["", "  ", 7, None, ["x"]]
    if isinstance(value, list):
        return ["x", {}, [value[0], value[0]] if value and isinstance(value[0], str) else 3]
    if isinstance(value, dict):
        return [[], "x", 1]
    return [object()]


def test_every_field_refuses_what_its_checks_refuse() -> None:
    """Each field of a full community, given a wrong value, is declined by the fast reader."""
    for path in _paths(valid_community())[1:]:
        for wrong in _wrong_values(_at(valid_community(), path)):
            community = valid_community()
            target: Any = community
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = wrong
            with pytest.raises(InputError):
                _slow(_line(community))
            assert community_from_json(_line(community)) is None, (path, wrong)


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value
