"""What calamine does not say about a worksheet, found with the standard library's XML parser.

python-calamine (0.9) reads a formula's cached value as if typed, an error
value as an empty cell, and leaves an ``_xHHHH_`` escape above U+00FF as
written (where a literal ``_x005F_xHHHH_`` reads the same); and it holds a
sheet as a dense grid, so a 1 KB workbook with a cell at A1 and one at
XFD1048576 makes it ask for 500 GB and abort the process. Before calamine
reads a sheet, :func:`scan_sheet` walks its XML once (expat, namespaces
resolved, a DTD refused) and notes how far its cells reach and where its
formulas and error values are. A number cell whose value is not a finite
number (``abc`` makes calamine refuse the whole sheet; ``nan`` and ``inf`` it
reads as numbers) is found too, only in a sheet where one regular expression
over the part sees a value that may not be a number, and its value is taken
out (:func:`blanked`) so that calamine reads the rest. When calamine's text still holds an escape,
:func:`raw_texts` and :func:`shared_strings` read the text as stored.

Cells are placed as calamine places them: by their reference (``r``), else
one column after the cell before them in their row.
"""

from __future__ import annotations

import math
import re
import zipfile
from typing import Any, Final

import attrs

MAX_GRID: Final = 4_000_000
"""The most cells (rows x columns) a sheet may span: calamine holds a sheet as
a dense grid. 4 million cells is some 30 times the largest sheet of a
5,000-community register."""

SHARED_STRINGS: Final = "xl/sharedStrings.xml"
"""The shared strings part, where calamine reads it (in any case, whatever the manifest says)."""

_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_ROW: Final = _MAIN + "row"
_CELL: Final = _MAIN + "c"
_FORMULA: Final = _MAIN + "f"
_VALUE: Final = _MAIN + "v"
_TEXT: Final = _MAIN + "t"
_PHONETIC: Final = _MAIN + "rPh"
_ITEM: Final = _MAIN + "si"
_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

_NUMBER: Final = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
"""A number as a worksheet stores it (what calamine reads; ``nan`` and ``inf`` are not)."""
_ODD_VALUE: Final = re.compile(
    rb"v>(?!(?:[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]{1,2})?)?</)"
)
"""A value that may not be a number (one regular expression over the part, anchored on
``v>`` to be quick: about 1% of reading a register): only a sheet with one is walked again
value by value, to find its malformed numbers. A value element with attributes, which
spreadsheet programs never write, is left to calamine (which refuses ``abc`` with the whole
sheet, and reads ``nan`` as a number that no column accepts)."""

Place = tuple[int, int]
"""A cell's row and column, from 1."""


class Unsafe(Exception):  # noqa: N818 - carries the parser's refusal
    """A part's XML is unsafe (a DTD) or broken."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


@attrs.frozen
class Scan:
    """What a worksheet's XML says that calamine does not.

    Args:
        rows: The last row any cell is in (0: no cells).
        columns: The last column any cell is in.
        formulas: The places of cells holding a formula.
        errors: The places of cells holding an error value, with its text.
        malformed: The places of number cells whose value is not a finite
            number (``abc``, ``nan``, ``1e999``), with its text and the bytes
            of its value element (start, end) in the part.
    """

    rows: int
    columns: int
    formulas: frozenset[Place]
    errors: dict[Place, str]
    malformed: dict[Place, tuple[str, int, int]] = attrs.field(factory=dict)


def _column(letters: str) -> int:
    """The number of a column's letters (``AB`` → 28), case as calamine takes it.

    Raises:
        ValueError: Not one to three letters.
    """
    letters = letters.upper()
    if not 1 <= len(letters) <= 3 or not _LETTERS.issuperset(letters):
        raise ValueError(f"not a cell reference: {letters!r}")
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_COLUMNS: Final[dict[str, int]] = {}
"""Column numbers by letters, as met (a register uses a few dozen)."""


def _place(reference: str) -> Place:
    """A reference (``B12``) as a place.

    Raises:
        ValueError: Not a cell reference calamine reads.
    """
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters) :]
    column = _COLUMNS.get(letters)
    if column is None:
        column = _column(letters)
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = column
    if not digits or len(digits) > 8:
        raise ValueError(f"not a cell reference: {reference!r}")
    return int(digits), column


def _parser() -> Any:
    """An expat parser resolving namespaces and refusing a DTD (so no entity is declared)."""
    from xml.parsers import expat

    from defusedxml import DTDForbidden

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.ordered_attributes = True

    def refuse(name: str, system: str | None, public: str | None, *_: Any) -> None:
        raise DTDForbidden(name, system, public)

    parser.StartDoctypeDeclHandler = refuse
    return parser


def _parse(parser: Any, data: bytes) -> None:
    """Run *parser* over *data*.

    Raises:
        Unsafe: A DTD, or XML that is not well formed.
    """
    from xml.parsers.expat import ExpatError

    from defusedxml import DTDForbidden

    try:
        parser.Parse(data, True)
    except (ExpatError, DTDForbidden) as exc:
        raise Unsafe(exc) from None


class _Walk:
    """The state of one walk over a worksheet (expat calls :meth:`start` for each element)."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.row = 0
        self.digits = ""  # the row's number as written
        self.column = 0
        self.cell: Place = (0, 0)
        self.rows = 0
        self.columns = 0
        self.error = False
        self.formulas: set[Place] = set()
        self.errors: dict[Place, str] = {}
        self.chunks: list[str] = []

    def start(self, name: str, attributes: list[str]) -> None:
        if name == _CELL:
            if attributes and attributes[0] == "r":
                reference: str | None = attributes[1]
            else:
                found = dict(zip(attributes[::2], attributes[1::2], strict=True))
                reference = found.get("r")
            if reference is None:
                self.column += 1
                place = (self.row, self.column)
            elif reference.endswith(self.digits) and (
                column := _COLUMNS.get(reference[: len(reference) - len(self.digits)])
            ):
                place = (self.row, column)  # in its own row, as nearly every cell is
                self.column = column
            else:
                place = _place(reference)
                self.column = place[1]
                self.rows = max(self.rows, place[0])
            self.cell = place
            if place[1] > self.columns:
                self.columns = place[1]
            self.error = "e" in attributes and ("t", "e") in zip(
                attributes[::2], attributes[1::2], strict=True
            )
            if self.error:
                self.errors[place] = ""
        elif name == _ROW:
            number = None
            for index in range(0, len(attributes), 2):
                if attributes[index] == "r":
                    number = attributes[index + 1]
            self.row = self.row + 1 if number is None else _place("A" + number)[0]
            self.digits = str(self.row) if number is None else number
            self.column = 0
            self.rows = max(self.rows, self.row)
        elif name == _FORMULA:
            self.formulas.add(self.cell)
        elif name == _VALUE and self.error:
            self.chunks.clear()
            self.parser.CharacterDataHandler = self.chunks.append
            self.parser.EndElementHandler = self.end

    def end(self, name: str) -> None:
        if name == _VALUE:
            self.errors[self.cell] = "".join(self.chunks)
            self.parser.CharacterDataHandler = None
            self.parser.EndElementHandler = None


class _Numbers(_Walk):
    """A walk that also reads the value of each number cell, to find the malformed ones."""

    def __init__(self, parser: Any, data: bytes) -> None:
        super().__init__(parser)
        self.data = data
        self.number = False
        self.began = 0
        self.malformed: dict[Place, tuple[str, int, int]] = {}

    def start(self, name: str, attributes: list[str]) -> None:
        super().start(name, attributes)
        if name == _CELL:
            found = dict(zip(attributes[::2], attributes[1::2], strict=True))
            self.number = found.get("t", "n") == "n"
        elif name == _VALUE and self.number:
            self.began = self.parser.CurrentByteIndex
            self.chunks.clear()
            self.parser.CharacterDataHandler = self.chunks.append
            self.parser.EndElementHandler = self.end_number

    def end_number(self, name: str) -> None:
        if name != _VALUE:
            return
        self.parser.CharacterDataHandler = None
        self.parser.EndElementHandler = None
        text = "".join(self.chunks)
        if text and not (_NUMBER.fullmatch(text) and math.isfinite(float(text))):
            end = self.data.index(b">", self.parser.CurrentByteIndex) + 1
            self.malformed[self.cell] = (text, self.began, end)


def scan_sheet(data: bytes) -> Scan:
    """Walk a worksheet's XML: how far its cells reach, its formulas, errors, malformed numbers.

    Args:
        data: The worksheet part, as stored.

    Returns:
        What the sheet holds that calamine does not say.

    Raises:
        Unsafe: A DTD, or XML that is not well formed.
        ValueError: A cell reference that is not one.
    """
    parser = _parser()
    walk = _Numbers(parser, data) if _ODD_VALUE.search(data) else _Walk(parser)
    parser.StartElementHandler = walk.start
    _parse(parser, data)
    malformed = walk.malformed if isinstance(walk, _Numbers) else {}
    return Scan(walk.rows, walk.columns, frozenset(walk.formulas), walk.errors, malformed)


def blanked(data: bytes, malformed: dict[Place, tuple[str, int, int]]) -> bytes:
    """The part with the value elements of *malformed* cells taken out (the cells left empty)."""
    kept: list[bytes] = []
    at = 0
    for _text, start, end in sorted(malformed.values(), key=lambda found: found[1]):
        kept.append(data[at:start])
        at = end
    kept.append(data[at:])
    return b"".join(kept)


def raw_texts(data: bytes, places: set[Place]) -> dict[Place, tuple[bool, str]]:
    """The text of the cells at *places* as stored (escapes and all).

    Args:
        data: The worksheet part, as stored.
        places: The cells wanted.

    Returns:
        For each text cell found: whether it is a shared string (its text
        is then the string's index) and its text.

    Raises:
        Unsafe: A DTD, or XML that is not well formed.
        ValueError: A cell reference that is not one.
    """
    parser = _parser()
    found: dict[Place, tuple[bool, str]] = {}
    state: dict[str, Any] = {"row": 0, "column": 0, "cell": None, "shared": False, "depth": 0}
    chunks: list[str] = []

    def start(name: str, attributes: list[str]) -> None:
        values = dict(zip(attributes[::2], attributes[1::2], strict=True))
        if name == _ROW:
            number = values.get("r")
            state["row"] = state["row"] + 1 if number is None else _place("A" + number)[0]
            state["column"] = 0
        elif name == _CELL:
            reference = values.get("r")
            if reference is None:
                state["column"] += 1
                place = (state["row"], state["column"])
            else:
                place = _place(reference)
                state["column"] = place[1]
            kind = values.get("t")
            state["cell"] = place if place in places and kind in ("s", "inlineStr") else None
            state["shared"] = kind == "s"
            chunks.clear()
        elif name == _PHONETIC:
            state["depth"] += 1
        elif state["cell"] is not None and not state["depth"]:
            wanted = _VALUE if state["shared"] else _TEXT
            parser.CharacterDataHandler = chunks.append if name == wanted else None

    def end(name: str) -> None:
        parser.CharacterDataHandler = None
        if name == _PHONETIC:
            state["depth"] -= 1
        elif name == _CELL and state["cell"] is not None:
            found[state["cell"]] = (state["shared"], "".join(chunks))
            state["cell"] = None

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    _parse(parser, data)
    return found


def shared_strings(archive: zipfile.ZipFile) -> list[str]:
    """The shared strings as stored (escapes and all), phonetic runs left out.

    Args:
        archive: The workbook.

    Returns:
        Each string's text, by index (none when there is no such part).

    Raises:
        Unsafe: A DTD, or XML that is not well formed.
    """
    found = [n for n in archive.namelist() if n.lower() == SHARED_STRINGS.lower()]
    if not found:
        return []
    parser = _parser()
    strings: list[str] = []
    chunks: list[str] = []
    depth = [0]

    def start(name: str, _attributes: list[str]) -> None:
        if name == _ITEM:
            chunks.clear()
        elif name == _PHONETIC:
            depth[0] += 1
        elif name == _TEXT and not depth[0]:
            parser.CharacterDataHandler = chunks.append

    def end(name: str) -> None:
        parser.CharacterDataHandler = None
        if name == _ITEM:
            strings.append("".join(chunks))
        elif name == _PHONETIC:
            depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    _parse(parser, archive.read(found[0]))  # one: parts named alike are refused (safety)
    return strings
