"""Scorecards as a workbook: a summary (汇总) and a detail (明细) sheet.

No formula, ever: every text is a text cell (see :mod:`.._io.register.cells`,
which writes workbooks with XlsxWriter).

Each sheet prints on A4 (汇总 and 明细 across the page), one page wide, with
its header row and the columns naming the community (rank, id and name; id
and name) frozen on screen and repeated on every printed page, and page
numbers in the footer. Headers wrap in narrow columns; a row whose text
wraps is made tall enough for it, since neither Excel nor LibreOffice fits
row heights when it opens a workbook.
"""

from __future__ import annotations

import functools
import os
from typing import Final
from unicodedata import east_asian_width

from .._domain.codes import Lang
from .._domain.limits import MAX_TEXT, stored_length
from .._domain.scorecard import Scorecards
from .._io.register.cells import Book, require_writer
from .scorecard_rows import DETAIL_HEADERS, SUMMARY_HEADERS, detail_rows, summary_rows


def _header(zh: str, code: str) -> str:
    return f"{zh}\n{code}"


def write_scorecards_xlsx(
    cards: Scorecards, path: str | os.PathLike[str], lang: Lang = "zh", *, replace: bool = False
) -> None:
    """Write scorecards as a workbook with a summary (汇总) and a detail (明细) sheet.

    Args:
        cards: The scorecards.
        path: The ``.xlsx`` file (written atomically).
        lang: Language of labels, deductions and notes.
        replace: Replace an existing file (a workbook is never overwritten by
            accident).

    A cell holds at most 32,767 characters: a longer text (a community's
    notes, say, each naming a record) is cut, and says so; the JSON output
    always has the full text.

    Raises:
        ImportError: The ``excel`` extra is not installed.
        OutputRefusedError: *path* exists and *replace* is false.
    """
    require_writer()
    with Book() as book:
        _fill(book, cards, lang)
        book.save(path, replace=replace)


_WIDEST: Final = 40
"""The widest a text column is made (characters); longer text wraps."""
_LINE: Final = 15
"""Points per line of the header row."""


_TALLEST: Final = 409
"""The tallest a row may be (points; Excel's limit)."""


@functools.lru_cache(maxsize=4096)  # the same deduction or note recurs across communities
def _lines(text: str, width: int) -> int:
    """About how many lines *text* takes wrapped in a column *width* characters wide.

    A wide (Chinese) character takes about two character widths, a narrow
    one one; the estimate errs long, so that wrapped text never overlaps the
    next row.
    """
    room = max(width, 1)
    return sum(
        -(-sum(2 if east_asian_width(c) in "WF" else 1 for c in line) // room) or 1
        for line in text.split("\n")
    )


def _header_width(zh: str, code: str) -> int:
    """A column's width for its header: the code whole, the Chinese wrapped at five characters."""
    return max(min(len(zh) * 2, 10), len(code), 6) + 2


def _fill(book: Book, cards: Scorecards, lang: Lang) -> None:
    """Write the summary, detail and notes sheets, each set up to print on A4."""
    summary, detail, info = (book.sheet(name) for name in ("汇总", "明细", "说明"))
    tables = (
        (summary, SUMMARY_HEADERS, summary_rows(cards, lang), 3),  # rank, id, name
        (detail, DETAIL_HEADERS, detail_rows(cards, lang), 2),  # id, name
    )
    for sheet, headers, rows, names in tables:
        widths = [_header_width(zh, code) for zh, code in headers]
        deepest = max(
            -(-len(zh) * 2 // (w - 2)) for (zh, _), w in zip(headers, widths, strict=True)
        )
        sheet.header(_LINE * (deepest + 1), names)  # before the rows: they go out as written
        for index, (zh, code) in enumerate(headers, start=1):
            sheet.put(1, index, _header(zh, code), book.heading)
        for number, row in enumerate(rows, start=2):
            tall = 1
            for index, value in enumerate(row):
                if isinstance(value, str):
                    longest = max(map(len, value.split("\n"))) if "\n" in value else len(value)
                    widths[index] = max(widths[index], min(longest * 2 + 1, _WIDEST))
                    tall = max(tall, _lines(value, widths[index]))
            if tall > 1:  # wrapped text: the row is made tall enough for it, on paper too
                sheet.height(number, min(_LINE * tall, _TALLEST))
            for index, value in enumerate(row):
                if isinstance(value, str):
                    sheet.put(number, index + 1, _fitting(value), book.wrap)
                else:
                    sheet.put(number, index + 1, value, book.top)
        for index, width in enumerate(widths, start=1):
            sheet.width(index, width)
        sheet.for_print(landscape=True, names=names)
    as_of = f" (as of {cards.as_of})" if cards.as_of is not None else ""
    lines: tuple[str, ...] = (
        "社区青春行动考核得分 / Community Youth Action scores",
        f"考核期 period: {cards.period}{as_of}",
        f"评分规则 rulebook: {cards.rulebook} (sha256 {cards.rulebook_hash})",
        "排名按总分,同分同名次 (1, 2, 2, 4) / rank by total; equal totals share a rank",
    )
    if cards.rulebook_note is not None:  # the period began before the edition (EDITIONS.md)
        lines = (*lines[:3], " / ".join(cards.rulebook_note.both()), *lines[3:])
    for number, text in enumerate(lines, start=1):
        info.put(number, 1, text)
    info.width(1, 80)
    info.for_print(landscape=False, heading=0)


_CUT: Final = " …(cut: the JSON output has the full text)"


def _fitting(value: object) -> object:
    """A text cut to fit a cell (saying so), or *value* as it is."""
    if not isinstance(value, str) or stored_length(value) <= MAX_TEXT:
        return value
    kept = value[: MAX_TEXT - len(_CUT)]
    while stored_length(kept) + len(_CUT) > MAX_TEXT:
        kept = kept[: -max(1, (stored_length(kept) + len(_CUT) - MAX_TEXT) // 7)]
    return kept + _CUT
