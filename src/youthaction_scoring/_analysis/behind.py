"""Who is behind (进度滞后): a label, not a grade (R19, R23).

The rulebook names lagging communities but defines no bands. Every list of
who is behind — progress, the district roll-up, the report — flags, among the
*n* communities scored together and as of one month, those in the bottom
share (a quarter by default) by total, counted as R23 says: the ⌈*n* ×
*share*⌉ lowest totals (computed exactly, with fractions: 28 % of 25 is 7),
together with every community whose total equals the last of them. A
community that has lost no base point as of the month is never behind, and
when all *n* totals are equal nobody is. A user may set another share, or an
absolute total instead (flagged when below it; a community that has lost no
base point is never flagged either). Every list states the rule it used
(:meth:`BehindRule.describe`) and names each flagged community with its
shortfalls.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Final

import attrs

from .._domain.checks import check_type
from .._domain.codes import Lang
from .._domain.errors import Refusal
from .._domain.limits import MAX_COUNT
from .._domain.messages import Message, Text

DEFAULT_SHARE = Fraction(1, 4)
"""The bottom quarter (R19)."""


class BehindText(Text):
    """How a list says which rule flagged its communities."""

    SHARE = (
        "滞后：截至{0}总分位于后{1}的社区，与其中最低分并列者均计入；"
        "基本项未失分者不计，总分全部相同时无人滞后（R19、R23）",
        "behind: the bottom {1} by total as of {0}, ties included; never a community"
        " that has lost no base point, nobody when all totals are equal (R19, R23)",
    )
    BELOW = (
        "滞后：截至{0}总分低于{1}分的社区，基本项未失分者不计（R19、R23）",
        "behind: a total below {1} as of {0}; never a community that has lost no base"
        " point (R19, R23)",
    )


class BehindCheckText(Text):
    """Why a rule's numbers are refused."""

    SHARE = (
        "滞后比例必须大于0且不超过1，实为{0}",
        "the behind share must be above 0 and at most 1, got {0}",
    )
    BELOW = ("滞后分数线必须不小于0，实为{0}", "the behind total must be 0 or more, got {0}")
    NOT_A_SHARE = (
        "“{0}”不是比例，应写作 0.25 或 25% 这样的形式",
        "{0!r} is not a share such as 0.25 or 25%",
    )
    NOT_A_TOTAL = ("“{0}”不是不小于0的整数分数", "{0!r} is not a whole number of at least 0")
    BELOW_TOO_LARGE = (
        "滞后分数线不能超过 {1}，实为 {0}",
        "the behind total may be at most {1}, got {0}",
    )


def share_problem(value: Fraction) -> Message | None:
    """Say why *value* cannot be the share of communities flagged as behind, or ``None`` (R19)."""
    return None if 0 < value <= 1 else BehindCheckText.SHARE(str(value))


def parse_share(text: str) -> Fraction:
    """Read a share as people write it: ``0.25``, ``1/4`` or ``25%`` (R19).

    Args:
        text: What was given (an option, a query parameter).

    Returns:
        The share, above 0 and at most 1.

    Raises:
        Refusal: Not a number, or out of range; the message says which.
    """
    clean = text.strip()
    if _SHARE_TEXT.fullmatch(clean) is None:  # no exponents: 1e-99999999 would take minutes
        raise Refusal(BehindCheckText.NOT_A_SHARE(_shown(text)))
    try:
        share = Fraction(clean.removesuffix("%")) / (100 if clean.endswith("%") else 1)
    except ZeroDivisionError:
        raise Refusal(BehindCheckText.NOT_A_SHARE(_shown(text))) from None
    return _share(share)


_SHARE_TEXT: Final = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?%?|[0-9]{1,15}/[0-9]{1,15}")
"""A share as people write it (``0.25``, ``25%``, ``1/4``), with at most 15 digits a part."""


def _shown(text: str) -> str:
    """*text* as a message quotes it: at most 40 characters (a value may be megabytes)."""
    return text if len(text) <= 40 else f"{text[:37]}..."


def parse_total(text: str) -> int:
    """Read a behind total: a whole number of at least 0, digits only (R19).

    Raises:
        Refusal: Anything else.
    """
    clean = text.strip()
    if not clean.isascii() or not clean.isdigit():
        raise Refusal(BehindCheckText.NOT_A_TOTAL(_shown(text)))
    if len(clean.lstrip("0")) > len(str(MAX_COUNT)):  # before int(): 5,000 digits refuse
        raise Refusal(BehindCheckText.BELOW_TOO_LARGE(_shown(clean), f"{MAX_COUNT:,}"))
    return _total(int(clean))


def number_text(value: int) -> str:
    """*value* for a message: with thousands separators, or its size when too long to show."""
    if abs(value) <= 10**30:
        return f"{value:,}"
    digits = int(abs(value).bit_length() * 0.30103)  # str() refuses over 4,300 digits
    return f"{'-' if value < 0 else ''}10^{digits}+"


def _total(value: int) -> int:
    if value < 0:
        raise Refusal(BehindCheckText.BELOW(number_text(value)))
    if value > MAX_COUNT:
        raise Refusal(BehindCheckText.BELOW_TOO_LARGE(number_text(value), f"{MAX_COUNT:,}"))
    return value


def _share(value: Fraction) -> Fraction:
    problem = share_problem(value)
    if problem is not None:
        raise Refusal(problem)
    return value


@attrs.frozen
class BehindRule:
    """The rule that flags communities as behind (R19).

    Args:
        share: Flag the bottom *share* by total (ties at the boundary all
            flagged); a quarter by default. Ignored when *below* is set.
        below: Flag every community whose total is below this instead.

    Raises:
        ValueError: *share* is not above 0 and at most 1, or *below* is
            negative or above the largest count a document may hold.
    """

    share: Fraction = attrs.field(default=DEFAULT_SHARE, converter=Fraction)
    below: int | None = None

    def __attrs_post_init__(self) -> None:
        """Check the share and the total."""
        _share(self.share)
        if self.below is not None:
            check_type("BehindRule", "below", self.below, int)
            _total(self.below)

    def flag(self, totals: Sequence[int], lost: Sequence[bool]) -> tuple[bool, ...]:
        """Flag, among communities scored together, those behind (R19, R23).

        With a share: of the *n* totals, the ⌈*n* × share⌉ lowest (exactly,
        in fractions) and every total equal to the last of them; nobody when
        all totals are equal. With a total: every total below it. Under
        either rule a community that has lost no base point is never flagged.

        Args:
            totals: Their totals as of one month, in any order.
            lost: For each, in the same order, whether it has lost a base
                point as of the month (a deduction on a base item).

        Returns:
            One flag per total, in the same order.

        Raises:
            ValueError: *lost* is not as long as *totals*.
        """
        if len(lost) != len(totals):
            raise ValueError(f"flag: {len(totals)} totals but {len(lost)} lost flags")
        if self.below is not None:
            below = self.below
            return tuple(t < below and gone for t, gone in zip(totals, lost, strict=True))
        if not totals or min(totals) == max(totals):
            return (False,) * len(totals)  # R23: there is no one to lag behind
        count = math.ceil(self.share * len(totals))  # a Fraction: exact, never floating point
        last = sorted(totals)[count - 1]
        return tuple(t <= last and gone for t, gone in zip(totals, lost, strict=True))

    def describe(self, lang: Lang, as_of: str) -> str:
        """Say which rule was used, for the caption of a list.

        Args:
            lang: The language.
            as_of: The month the totals are as of (or the period's end).

        Returns:
            One sentence naming the share or the total, and R19.
        """
        if self.below is not None:
            return BehindText.BELOW.template(lang).format(as_of, self.below)
        percent = self.share * 100
        shown = f"{percent.numerator}%" if percent.denominator == 1 else f"{float(percent):.4g}%"
        return BehindText.SHARE.template(lang).format(as_of, shown)

    def to_dict(self) -> dict[str, object]:
        """The rule for a JSON document: ``{"share": 0.25}`` or ``{"below": 60}``."""
        if self.below is not None:
            return {"below": self.below}
        return {"share": float(self.share)}


def flag_behind(
    totals: Iterable[tuple[str, int, bool]], rule: BehindRule | None = None
) -> tuple[str, ...]:
    """Return the ids of the communities behind, in input order (R19, R23).

    Args:
        totals: ``(community id, total, lost)`` of the communities scored
            together, *lost* telling whether it has lost a base point (as
            :func:`~youthaction_scoring.has_shortfalls` tells of a scorecard): one that
            has not is never behind.
        rule: The rule; the bottom quarter by default.

    Returns:
        The ids flagged.
    """
    entries = list(totals)
    used = rule or BehindRule()
    check_type("flag_behind", "rule", used, BehindRule)
    flags = used.flag([t for _, t, _ in entries], [gone for _, _, gone in entries])
    return tuple(i for (i, _, _), flagged in zip(entries, flags, strict=True) if flagged)
