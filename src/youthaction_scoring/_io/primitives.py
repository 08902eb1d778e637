"""The strict readers of single JSON values, shared by every reader of the format.

The cattrs converter registers these as its hooks and the register reader
calls them for cells, so a value is accepted, refused and described alike
wherever it comes from (the fast JSON reader, :mod:`.typed`, accepts only
what the model's validators accept, and leaves the rest to the converter). Each raises
:class:`Refusal` with the message a user sees.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
from collections.abc import Callable
from typing import Any, Final

from .._domain.calendar import Month
from .._domain.checks import count_problem, describe, id_problem, text_problem
from .._domain.codes import CodedEnum, RecognitionKind
from .._domain.errors import Refusal
from .._domain.limits import MAX_COUNT, SHORT_TEXT, year_problem
from .._domain.model import RECOGNITION_CLASSES, Recognition
from .reading_texts import ReadText

_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAYS: dict[str, dt.date] = {}
"""Dates already parsed, by their text (a batch repeats a few hundred dates)."""
_DAYS_MAX: Final = 20_000


def read_text(value: object) -> str:
    """Read required text: not blank, within the limits (:func:`text_problem`)."""
    usual = type(value) is str and value.isprintable() and 0 < len(value) <= SHORT_TEXT
    if usual and not value.isspace():  # type: ignore[attr-defined]
        return typing.cast(str, value)  # the common case, without building a message
    problem = text_problem(value)
    if problem:
        raise Refusal(problem)
    return typing.cast(str, value)


def read_id(value: object) -> str:
    """Read an id: required text without whitespace, control or format characters (R17)."""
    problem = id_problem(value)
    if problem:
        raise Refusal(problem)
    return typing.cast(str, value)


def read_count(value: object) -> int:
    """Read a count: a whole number (not a boolean), from 0 to 999,999,999,999,999."""
    if type(value) is int and 0 <= value <= MAX_COUNT:
        return value
    problem = count_problem(value)
    if problem:
        raise Refusal(problem)
    return typing.cast(int, value)


def read_bool(value: object) -> bool:
    """Read ``true`` or ``false`` (nothing else: no ``"yes"``, no ``1``)."""
    if type(value) is not bool:
        raise Refusal(ReadText.BOOL(describe(value)))
    return value


def parse_date(value: object) -> dt.date:
    """Parse a strict ISO ``YYYY-MM-DD`` date.

    Args:
        value: The candidate.

    Returns:
        The date.

    Raises:
        Refusal: *value* is not text of that form, not a real date, or
            outside the format's years (``limits.FIRST_YEAR`` … ``LAST_YEAR``).
    """
    if type(value) is str:
        day = _DAYS.get(value)
        if day is not None:
            return day
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise Refusal(ReadText.DATE(describe(value)))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise Refusal(ReadText.NO_SUCH_DATE(value)) from None
    problem = year_problem(day.year, repr(value))
    if problem:
        raise Refusal(problem)
    if len(_DAYS) < _DAYS_MAX:
        _DAYS[value] = day
    return day


def read_month(value: object) -> Month:
    """Read a ``YYYY-MM`` month."""
    return Month.parse(typing.cast(str, value))


@functools.cache
def code_reader(cls: type[CodedEnum]) -> Callable[[object], CodedEnum]:
    """Return the reader of one coded enum's codes (one per enum, kept)."""
    members = cls._value2member_map_

    def read(value: object) -> CodedEnum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return typing.cast(CodedEnum, member)
        if not isinstance(value, str):
            raise Refusal(ReadText.CODE(cls.codes_text(), describe(value)))
        raise Refusal(ReadText.UNKNOWN_CODE(value, cls.codes_text()))

    return read


PRIMITIVES: Final[dict[type, Callable[[object], Any]]] = {
    str: read_text,
    int: read_count,
    bool: read_bool,
    dt.date: parse_date,
    Month: read_month,
}
"""The reader of each primitive type of the model (text is always required text)."""


def recognition_class(value: object) -> tuple[type[Recognition], dict[str, Any]]:
    """Say which kind of recognition an object is, by its ``kind``.

    Args:
        value: A parsed JSON value.

    Returns:
        The class of its kind, and its other keys.

    Raises:
        Refusal: Not an object, or no known ``kind`` (placed at ``kind``).
    """
    if not isinstance(value, dict):
        raise Refusal(ReadText.OBJECT(describe(value)))
    if "kind" not in value:
        raise Refusal(ReadText.MISSING(), "kind")
    raw_kind = value["kind"]
    if not isinstance(raw_kind, str) or raw_kind not in RecognitionKind._value2member_map_:
        raise Refusal(
            ReadText.UNKNOWN_CODE(raw_kind, RecognitionKind.codes_text())
            if isinstance(raw_kind, str)
            else ReadText.CODE(RecognitionKind.codes_text(), describe(raw_kind)),
            "kind",
        )
    cls = RECOGNITION_CLASSES[RecognitionKind.from_code(raw_kind)]
    return cls, {k: v for k, v in value.items() if k != "kind"}
