"""One register sheet read into rows: its header, its non-empty rows, their cell values.

Every problem is collected with its place (``专项活动!C14``); nothing is
dropped silently: an unknown column, a value without a header, a formula or
an error value is a problem.

A register has hundreds of thousands of cells, so a row keeps its values in
a list in the order of its sheet's columns, and builds a :class:`Cell` (with
its place) only when asked; a row with nothing unusual in it is taken in a
few list operations.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

from ..._domain.errors import Problem, Problems, Refusal
from ..._domain.limits import MAX_COLUMNS, MAX_ROWS
from ..._domain.messages import Message
from .book import ErrorValue, Formula, Malformed
from .layout import Column, SheetLayout
from .places import Grouped, span_text
from .register_texts import RegisterText
from .values import Noted, converter, letter

_MARKS: Final = frozenset({Formula, ErrorValue, Malformed})
_NONE: Final[frozenset[int]] = frozenset()
_UNREAD: Final = object()


class Cell:
    """A cell as read: its place (``活动!C14``) and its value.

    Args:
        place: ``Sheet!A1``.
        value: What the reader gave (text already unescaped), ``None`` when empty.
        missing: The sheet has no column for it (reported at the header).
        refused: It holds a formula or an error value (reported at the cell).
    """

    __slots__ = ("missing", "place", "refused", "value")

    def __init__(
        self, place: str, value: Any, missing: bool = False, refused: bool = False
    ) -> None:
        self.place = place
        self.value = value
        self.missing = missing
        self.refused = refused

    def __repr__(self) -> str:
        return f"Cell({self.place!r}, {self.value!r}, {self.missing}, {self.refused})"


class _Sheet:
    """What the rows of one sheet share: its layout and where each column is."""

    __slots__ = ("index", "lacks_required", "layout", "prefixes", "read", "specs")

    def __init__(self, layout: SheetLayout, prefixes: list[str | None]) -> None:
        self.layout = layout
        self.prefixes = prefixes  # "Sheet!C" by layout column; None: the sheet lacks it
        self.index = {c.code: i for i, c in enumerate(layout.columns)}
        self.specs = [
            (c, prefix, c.required, c.kind, c.zh, converter(c))
            for c, prefix in zip(layout.columns, prefixes, strict=True)
        ]
        self.lacks_required = any(
            p is None and c.required for c, p in zip(layout.columns, prefixes, strict=True)
        )
        # What each column's cells were read as, by value: a register repeats ids, names,
        # dates and labels row after row, and reading one (a pure function) is dearer
        # than looking it up. Only values read without a problem are kept.
        self.read: list[dict[Any, Any]] = [{} for _ in layout.columns]


class Row:
    """A non-empty data row: its number and its values, in its layout's column order."""

    __slots__ = ("_refused", "_sheet", "number", "values")

    def __init__(
        self, number: int, values: list[Any], sheet: _Sheet, refused: frozenset[int]
    ) -> None:
        self.number = number
        self.values = values
        self._sheet = sheet
        self._refused = refused

    def cell(self, code: str) -> Cell:
        """The cell of the column with field code *code*."""
        index = self._sheet.index[code]
        prefix = self._sheet.prefixes[index]
        if prefix is None:
            return Cell(f"{self._sheet.layout.name}!{self.number}", None, missing=True)
        return Cell(f"{prefix}{self.number}", self.values[index], refused=index in self._refused)

    def value(self, code: str) -> Any:
        """The value of the column with field code *code* (``None``: empty, missing or refused)."""
        return self.values[self._sheet.index[code]]

    def first_place(self) -> str:
        """The place of the row's first cell, for row-wide problems."""
        return self.cell(self._sheet.layout.columns[0].code).place


class SheetReader:
    """Reads the sheets of one workbook, collecting every problem."""

    def __init__(self) -> None:
        self.problems = Problems()  # the first MAX_PROBLEMS, the rest counted
        self.check_links = True
        self.cut_short: set[str] = set()
        self.grouped = Grouped(self.problems)
        self.notes = Grouped(Problems(limit=10**9))  # one a column at most: all kept

    def add(self, place: str, message: Message) -> None:
        """Record a problem at *place*."""
        self.problems.add(Problem(place, message))

    def _noted(self, place: str, column: Column, noted: Noted) -> None:
        """Note a cell read in a form the interchange format refuses (one note per column)."""
        text = RegisterText.NOTED_COUNT if column.kind == "count" else RegisterText.NOTED_DATE
        shown = noted.value if column.kind == "count" else noted.value.isoformat()
        self.notes.add(
            place,
            place.rstrip("0123456789"),
            lambda places: Problem(
                span_text(places), text(len(places), column.zh, column.code, noted.text, shown)
            ),
        )

    def rows(self, raw_rows: Iterator[Sequence[Any]], layout: SheetLayout) -> list[Row]:
        """Read a sheet's header and its non-empty rows.

        Args:
            raw_rows: The sheet's rows from row 1, as :mod:`.book` gives them.
            layout: The sheet.

        Returns:
            Its non-empty data rows.
        """
        rows = self._guarded(raw_rows, layout.name)
        header = tuple(next(rows, ()))
        columns = self._columns(header, layout)
        width = len(header)
        letters = [f"{layout.name}!{letter(i)}" for i in range(1, width + 1)]
        where = {c.code: i - 1 for i, c in columns.items() if c is not _UNKNOWN}
        sheet = _Sheet(
            layout, [letters[where[c.code]] if c.code in where else None for c in layout.columns]
        )
        # A missing column reads index *width*, past the header: always empty on the fast path.
        picks = [where.get(c.code, width) for c in layout.columns]
        need = max(picks) + 1
        pick: Callable[[Any], Any] = operator.itemgetter(*picks, 0)  # never a single item
        blank = [i for i in range(width) if i + 1 not in columns]
        out: list[Row] = []
        for number, raw in enumerate(rows, start=2):
            size = len(raw)
            empties = raw.count(None)
            if empties == size:
                continue
            plain = (
                _MARKS.isdisjoint(map(type, raw))
                and (size <= width or raw[width:].count(None) == size - width)
                and (not blank or all(raw[i] is None for i in blank if i < size))
            )
            if plain:
                if size < need:
                    raw = [*raw, *([None] * (need - size))]
                out.append(Row(number, list(pick(raw)[:-1]), sheet, _NONE))
                continue
            while len(letters) < size:
                letters.append(f"{layout.name}!{letter(len(letters) + 1)}")
            out.append(self._slow_row(raw, number, columns, letters, sheet))
        return out

    def _guarded(self, raw_rows: Iterator[Sequence[Any]], sheet: str) -> Iterator[Sequence[Any]]:
        """The rows as read, stopping with a problem where the reader cannot read on.

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
        for index, value in enumerate(header, start=1):
            place = f"{layout.name}!{letter(index)}1"
            if value is None:
                blank_headers.append(index)
                continue
            if type(value) in _MARKS:
                self.add(place, _refusal(value, _UNKNOWN))
                columns[index] = _UNKNOWN
                continue
            text = value if isinstance(value, str) else str(value)
            column = next((c for c in layout.columns if c.matches(text)), None)
            if column is None:
                expected = ", ".join(" ".join(c.header.split()) for c in layout.columns)
                # A header's lines are shown as they read, joined by a space, on one line.
                self.add(place, RegisterText.UNKNOWN_COLUMN(" ".join(text.split()), expected))
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

    def _slow_row(
        self,
        raw: Sequence[Any],
        number: int,
        columns: dict[int, Column],
        letters: list[str],
        sheet: _Sheet,
    ) -> Row:
        """A row with something unusual in it, cell by cell, its problems in column order."""
        values: list[Any] = [None] * len(sheet.layout.columns)
        refused: set[int] = set()
        for index, value in enumerate(raw, start=1):
            if value is None:
                continue
            place = f"{letters[index - 1]}{number}"
            column = columns.get(index)
            if column is None:
                self.add(place, RegisterText.NO_HEADER())
                continue
            if column is _UNKNOWN:
                continue  # already reported at its header
            position = sheet.index[column.code]
            if type(value) in _MARKS:
                self.add(place, _refusal(value, column))
                refused.add(position)
            else:
                values[position] = value
        return Row(number, values, sheet, frozenset(refused))

    def values(self, row: Row, layout: SheetLayout) -> dict[str, Any] | None:
        """Convert every cell of a row; ``None`` when any cell is bad.

        A missing column or a refused cell (both reported already) makes the
        row bad without another problem; an empty required cell, or one its
        column's kind cannot read, is reported at its place.
        """
        problems = self.problems
        before = len(problems)
        sheet = row._sheet
        refused = row._refused
        number = row.number
        out: dict[str, Any] = {}
        for index, value, (column, prefix, required, kind, zh, convert), known in zip(
            range(len(row.values)), row.values, sheet.specs, sheet.read, strict=True
        ):
            code = column.code
            key = value if type(value) is str else (type(value), value)  # 1, 1.0, True apart
            found = known.get(key, _UNREAD)
            if found is not _UNREAD and not (refused and index in refused):
                if type(found) is Noted:
                    self._noted(f"{prefix}{number}", column, found)
                    found = found.value
                out[code] = found
                continue
            if prefix is None or (refused and index in refused):
                out[code] = None  # reported once, at the header or at the cell
                continue
            if value is None or (
                kind != "free" and type(value) is str and (not value or value.isspace())
            ):
                if required:
                    self.add(f"{prefix}{number}", RegisterText.REQUIRED(zh, code))
                out[code] = 0 if kind == "count" and not required else None
                continue
            try:
                found = known[key] = convert(value)
            except Refusal as exc:
                self.add(f"{prefix}{number}", exc.message)
                out[code] = None
                continue
            if type(found) is Noted:
                self._noted(f"{prefix}{number}", column, found)
                found = found.value
            out[code] = found
        if refused or sheet.lacks_required or len(problems) != before:
            return None
        return out


_UNKNOWN = Column("?", "?", "text", False, "", "", "")


def _refusal(value: Formula | ErrorValue | Malformed, column: Column) -> Message:
    """Why a cell holding a formula, an error value or a malformed number is refused."""
    if type(value) is ErrorValue:
        return RegisterText.ERROR_VALUE(value.text)
    if type(value) is Malformed:
        if column is _UNKNOWN:
            return RegisterText.MALFORMED_HEADER(value.text)
        return RegisterText.MALFORMED(value.text, column.zh, column.code)
    return RegisterText.FORMULA()
