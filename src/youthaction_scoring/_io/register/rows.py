"""One register sheet read into rows: its header, its non-empty rows, their cell values.

Every problem is collected with its place (``专项活动!C14``); nothing is
dropped silently: an unknown column, a value without a header, a formula or
an error value is a problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ..._domain.errors import Problem
from ..._domain.limits import MAX_COLUMNS, MAX_ROWS
from ..._domain.messages import Message
from .cells import unescape_text
from .layout import Column, SheetLayout
from .texts import RegisterText
from .values import Bad, convert, is_blank, letter


@attrs.frozen
class Cell:
    """A cell as read: its place (``活动!C14``) and its value.

    Args:
        place: ``Sheet!A1``.
        value: What openpyxl gave (text already unescaped), ``None`` when empty.
        missing: The sheet has no column for it (reported at the header).
        refused: It holds a formula or an error value (reported at the cell).
    """

    place: str
    value: Any
    missing: bool = False
    refused: bool = False


@attrs.frozen
class Row:
    """A non-empty data row: its number and its cells by field code."""

    number: int
    cells: dict[str, Cell]

    def first_place(self) -> str:
        """The place of the row's first cell, for row-wide problems."""
        return next(iter(self.cells.values())).place


class SheetReader:
    """Reads the sheets of one workbook, collecting every problem."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.check_links = True
        self.cut_short: set[str] = set()

    def add(self, place: str, message: Message) -> None:
        """Record a problem at *place*."""
        self.problems.append(Problem(place, message))

    def rows(self, sheet: Any, layout: SheetLayout) -> list[Row]:
        """Read a sheet's header and its non-empty rows."""
        sheet.reset_dimensions()  # never trust a stored size: read every row there is
        raw_rows = self._guarded(sheet.iter_rows(min_row=1, min_col=1), layout.name)
        header = tuple(next(raw_rows, ()))
        columns = self._columns(header, layout)
        positions = {c.code: i for i, c in columns.items() if c is not _UNKNOWN}
        out: list[Row] = []
        for number, raw in enumerate(raw_rows, start=2):
            cells = self._cells(raw, number, columns, layout)
            if cells is not None:
                out.append(Row(number, _fill(layout, number, cells, positions)))
        return out

    def _guarded(self, raw_rows: Iterator[Any], sheet: str) -> Iterator[Any]:
        """The rows openpyxl reads, stopping with a problem where it cannot read on.

        A cell whose number is not a number, a date serial out of range, a
        cell reference beyond a spreadsheet's columns, or more rows than a
        spreadsheet holds end the sheet with one problem at the row.
        """
        number = 0
        while True:
            try:
                row = next(raw_rows)
            except StopIteration:
                return
            except (ValueError, TypeError, OverflowError, KeyError, IndexError) as exc:
                self.cut_short.add(sheet)
                self.add(
                    f"{sheet}!{number + 1}",
                    RegisterText.ROW_UNREADABLE(number + 1, str(exc)),
                )
                return
            number += 1
            if number > MAX_ROWS or len(row) > MAX_COLUMNS:
                self.cut_short.add(sheet)
                self.add(
                    f"{sheet}!{number}",
                    RegisterText.TOO_MANY_ROWS()
                    if number > MAX_ROWS
                    else RegisterText.TOO_MANY_COLUMNS(),
                )
                return
            yield row

    def _columns(self, header: tuple[Any, ...], layout: SheetLayout) -> dict[int, Column]:
        """Match the header cells to the layout's columns; report unknown and missing ones."""
        columns: dict[int, Column] = {}
        seen: dict[str, str] = {}
        blank_headers: list[int] = []
        for index, cell in enumerate(header, start=1):
            place = f"{layout.name}!{letter(index)}1"
            value = cell.value
            if is_blank(value):
                blank_headers.append(index)
                continue
            text = unescape_text(value) if isinstance(value, str) else str(value)
            column = next((c for c in layout.columns if c.matches(text)), None)
            if column is None:
                expected = ", ".join(" ".join(c.header.split()) for c in layout.columns)
                self.add(place, RegisterText.UNKNOWN_COLUMN(text, expected))
                columns[index] = _UNKNOWN
                continue
            if column.code in seen:
                self.add(
                    place, RegisterText.COLUMN_REPEATS(column.zh, column.code, seen[column.code])
                )
                columns[index] = _UNKNOWN
                continue
            seen[column.code] = place
            columns[index] = column
        next_free = len(header) + 1
        for column in layout.columns:
            if column.code not in seen:
                where = blank_headers.pop(0) if blank_headers else next_free
                if where == next_free:
                    next_free += 1
                self.add(
                    f"{layout.name}!{letter(where)}1",
                    RegisterText.MISSING_COLUMN(column.zh, column.code),
                )
        return columns

    def _cells(
        self, raw: Any, number: int, columns: dict[int, Column], layout: SheetLayout
    ) -> dict[str, Cell] | None:
        """The cells of one row by column code; ``None`` when the row is empty."""
        cells: dict[str, Cell] = {}
        empty = True
        for index, cell in enumerate(raw, start=1):
            value = cell.value
            data_type = getattr(cell, "data_type", None)
            if is_blank(value) and data_type != "f":
                continue
            empty = False
            place = f"{layout.name}!{letter(index)}{number}"
            column = columns.get(index)
            if column is None:
                self.add(place, RegisterText.NO_HEADER())
                continue
            if column is _UNKNOWN:
                continue  # already reported at its header
            if data_type == "f":
                self.add(place, RegisterText.FORMULA())
                cells[column.code] = Cell(place, None, refused=True)
                continue
            if data_type == "e":
                self.add(place, RegisterText.ERROR_VALUE(str(value)))
                cells[column.code] = Cell(place, None, refused=True)
                continue
            if isinstance(value, str):
                value = unescape_text(value)
            cells[column.code] = Cell(place, value)
        return None if empty else cells

    def value(self, row: Row, column: Column) -> Any:
        """Convert a row's cell; record a problem and return ``None`` when it is bad."""
        cell = row.cells[column.code]
        if cell.missing or cell.refused:
            return None  # reported once, at the header or at the cell
        if cell.value is None or (column.kind != "free" and is_blank(cell.value)):
            if column.required:
                self.add(cell.place, RegisterText.REQUIRED(column.zh, column.code))
                return None
            return None if column.kind != "count" else 0
        try:
            return convert(column, cell.value)
        except Bad as exc:
            self.add(cell.place, exc.message)
            return None

    def values(self, row: Row, layout: SheetLayout) -> dict[str, Any] | None:
        """Convert every cell of a row; ``None`` when any cell is bad."""
        before = len(self.problems)
        out = {c.code: self.value(row, c) for c in layout.columns}
        if any(row.cells[c.code].missing for c in layout.columns if c.required):
            return None
        if any(row.cells[c.code].refused for c in layout.columns):
            return None
        return out if len(self.problems) == before else None


_UNKNOWN = Column("?", "?", "text", False, "", "", "")


def _fill(
    layout: SheetLayout, number: int, cells: dict[str, Cell], positions: dict[str, int]
) -> dict[str, Cell]:
    """Give every column of the layout a cell (empty and missing ones included)."""
    out: dict[str, Cell] = {}
    for column in layout.columns:
        if column.code in cells:
            out[column.code] = cells[column.code]
        elif column.code in positions:
            place = f"{layout.name}!{letter(positions[column.code])}{number}"
            out[column.code] = Cell(place, None)
        else:
            out[column.code] = Cell(f"{layout.name}!{number}", None, missing=True)
    return out
