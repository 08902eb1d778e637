"""Months and the assessment period (R1, R2)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, Final

import attrs

from .checks import all_of, between, describe, is_
from .errors import Refusal
from .limits import FIRST_YEAR, LAST_YEAR, MAX_PERIOD_MONTHS, year_problem
from .messages import Message, Text


class CalendarText(Text):
    """The texts of months and periods."""

    MONTH = (
        "必须是“年-月”格式（YYYY-MM）的月份，实为{0}",
        "must be a month written YYYY-MM, got {0}",
    )
    NO_SUCH_MONTH = ("“{0}”不是一个真实的月份", "{0!r} is not a real month")
    START_AFTER_END = ("起始月{0}晚于结束月{1}", "start {0} is after end {1}")
    TOO_LONG = (
        "考核期长{0}个月；最多允许{1}个月",
        "the period is {0} months long; at most {1} are allowed",
    )
    AS_OF_BEFORE = (
        "截至月份{0}早于考核期的第一个月{1}",
        "as-of month {0} is before the period's first month {1}",
    )


_MONTH_RE: Final = re.compile(r"([0-9]{4})-([0-9]{2})")


@attrs.frozen(order=True, cache_hash=True)
class Month:
    """A calendar month, e.g. ``Month(2021, 11)``; prints as ``2021-11``.

    Args:
        year: ``limits.FIRST_YEAR`` … ``LAST_YEAR`` (the format's years).
        month: 1 … 12.
    """

    year: int = attrs.field(validator=between(FIRST_YEAR, LAST_YEAR))
    month: int = attrs.field(validator=between(1, 12))

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse a ``YYYY-MM`` month.

        Args:
            text: Exactly four digits, a hyphen and two digits.

        Returns:
            The month.

        Raises:
            InputError: *text* is not a ``YYYY-MM`` month that exists (a
                ``ValueError`` whose message is in Chinese and English).
        """
        match = _MONTH_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise Refusal(CalendarText.MONTH(describe(text)))
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12 or year == 0:
            raise Refusal(CalendarText.NO_SUCH_MONTH(text))
        problem = year_problem(year, repr(text))
        if problem:
            raise Refusal(problem)
        return cls(year, month)

    @classmethod
    def of(cls, day: dt.date) -> Month:
        """Return the month *day* falls in.

        Args:
            day: A date.

        Returns:
            Its calendar month.
        """
        return cls(day.year, day.month)

    @classmethod
    def from_index(cls, index: int) -> Month:
        """Return the month with the given :attr:`index`.

        Args:
            index: ``year * 12 + month - 1``.

        Returns:
            The month.
        """
        return cls(index // 12, index % 12 + 1)

    @property
    def index(self) -> int:
        """A running month number (``year * 12 + month - 1``) for arithmetic."""
        return self.year * 12 + self.month - 1

    def __str__(self) -> str:
        """Return the month as ``YYYY-MM``."""
        return f"{self.year:04d}-{self.month:02d}"


def month_index(day: dt.date) -> int:
    """Return :attr:`Month.index` of the month *day* falls in.

    Args:
        day: A date.

    Returns:
        ``year * 12 + month - 1``.
    """
    return day.year * 12 + day.month - 1


def period_problem(start: Month, end: Month) -> Message | None:
    """Say what is wrong with a period from *start* to *end*, or return ``None``.

    Args:
        start: Its first month.
        end: Its last month.

    Returns:
        ``None`` when *start* is not after *end* (R1) and the period is at most
        120 months long (the format's limits), else a message.
    """
    if start > end:
        return CalendarText.START_AFTER_END(str(start), str(end), rule="R1")
    months = end.index - start.index + 1
    if months > MAX_PERIOD_MONTHS:
        return CalendarText.TOO_LONG(f"{months:,}", MAX_PERIOD_MONTHS)
    return None


def _period_order(inst: Period, _attribute: attrs.Attribute[Any], end: Month) -> None:
    problem = period_problem(inst.start, end)
    if problem:
        raise Refusal(problem, "period")


@attrs.frozen
class Period:
    """The assessment period: a first and a last calendar month, inclusive (R1).

    Args:
        start: The first month.
        end: The last month; not before *start*.
    """

    start: Month = attrs.field(validator=is_(Month))
    end: Month = attrs.field(validator=all_of(is_(Month), _period_order))

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse ``YYYY-MM:YYYY-MM`` (or a single ``YYYY-MM`` month).

        Args:
            text: E.g. ``"2021-11:2022-04"``.

        Returns:
            The period.

        Raises:
            ValueError: A month is malformed or the start is after the end.
        """
        first, sep, last = text.partition(":")
        return cls(Month.parse(first), Month.parse(last if sep else first))

    @property
    def months(self) -> tuple[Month, ...]:
        """Every month of the period, in order."""
        return tuple(Month.from_index(i) for i in range(self.start.index, self.end.index + 1))

    def __len__(self) -> int:
        """Return the number of months in the period."""
        return self.end.index - self.start.index + 1

    def __iter__(self) -> Iterator[Month]:
        """Iterate over the months of the period."""
        return iter(self.months)

    def __contains__(self, item: object) -> bool:
        """Tell whether a date or a month lies in the period."""
        if isinstance(item, dt.date):
            return self.start.index <= month_index(item) <= self.end.index
        if isinstance(item, Month):
            return self.start <= item <= self.end
        return False

    def as_of(self, month: Month | None) -> Period:
        """Truncate the period for scoring as of *month* (R2).

        Args:
            month: The as-of month, or ``None`` for the whole period.

        Returns:
            ``[start, min(month, end)]``, or the period itself for ``None``.

        Raises:
            InputError: *month* is before the first month of the period (a
                ``ValueError``).
        """
        if month is None:
            return self
        if month < self.start:
            raise Refusal(CalendarText.AS_OF_BEFORE(str(month), str(self.start), rule="R2"))
        return self if month >= self.end else Period(self.start, month)

    def __str__(self) -> str:
        """Return the period as ``YYYY-MM:YYYY-MM``."""
        return f"{self.start}:{self.end}"
