"""The rectification list as a workbook to send out: one sheet per district.

Each sheet holds its district's rows (:func:`.rectify.list_rows`) under a
title, the facts line (period, as-of month, due date) and the rule that
flagged communities behind, with a 完成情况 column left empty for the
community to fill in. No formula, ever: every text is a text cell
(:class:`~.._io.register.cells.Sheet`).

Printing: A4 across the page, one page wide; the column headings repeat on
every page and every row carries its community's id and name, so each page
names whom it is about; the footer has the sheet's name (the district) and
the page number.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Final

from .._analysis.rectify import Rectification
from .._domain.codes import Lang
from .._io.register.cells import Book, require_writer
from .rectify import HEADINGS, RectifyHeading, Row, behind_line, facts_line, list_rows
from .workbook import _fitting, _lines

HEADING_ROW: Final = 4
"""The row of the column headings (title, facts and rule above it)."""
WIDTHS: Final = (12, 16, 7, 7, 6, 8, 48, 6, 16)
"""The columns' widths in characters (the text column wraps)."""
_TEXT: Final = 7
"""The 1-based column of the step or reason (the one that wraps)."""
_LINE: Final = 15
"""Points per line of text."""
_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")


def sheet_names(districts: Iterable[str]) -> list[str]:
    r"""A sheet name for each district that Excel accepts, each different.

    Characters a sheet name may not hold (``[]:*?/\``) become ``_``, a name is
    cut to 31 characters, an empty one is ``-``, and a name met again (Excel
    ignores case) gets `` (2)``, `` (3)`` … at its end.
    """
    names: list[str] = []
    taken: set[str] = set()
    for district in districts:
        base = _FORBIDDEN.sub("_", district).strip("'") or "-"
        if base.casefold() == "history":  # Excel keeps it for itself
            base = f"{base}_"
        name, n = base[:31], 1
        while name.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            name = base[: 31 - len(suffix)] + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def write_rectification_xlsx(
    rectification: Rectification,
    path: str | os.PathLike[str],
    lang: Lang = "zh",
    *,
    replace: bool = False,
) -> None:
    """Write a rectification list as a workbook, one sheet per district, ready to print.

    Args:
        rectification: The list.
        path: The ``.xlsx`` file (written atomically).
        lang: The language of headings, steps and reasons.
        replace: Replace an existing file.

    Raises:
        ImportError: The ``excel`` extra is not installed.
        OutputRefusedError: *path* exists and *replace* is false.
    """
    require_writer()
    facts, rule = facts_line(rectification, lang), behind_line(rectification, lang)
    with Book() as book:
        districts: list[tuple[str, list[Row]]] = list(list_rows(rectification, lang))
        districts = districts or [("", [])]  # no community: one empty sheet
        names = sheet_names(d for d, _ in districts)
        for name, (district, rows) in zip(names, districts, strict=True):
            sheet = book.sheet(name)
            sheet.worksheet.freeze_panes(HEADING_ROW, 2)  # before the rows go out
            sheet.put(1, 1, RectifyHeading.TITLE.format(lang, district), book.title)
            for line, text in ((2, f"{facts}\n{rule}"), (3, RectifyHeading.NOTE.template(lang))):
                sheet.height(line, _LINE * 2)  # fixed texts (no user text): merged, wrapped
                sheet.put_across(line, len(HEADINGS), text, book.wrap)
            sheet.height(HEADING_ROW, _LINE * 2)
            for column, heading in enumerate(HEADINGS, start=1):
                sheet.put(HEADING_ROW, column, heading.template(lang), book.heading)
            for number, row in enumerate(rows, start=HEADING_ROW + 1):
                tall = _lines(row[_TEXT - 1], WIDTHS[_TEXT - 1])
                if tall > 1:
                    sheet.height(number, min(_LINE * tall, 409))
                for column, value in enumerate(row, start=1):
                    shown = _fitting(value) if column == _TEXT else value
                    sheet.put(number, column, shown, book.wrap)
                sheet.put(number, len(HEADINGS), "", book.wrap)  # 完成情况: left to fill
            for column, width in enumerate(WIDTHS, start=1):
                sheet.width(column, width)
            sheet.for_print(landscape=True, names=2, heading=HEADING_ROW)
        book.save(path, replace=replace)
