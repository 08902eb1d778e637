"""Opening a register workbook: its sheets, their states, and the values of their cells.

python-calamine reads the workbook: its sheets, their visibility, the shared
strings, the number formats and every cell. What calamine does not say is
found by :mod:`.scan`, a pass of the standard library's XML parser over each
worksheet before calamine reads it: where its cells reach (calamine holds a
sheet as a dense grid, and a cell far away would make it allocate gigabytes),
which cells hold a formula (calamine gives their cached value) or an error
value (calamine gives an empty cell), and, when calamine leaves an
``_xHHHH_`` escape as written (it decodes only those up to U+00FF), the text
as stored, so that it is unescaped exactly once.

A sheet's rows are lists of values by column from A1, where a blank cell is
``None``, text is unescaped (``_xHHHH_``), a whole number is an ``int``, a
date is a ``datetime``, a formula is :data:`FORMULA`, an error value an
:class:`ErrorValue` and a number cell holding what is not a number a
:class:`Malformed`. A merged range reads as its top-left cell's value in
every cell, as a person sees it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any, Final

import attrs

from ..._domain.errors import InputError, Problem
from ..._domain.limits import MAX_COLUMNS, MAX_ROWS
from .cells import unescape_text
from .register_texts import RegisterText
from .safety import unsafe_problem
from .scan import MAX_GRID, Scan, Unsafe, blanked, raw_texts, scan_sheet, shared_strings


class Formula:
    """The value of a cell holding a formula (refused, whatever its cached value)."""

    def __repr__(self) -> str:
        return "FORMULA"


FORMULA: Final = Formula()


@attrs.frozen
class ErrorValue:
    """The value of a cell holding an error value, e.g. ``#DIV/0!``."""

    text: str


@attrs.frozen
class Malformed:
    """The value of a number cell holding what is not a finite number, e.g. ``abc`` or ``nan``."""

    text: str


_LEFT_ESCAPE: Final = re.compile(r"_x[0-9A-Fa-f]{4}_")
"""What calamine's text may still hold of an escape: the cell's stored text is read again,
as it is for a text of white space only (a cell is blank when its stored text is)."""
_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class Book:
    """An open register workbook (read-only): sheet names, states and rows.

    Args:
        handle: The workbook, a seekable binary file whose zip directory
            has been checked (see :mod:`.safety`).
        name: The file's name, for the problems' place.

    Raises:
        InputError: Not a readable workbook, or unsafe XML.
    """

    def __init__(self, handle: Any, name: str) -> None:
        from python_calamine import CalamineWorkbook, SheetVisibleEnum

        self._name = name
        self._archive = zipfile.ZipFile(handle)
        self._strings: list[str] | None = None
        try:
            parts = _sheet_parts(self._archive)
            for member in self._archive.infolist():
                if member.filename not in parts.values():  # a sheet is read before calamine
                    _read_whole(self._archive, member)
            handle.seek(0)
            self._calamine = CalamineWorkbook.from_filelike(handle)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - CalamineError, a Rust panic, a zip error
            self._archive.close()
            raise self._refusal(exc) from None
        self.sheetnames: list[str] = list(self._calamine.sheet_names)
        """The sheets, in workbook order."""
        self._states = {
            meta.name: "visible"
            if meta.visible == SheetVisibleEnum.Visible
            else "veryHidden"
            if meta.visible == SheetVisibleEnum.VeryHidden
            else "hidden"
            for meta in self._calamine.sheets_metadata
        }
        self._parts = parts

    def state(self, name: str) -> str:
        """A sheet's state: ``visible``, ``hidden`` or ``veryHidden``."""
        return self._states.get(name, "visible")

    def rows(self, name: str) -> Iterator[Sequence[Any]]:
        """The rows of a sheet from row 1, each a list of values by column (see the module).

        Raises:
            InputError: The sheet's XML is unsafe or broken, it reaches too
                far for memory, or calamine cannot read it.
        """
        part = self._parts.get(name)
        if part is None:  # a chart sheet, say
            problem = RegisterText.SHEET_UNREADABLE("not a worksheet")
            raise InputError([Problem(f"{name}!A1", problem)])
        try:
            data = self._archive.read(part)
            scan = scan_sheet(data)
        except Unsafe as exc:
            raise InputError([unsafe_problem(self._name, exc.cause)]) from None
        except ValueError as exc:  # a cell reference that is not one
            raise InputError(
                [Problem(f"{name}!A1", RegisterText.SHEET_UNREADABLE(str(exc)))]
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise self._refusal(exc) from None
        if scan.rows > MAX_ROWS or scan.columns > MAX_COLUMNS:
            too_many = RegisterText.TOO_MANY_ROWS if scan.rows > MAX_ROWS else None
            message = (too_many or RegisterText.TOO_MANY_COLUMNS)()
            raise InputError([Problem(f"{name}!A1", message)])
        if scan.rows * scan.columns > MAX_GRID:
            raise InputError(
                [
                    Problem(
                        f"{name}!A1",
                        RegisterText.TOO_WIDE(
                            f"{scan.rows:,}", f"{scan.columns:,}", f"{MAX_GRID:,}"
                        ),
                    )
                ]
            )
        calamine = self._calamine
        try:
            if scan.malformed:  # calamine reads the sheet without them
                calamine = self._with_part(part, blanked(data, scan.malformed))
            sheet = calamine.get_sheet_by_name(name)
            grid = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - CalamineError, and a Rust panic
            raise InputError(
                [Problem(f"{name}!A1", RegisterText.SHEET_UNREADABLE(str(exc)))]
            ) from None
        finally:
            if calamine is not self._calamine:
                calamine.close()
        grid = self._normal(grid, scan, data)
        if merged:
            _fill_merged(grid, merged, name)
        return iter(grid)

    def _with_part(self, part: str, data: bytes) -> Any:
        """A calamine workbook of this one with *part* holding *data* (built in memory)."""
        import io

        from python_calamine import CalamineWorkbook

        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as target:
            for member in self._archive.infolist():
                stored = data if member.filename == part else self._archive.read(member)
                target.writestr(member.filename, stored)
        copy.seek(0)
        return CalamineWorkbook.from_filelike(copy)

    def close(self) -> None:
        """Release the workbook."""
        self._archive.close()
        self._calamine.close()

    def _refusal(self, exc: BaseException) -> InputError:
        if isinstance(exc, Unsafe):
            return InputError([unsafe_problem(self._name, exc.cause)])
        return InputError([Problem(self._name, RegisterText.UNREADABLE(str(exc)))])

    def _normal(self, grid: list[list[Any]], scan: Scan, data: bytes) -> list[list[Any]]:
        """Calamine's values as the reader gives them (see the module)."""
        datetime, date = dt.datetime, dt.date
        escaped: list[tuple[int, int]] = []
        for number, row in enumerate(grid):
            for index, value in enumerate(row):
                kind = type(value)
                if kind is str:
                    if not value:
                        row[index] = None
                    elif value.isspace() or ("_x" in value and _LEFT_ESCAPE.search(value)):
                        escaped.append((number + 1, index + 1))  # blank, or escaped, as stored?
                elif kind is float:
                    if value.is_integer():
                        row[index] = int(value)
                elif kind is date:
                    row[index] = datetime(value.year, value.month, value.day)
        if escaped:
            self._stored_texts(grid, data, escaped)
        for place, text in scan.errors.items():
            _mark(grid, place, ErrorValue(text))
        for place, (text, _start, _end) in scan.malformed.items():
            _mark(grid, place, Malformed(text))
        for place in scan.formulas:
            _mark(grid, place, FORMULA)
        return grid

    def _stored_texts(
        self, grid: list[list[Any]], data: bytes, places: list[tuple[int, int]]
    ) -> None:
        """Put the stored text of each cell at *places*, unescaped once, in place of calamine's.

        A cell whose stored text is blank is empty; an escaped space is not blank.
        """
        found = raw_texts(data, set(places))
        for (row, column), (shared, text) in found.items():
            if shared:
                if self._strings is None:
                    self._strings = shared_strings(self._archive)
                position = int(text)
                if not 0 <= position < len(self._strings):
                    continue  # calamine read it, so it is there: never reached
                text = self._strings[position]
            grid[row - 1][column - 1] = unescape_text(text) if text.strip() else None


def _fill_merged(
    grid: list[list[Any]], merged: list[Any], sheet: str, limit: int = MAX_GRID
) -> None:
    """Give every cell of a merged range its top-left cell's value, as a person sees it.

    A range is cut to the sheet's rows and columns that hold anything: a
    range reaching past them adds no rows.

    Args:
        grid: The sheet's rows, changed in place.
        merged: calamine's merged ranges, ``((top, left), (bottom, right))`` from 0.
        sheet: The sheet's name, for the problem's place.
        limit: The most cells the ranges may cover (:data:`.scan.MAX_GRID`).

    Raises:
        InputError: The ranges cover more cells than a sheet may span.
    """
    ranges = []
    covered = 0
    for (top, left), (bottom, right) in merged:
        if top < len(grid) and left < len(grid[top]):
            bottom = min(bottom, len(grid) - 1)
            covered += (bottom - top + 1) * (min(right, len(grid[top]) - 1) - left + 1)
            ranges.append((top, left, bottom, right))
    if covered > limit:
        problem = RegisterText.MERGED_TOO_MANY(f"{covered:,}", f"{limit:,}")
        raise InputError([Problem(f"{sheet}!A1", problem)])
    for top, left, bottom, right in ranges:
        value = grid[top][left]
        for row in grid[top : bottom + 1]:
            for column in range(left, min(right + 1, len(row))):
                row[column] = value


def _read_whole(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Read a part to its end, as declared: a part that holds more, or other bytes, is refused.

    Raises:
        zipfile.BadZipFile: Its bytes are not those declared (size or CRC).
    """
    with archive.open(member) as stream:
        while stream.read(1 << 20):
            pass


def _mark(grid: list[list[Any]], place: tuple[int, int], value: Any) -> None:
    """Put *value* at *place* (row, column, from 1), growing the grid as needed."""
    number, column = place
    grid.extend([] for _ in range(number - len(grid)))
    row = grid[number - 1]
    row.extend([None] * (column - len(row)))
    row[column - 1] = value


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part, by sheet name, found as calamine finds it.

    A relationship's target is taken from ``xl/`` (or from the root when it
    starts with ``/``), as calamine takes it; the part must be there under
    exactly that name (no two parts differ only in case: see :mod:`.safety`).

    Raises:
        Unsafe: The workbook's XML declares entities.
        KeyError: A worksheet's part is missing or ambiguous.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        book = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (DefusedXmlException, ParseError) as exc:
        raise Unsafe(exc) from None
    targets = {
        rel.get("Id"): str(rel.get("Target", ""))
        for rel in rels.iter(f"{_RELS}Relationship")
        if str(rel.get("Type", "")).endswith("/worksheet")
    }
    names = set(archive.namelist())
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_OFFICE}id"))
        if target is None:
            continue  # not a worksheet (a chart sheet): calamine reads no cells there
        part = target[1:] if target.startswith("/") else posixpath.join("xl", target)
        if part not in names:
            raise KeyError(f"worksheet part {part!r} is missing")
        parts[str(sheet.get("name"))] = part
    return parts
