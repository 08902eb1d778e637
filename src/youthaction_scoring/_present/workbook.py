"""Scorecards as a workbook: a summary (汇总) and a detail (明细) sheet.

No formula, ever: every text is a text cell (see :mod:`.._io.register.cells`,
which writes workbooks with XlsxWriter).
"""

from __future__ import annotations

import os
from typing import Final

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


def _fill(book: Book, cards: Scorecards, lang: Lang) -> None:
    """Write the summary, detail and notes sheets."""
    summary, detail, info = (book.sheet(name) for name in ("汇总", "明细", "说明"))
    tables = (
        (summary, SUMMARY_HEADERS, summary_rows(cards, lang)),
        (detail, DETAIL_HEADERS, detail_rows(cards, lang)),
    )
    for sheet, headers, rows in tables:
        widths = [max(len(zh) * 2, len(code), 6) + 2 for zh, code in headers]
        for index, (zh, code) in enumerate(headers, start=1):
            sheet.put(1, index, _header(zh, code), book.heading)
        for number, row in enumerate(rows, start=2):
            for index, value in enumerate(row):
                if isinstance(value, str):
                    longest = max(map(len, value.split("\n"))) if "\n" in value else len(value)
                    widths[index] = max(widths[index], min(longest * 2, 60))
                    sheet.put(number, index + 1, _fitting(value), book.wrap)
                else:
                    sheet.put(number, index + 1, value)
        for index, width in enumerate(widths, start=1):
            sheet.width(index, width)
        sheet.header(32)
    as_of = f" (as of {cards.as_of})" if cards.as_of is not None else ""
    lines = (
        "社区青春行动考核得分 / Community Youth Action scores",
        f"考核期 period: {cards.period}{as_of}",
        f"评分规则 rulebook: {cards.rulebook}",
        "排名按总分,同分同名次 (1, 2, 2, 4) / rank by total; equal totals share a rank",
    )
    for number, text in enumerate(lines, start=1):
        info.put(number, 1, text)
    info.width(1, 80)


_CUT: Final = " …(cut: the JSON output has the full text)"


def _fitting(value: object) -> object:
    """A text cut to fit a cell (saying so), or *value* as it is."""
    if not isinstance(value, str) or stored_length(value) <= MAX_TEXT:
        return value
    kept = value[: MAX_TEXT - len(_CUT)]
    while stored_length(kept) + len(_CUT) > MAX_TEXT:
        kept = kept[: -max(1, (stored_length(kept) + len(_CUT) - MAX_TEXT) // 7)]
    return kept + _CUT
