"""A JSON assessment document read one community at a time (bounded memory).

``json.loads`` of a 110 MB document builds every community as dicts at once
(over a gigabyte), and the strict parser's hooks are slow. Here the document
is split instead: its top-level values and the elements of ``communities``
are found one after the other with orjson — which parses one value from a
position and says, in its error, where the rest begins — and each community
is then parsed alone and read by the fast reader of :mod:`.fast`, exactly as
a JSON Lines line is. Only the input's bytes, the element positions and one
community at a time are held.

Strictness is the same as the whole-document reader's, by construction: a
community the fast reader does not accept goes through the converter on its
own (placed ``communities[i]``), with the strict parser (repeated keys);
anything unusual in the document's *structure* — a syntax error, a repeated
top-level key, ``communities`` that is not a list, a header with problems —
gives up (``None``), and the caller reads the document the usual way, which
says what is wrong and where.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

import attrs

from .._domain.errors import InputError
from .._domain.model import Community
from .codec import ORJSON, parse_json
from .converter import structure_as
from .document import structure_header
from .fast import community_from_value_counted
from .follow import Follow, LineResult
from .jsonl import JsonLines

ORJSON_LOADS: Final = ORJSON.loads if ORJSON is not None else None
_SPACE: Final = re.compile(rb"[ \t\n\r]*")
_CONTINUATION: Final = bytes(range(0x80, 0xC0))
_BOM: Final = b"\xef\xbb\xbf"
_WINDOW: Final = 1 << 12
"""The smallest window a value is looked for in: orjson's error decodes its whole
input to count lines, so a window just above the value's size is fastest (twice the
last value's size; a community is a few kilobytes)."""
_AFTER: Final = "after document"
_TRAILING: Final = "trailing"
"""orjson's words for content after a complete value (newer and older versions)."""


class _Unusual(Exception):  # noqa: N818 - a private signal: read the document the usual way
    """The document's structure is not plain: let the whole-document reader decide."""


def _byte_length(view: memoryview, characters: int) -> int:
    """How many bytes the first *characters* characters of UTF-8 *view* take."""
    guess = characters
    while True:
        head = bytes(view[:guess])
        found = characters + len(head) - len(head.translate(None, _CONTINUATION))
        if found == guess:
            return guess
        guess = found


class _Splitter:
    """Finds where each JSON value of a document ends, with orjson."""

    def __init__(self, data: bytes) -> None:
        import orjson

        self.data = data
        self.view = memoryview(data)
        self.loads = orjson.loads
        self.error = orjson.JSONDecodeError
        self.window = _WINDOW

    def space(self, position: int) -> int:
        """The position after any white space at *position*."""
        found = _SPACE.match(self.data, position)
        assert found is not None  # the pattern matches the empty string
        return found.end()

    def expect(self, position: int, byte: bytes) -> int:
        """The position after *byte* (after white space), or :class:`_Unusual`."""
        position = self.space(position)
        if self.data[position : position + 1] != byte:
            raise _Unusual
        return position + 1

    def value_end(self, start: int) -> int:
        """Where the JSON value starting at *start* ends (its trailing white space included).

        orjson checks its whole input before parsing, so it is given a window
        from *start* (cut at a character boundary), widened until the value
        fits; it then stops at the first byte after the value and says where.
        """
        size, total = self.window, len(self.data)
        while True:
            end = min(start + size, total)
            while end < total and 0x80 <= self.data[end] < 0xC0:
                end -= 1  # never cut a character in two
            try:
                self.loads(self.view[start:end])
            except self.error as exc:
                if _AFTER in exc.msg or _TRAILING in exc.msg:
                    found = _byte_length(self.view[start:end], exc.pos)
                    self.window = max(_WINDOW, 2 * found)  # the next value is likely alike
                    return start + found
                if end == total:
                    raise _Unusual from None
                size *= 4  # the value is longer than the window (or broken: found when whole)
                continue
            if end == total:
                raise _Unusual  # the value runs to the end: the document is cut short
            return end

    def value(self, start: int, end: int) -> Any:
        """The value between *start* and *end* (orjson; repeated keys are counted by callers).

        Raises:
            _Unusual: It is not one JSON value.
        """
        try:
            return self.loads(self.view[start:end])
        except self.error:
            raise _Unusual from None


def _top_level(split: _Splitter) -> tuple[dict[str, Any], list[tuple[int, int]] | None]:
    """The header's values, and the spans of the communities (``None``: no such key)."""
    header: dict[str, Any] = {}
    spans: list[tuple[int, int]] | None = None
    start = len(_BOM) if split.data.startswith(_BOM) else 0
    position = split.expect(start, b"{")
    if split.data[split.space(position) : split.space(position) + 1] == b"}":
        raise _Unusual  # an empty document: the usual reader names what is missing
    while True:
        key_start = split.space(position)
        key_end = split.value_end(key_start)
        key = split.value(key_start, key_end)
        if not isinstance(key, str) or key in header or (key == "communities" and spans):
            raise _Unusual
        position = split.space(split.expect(key_end, b":"))
        if key == "communities":
            spans, position = _elements(split, position)
        else:
            end = split.value_end(position)
            header[key] = split.value(position, end)
            position = end
        position = split.space(position)
        separator = split.data[position : position + 1]
        if separator == b"}":
            break
        if separator != b",":
            raise _Unusual
        position += 1
    if split.space(position + 1) != len(split.data):
        raise _Unusual
    return header, spans


def _elements(split: _Splitter, position: int) -> tuple[list[tuple[int, int]], int]:
    """The spans of the elements of the list at *position*, and where the list ends."""
    position = split.expect(position, b"[")
    spans: list[tuple[int, int]] = []
    if split.data[split.space(position) : split.space(position) + 1] == b"]":
        return spans, split.space(position) + 1
    while True:
        start = split.space(position)
        end = split.value_end(start)
        spans.append((start, end))
        position = split.space(end)
        separator = split.data[position : position + 1]
        if separator == b"]":
            return spans, position + 1
        if separator != b",":
            raise _Unusual
        position += 1


def open_json_document(data: bytes) -> JsonLines | None:
    """Open a JSON assessment document to read its communities one at a time.

    Args:
        data: The document's bytes (UTF-8).

    Returns:
        Its checked header, and its communities as results placed
        ``communities[i]`` (:attr:`LineResult.line` is the index *i*); after
        the last, a result for the district records no community is in (R18).
        ``None`` when orjson is not installed or the document's structure is
        not plain (then read it whole: that reader says what is wrong).
    """
    found = _open(data)
    if found is None:
        return None
    opened, count, elements = found
    follow = Follow(opened.districts, element_place, records_line=count)
    return attrs.evolve(opened, lines=_followed(elements, follow), finder=follow.finder)


def element_place(index: int, field: str) -> str:
    """The place of *field* of element *index* (``communities[3].id``), or of the element."""
    return f"communities[{index}].{field}" if field else f"communities[{index}]"


def _followed(elements: Iterator[tuple[int, bytes]], follow: Follow) -> Iterator[LineResult]:
    for index, raw in elements:
        result, ident = read_element(index, raw)
        yield follow(result, ident)
    last = follow.end()
    if last is not None:
        yield last


def element_slices(data: bytes) -> tuple[JsonLines, Iterator[tuple[int, bytes]]] | None:
    """The header of a plain JSON document and its elements' bytes, to be read elsewhere.

    Args:
        data: The document.

    Returns:
        The opened document (its :attr:`~JsonLines.lines` unused) and the
        elements as ``(index, bytes)``; ``None`` as for :func:`open_json_document`.
    """
    found = _open(data)
    return None if found is None else (found[0], found[2])


def _open(data: bytes) -> tuple[JsonLines, int, Iterator[tuple[int, bytes]]] | None:
    """The checked header, the number of elements and the elements (``None``: unusual)."""
    if ORJSON is None:
        return None
    try:
        split = _Splitter(data)
        header, spans = _top_level(split)
    except _Unusual:
        return None
    checked = structure_header(header)
    if checked.problems or checked.period is None or spans is None:
        return None
    opened = JsonLines(checked.period, checked.description, 0, iter(()), checked.districts)
    return opened, len(spans), ((i, bytes(split.view[s:e])) for i, (s, e) in enumerate(spans))


def read_element(index: int, raw: bytes) -> tuple[LineResult, object]:
    """Read one element of ``communities`` alone: the fast reader, else the converter.

    Args:
        index: Its index.
        raw: Its JSON text.

    Returns:
        The result (problems placed ``communities[i]…``) and the element's
        ``id`` as written (for the check of repeated ids).
    """
    place = element_place(index, "")
    try:
        value = ORJSON_LOADS(raw) if ORJSON_LOADS is not None else None
    except ValueError:  # the strict parser below says what is wrong with it
        value = None
    ident = value.get("id") if isinstance(value, dict) else None
    community = community_from_value_counted(value, raw.count(b":"))
    if community is not None:
        return LineResult(index, community), ident
    try:
        strict = parse_json(raw)  # repeated keys are refused here
        return LineResult(index, structure_as(strict, Community)), ident
    except InputError as exc:
        return LineResult(index, None, exc.with_prefix(place).problems), ident
