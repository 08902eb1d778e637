"""A JSON assessment document read one community at a time (bounded memory).

Parsing a 110 MB document into dicts builds every community at once (over a
gigabyte). Here msgspec decodes only the document's frame: its top-level
keys, with each value and each element of ``communities`` kept as
:class:`msgspec.Raw` (a reference to its bytes, not parsed into objects).
The header is then parsed by the strict parser and checked, and each
community is read alone, exactly as a JSON Lines line is (:mod:`.typed`,
else the converter). Only the input's bytes, one reference per element and
one community at a time are held.

Strictness is the same as the whole-document reader's, by construction: a
community the fast reader does not accept goes through the strict parser
and the converter on its own (placed ``communities[i]``); anything unusual
in the document itself — JSON msgspec refuses, an unknown or repeated
top-level key, ``communities`` that is not a list, a header with any
problem (a repeated key inside ``period`` or a district record among them)
— gives up (``None``), and the caller reads the document the usual way,
which says what is wrong and where.

A repeated top-level key is caught by counting ``:`` bytes, as in
:mod:`.typed`: outside the values, each is a top-level key's; when the
document's ``:`` bytes less its values' are as many as the keys read, no
key was repeated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import attrs
import msgspec

from .._domain.errors import InputError
from .._domain.model import Community
from .codec import parse_json
from .converter import structure_as
from .document import structure_header
from .follow import Follow, LineResult
from .jsonl import JsonLines
from .typed import community_from_json

_BOM: Final = b"\xef\xbb\xbf"
_Value = msgspec.Raw | msgspec.UnsetType


class _Frame(msgspec.Struct, forbid_unknown_fields=True):
    """An assessment document's top level, its values unparsed."""

    format: _Value = msgspec.UNSET
    period: _Value = msgspec.UNSET
    description: _Value = msgspec.UNSET
    districts: _Value = msgspec.UNSET
    expected: _Value = msgspec.UNSET
    communities: list[msgspec.Raw] | msgspec.UnsetType = msgspec.UNSET


_HEADER: Final = ("format", "period", "description", "districts", "expected")
_FRAME: Final = msgspec.json.Decoder(_Frame)


def open_json_document(data: bytes) -> JsonLines | None:
    """Open a JSON assessment document to read its communities one at a time.

    Args:
        data: The document's bytes (UTF-8).

    Returns:
        Its checked header, and its communities as results placed
        ``communities[i]`` (:attr:`LineResult.line` is the index *i*); after
        the last, a result for the district records no community is in (R18).
        ``None`` when the document's structure is
        not plain (then read it whole: that reader says what is wrong).
    """
    found = _open(data)
    if found is None:
        return None
    opened, count, elements = found
    follow = Follow(opened.districts, element_place, records_line=count, expected=opened.expected)
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
    view = memoryview(data)[len(_BOM) :] if data.startswith(_BOM) else memoryview(data)
    try:
        frame = _FRAME.decode(view)
    except (msgspec.DecodeError, RecursionError):  # deep nesting: the strict parser says where
        return None
    if frame.communities is msgspec.UNSET:
        return None
    header: dict[str, object] = {}
    colons = 0
    for key in _HEADER:
        raw = getattr(frame, key)
        if raw is not msgspec.UNSET:
            text = bytes(raw)
            colons += text.count(b":")
            try:
                header[key] = parse_json(text)  # strict: a repeated key inside is refused
            except InputError:
                return None
    elements = frame.communities
    colons += sum(bytes(raw).count(b":") for raw in elements)
    if data.count(b":") - colons != len(header) + 1:
        return None  # a repeated top-level key (or an unusual document)
    checked = structure_header(header)
    if checked.problems or checked.period is None:
        return None
    opened = JsonLines(
        checked.period,
        checked.description,
        0,
        iter(()),
        checked.districts,
        expected=checked.expected,
    )
    return opened, len(elements), ((i, bytes(raw)) for i, raw in enumerate(elements))


def read_element(index: int, raw: bytes) -> tuple[LineResult, object]:
    """Read one element of ``communities`` alone: the fast reader, else the converter.

    Args:
        index: Its index.
        raw: Its JSON text.

    Returns:
        The result (problems placed ``communities[i]…``) and the element's
        ``id`` as written (for the check of repeated ids).
    """
    community = community_from_json(raw)
    if community is not None:
        return LineResult(index, community), community.id
    place = element_place(index, "")
    try:
        strict = parse_json(raw)  # repeated keys are refused here
    except InputError as exc:
        try:  # the id as written, for the check of repeated ids
            loose = msgspec.json.decode(raw)
        except (msgspec.DecodeError, UnicodeDecodeError):  # not UTF-8 (older msgspec says so)
            loose = None
        ident = loose.get("id") if isinstance(loose, dict) else None
        return LineResult(index, None, exc.with_prefix(place).problems), ident
    ident = strict.get("id") if isinstance(strict, dict) else None
    try:
        return LineResult(index, structure_as(strict, Community)), ident
    except InputError as exc:
        return LineResult(index, None, exc.with_prefix(place).problems), ident
