"""Vetting a worksheet's XML for the fast reader: is it plain enough to read with calamine?

calamine (python-calamine) reads cells far faster than openpyxl, but not
always the same way: it ignores formulas (it gives their cached values),
reads an error value as an empty cell, trims text without
``xml:space="preserve"``, reads ``<v>abc</v>`` in an untyped cell as text,
places a cell by its own reference where openpyxl places it in its row, and
so on. Rather than list what differs, this module says what is *plain*: a
sheet whose ``<sheetData>`` matches, as a whole (one regular expression run
in C), the shapes that both libraries read alike, value by value:

* rows ``<row r="N" ...>`` in increasing order, each cell ``<c r="A1" s="3"
  t="...">`` in its own row, no column past ``ZZ``, nothing but rows and cells;
* numbers written as whole numbers (openpyxl gives an ``int``) or with a
  fraction that is not zero (a ``float``), in a style both read as a number;
  whole-day serial dates in a style both read as a date;
* shared strings ``t="s"``, booleans ``0``/``1``, inline strings with one
  ``<t>``, text that does not start or end with white space unless it keeps it
  (``xml:space="preserve"``), the five named XML entities and a tab or line
  feed written as a character reference (as LibreOffice writes them),
  ``_x00HH_`` escapes only (calamine leaves ``_xHHHH_`` above U+00FF as written);
* formulas (``<f>``, whatever their cached value) and error values
  (``#DIV/0!``): their cells are returned, so that the reader refuses each at
  its place, as openpyxl's path does.

Anything else (a DOCTYPE, a comment, another character reference, a namespace
prefix, a control character, a date style calamine may read otherwise, a
sheet so wide or long that calamine's dense grid would not fit the memory
budget ...) makes the sheet not plain, and the reader hands it to openpyxl.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from typing import Final

import attrs

from ..._domain.limits import MAX_ROWS

MAX_GRID: Final = 4_000_000
"""The most cells (rows x columns) a sheet read by calamine may span: calamine
holds a sheet as a dense grid, so a sheet with a cell at A1 and one far away
would take gigabytes. 4 million cells is some 30 times the largest sheet of a
5,000-community register; a larger sheet is read by openpyxl, row by row."""

_MAIN_NS: Final = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_DECLARATION: Final = re.compile(
    rb'<\?xml version="1\.0"(?: encoding="[Uu][Tt][Ff]-8")?(?: standalone="(?:yes|no)")?\s*\?>\s*'
)
_ROOT: Final = re.compile(rb"<worksheet[ >]")
_ENTITY: Final = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#9|#10|#x9|#x[Aa]);)")
"""An entity reference other than the five named ones and a tab or line feed
(LibreOffice writes a line break as ``&#10;``); a carriage return is not let
through (``&#13;``: a text of it alone is blank as stored, its escape is not)."""
_ESCAPE: Final = re.compile(rb"_x(?:(?!00)[0-9A-Fa-f]{4}|00(?:09|0[Aa]|20|85|[Aa]0))_")
_CONTROL: Final = bytes(range(0x20)).translate(None, b"\t\n\r")


def _forbidden(data: bytes) -> bool:
    """Whether *data* holds what no plain part does.

    A DTD, comment or CDATA section (``<!``); an entity other than the named
    ones, a tab or a line feed (:data:`_ENTITY`); a control character or
    U+FFFE/U+FFFF (not XML); an ``_xHHHH_`` escape above U+00FF (calamine
    leaves it as written) or of a white-space character that may also be
    written as itself (so that a blank text is blank as stored). Byte
    searches first: they run at memory speed, where one expression with
    alternatives would try every byte.
    """
    return (
        b"<!" in data
        or (b"&" in data and _ENTITY.search(data) is not None)
        or len(data.translate(None, _CONTROL)) != len(data)
        or b"\xef\xbf\xbe" in data
        or b"\xef\xbf\xbf" in data
        or (b"_x" in data and _ESCAPE.search(data) is not None)
    )


_ERRORS: Final = rb"#NULL!|#DIV/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N/A"
_STYLE: Final = rb'(?: s="(?:0|[1-9][0-9]{0,4})")?'
_INT: Final = rb"-?(?:0|[1-9][0-9]{0,14})"
_FRACTION: Final = rb"-?(?:0|[1-9][0-9]{0,8})\.[0-9]{0,5}[1-9]"
_DAY: Final = rb"(?:6[1-9]|[7-9][0-9]|[1-9][0-9]{2,5})"
"""A whole-day date serial both libraries read alike (1900-03-01 to 4637-11-25)."""
_NAMED: Final = rb"&(?:amp|lt|gt|quot|apos);"
_TEXT: Final = (
    rb"(?:<t>(?:(?:[^<\s&]|" + _NAMED + rb")(?:[^<]*(?:[^<\s;]|" + _NAMED + rb"))?)?</t>"
    rb'|<t xml:space="preserve">[^<]*</t>|<t ?/>)'
)
"""A text run. Without ``xml:space="preserve"`` calamine trims white space at
either end, even written as a character reference, so such a text must
neither start nor end with either."""
_FORMULA: Final = rb"<f(?: [^>]*)?(?:/>|>[^<]*</f>)(?:<v>[^<]*</v>|<v ?/>)?"

_CELL_REF: Final = re.compile(rb'<c r="([A-Z]{1,2})([0-9]+)"')
_ROW_NUMBER: Final = re.compile(rb'<row r="([0-9]+)"')
_WIDE: Final = re.compile(rb'<c r="[A-Z]{2}')
_FORMULA_CELL: Final = re.compile(rb'<c r="([A-Z]{1,2}[0-9]+)"[^>]*><f[ />]')
_ERROR_CELL: Final = re.compile(rb'<c r="([A-Z]{1,2}[0-9]+)"' + _STYLE + rb' t="e"><v>([^<]*)</v>')
_NO_DATA: Final = re.compile(rb"<sheetData ?/>")
_DIMENSION: Final = re.compile(rb'<dimension ref="([^"]*)"')
_RANGE_END: Final = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})$")

_SHARED: Final = re.compile(
    rb"(?:<\?xml[^>]*\?>)?\s*<sst [^>]*>(?:<si>(?:"
    + _TEXT
    + rb'|(?:<r>(?:<rPr>(?:<[a-zA-Z]+(?: [a-zA-Z]+="[^"<>]*")* ?/>)*</rPr>)?'
    + _TEXT
    + rb"</r>)++)(?:<phoneticPr [^>]*/>)?</si>)*+</sst>\s*"
)


@attrs.frozen
class Vetted:
    """What vetting found in a plain sheet.

    Args:
        formulas: The references (``"J2"``) of cells holding a formula.
        errors: The references of cells holding an error value, with its text.
    """

    formulas: frozenset[str] = frozenset()
    errors: dict[str, str] = attrs.Factory(dict)


def cell_pattern(numbers: Collection[int], days: Collection[int]) -> re.Pattern[bytes]:
    """The expression a plain ``<sheetData>`` matches, for a workbook's styles.

    Args:
        numbers: The cell styles (``s``) both libraries read numbers in as numbers.
        days: The cell styles both read as dates.

    Returns:
        A compiled expression; its ``fullmatch`` of the sheet data says whether it is plain.
    """

    def styles(ids: Collection[int]) -> bytes:
        return b"|".join(str(i).encode() for i in sorted(ids)) or b"(?!)"

    number = rb'(?:(?: s="(?:' + styles(numbers) + rb')")' + (b"?" if 0 in numbers else b"")
    number += rb'(?: t="n")?(?: ?/>|>(?:<v>(?:' + _FRACTION + b"|" + _INT + rb")</v>)?</c>))"
    day = rb'(?: s="(?:' + styles(days) + rb')"(?: t="n")?(?: ?/>|>(?:<v>' + _DAY + rb"</v>)?</c>))"
    typed = (
        _STYLE
        + rb'(?: t="s"(?: ?/>|>(?:<v>(?:0|[1-9][0-9]{0,8})</v>)?</c>)'
        + rb'| t="b"(?: ?/>|>(?:<v>[01]</v>)?</c>)'
        + rb'| t="e"(?: ?/>|>(?:<v>(?:'
        + _ERRORS
        + rb")</v>)?</c>)"
        + rb'| t="inlineStr"(?: ?/>|></c>|><is>'
        + _TEXT
        + rb"</is></c>)"
        + rb'|(?: t="(?:n|s|b|e|str)")?>'
        + _FORMULA
        + rb"</c>)"
    )
    cell = rb'<c r="[A-Z]{1,2}\1"(?:' + typed + b"|" + number + b"|" + day + b")"
    row = rb'<row r="([1-9][0-9]{0,6})"(?: [^>]*)?(?: ?/>|>(?:' + cell + rb")*+</row>)"
    return re.compile(rb"<sheetData>(?:" + row + rb")*+</sheetData>|<sheetData ?/>")


def vet_sheet(data: bytes, pattern: re.Pattern[bytes]) -> Vetted | None:
    """Vet one worksheet's XML; ``None`` when it is not plain.

    Args:
        data: The worksheet part, as stored.
        pattern: :func:`cell_pattern` for the workbook's styles.

    Returns:
        The formula and error cells of a plain sheet, or ``None``.
    """
    declared = _DECLARATION.match(data)
    start = declared.end() if declared else 0
    root = _ROOT.match(data, start)
    if root is None or _forbidden(data):
        return None
    begin = data.find(b"<sheetData")
    end = data.find(b"</sheetData>") + 12
    if end == 11:  # none: an empty sheet's <sheetData/>, or nothing readable
        empty = _NO_DATA.match(data, begin)
        end = empty.end() if empty is not None and begin >= 0 else -1
    if begin < 0 or end < begin or data.find(b"<sheetData", begin + 1) >= 0:
        return None
    head = data[start:begin]
    if head.count(b'xmlns="') != 1 or _MAIN_NS not in head[: head.find(b">") + 1]:
        return None
    if b"xmlns" in data[begin:end] or not _fits(data, begin, end):
        return None
    if pattern.fullmatch(data, begin, end) is None:
        return None
    formulas = (
        frozenset(m[1].decode() for m in _FORMULA_CELL.finditer(data, begin, end))
        if data.find(b"<f", begin, end) >= 0
        else None
    )
    errors = (
        {m[1].decode(): m[2].decode() for m in _ERROR_CELL.finditer(data, begin, end)}
        if data.find(b't="e"', begin, end) >= 0
        else {}
    )
    return Vetted(formulas or frozenset(), errors)


def _fits(data: bytes, begin: int, end: int) -> bool:
    """Whether the rows ascend, stay within a spreadsheet's rows and fit :data:`MAX_GRID`."""
    numbers = [int(n) for n in _ROW_NUMBER.findall(data, begin, end)]
    if any(a >= b for a, b in itertools.pairwise(numbers)):
        return False  # openpyxl skips a row that does not come after the last
    last = numbers[-1] if numbers else 0
    width = 26
    if _WIDE.search(data, begin, end):
        width = max(_column(m[0]) for m in _CELL_REF.findall(data, begin, end))
    dimension = _DIMENSION.search(data, 0, begin)
    if dimension is not None:
        corner = _RANGE_END.search(dimension[1].decode("ascii", "replace"))
        if corner is None:
            return False
        rows, columns = int(corner[2]), _column(corner[1].encode())
        if rows * columns > MAX_GRID:
            return False
    return last <= MAX_ROWS and last * width <= MAX_GRID


def _column(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def vet_shared_strings(data: bytes) -> bool:
    """Whether a shared-strings part is plain: text both libraries read alike.

    Args:
        data: The ``sharedStrings.xml`` part, as stored.

    Returns:
        Whether calamine reads every string as openpyxl does.
    """
    if _forbidden(data) or data.count(b'xmlns="') != 1 or _MAIN_NS not in data:
        return False
    return _SHARED.fullmatch(data) is not None
