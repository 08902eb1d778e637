"""JSON text in and out: strict parsing with places, deterministic writing.

Parsing (:func:`parse_json`) refuses what plain ``json.loads`` lets through:
repeated keys in one object (the later one would silently win), ``NaN`` and
``Infinity``, and text that is not UTF-8; every problem names its place.

Writing is deterministic, with msgspec (:func:`dumps_compact`,
:func:`dumps_indented`): exactly what ``json.dumps(value,
ensure_ascii=False)`` writes, compact or indented by two spaces. Valid input
is decoded by msgspec too (:mod:`.typed`); this strict parser is the
referee for input with problems, which it places by line and column.
"""

from __future__ import annotations

import json
from typing import Any, Final

import attrs
import msgspec

from .._domain.errors import InputError, Problem, Refusal
from .reading_texts import ReadText, json_reason


class _Keyed(dict[str, Any]):
    """A parsed object that had repeated keys (only made when that happens)."""

    repeated: list[str]


def _find_repeats(value: object, place: str) -> list[Problem]:
    found: list[Problem] = []
    if isinstance(value, _Keyed):
        found.extend(
            Problem(f"{place}.{k}" if place else k, ReadText.KEY_TWICE()) for k in value.repeated
        )
    if isinstance(value, dict):
        for key, sub in value.items():
            found.extend(_find_repeats(sub, f"{place}.{key}" if place else key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found.extend(_find_repeats(sub, f"{place}[{index}]"))
    return found


def _refuse_constant(name: str) -> Any:
    raise Refusal(ReadText.CONSTANT(name))


@attrs.frozen
class LongNumber:
    """A whole number in JSON too long to be any count (its digits are not converted).

    Python refuses to convert more than 4,300 digits at once; such a number is
    kept as this marker, so that the field it is in is refused with its place
    ("must be a whole number, got a number of 5,000 digits").

    Args:
        digits: How many digits it has.
    """

    digits: int

    def __str__(self) -> str:
        """Describe the number: ``a number of 5,000 digits``."""
        return f"a number of {self.digits:,} digits"


def _parse_int(text: str) -> int | LongNumber:
    digits = len(text.lstrip("-"))
    return int(text) if digits <= 40 else LongNumber(digits)


def decode_text(data: bytes, place: str = "") -> str:
    """Decode UTF-8 input (a leading byte-order mark is allowed).

    Args:
        data: Raw bytes.
        place: Where they came from, for the error.

    Returns:
        The text.

    Raises:
        InputError: The bytes are not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(place, ReadText.NOT_UTF8(exc.start))]) from None


def parse_json(text: str | bytes, place: str = "") -> Any:
    """Parse JSON strictly.

    Args:
        text: The JSON text (bytes are decoded as UTF-8).
        place: Prefix for problem places, e.g. ``"line 7"``.

    Returns:
        The parsed value.

    Raises:
        InputError: Invalid JSON (with line and column), ``NaN``/``Infinity``,
            or an object with a repeated key (with its path).
    """
    if isinstance(text, bytes):
        text = decode_text(text, place)
    repeats = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeats
        out = dict(items)
        if len(out) != len(items):
            repeats = True
            keyed = _Keyed(out)
            seen: set[str] = set()
            keyed.repeated = [k for k, _ in items if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
            return keyed
        return out

    try:
        value = json.loads(
            text, object_pairs_hook=pairs, parse_constant=_refuse_constant, parse_int=_parse_int
        )
    except json.JSONDecodeError as exc:
        where = f"{place}, column {exc.colno}" if place else f"line {exc.lineno} column {exc.colno}"
        raise InputError([Problem(where, ReadText.INVALID_JSON(json_reason(exc.msg)))]) from None
    except Refusal as exc:
        raise InputError([Problem(place, ReadText.INVALID_JSON(exc.message))]) from None
    except ValueError as exc:
        raise InputError([Problem(place, ReadText.INVALID_JSON(json_reason(str(exc))))]) from None
    except RecursionError:
        raise InputError([Problem(place, ReadText.NESTED())]) from None
    if repeats:
        problems = _find_repeats(value, "")
        if place:
            problems = [Problem(f"{place}: {p.place}", p.message) for p in problems]
        raise InputError(problems)
    return value


_ENCODER: Final = msgspec.json.Encoder()


def dumps_compact(value: Any) -> bytes:
    """Write a JSON-ready value as compact UTF-8 JSON, without a newline.

    Args:
        value: Dicts, lists, text, whole numbers, booleans and ``None``.

    Returns:
        What ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` writes.
    """
    return _ENCODER.encode(value)


def dumps_indented(value: Any) -> bytes:
    """Write a JSON-ready value indented by two spaces, with a final newline.

    Args:
        value: Dicts, lists, text, whole numbers, booleans and ``None``.

    Returns:
        What ``json.dumps(value, ensure_ascii=False, indent=2)`` writes, and a newline.
    """
    return msgspec.json.format(_ENCODER.encode(value), indent=2) + b"\n"


def dumps_json(value: Any) -> str:
    """Serialise a JSON-ready value deterministically (indented, UTF-8 text).

    Args:
        value: Dicts, lists, text, whole numbers, booleans and ``None``.

    Returns:
        The JSON text with a trailing newline.
    """
    return dumps_indented(value).decode("utf-8")
