"""Scorecards as a workbook: a summary (汇总) and a detail (明细) sheet.

No formula, ever: every text is a text cell (see :mod:`.._io.register.cells`).
The rows after the first of each sheet are written by :mod:`.._io.register.bulk`,
as openpyxl writes them but some ten times faster.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

from .._domain.codes import Lang
from .._domain.limits import MAX_TEXT, stored_length
from .._domain.scorecard import Scorecards
from .._io.register.bulk import BulkRows, save_bulk
from .._io.register.cells import put, require_openpyxl
from .scorecard_rows import DETAIL_HEADERS, SUMMARY_HEADERS, detail_rows, summary_rows

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell


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
    require_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "汇总"
    detail = book.create_sheet("明细")
    info = book.create_sheet("说明")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")

    def wrapped(cell: Cell) -> None:
        cell.alignment = wrap

    tables = (
        (summary, SUMMARY_HEADERS, summary_rows(cards, lang)),
        (detail, DETAIL_HEADERS, detail_rows(cards, lang)),
    )
    bulks: list[BulkRows] = []
    for sheet, headers, rows in tables:
        widths = [max(len(zh) * 2, len(code), 6) + 2 for zh, code in headers]
        for index, (zh, code) in enumerate(headers, start=1):
            put(sheet, 1, index, _header(zh, code))
            cell = sheet.cell(row=1, column=index)
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
        bulk = BulkRows(sheet, text_style=wrapped, blank_cells=True)
        for row in rows:
            shown = [_fitting(value) for value in row]
            for index, value in enumerate(row):
                if isinstance(value, str):
                    longest = max(map(len, value.split("\n"))) if "\n" in value else len(value)
                    widths[index] = max(widths[index], min(longest * 2, 60))
            bulk.add(shown)
        bulks.append(bulk)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.row_dimensions[1].height = 32
        sheet.freeze_panes = "A2"
    as_of = f" (as of {cards.as_of})" if cards.as_of is not None else ""
    lines = (
        "社区青春行动考核得分 / Community Youth Action scores",
        f"考核期 period: {cards.period}{as_of}",
        f"评分规则 rulebook: {cards.rulebook}",
        "排名按总分,同分同名次 (1, 2, 2, 4) / rank by total; equal totals share a rank",
    )
    for number, text in enumerate(lines, start=1):
        put(info, number, 1, text)
    info.column_dimensions["A"].width = 80
    save_bulk(book, bulks, path, replace=replace)


_CUT: Final = " …(cut: the JSON output has the full text)"


def _fitting(value: object) -> object:
    """A text cut to fit a cell (saying so), or *value* as it is."""
    if not isinstance(value, str) or stored_length(value) <= MAX_TEXT:
        return value
    kept = value[: MAX_TEXT - len(_CUT)]
    while stored_length(kept) + len(_CUT) > MAX_TEXT:
        kept = kept[: -max(1, (stored_length(kept) + len(_CUT) - MAX_TEXT) // 7)]
    return kept + _CUT
