"""Cell-level helpers shared by every workbook the tool reads or writes.

Text goes into workbooks as text cells, never as formulas, and comes back
exactly; workbooks are written with XlsxWriter (:class:`Book`). OOXML strings
cannot hold some characters (most control characters, U+FFFE, U+FFFF, lone
surrogates) and XML readers turn a carriage return into
a line feed; the format's own escape ``_xHHHH_`` (ECMA-376 ST_Xstring)
carries them, and a literal ``_xHHHH_`` in the text is itself escaped as
``_x005F_xHHHH_``. Excel, LibreOffice and XlsxWriter use the same convention
(XlsxWriter escapes as it writes; :func:`escape_text` gives what it stores).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import math
import os
import re
from typing import Any, Final

from ..._domain.errors import Refusal
from ..._domain.limits import CELL_ESCAPED, MAX_TEXT
from ..._domain.messages import Message
from ..atomic import atomic_write, check_target
from .layout import DATE_FORMAT, TEXT_FORMAT
from .register_texts import RegisterText

MAX_CELL_TEXT: Final = MAX_TEXT
"""The most characters a spreadsheet cell holds (Excel's limit)."""

EXTRA_HINT: Final = (
    "spreadsheet support needs the 'excel' extra: pip install 'youthaction-scoring[excel]'"
)

_ESCAPED: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")


def require_writer() -> None:
    """Check that XlsxWriter (the ``excel`` extra) is installed.

    Raises:
        ImportError: The extra is missing; the message says how to install it.
    """
    _require("xlsxwriter")


def require_reader() -> None:
    """Check that defusedxml and python-calamine (the ``excel`` extra) are installed.

    Raises:
        ImportError: The extra is missing; the message says how to install it.
    """
    _require("defusedxml", "python_calamine")


def _require(*modules: str) -> None:
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise ModuleNotFoundError(EXTRA_HINT, name=module) from None


def escape_text(text: str) -> str:
    """Escape text for a spreadsheet cell so that it reads back exactly.

    Args:
        text: Any text.

    Returns:
        The text with ``_xHHHH_`` escapes for characters a cell cannot hold
        and for literal ``_xHHHH_`` sequences.
    """

    def one(match: re.Match[str]) -> str:
        return f"_x{ord(match[0]):04X}_"

    return CELL_ESCAPED.sub(one, text)


def unescape_text(text: str) -> str:
    """Undo :func:`escape_text` (and the same escapes written by Excel or LibreOffice).

    Args:
        text: A cell's stored text.

    Returns:
        The text it stands for.
    """
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), text)


def text_too_long(text: str) -> Message | None:
    """Say why *text* does not fit a cell, or return ``None``.

    Args:
        text: The text to write.

    Returns:
        ``None`` when it fits, else a message.
    """
    stored = escape_text(text)
    if len(stored) > MAX_CELL_TEXT:
        return RegisterText.CELL_TOO_LONG(f"{len(stored):,}", f"{MAX_CELL_TEXT:,}")
    return None


class Sheet:
    """A worksheet being written (XlsxWriter, rows in order): text is always a text cell.

    Args:
        book: The workbook it belongs to.
        worksheet: XlsxWriter's worksheet.
    """

    def __init__(self, book: Book, worksheet: Any) -> None:
        self.book = book
        self.worksheet = worksheet

    def put(self, row: int, column: int, value: Any, cell_format: Any = None) -> None:
        """Write one value into a cell (1-based); text is a text cell, never a formula.

        Text is escaped by XlsxWriter as :func:`escape_text` says (ECMA-376
        ``_xHHHH_``); a date is a date cell in :data:`.layout.DATE_FORMAT`;
        ``None`` writes nothing, an empty text an empty cell. A cell without
        *cell_format* is plain (General), whatever its column's format: the
        column's format is for what staff type into it.

        Raises:
            Refusal: Text too long for a cell (a ``ValueError``).
            ValueError: A number that is not finite.
            TypeError: Not text, a number, a boolean, a date or ``None``.
        """
        kind = type(value)
        cell_format = cell_format or self.book.plain  # not its column's format
        if kind is str or isinstance(value, str):
            if len(value) * 7 > MAX_CELL_TEXT:  # else it fits, whatever its escapes
                problem = text_too_long(value)
                if problem:
                    raise Refusal(problem)
            if value:
                self.worksheet.write_string(row - 1, column - 1, str.__str__(value), cell_format)
            else:  # an empty text is an empty cell
                self.worksheet.write_blank(row - 1, column - 1, None, cell_format)
        elif value is None:
            return
        elif kind is bool:
            self.worksheet.write_boolean(row - 1, column - 1, value, cell_format)
        elif kind is dt.date:
            self.worksheet.write_datetime(row - 1, column - 1, value, self.book.date)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise ValueError(f"cannot write {value} into a cell")
            self.worksheet.write_number(row - 1, column - 1, value, cell_format)
        else:
            raise TypeError(f"cannot write a {kind.__name__} into a cell")

    def width(self, column: int, width: float, cell_format: Any = None) -> None:
        """Set a column's width (characters, as stored in the file, no padding) and format.

        XlsxWriter adds Excel's 5 pixels of padding (of 7 a character) to the
        width it is given; 0.75 less is stored as *width* exactly (a test
        reads it back).
        """
        self.worksheet.set_column(column - 1, column - 1, width - 0.75, cell_format)

    def put_across(self, row: int, last: int, text: str, cell_format: Any) -> None:
        """Write a fixed text (not user text) across columns 1 to *last* of *row*, merged."""
        self.worksheet.merge_range(row - 1, 0, row - 1, last - 1, text, cell_format)

    def height(self, row: int, points: float) -> None:
        """Make row *row* (1-based) *points* high; call it before the row is written."""
        self.worksheet.set_row(row - 1, points)

    def header(self, height: float, columns: int = 0) -> None:
        """Make row 1 *height* points high; freeze it and the first *columns* columns.

        Rows go out as they are written: call it before row 2 is written.
        """
        self.worksheet.set_row(0, height)
        self.worksheet.freeze_panes(1, columns)

    def for_print(
        self, *, landscape: bool, names: int = 0, heading: int = 1, columns: int = 0, rows: int = 0
    ) -> None:
        """Print on A4, one page wide, its heading row and name columns on every page.

        Pages number in the footer (``sheet name … page / pages``), gridlines
        print, and margins are narrow (1.3 cm at the sides). The first
        *names* columns (what a row is about: a community's id and name)
        repeat on every printed page, as does row *heading*.

        Args:
            landscape: Print across the page (for wide sheets).
            names: How many columns from the first name what a row is about.
            heading: The row (1-based) of column headings; 0: none.
            columns: Print only the first *columns* columns (0: every one used).
            rows: With *columns*, how many rows to print.
        """
        sheet = self.worksheet
        sheet.set_paper(9)  # A4
        if landscape:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.fit_to_pages(1, 0)  # one page wide, as many pages long as it takes
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
        sheet.set_footer("&L&A&R&P / &N")
        sheet.hide_gridlines(0)  # print the gridlines: a table on paper needs its lines
        if heading:
            sheet.repeat_rows(heading - 1)
        if names:
            sheet.repeat_columns(0, names - 1)
        if columns:
            sheet.print_area(0, 0, max(rows, 1) - 1, columns - 1)


class Book:
    """A workbook being written with XlsxWriter, and its formats (a context manager).

    Rows go out to a temporary file as they are written (XlsxWriter's
    ``constant_memory``), so memory stays flat; :meth:`save` puts the
    workbook together and writes it atomically. Leaving the ``with`` block
    on an error removes the temporary files.
    """

    def __init__(self) -> None:
        import xlsxwriter

        self._buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self._buffer,
            {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )
        add = self.workbook.add_format
        self.plain = add()
        self.date = add({"num_format": DATE_FORMAT})
        self.text = add({"num_format": TEXT_FORMAT})
        self.bold = add({"bold": True})
        self.title = add({"bold": True, "font_size": 14})
        self.wrap = add({"text_wrap": True, "valign": "top"})
        self.top = add({"valign": "top"})
        self.heading = add(
            {"bold": True, "pattern": 1, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"}
        )

    def __enter__(self) -> Book:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """On a refusal, close the workbook anyway: its rows' temporary files go."""
        if kind is not None and not self.workbook.fileclosed:
            with contextlib.suppress(Exception):  # the refusal is what the caller hears of
                self.workbook.close()

    def sheet(self, name: str) -> Sheet:
        """Add a worksheet."""
        return Sheet(self, self.workbook.add_worksheet(name))

    def save(self, path: str | os.PathLike[str], *, replace: bool = False) -> None:
        """Write the workbook atomically: the file appears whole or not at all.

        Raises:
            OutputRefusedError: *path* exists and *replace* is false, or it is
                not a regular file.
            OSError: The file cannot be written.
        """
        check_target(path, replace=replace)
        self.workbook.close()
        atomic_write(path, self._buffer.getvalue())
