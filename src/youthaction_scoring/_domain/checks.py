"""Checks shared by the model's constructors and every reader (one wording for all).

Each ``*_problem`` function says what is wrong with a candidate value, or
returns ``None``; the attrs validators below raise with the same words. The
converter, the fast reader and the register reader call the same functions,
so a value is refused alike, and described alike, wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import reprlib
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from .codes import CodedEnum
from .errors import Refusal
from .limits import (
    MAX_COUNT,
    SHORT_TEXT,
    identifier_problem,
    text_content_problem,
    year_problem,
)
from .messages import Message
from .messages import Text as _Catalogue


class CheckText(_Catalogue):
    """The texts of the checks every reader shares (values as a user wrote them)."""

    TEXT = ("必须是文本，实为{0}", "must be text, got {0}")
    BLANK = ("不能为空白", "must not be blank")
    WHOLE_NUMBER = ("必须是整数，实为{0}", "must be a whole number, got {0}")
    NEGATIVE = ("不能小于0，实为{0}", "must be >= 0, got {0}")
    TOO_LARGE = (
        "不能大于{0}（电子表格能精确保存的最大整数），实为{1}",
        "must be at most {0} (what a spreadsheet holds exactly), got {1}",
    )
    DATE = ("必须是日期，实为{0}", "must be a date, got {0}")
    REPEATED = ("{0}重复出现", "{0} is repeated")
    TUPLE = ("必须是元组，实为{0}", "must be a tuple, got {0}")
    BETWEEN = (
        "必须是{0}到{1}之间的整数，实为{2}",
        "must be a whole number from {0} to {1}, got {2}",
    )


class ValueText(_Catalogue):
    """How a value is described in a message: its JSON type and, when short, itself."""

    NULL = ("空值 null", "null")
    TRUE = ("布尔值 true", "true")
    FALSE = ("布尔值 false", "false")
    NUMBER = ("数字 {0}", "number {0}")
    DIGITS = ("{0}位数字", "a number of {0} digits")
    TEXT = ("文本 {0}", "text {0}")
    LIST = ("列表", "a list")
    OBJECT = ("对象", "an object")
    OTHER = ("{0}类型的值", "{0}")


def text_problem(value: object) -> Message | None:
    """Say what is wrong with a required text value, or return ``None``.

    Args:
        value: The candidate value.

    Returns:
        ``None`` when *value* is a string with at least one non-whitespace
        character, within the limits (at most 32,767 characters, no control
        character but tab, line feed and carriage return, no lone surrogate),
        else a message.
    """
    if not isinstance(value, str):
        return CheckText.TEXT(describe(value))
    if not value.strip():
        return CheckText.BLANK()
    return text_content_problem(value)


def id_problem(value: object) -> Message | None:
    """Say what is wrong with an id, or return ``None``.

    Args:
        value: The candidate value.

    Returns:
        ``None`` for required text without whitespace, control or format
        characters (R17), else a message.
    """
    return text_problem(value) or identifier_problem(typing.cast(str, value))


def count_problem(value: object) -> Message | None:
    """Say what is wrong with a count (a whole number >= 0), or return ``None``.

    Args:
        value: The candidate value.

    Returns:
        ``None`` for an ``int`` (not a ``bool``) from 0 to
        999,999,999,999,999 (what a spreadsheet holds exactly), else a message.
    """
    if type(value) is not int:
        return CheckText.WHOLE_NUMBER(describe(value))
    if value < 0:
        return CheckText.NEGATIVE(value if value > -(10**40) else describe(value))
    if value > MAX_COUNT:
        return CheckText.TOO_LARGE(f"{MAX_COUNT:,}", describe(value))
    return None


def day_problem(value: object) -> Message | None:
    """Say what is wrong with a calendar date, or return ``None``.

    Args:
        value: The candidate value.

    Returns:
        ``None`` for a ``date`` (not a ``datetime``: a time of day would be
        silently dropped) in the years 1900-2199, else a message.
    """
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        return CheckText.DATE(shown(value))
    return year_problem(value.year, value.isoformat())


def repeat_problem(values: Iterable[object]) -> Message | None:
    """Say which values repeat in *values*, or return ``None``.

    Args:
        values: Codes that must not repeat.

    Returns:
        ``None`` when every value is distinct, else a message naming the first
        repeated one.
    """
    seen: set[object] = set()
    for value in values:
        if value in seen:
            shown = value.code if isinstance(value, CodedEnum) else value
            return CheckText.REPEATED(repr(shown))
        seen.add(value)
    return None


def describe(value: object) -> Message:
    """Describe a JSON-ish value for an error message, e.g. ``text '3'`` (``文本 '3'``).

    Args:
        value: Any value.

    Returns:
        A short description naming its JSON type and, when short, its value
        (its ``repr``, so that invisible characters show).
    """
    if value is None:
        return ValueText.NULL()
    if type(value).__name__ == "LongNumber":  # a number too long to convert (the JSON reader's)
        return ValueText.DIGITS(f"{value.digits:,}")  # type: ignore[attr-defined]
    if isinstance(value, bool):
        return ValueText.TRUE() if value else ValueText.FALSE()
    if isinstance(value, int) and value.bit_length() > 64:
        size = value.bit_length()
        digits = len(str(abs(value))) if size < 4000 else int(size * 0.30103)
        return ValueText.DIGITS(f"{digits:,}")  # repr() refuses ints of over 4,300 digits
    if isinstance(value, int | float):
        return ValueText.NUMBER(repr(value))
    if isinstance(value, str):
        return ValueText.TEXT(repr(value if len(value) <= 40 else value[:37] + "..."))
    if isinstance(value, list | tuple):
        return ValueText.LIST()
    if isinstance(value, dict):
        return ValueText.OBJECT()
    return ValueText.OTHER(type(value).__name__)


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
"""An attrs validator: ``(instance, attribute, value)``, raising when *value* is refused."""

# --------------------------------------------------------------------------
# The model's validators: values, so that readers can see which checks a field
# has, with the wording of the functions above. The fast JSON reader runs them
# as msgspec builds the model; the converter reads ids with their own check.
# --------------------------------------------------------------------------


@attrs.frozen
class Text:
    """Required text (:func:`text_problem`)."""

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is required text."""
        usual = type(value) is str and value.isprintable() and 0 < len(value) <= SHORT_TEXT
        if usual and not value.isspace():  # type: ignore[attr-defined]
            return  # the common case; anything unusual gets the full check
        problem = text_problem(value)
        if problem:
            raise Refusal(problem, attribute.name)


@attrs.frozen
class Identifier:
    """An id: text without whitespace, control or format characters (:func:`id_problem`)."""

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is an id."""
        plain = type(value) is str and value.isascii() and value.isprintable()
        if plain and " " not in value and 0 < len(value) <= SHORT_TEXT:  # type: ignore[operator, arg-type]
            return
        problem = id_problem(value)
        if problem:
            raise Refusal(problem, attribute.name)


@attrs.frozen
class Day:
    """A calendar date in the years 1900-2199, not a ``datetime`` (:func:`day_problem`)."""

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is such a date."""
        problem = day_problem(value)
        if problem:
            if problem.key is CheckText.DATE:
                raise TypeError(f"{attribute.name}: {problem.en}")
            raise Refusal(problem, attribute.name)


@attrs.frozen
class Count:
    """A whole number >= 0 (:func:`count_problem`)."""

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is a count (0 to :data:`MAX_COUNT`)."""
        if type(value) is int and 0 <= value <= MAX_COUNT:
            return
        problem = count_problem(value)
        if problem:
            raise Refusal(problem, attribute.name)


@attrs.frozen
class NoRepeats:
    """A tuple in which no value repeats (:func:`repeat_problem`)."""

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is a tuple without repeats."""
        if not isinstance(value, tuple):
            raise TypeError(f"{attribute.name}: must be a tuple, got {describe(value).en}")
        problem = repeat_problem(value)
        if problem:
            raise Refusal(problem, attribute.name)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


@attrs.frozen
class IsInstance:
    """A value of *kind*; a ``datetime`` is refused where a ``date`` is wanted.

    The model's dates are calendar days: a time of day would be silently
    ignored, so it is refused.
    """

    kind: type | tuple[type, ...]

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is of :attr:`kind`."""
        if type(value) is self.kind:
            return  # the common case (a subclass gets the full check)
        if isinstance(value, self.kind) and not (
            self.kind is dt.date and isinstance(value, dt.datetime)
        ):
            return
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        wanted = " or ".join(_a(k.__name__) for k in kinds)
        raise TypeError(f"{attribute.name}: must be {wanted}, got {shown(value)}")


@attrs.frozen
class TupleOf:
    """A tuple whose items are all of *kind*."""

    kind: type | tuple[type, ...]

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is a tuple of :attr:`kind`."""
        if type(value) is not tuple:
            raise TypeError(f"{attribute.name}: must be a tuple, got {shown(value)}")
        for item in value:
            if not isinstance(item, self.kind):
                name = _kind_name(self.kind)
                raise TypeError(f"{attribute.name}: items must be {name}, got {shown(item)}")


@attrs.frozen
class Optional:
    """``None``, or a value that *inner* accepts."""

    inner: Validator

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is ``None`` or :attr:`inner` accepts it."""
        if value is not None:
            self.inner(inst, attribute, value)


@attrs.frozen
class Between:
    """A whole number from *low* to *high*."""

    low: int
    high: int

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless it is a whole number in range."""
        if type(value) is int and self.low <= value <= self.high:
            return
        raise Refusal(CheckText.BETWEEN(self.low, self.high, shown(value)), attribute.name)


@attrs.frozen
class AllOf:
    """Every one of *checks*, in order."""

    checks: tuple[Validator, ...]

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse *value* unless every check accepts it."""
        for check in self.checks:
            check(inst, attribute, value)


text: Final = Text()
identifier: Final = Identifier()
day: Final = Day()
count: Final = Count()
no_repeats: Final = NoRepeats()


def is_(kind: type | tuple[type, ...]) -> IsInstance:
    """Return the validator of a value of *kind*."""
    return IsInstance(kind)


def tuple_of(kind: type | tuple[type, ...]) -> TupleOf:
    """Return the validator of a tuple of values of *kind*."""
    return TupleOf(kind)


def optional(validator: Validator) -> Optional:
    """Return the validator of ``None`` or a value that *validator* accepts."""
    return Optional(validator)


def between(low: int, high: int) -> Between:
    """Return the validator of a whole number from *low* to *high*."""
    return Between(low, high)


def all_of(*checks: Validator) -> AllOf:
    """Return the validator requiring every one of *checks*."""
    return AllOf(checks)


def check_type(
    function: str,
    argument: str,
    value: object,
    expected: type | tuple[type, ...],
    *,
    optional: bool = False,
) -> None:
    """Refuse an argument of the wrong type at a public function's door.

    A caller that passes ``None``, a dict or a text where the library wants
    one of its own values gets a :class:`TypeError` naming the function, the
    argument and what was expected, not an error from deep inside a rule.
    A ``datetime`` is refused where a ``date`` is wanted.

    Args:
        function: The public function's name, e.g. ``"score"``.
        argument: The argument's name, e.g. ``"as_of"``.
        value: What was passed.
        expected: The class wanted, or several.
        optional: Whether ``None`` is allowed.

    Raises:
        TypeError: *value* is not an instance of *expected*.
    """
    if optional and value is None:
        return
    if isinstance(value, expected) and not (expected is dt.date and isinstance(value, dt.datetime)):
        return
    kinds = expected if isinstance(expected, tuple) else (expected,)
    wanted = " or ".join(_a(k.__name__) for k in kinds) + (" or None" if optional else "")
    hint = ""
    if isinstance(value, str) and len(kinds) == 1 and hasattr(kinds[0], "parse"):
        hint = f" (use {kinds[0].__name__}.parse({value!r}))"
    raise TypeError(f"{function}(): {argument} must be {wanted}, got {shown(value)}{hint}")


def _a(name: str) -> str:
    """*name* with its indefinite article: ``a Month``, ``an Assessment``."""
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


def check_lang(function: str, lang: object) -> None:
    """Refuse a display language other than ``"zh"`` or ``"en"``.

    Raises:
        ValueError: *lang* is neither.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"{function}(): lang must be 'zh' or 'en', got {shown(lang)}")


def shown(value: object) -> str:
    """Show a Python value briefly for an error message: its type and a short repr."""
    if value is None:
        return "None"
    return f"{type(value).__name__} {reprlib.repr(value)}"


def validators_of(field: attrs.Attribute[Any]) -> list[object]:
    """A field's validators, one by one (:class:`AllOf` unpacked).

    Args:
        field: An attrs field of the model.

    Returns:
        Its validators, in order; empty when it has none.
    """
    found: list[object] = []
    pending: list[object] = [field.validator] if field.validator is not None else []
    while pending:
        validator = pending.pop(0)
        if isinstance(validator, AllOf):
            pending[:0] = list(validator.checks)
        else:
            found.append(validator)
    return found
