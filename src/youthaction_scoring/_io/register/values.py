"""Cell values, one column kind at a time (:data:`~.layout.ColumnKind`).

Each reader turns what the register reader gives for a cell into a model value, as
strictly as the JSON readers (it uses the same checks: :mod:`..primitives`,
:mod:`..._domain.checks`), or raises :class:`Refusal` with the message staff see,
which names the forms accepted. Two things a person types into a spreadsheet
and sees as a number or a date are read, and :class:`Noted` so that the reader
tells them: a count typed as text (``3 ``, full-width ``３``) and a date typed
as text in another form than ``YYYY-MM-DD`` (``2021/12/18``, ``2021.12.18``,
``2021年12月18日``, full-width ``２０２２-０１-０８``). JSON stays strict.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from ..._domain.calendar import CalendarText, Month
from ..._domain.checks import CheckText, count_problem, describe, text_problem
from ..._domain.codes import CodedEnum
from ..._domain.errors import Refusal
from ..._domain.limits import FIRST_YEAR, LAST_YEAR, year_problem
from ..primitives import parse_date
from ..reading_texts import ReadText
from .layout import BOOL_FALSE, BOOL_TRUE, Column
from .register_texts import RegisterText


def letter(index: int) -> str:
    """The column letter of a 1-based column number (``1`` → ``A``, ``28`` → ``AB``)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_blank(value: Any) -> bool:
    """Tell whether a cell counts as empty (nothing, or only white space)."""
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------
# Cell values, one kind at a time (ColumnKind in _layout).
# --------------------------------------------------------------------------


def _text(value: Any) -> str:
    problem = text_problem(value)
    if problem:
        raise Refusal(RegisterText.AS_TEXT(problem) if isinstance(value, int | float) else problem)
    return str(value)


@attrs.frozen
class Noted:
    """A cell read in a form the interchange format would refuse, and so noted.

    A count or a date typed as text (:data:`HALF_WIDTH`, :func:`_count`, :func:`_date`).

    Args:
        value: What it reads as.
        text: The cell's text.
    """

    value: Any
    text: str


HALF_WIDTH: Final = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
"""Full-width digits and date separators, as a Chinese input method types them, made half width."""

_WHOLE: Final = re.compile(r"[+-]?[0-9]+")
_DAY: Final = re.compile(
    r"([0-9]{4})(?:([-/.])([0-9]{1,2})\2([0-9]{1,2})|年([0-9]{1,2})月([0-9]{1,2})日)"
)


def _count(value: Any) -> int | Noted:
    if value is None:
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        shown = value.strip().translate(HALF_WIDTH)
        if not _WHOLE.fullmatch(shown):
            raise Refusal(RegisterText.COUNT(describe(value)))
        problem = count_problem(int(shown))
        if problem:
            raise Refusal(problem)
        return Noted(int(shown), value)
    problem = count_problem(value)
    if problem:
        raise Refusal(problem)
    return int(value)


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        shown = value.strip()
        if shown in BOOL_TRUE or shown.upper() == "TRUE":
            return True
        if shown in BOOL_FALSE or shown.upper() == "FALSE":
            return False
    raise Refusal(RegisterText.BOOL(describe(value)))


def _date(value: Any) -> dt.date | Noted:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise Refusal(RegisterText.TIME_OF_DAY(value.isoformat(" ")))
        value = value.date()
    if isinstance(value, dt.date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:  # the message only when needed
            problem = year_problem(value.year, value.isoformat())
            assert problem is not None
            raise Refusal(problem)
        return value
    if isinstance(value, str):
        return _text_date(value)
    raise Refusal(RegisterText.DATE(describe(value)))


def _text_date(value: str) -> dt.date | Noted:
    """A date typed as text: ISO ``YYYY-MM-DD`` as the format says, or noted in another form.

    The other forms are ``YYYY-M-D``, ``YYYY/M/D``, ``YYYY.M.D`` and ``YYYY年M月D日``, in half
    or full width (:data:`HALF_WIDTH`); white space around the text is ignored.
    """
    shown = value.strip()
    with contextlib.suppress(Refusal):
        return parse_date(shown)  # the interchange format's form: nothing to note
    found = _DAY.fullmatch(shown.translate(HALF_WIDTH))
    if found is None:
        raise Refusal(RegisterText.DATE(describe(value)))
    if found[2]:
        year, month, day = int(found[1]), int(found[3]), int(found[4])
    else:
        year, month, day = int(found[1]), int(found[5]), int(found[6])
    problem = year_problem(year, repr(shown))
    if problem:
        raise Refusal(problem)
    try:
        return Noted(dt.date(year, month, day), value)
    except ValueError:
        raise Refusal(ReadText.NO_SUCH_DATE(shown)) from None


def _month(value: Any) -> Month:
    if isinstance(value, dt.datetime) and value.day == 1 and value.time() == dt.time():
        problem = year_problem(value.year, value.date().isoformat())
        if problem:
            raise Refusal(problem)
        return Month.of(value)
    if isinstance(value, str):
        return Month.parse(value.strip())
    raise Refusal(CalendarText.MONTH(describe(value)))


_CODED: Final[dict[tuple[type[CodedEnum], str], CodedEnum]] = {}
"""Members found by their code or label, by text (a register repeats a few dozen texts)."""


def _coded(value: Any, enum: type[CodedEnum]) -> CodedEnum:
    if isinstance(value, str):
        text = value.strip()
        found = _CODED.get((enum, text))
        if found is not None:
            return found
        try:
            found = enum.from_code_or_label(text)
        except ValueError:
            raise Refusal(RegisterText.UNKNOWN_VALUE(text, _choices(enum))) from None
        if len(_CODED) < 1024:  # only codes and labels get here: a few dozen
            _CODED[enum, text] = found
        return found
    raise Refusal(RegisterText.CHOICE(_choices(enum), describe(value)))


def _choices(enum: type[CodedEnum]) -> str:
    return ", ".join(f"{m.label} ({m.code})" for m in enum)


def key(value: Any) -> str:
    """Read a summary number (a whole number or text)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is int:
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise Refusal(RegisterText.SUMMARY_NUMBER(describe(value)))


def _free(value: Any) -> str:
    if not isinstance(value, str):
        raise Refusal(CheckText.TEXT(describe(value)))
    problem = text_problem(value)  # blank (an escaped space), or beyond the limits
    if problem:
        raise Refusal(problem)
    return value


_BY_KIND: Final[dict[str, Callable[[Any], Any]]] = {
    "count": _count,
    "bool": _bool,
    "date": _date,
    "month": _month,
    "key": key,
    "free": _free,
    "text": _text,
    "link": _text,
}


def converter(column: Column) -> Callable[[Any], Any]:
    """The function that reads a cell's value as its column's kind says (or raises Refusal)."""
    enum = column.enum
    if column.kind == "coded":
        assert enum is not None
        return lambda value: _coded(value, enum)
    return _BY_KIND[column.kind]


def convert(column: Column, value: Any) -> Any:
    """Read a cell's value as its column's kind says."""
    return converter(column)(value)
