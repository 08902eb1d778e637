"""Fuzzed hostile input: whatever the bytes, the readers return a value or refuse cleanly.

A clean refusal is an :class:`InputError` whose problems each carry a place
(text) and a non-empty message. Any other exception escaping a reader is a bug.
The JSON document, JSON Lines (fast reader and converter) and register readers
are fuzzed with arbitrary bytes, arbitrary text, random damage to valid
documents at random paths, and values at or just past the format's limits.
"""

from __future__ import annotations

import functools
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.malformed import delete_at, set_at, valid_community, valid_header
from youthaction_scoring import (
    Assessment,
    Community,
    InputError,
    LineScore,
    Problem,
    loads_assessment,
    read_register,
    score_json_lines,
)
from youthaction_scoring._domain.errors import ErrorText
from youthaction_scoring._domain.limits import MAX_COUNT, MAX_TEXT
from youthaction_scoring._io.codec import parse_json
from youthaction_scoring._io.converter import structure_as
from youthaction_scoring._io.typed import community_from_json

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def _clean(problems: Iterable[Problem]) -> list[Problem]:
    """Assert that every problem has a textual place and a non-empty message."""
    out = list(problems)
    assert out, "a refusal without problems"
    for problem in out:
        assert isinstance(problem, Problem), problem
        assert isinstance(problem.place, str), problem
        assert problem.message.text("en").strip(), problem
        assert problem.message.text("zh").strip(), problem
    return out


def _load(text: str | bytes) -> Assessment | list[Problem]:
    """loads_assessment's outcome: the assessment, or its (checked) problems."""
    try:
        assessment = loads_assessment(text)
    except InputError as exc:
        return _clean(exc.problems)
    assert isinstance(assessment, Assessment)
    return assessment


def _score_lines(lines: Iterable[str | bytes]) -> list[LineScore] | list[Problem]:
    """score_json_lines's outcome: every line's score, or the header's problems."""
    try:
        scores = list(score_json_lines(lines))
    except InputError as exc:
        return _clean(exc.problems)
    for score in scores:
        assert isinstance(score, LineScore)
        assert (score.scorecard is None) == bool(score.problems), score
        for problem in _clean(score.problems) if score.problems else []:
            if problem.message.key is ErrorText.MORE:  # the count past the cap: no one place
                continue
            assert problem.place.startswith(f"line {score.line}"), (score.line, problem)
    return scores


def _header_line() -> bytes:
    return json.dumps(valid_header(), ensure_ascii=False).encode("utf-8")


def _line(value: object) -> bytes:
    r"""*value* as UTF-8 JSON (a lone surrogate is written as its ``\uXXXX`` escape)."""
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value).encode("ascii")


def _dotted(path: tuple[str | int, ...]) -> str:
    """A path as set_at writes it: ``a.b[0].c``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path inside *value* (the empty path first)."""
    out = [prefix]
    if isinstance(value, dict):
        for key, sub in value.items():
            if _ADDRESSABLE.fullmatch(key):  # set_at cannot address "", "0", "a.b" or "a[1]"
                out.extend(_paths(sub, (*prefix, key)))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            out.extend(_paths(sub, (*prefix, index)))
    return out


_ADDRESSABLE = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def _containers(value: Any) -> list[tuple[str | int, ...]]:
    """The paths of every object inside *value* (where a new key may go)."""
    out: list[tuple[str | int, ...]] = []
    for path in _paths(value):
        target = value
        for step in path:
            target = target[step]
        if isinstance(target, dict):
            out.append(path)
    return out


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from(
        [
            "2021-11-01",
            "2021-02-30",
            "2021-11",
            "harmonious",
            "national",
            "municipal",
            "university",
            "leader_instruction",
            "media_publication",
            "",
            " ",
            "\u3000",
            "\x00",
            "\ud800",
            "_x0041_",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
"""Any JSON value, with codes, dates and refused characters mixed in."""

_KEYS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
"""New keys that set_at can address (no dots or brackets)."""


@st.composite
def _damage(draw: st.DrawFn, doc: dict[str, Any], *, keep_root: bool = True) -> None:
    """Damage *doc* in place at one to four random paths (set, delete or add a key)."""
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(doc)[1:] if keep_root else _paths(doc)
        kind = draw(st.sampled_from(["set", "delete", "add"]))
        if kind == "add" or not paths:
            parent = draw(st.sampled_from(_containers(doc)))
            path = _dotted((*parent, draw(_KEYS)))
            set_at(path, draw(json_values))(doc)
            continue
        path_steps = draw(st.sampled_from(paths))
        if not path_steps:
            continue
        if kind == "delete":
            delete_at(_dotted(path_steps))(doc)
        else:
            set_at(_dotted(path_steps), draw(json_values))(doc)


# --------------------------------------------------------------------------
# 1. Arbitrary bytes and text as a JSON document
# --------------------------------------------------------------------------


@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_as_a_document_are_refused_cleanly(data: bytes) -> None:
    """Any bytes given to loads_assessment: an assessment or an InputError, nothing else."""
    _load(data)


@given(
    text=st.text(
        alphabet=st.characters(codec=None, categories=None),  # surrogates, controls, all planes
        max_size=200,
    )
)
def test_arbitrary_text_as_a_document_is_refused_cleanly(text: str) -> None:
    """Any text (lone surrogates and controls included): an assessment or an InputError."""
    outcome = _load(text)
    assert isinstance(outcome, list) or text.strip().startswith("{")


@given(data=st.data())
def test_bytes_spliced_into_a_valid_document_are_refused_cleanly(data: st.DataObject) -> None:
    """Random bytes spliced into a valid document: an assessment or an InputError."""
    doc = _line({**valid_header(), "communities": [valid_community()]})
    start = data.draw(st.integers(0, len(doc)))
    end = data.draw(st.integers(start, min(len(doc), start + 8)))
    spliced = doc[:start] + data.draw(st.binary(max_size=8)) + doc[end:]
    outcome = _load(spliced)
    if spliced == doc:
        assert isinstance(outcome, Assessment)


# --------------------------------------------------------------------------
# 2. Arbitrary bytes as the JSON Lines body
# --------------------------------------------------------------------------


@given(body=st.binary(max_size=400))
def test_arbitrary_bytes_after_a_valid_header_are_refused_line_by_line(body: bytes) -> None:
    """Any bytes after a valid header: each line scored or refused with its line, never a crash."""
    stream = io.BytesIO(_header_line() + b"\n" + body)
    outcome = _score_lines(stream)  # a binary file: byte lines take the fast path
    assert not (outcome and isinstance(outcome[0], Problem)), "the valid header was refused"


@given(body=st.text(alphabet=st.characters(codec=None, categories=None), max_size=300))
def test_arbitrary_text_lines_after_a_valid_header_are_refused_line_by_line(body: str) -> None:
    """Any text lines after a valid header (converter path): scored or refused per line."""
    lines = [_header_line().decode("utf-8"), *body.splitlines()]
    outcome = _score_lines(lines)
    assert not (outcome and isinstance(outcome[0], Problem)), "the valid header was refused"


@given(first=st.binary(max_size=200), rest=st.lists(st.binary(max_size=50), max_size=3))
def test_arbitrary_bytes_as_the_header_are_refused_cleanly(first: bytes, rest: list[bytes]) -> None:
    """Any bytes as the header line: refused with problems placed on line 1 (or accepted)."""
    outcome = _score_lines([first, *rest])
    if outcome and isinstance(outcome[0], Problem):
        assert all(isinstance(p, Problem) and p.place.startswith("line 1") for p in outcome)


# --------------------------------------------------------------------------
# 3. Arbitrary bytes and arbitrary zips as a register
# --------------------------------------------------------------------------


def _read_register(data: bytes) -> Assessment | list[Problem]:
    try:
        assessment = read_register(io.BytesIO(data))
    except InputError as exc:
        return _clean(exc.problems)
    assert isinstance(assessment, Assessment)
    return assessment


@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_as_a_register_are_refused_cleanly(data: bytes) -> None:
    """Any bytes given to read_register: an InputError, nothing else."""
    assert isinstance(_read_register(data), list)


_XML_TEXT = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            '<?xml version="1.0"?><workbook/>',
            "<a>" * 50,
            '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
            "\ufeff<workbook",
        ]
    ),
)
_MEMBER_NAMES = st.one_of(
    st.sampled_from(
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml",
            "xl/sharedStrings.xml",
            "xl/styles.xml",
            "docProps/app.xml",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1),
)


@given(members=st.dictionaries(_MEMBER_NAMES, _XML_TEXT | st.binary(max_size=100), max_size=6))
def test_a_zip_of_random_members_is_refused_cleanly(members: dict[str, str | bytes]) -> None:
    """A real zip holding random member names and contents: an InputError, nothing else."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    assert isinstance(_read_register(out.getvalue()), list)


def test_a_zip_without_a_workbook_part_is_an_input_error() -> None:
    """A zip whose only part is a foreign [Content_Types].xml is refused with InputError."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<?A?><A/>")
    with pytest.raises(InputError) as caught:
        read_register(io.BytesIO(out.getvalue()))
    assert "not a readable .xlsx workbook" in str(caught.value)


@functools.cache
def _valid_register() -> bytes:
    from tests._register_helpers import full_assessment
    from youthaction_scoring import write_register

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reg.xlsx"
        write_register(full_assessment(), path)
        return path.read_bytes()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info.filename) for info in archive.infolist()}


@settings(max_examples=min(settings().max_examples, 25))  # each reads a whole workbook
@given(data=st.data())
def test_a_valid_register_with_one_part_damaged_is_refused_cleanly(data: st.DataObject) -> None:
    """A valid register with one part replaced, truncated or spliced: read or refused cleanly."""
    members = _members(_valid_register())
    name = data.draw(st.sampled_from(sorted(members)))
    original = members[name]
    how = data.draw(st.sampled_from(["replace", "truncate", "splice", "drop"]))
    if how == "replace":
        members[name] = data.draw(_XML_TEXT).encode("utf-8", "surrogatepass")
    elif how == "truncate":
        members[name] = original[: data.draw(st.integers(0, len(original)))]
    elif how == "splice":
        at = data.draw(st.integers(0, len(original)))
        members[name] = original[:at] + data.draw(st.binary(min_size=1, max_size=8)) + original[at:]
    else:
        del members[name]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    _read_register(out.getvalue())


# --------------------------------------------------------------------------
# 4. Whole-document damage: JSON, JSON Lines, fast reader and converter agree
# --------------------------------------------------------------------------


def _slow(line: bytes) -> Community | None:
    try:
        return structure_as(parse_json(line, "line 2"), Community, "line 2: ")
    except InputError:
        return None


def _without(place: str, *prefixes: str) -> str:
    for prefix in prefixes:
        if place.startswith(prefix):
            return place.removeprefix(prefix).removeprefix(": ").removeprefix(".")
    return place


@given(data=st.data())
def test_damaged_communities_are_judged_alike_by_every_reader(
    data: st.DataObject,
) -> None:
    """Several random changes to two communities: JSON, JSON Lines, fast and converter agree."""
    communities = [valid_community("nm-first-01"), valid_community("yy-second-02")]
    index = data.draw(st.sampled_from([0, 1]))
    data.draw(_damage(communities[index]))
    lines = [_line(c) for c in communities]

    # The fast reader accepts only what the converter accepts.
    for line in lines:
        slow = _slow(line)
        fast = community_from_json(line)
        if slow is None:
            assert fast is None
        elif fast is not None:
            assert fast == slow

    in_json = _load(_line({**valid_header(), "communities": communities}))
    by_bytes = _score_lines([_header_line(), *lines])
    by_text = _score_lines([_header_line().decode(), *(line.decode("utf-8") for line in lines)])
    assert not (by_bytes and isinstance(by_bytes[0], Problem))
    assert not (by_text and isinstance(by_text[0], Problem))
    assert by_bytes == by_text  # the fast path changes nothing a caller sees
    line_problems = [
        (_without(p.place, f"line {s.line}"), s.line - 2, p.message.en)
        for s in by_bytes
        if isinstance(s, LineScore)
        for p in s.problems
    ]
    if isinstance(in_json, Assessment):
        assert line_problems == []
        assert len(in_json.communities) == 2
    else:
        json_problems = []
        for p in in_json:
            assert p.place.startswith("communities["), p
            number = int(p.place[len("communities[") : p.place.index("]")])
            json_problems.append(
                (_without(p.place, f"communities[{number}]"), number, p.message.en)
            )
        assert json_problems == line_problems


@given(data=st.data())
def test_a_damaged_whole_document_is_refused_cleanly_and_alike(data: st.DataObject) -> None:
    """Random changes anywhere in a document (header included): JSON and JSON Lines agree."""
    doc: dict[str, Any] = {**valid_header(), "communities": [valid_community()]}
    data.draw(_damage(doc))
    in_json = _load(_line(doc))
    communities = doc.pop("communities", None)
    header_problems: list[Problem] = []
    if isinstance(communities, list):
        lines = [_line(doc), *map(_line, communities)]
        outcome = _score_lines(lines)
        if outcome and isinstance(outcome[0], Problem):
            header_problems = [p for p in outcome if isinstance(p, Problem)]
            assert isinstance(in_json, list), "JSON accepted a header JSON Lines refused"
        elif isinstance(in_json, Assessment):
            scores = [s for s in outcome if isinstance(s, LineScore)]
            assert all(s.scorecard is not None for s in scores)
            assert len(scores) == len(in_json.communities)
        else:
            # JSON refused: JSON Lines refused too (a line, or only a document-level problem).
            bad = [s for s in outcome if isinstance(s, LineScore) and s.problems]
            document_level = [p for p in in_json if not p.place.startswith("communities[")]
            assert bad or document_level
    elif communities is not None:
        assert isinstance(in_json, list), "communities that are not a list were accepted"
    assert all(p.place.startswith("line 1") for p in header_problems)


# --------------------------------------------------------------------------
# 5. Values at and past the limits, deep nesting, huge numbers
# --------------------------------------------------------------------------

_RAW_EXTREMES: dict[str, str] = {
    "deep list": "[" * 5000 + "]" * 5000,
    "deep object": '{"a":' * 5000 + "1" + "}" * 5000,
    "nearly too deep": "[" * 980 + "]" * 980,
    "thousands of digits": "9" * 5000,
    "huge exponent": "1e99999",
    "negative huge exponent": "-1e-99999",
    "huge float": "1.7976931348623157e309",
    "negative zero": "-0",
    "fraction of a count": "0.5",
    "long escape run": '"' + "\\u0000" * 2000 + '"',
    "escaped lone surrogate": '"\\udc00"',
    "escaped surrogate pair": '"\\ud83d\\ude00"',
}
"""Raw JSON text that a parsed value cannot express, spliced into a document as written."""

_EXTREME_VALUES = st.sampled_from(
    [
        MAX_COUNT,
        MAX_COUNT + 1,
        -MAX_COUNT - 1,
        2**63,
        2**64 + 1,
        -(2**63) - 1,
        10**300,
        "x" * MAX_TEXT,
        "x" * (MAX_TEXT + 1),
        "項" * MAX_TEXT,
        "_x0041_" * (MAX_TEXT // 7),
        "_x0041_" * (MAX_TEXT // 7 + 1),
        "\r" * (MAX_TEXT // 7 + 1),
        "\u200b" * MAX_TEXT,
        "\ufffe" * 5000,
        ["harmonious"] * 10_000,
        [{"kind": "media_publication", "outlet": "x"}] * 2_000,
        {str(i): i for i in range(2_000)},
        "1900-01-01",
        "2199-12-31",
        "1899-12-31",
        "2200-01-01",
        "9999-12-31",
        "1900-01",
        "2199-12",
    ]
)


@given(data=st.data())
def test_extreme_values_at_random_places_are_refused_cleanly(data: st.DataObject) -> None:
    """Limit-sized text, huge numbers and long lists at random paths: accepted or InputError."""
    doc: dict[str, Any] = {**valid_header(), "communities": [valid_community()]}
    path = data.draw(st.sampled_from(_paths(doc)[1:]))
    value = data.draw(_EXTREME_VALUES)
    set_at(_dotted(path), value)(doc)
    in_json = _load(_line(doc))
    communities = doc.pop("communities", None)
    lines = [_line(doc), *(map(_line, communities) if isinstance(communities, list) else [])]
    _score_lines(lines)
    if isinstance(value, str) and len(value) > MAX_TEXT:
        assert isinstance(in_json, list), "text longer than a cell was accepted"
    if isinstance(value, int) and not -MAX_COUNT <= value <= MAX_COUNT:
        # A count that large is refused; elsewhere a number is refused as the wrong type.
        assert isinstance(in_json, list), "a number past fifteen digits was accepted"


@given(data=st.data(), raw=st.sampled_from(sorted(_RAW_EXTREMES)))
def test_extreme_raw_json_at_random_places_is_refused_cleanly(
    data: st.DataObject, raw: str
) -> None:
    """Deep nesting, huge numbers and odd escapes written raw at random places: refused cleanly."""
    community = valid_community()
    marker = "@@RAW@@"
    path = data.draw(st.sampled_from(_paths(community)[1:]))
    set_at(_dotted(path), marker)(community)
    line = _line(community).replace(f'"{marker}"'.encode(), _RAW_EXTREMES[raw].encode())
    fast = community_from_json(line)
    doc = _line(valid_header())[:-1] + b', "communities": [' + line + b"]}"
    in_json = _load(doc)
    by_lines = _score_lines([_header_line(), line])
    assert not (by_lines and isinstance(by_lines[0], Problem))
    accepted = isinstance(in_json, Assessment)
    line_ok = [s.scorecard is not None for s in by_lines if isinstance(s, LineScore)]
    assert line_ok == [accepted]
    if fast is not None:
        assert accepted
        assert isinstance(in_json, Assessment)
        assert in_json.communities == (fast,)
    if raw in {"deep list", "deep object", "thousands of digits", "huge exponent"}:
        assert not accepted, f"{raw} was accepted"


def _run(reader: Callable[[bytes], object], data: bytes) -> None:
    try:
        reader(data)
    except InputError as exc:
        _clean(exc.problems)


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 200_000,
        b'{"a":' * 200_000,
        b"\xef\xbb\xbf" * 1000,
        b"\x00" * 10_000,
        b" " * 100_000,
        b'"' + b"\\" * 99_999 + b'"',
    ],
    ids=["brackets", "objects", "boms", "nuls", "spaces", "backslashes"],
)
def test_pathological_whole_inputs_are_refused_cleanly(data: bytes) -> None:
    """Huge pathological documents: InputError from every reader, never a crash."""
    _run(loads_assessment, data)
    _run(lambda d: list(score_json_lines([d])), data)
    _run(lambda d: list(score_json_lines([_header_line(), d])), data)
    _run(lambda d: read_register(io.BytesIO(d)), data)
