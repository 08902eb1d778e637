"""Opening a register workbook: its sheets, and the cell values of each, row by row.

openpyxl reads the workbook itself (its parts list, sheets, visibility,
styles and shared strings): through defusedxml, so that unsafe XML is refused
there, exactly as before. The cells of each sheet, the slow part, are read by
python-calamine when it is installed and the sheet's XML is plain (see
:mod:`.vet`), else by openpyxl. Both give the same rows: lists of values by
column, where a blank cell is ``None``, text is unescaped (``_xHHHH_``), a
number is an ``int`` when written whole, a date is a ``datetime``, a formula
is :data:`FORMULA` and an error value an :class:`ErrorValue`.

The reader can be chosen with the environment variable
``YOUTHACTION_REGISTER_READER``: ``openpyxl`` forces openpyxl, ``calamine``
(or nothing, the default) uses calamine where it can.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from typing import Any, Final, cast

import attrs

from ..._domain.errors import InputError, Problem
from .cells import unescape_text
from .safety import caused_by, unsafe_problem
from .texts import RegisterText
from .values import is_blank
from .vet import Vetted, cell_pattern, vet_shared_strings, vet_sheet

READER_ENV: Final = "YOUTHACTION_REGISTER_READER"
"""Set to ``openpyxl`` to read every sheet with openpyxl, even with calamine installed."""


class Formula:
    """The value of a cell holding a formula (refused, whatever its cached value)."""

    def __repr__(self) -> str:
        return "FORMULA"


FORMULA: Final = Formula()


@attrs.frozen
class ErrorValue:
    """The value of a cell holding an error value, e.g. ``#DIV/0!``."""

    text: str


def calamine_wanted() -> bool:
    """Whether calamine is installed and not turned off by :data:`READER_ENV`."""
    if os.environ.get(READER_ENV, "").strip().lower() == "openpyxl":
        return False
    try:
        import python_calamine  # noqa: F401 - imported to prove it is there
    except ImportError:
        return False
    return True


_NUMBER_CODES: Final = frozenset({"General", "0", "0.00", "#,##0", "#,##0.00", "@"})
_DAY_CODE: Final = re.compile(
    r'(?:yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|"[^"<>]*"|\\?[-/. :]|[年月日])+(?:;@)?'
)
"""A date (or date and time) format both libraries read a date in: no elapsed time
(``[h]``), no AM/PM, no fraction of a second. Only whole-day serials are plain."""
_DAY_BUILTINS: Final = frozenset({14, 15, 16, 17, 22})
_SHEET_TARGET: Final = re.compile(r"(?:/xl/)?worksheets/sheet[0-9]{1,5}\.xml")
_ESCAPED_SPACE: Final = re.compile(r"[\r\x0b\x0c\x1c-\x1f]")
"""White space a cell's text holds only as an ``_xHHHH_`` escape: such a text is not blank."""


def open_book(handle: Any, name: str) -> Book:
    """Open a register workbook whose zip directory has been checked (see :mod:`.safety`).

    Args:
        handle: The workbook, a seekable binary file.
        name: The file's name, for the problems' place.

    Returns:
        The open workbook.

    Raises:
        InputError: Not a readable workbook, or unsafe XML.
        OSError: The file itself cannot be read.
    """
    import zipfile
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from openpyxl.utils.exceptions import InvalidFileException

    unsafe = (DefusedXmlException, ParseError)
    refused = (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        TypeError,
        OSError,  # openpyxl's own, with no errno: a zip holding no workbook part
        *unsafe,
    )
    try:
        reader = _reader_class()(handle, read_only=True, data_only=False)
        reader.read()
        names = set(reader.valid_files)
        shared = "xl/sharedStrings.xml"
        plain = reader.parser.workbook_part_name == "xl/workbook.xml" and (
            reader.strings_part == shared if shared in names else reader.strings_part is None
        )  # calamine looks for both parts there, whatever the package's manifest says
        book = Book(reader.wb, reader.sheet_parts, handle, plain and calamine_wanted())
        if not book.fast:
            reader.shared_strings.load()  # now, where openpyxl read them: same refusals
    except refused as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            raise  # the file itself could not be read
        cause = exc if isinstance(exc, unsafe) else caused_by(exc, unsafe)
        if cause is not None:
            raise InputError([unsafe_problem(name, cause)]) from None
        raise InputError([Problem(name, RegisterText.UNREADABLE(str(exc)))]) from None
    return book


class _Strings:
    """A workbook's shared strings for openpyxl, read when first asked for.

    A workbook whose shared strings are plain (see :mod:`.vet`) has its
    sheets read by calamine, which reads the strings itself: openpyxl's
    reading of them (slow, and for nothing) is spared unless a sheet is
    handed to openpyxl after all.
    """

    def __init__(self, load: Any) -> None:
        self._load = load
        self._items: list[str] | None = None

    def load(self) -> list[str]:
        """The strings (read now if not yet)."""
        if self._items is None:
            self._items = self._load()
        return self._items

    def __getitem__(self, index: int) -> str:
        return self.load()[index]

    def __len__(self) -> int:
        return len(self.load())


def _reader_class() -> Any:
    """Openpyxl's workbook reader, keeping shared strings as stored and noting sheet parts.

    The shared strings are read when first needed (:class:`_Strings`).

    openpyxl removes every ``x005F_`` from shared strings (Excel's escape of
    a literal ``_xHHHH_``), which turns a typed ``_x0041_`` into ``A``; the
    text is kept as stored here and unescaped once, by
    :func:`~.cells.unescape_text`, as inline text is.
    """
    from openpyxl.cell.text import Text
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    class Reader(ExcelReader):
        sheet_parts: dict[str, str]

        strings_part: str | None = None

        def read_strings(self) -> None:
            package: Any = self.package  # the manifest (untyped in openpyxl's stubs)
            found = package.find(SHARED_STRINGS)
            self.strings_part = None if found is None else str(found.PartName[1:])
            # openpyxl only indexes them (shared_strings[i]): a lazy sequence will do
            self.shared_strings = cast("list[str]", _Strings(self._strings))

        def _strings(self) -> list[str]:
            if self.strings_part is None:
                return []
            tag = f"{{{SHEET_MAIN_NS}}}si"
            strings = []
            with self.archive.open(self.strings_part) as source:
                for _, node in iterparse(source):
                    if node.tag == tag:
                        text = Text.from_tree(node)
                        strings.append("" if text is None else text.content)
                        node.clear()
            return strings

        def read_worksheets(self) -> None:
            self.sheet_parts = {
                sheet.name: str(rel.target)
                for sheet, rel in self.parser.find_sheets()
                if "worksheet" in str(rel.Type)
            }
            super().read_worksheets()

    return Reader


class Book:
    """An open register workbook (read-only): sheet names, states and rows.

    Args:
        book: The openpyxl workbook (read-only).
        parts: Each worksheet's part, by name.
        handle: The workbook file (seekable), for calamine.
        fast: Whether to read plain sheets with calamine.
    """

    def __init__(self, book: Any, parts: dict[str, str], handle: Any, fast: bool):
        self._book = book
        self._parts = parts
        self._handle = handle
        self._calamine: Any = None
        self._pattern: re.Pattern[bytes] | None = None
        self.fast = fast and self._plain_book()
        self.readers: dict[str, str] = {}
        """Which library read each sheet read so far: ``calamine`` or ``openpyxl``."""

    @property
    def sheetnames(self) -> list[str]:
        """The sheets, in workbook order."""
        return list(self._book.sheetnames)

    def state(self, name: str) -> str:
        """A sheet's state: ``visible``, ``hidden`` or ``veryHidden``."""
        return str(getattr(self._book[name], "sheet_state", "visible"))

    def rows(self, name: str) -> Iterator[Sequence[Any]]:
        """The rows of a sheet from row 1, each a list of values by column (see the module)."""
        if self.fast:
            rows = self._calamine_rows(name)
            if rows is not None:
                self.readers[name] = "calamine"
                return iter(rows)
        self.readers[name] = "openpyxl"
        return _openpyxl_rows(self._book[name])

    def close(self) -> None:
        """Release the workbook."""
        self._book.close()
        if self._calamine is not None:
            self._calamine.close()

    def _plain_book(self) -> bool:
        """Whether the workbook's own parts let calamine read its plain sheets alike."""
        import zipfile

        from openpyxl.utils.datetime import WINDOWS_EPOCH

        archive: zipfile.ZipFile = self._book._archive
        names = set(archive.namelist())
        if len(self._parts) != len(self._book.sheetnames) or not all(
            part in names for part in self._parts.values()
        ):
            return False
        try:
            if "xl/sharedStrings.xml" in names and not vet_shared_strings(
                archive.read("xl/sharedStrings.xml")
            ):
                return False
            for part in ("xl/workbook.xml", "[Content_Types].xml"):
                archive.read(part)  # whole and as declared (size and CRC), before calamine
            if not _plain_targets(archive.read("xl/_rels/workbook.xml.rels")):
                return False  # calamine may find another part than openpyxl did
            styles = archive.read("xl/styles.xml") if "xl/styles.xml" in names else b""
            numbers, days = _styles(self._book, styles)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, SyntaxError):
            return False  # ParseError is a SyntaxError; openpyxl read these parts, though
        if self._book.epoch != WINDOWS_EPOCH:
            days = set()
        self._pattern = cell_pattern(numbers, days)
        return True

    def _calamine_rows(self, name: str) -> list[list[Any]] | None:
        """The rows calamine reads from a plain sheet, or ``None`` to read it with openpyxl."""
        import zipfile

        from python_calamine import CalamineWorkbook

        assert self._pattern is not None
        try:
            data = self._book._archive.read(self._parts[name])
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
            return None
        vetted = vet_sheet(data, self._pattern)
        del data
        if vetted is None:
            return None
        try:
            if self._calamine is None:
                self._handle.seek(0)
                self._calamine = CalamineWorkbook.from_filelike(self._handle)
            if self._calamine.sheet_names != self.sheetnames:
                self.fast = False
                return None
            grid = self._calamine.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # noqa: BLE001 - CalamineError, and a Rust panic (a BaseException)
            return None  # openpyxl reads the sheet, and says what is wrong with it, if anything
        return _normal(grid, vetted)


def _plain_targets(rels: bytes) -> bool:
    """Whether every worksheet relationship names its part plainly (``worksheets/sheet3.xml``)."""
    from defusedxml.ElementTree import fromstring

    package = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    for rel in fromstring(rels).iter(f"{package}Relationship"):
        if str(rel.get("Type", "")).endswith("/worksheet") and not _SHEET_TARGET.fullmatch(
            str(rel.get("Target", ""))
        ):
            return False
    return True


def _openpyxl_rows(sheet: Any) -> Iterator[Sequence[Any]]:
    """The rows openpyxl reads, as values (its errors are left to the caller)."""
    sheet.reset_dimensions()  # never trust a stored size: read every row there is
    for row in sheet.iter_rows(min_row=1, min_col=1):
        yield [_openpyxl_value(cell) for cell in row]


def _openpyxl_value(cell: Any) -> Any:
    value = cell.value
    kind = getattr(cell, "data_type", None)
    if kind == "f":
        return FORMULA
    if is_blank(value):
        return None
    if kind == "e":
        return ErrorValue(str(value))
    return unescape_text(value) if isinstance(value, str) else value


def _normal(grid: list[list[Any]], vetted: Vetted) -> list[list[Any]]:
    """Calamine's values as openpyxl's path gives them (see the module)."""
    import datetime as dt

    datetime, date = dt.datetime, dt.date
    for row in grid:
        for index, value in enumerate(row):
            kind = type(value)
            if kind is str:
                if not value or (value.isspace() and not _ESCAPED_SPACE.search(value)):
                    row[index] = None
            elif kind is float:
                if value.is_integer():  # vetting: a whole float was written as a whole number
                    row[index] = int(value)
            elif kind is date:
                row[index] = datetime(value.year, value.month, value.day)
    for reference in vetted.errors.keys() - vetted.formulas:
        _mark(grid, reference, ErrorValue(vetted.errors[reference]))
    for reference in vetted.formulas:
        _mark(grid, reference, FORMULA)
    return grid


def _mark(grid: list[list[Any]], reference: str, value: Any) -> None:
    """Put *value* at *reference* (``J2``), growing the grid as needed."""
    found = re.fullmatch(r"([A-Z]+)([0-9]+)", reference)
    assert found is not None
    number, column = int(found[2]), _column_number(found[1])
    grid.extend([] for _ in range(number - len(grid)))
    row = grid[number - 1]
    row.extend([None] * (column - len(row)))
    row[column - 1] = value


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _styles(book: Any, styles: bytes) -> tuple[set[int], set[int]]:
    """The cell styles (``s``) both libraries read a number in as a number, and as a date.

    A style counts only when its number format is one of a few plain ones
    (General, ``0``, ``@`` ...; ``yyyy-mm-dd``, ``yyyy/m/d``, ``yyyy"年"m"月"d"日"`` ...)
    and openpyxl says the same of it.
    """
    from defusedxml.ElementTree import fromstring
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    numbers: set[int] = set()
    days: set[int] = set()
    if styles:
        root = fromstring(styles)
        main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        for fmt in root.iter(f"{main}numFmt"):
            if int(fmt.get("numFmtId", "0")) < 164:
                return numbers, days  # a builtin redefined: calamine may read it otherwise
    timed = set(book._timedelta_formats)
    for index, style in enumerate(book._cell_styles):
        fid = style.numFmtId
        code = BUILTIN_FORMATS.get(fid) if fid < 164 else book._number_formats[fid - 164]
        if index in timed or code is None:
            continue
        if index in book._date_formats:
            if fid in _DAY_BUILTINS or (fid >= 164 and _DAY_CODE.fullmatch(code)):
                days.add(index)
        elif code in _NUMBER_CODES:
            numbers.add(index)
    return numbers, days
