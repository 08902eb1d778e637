"""The limits of the interchange format (docs/format.md, "Limits"), in one place.

So that every file converts losslessly between JSON, JSON Lines and a
spreadsheet, and no file can make the tool hang or exhaust memory, no input
may exceed these. The checks of :mod:`.checks` (and through them the model,
the converter, the fast reader and the register reader) apply them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from .messages import Message, Text


class LimitText(Text):
    """The texts of the limits."""

    TOO_LONG = (
        "长度为{0}个字符；一个电子表格单元格最多容纳{1}个",
        "is {0} characters long; at most {1} fit (a spreadsheet cell)",
    )
    TOO_LONG_STORED = (
        "按电子表格单元格的存储方式占{0}个字符（回车和 _xHHHH_ 各占7个）；最多容纳{1}个",
        "takes {0} characters as a spreadsheet cell stores it (carriage returns"
        " and _xHHHH_ take 7); at most {1} fit",
    )
    SURROGATE = (
        "含有孤立代理字符 {0}（第{1}个字符）",
        "contains a lone surrogate {0} at position {1}",
    )
    CONTROL = (
        "含有控制字符 {0}（第{1}个字符）",
        "contains the control character {0} at position {1}",
    )
    INVISIBLE = (
        "不能含有空白、控制或格式字符（第{1}个字符是 {0}）",
        "must not contain whitespace, control or format characters (found {0} at position {1})",
    )
    YEAR = ("{0}不在{1}—{2}年之间", "{0} is outside the years {1}-{2}")


MAX_TEXT: Final = 32_767
"""The longest text: a spreadsheet cell's limit."""
SHORT_TEXT: Final = MAX_TEXT // 7
"""A printable text no longer than this always fits a cell, however it is escaped
(checks let it pass at once; longer text gets the full check)."""
MAX_COUNT: Final = 999_999_999_999_999
"""The largest count: 15 digits, what a spreadsheet holds exactly."""
FIRST_YEAR: Final = 1900
"""The first year a month or a date may fall in."""
LAST_YEAR: Final = 2199
"""The last year a month or a date may fall in."""
MAX_PERIOD_MONTHS: Final = 120
"""The longest assessment period, in months (ten years)."""
MAX_UNPACKED_BYTES: Final = 256 * 1024 * 1024
"""The most a register workbook may unpack to (256 MiB)."""
MAX_ROWS: Final = 1_048_576
"""The most rows a spreadsheet holds."""
MAX_COLUMNS: Final = 16_384
"""The most columns a spreadsheet holds."""
MAX_INPUT_BYTES: Final = MAX_UNPACKED_BYTES
"""The largest input read: a file or standard input (256 MiB), checked before it is read."""
MAX_PROBLEMS: Final = 1_000
"""The most problems kept and shown for one input; the rest are counted (as compilers do)."""
MAX_OUTPUT_BYTES: Final = 1024 * 1024 * 1024
"""The most one command run writes, and one service answer holds (1 GiB), unless raised."""

_REFUSED: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters other than tab, line feed and carriage return, and lone surrogates."""

CELL_ESCAPED: Final = re.compile(
    r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
)
"""What a spreadsheet cell stores as an ``_xHHHH_`` escape (ECMA-376 ST_Xstring):
characters a cell cannot hold, and the ``_`` that starts a literal ``_xHHHH_``.
Each takes 7 characters instead of 1 in the cell."""


def stored_length(text: str) -> int:
    """The length of *text* as a spreadsheet cell stores it (escapes counted in full)."""
    return len(text) + 6 * len(CELL_ESCAPED.findall(text))


def _character(text: str, index: int) -> tuple[str, str]:
    return f"U+{ord(text[index]):04X}", str(index + 1)


def text_content_problem(text: str) -> Message | None:
    """Say what in a text exceeds the limits, or return ``None``.

    Args:
        text: A name, title, outlet or description.

    Returns:
        ``None`` when it fits a spreadsheet cell (at most :data:`MAX_TEXT`
        characters as the cell stores them) and holds no refused character,
        else a message.
    """
    if len(text) > MAX_TEXT:
        return LimitText.TOO_LONG(f"{len(text):,}", f"{MAX_TEXT:,}")
    if "\r" in text or "_x" in text or "\ufffe" in text or "\uffff" in text:
        stored = stored_length(text)
        if stored > MAX_TEXT:
            return LimitText.TOO_LONG_STORED(f"{stored:,}", f"{MAX_TEXT:,}")
    found = _REFUSED.search(text)
    if found is None:
        return None
    index = found.start()
    if "\ud800" <= text[index] <= "\udfff":
        return LimitText.SURROGATE(*_character(text, index))
    return LimitText.CONTROL(*_character(text, index))


def identifier_problem(text: str) -> Message | None:
    """Say why a text cannot be an id, or return ``None`` (R17).

    An id holds no whitespace, control or format character: two ids that look
    the same must be the same.

    Args:
        text: A candidate id (already known to be text within the limits).

    Returns:
        ``None`` or a message naming the first such character.
    """
    if text.isascii() and text.isprintable() and " " not in text:
        return None
    for index, character in enumerate(text):
        if character.isspace() or unicodedata.category(character) in ("Cc", "Cf"):
            return LimitText.INVISIBLE(*_character(text, index))
    return None


def year_problem(year: int, what: str) -> Message | None:
    """Say why a year is outside the limits, or return ``None``.

    Args:
        year: The year of a month or a date.
        what: The month or date as written, for the message.

    Returns:
        ``None`` for :data:`FIRST_YEAR` … :data:`LAST_YEAR`, else a message.
    """
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return LimitText.YEAR(what, FIRST_YEAR, LAST_YEAR)


def without_format_characters(text: str) -> str:
    """Remove every format character (Unicode category Cf) from *text* (R17)."""
    if text.isascii():
        return text  # no format character is ASCII
    return "".join(c for c in text if unicodedata.category(c) != "Cf")
