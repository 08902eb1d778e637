"""Writing many rows of a workbook fast: their XML, put into the workbook openpyxl saved.

openpyxl makes a ``Cell`` object for every value and serialises each through
ElementTree: some 20-30 s for the half a million cells of a 5,000-community
register, three quarters of it in those two steps. Its write-only mode and
lxml save only part of that (both measured: 1.2-1.6x). So openpyxl still makes
the whole workbook (the instructions sheet, headers, styles, column widths
and formats, dropdowns, frozen panes) and writes the first data row of each
sheet itself, and :class:`BulkRows` writes every further row as XML text,
exactly as openpyxl writes it (the same elements, attributes, escapes and
style ids; ``tests/test_register_write.py`` compares the bytes), into the
saved workbook's worksheet parts (:func:`save_bulk`).

Text is always an inline string (``t="inlineStr"``), never a formula, and is
escaped as :func:`.cells.escape_text` says; numbers are numbers and dates
real date cells, as :func:`.cells.put` writes them.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..._domain.errors import Refusal
from ..atomic import atomic_write, check_target
from .cells import MAX_CELL_TEXT, escape_text, put
from .layout import DATE_FORMAT
from .texts import RegisterText

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

Styler = Callable[["Cell"], None]
"""Gives an openpyxl cell its style (font, fill, alignment, number format)."""

_CHUNK: Final = 2048
"""Rows put together before they are written into the zip file."""
_XFS: Final = re.compile(rb'<cellXfs count="([0-9]+)"')
_DIMENSION: Final = re.compile(r'<dimension ref="[^"]*"')


def _xml_text(text: str) -> str:
    """Escape text as ElementTree does in element content (``&``, ``<``, ``>``)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


class BulkRows:
    """The data rows of one worksheet: the first written by openpyxl, the rest as XML.

    Rows are numbered on from *first*. A ``None`` value leaves its cell out;
    text is written as text (escaped, never a formula), dates as date cells
    in :data:`.layout.DATE_FORMAT`, whole numbers, fractions and booleans as
    such. Text longer than a cell holds is refused when the workbook is
    saved (the first row's, when it is added), before anything is written.

    Args:
        sheet: The worksheet (of a workbook in normal, not write-only, mode).
        first: The number of the first data row.
        text_style: The style of text cells, if any (the same for all).
        blank_cells: Whether a ``None`` makes an empty cell (it counts in
            the sheet's extent) rather than none at all, as openpyxl does
            for a cell given the value ``None``.
    """

    def __init__(
        self,
        sheet: Worksheet,
        first: int = 2,
        *,
        text_style: Styler | None = None,
        blank_cells: bool = False,
    ) -> None:
        self.sheet = sheet
        self.first = first
        self.text_style = text_style
        self.blank_cells = blank_cells
        self.rows: list[tuple[int, Sequence[Any]]] = []
        self.count = 0
        self.last_row = 0
        self.widest = 0
        self.dates = False

    def add(self, values: Sequence[Any]) -> None:
        """Add the next row.

        Args:
            values: Its cells' values, from column A.

        Raises:
            Refusal: A text of the first row is longer than a cell holds (a
                ``ValueError``; later rows' when the workbook is saved).
            TypeError: A value is not text, a number, a boolean, a date or ``None``.
        """
        number = self.first + self.count
        self.count += 1
        kinds = set(map(type, values))
        if not kinds <= _EXACT:
            values = [_plain(value) for value in values]
            kinds = set(map(type, values))
        self.dates = self.dates or dt.date in kinds
        if self.count == 1:
            self._put(number, values)
            return
        filled = len(values)
        if not self.blank_cells:
            while filled and values[filled - 1] is None:
                filled -= 1
        if filled:
            self.rows.append((number, values))
            self.last_row = number
            self.widest = max(self.widest, filled)

    def _put(self, number: int, values: Sequence[Any]) -> None:
        """Write a row through openpyxl, as every row was written before."""
        from openpyxl.cell.cell import Cell

        for index, value in enumerate(values, start=1):
            if value is None and not self.blank_cells:
                continue
            put(self.sheet, number, index, value, DATE_FORMAT if type(value) is dt.date else None)
            if type(value) is str and self.text_style is not None:
                cell = self.sheet.cell(row=number, column=index)
                assert isinstance(cell, Cell)  # not a merged cell: nothing is merged
                self.text_style(cell)

    def style_ids(self) -> tuple[int | None, int | None]:
        """The style ids of text cells and of date cells (``None``: unstyled, or no dates).

        Asking registers the style with the workbook if it is new.
        """
        from openpyxl.cell.cell import Cell

        text: int | None = None
        if self.text_style is not None:
            cell = Cell(self.sheet, row=1, column=1)
            self.text_style(cell)
            text = cell.style_id if cell.has_style else None
        if not self.dates:
            return text, None
        day = Cell(self.sheet, row=1, column=1)
        day.number_format = DATE_FORMAT
        return text, day.style_id

    def dimension(self) -> str:
        """The sheet's extent (``A1:L5001``) with the rows added here."""
        from openpyxl.utils import get_column_letter
        from openpyxl.utils.cell import range_boundaries

        low_column, low_row, columns, rows = range_boundaries(self.sheet.calculate_dimension())
        rows = max(rows or 1, self.last_row)
        columns = max(columns or 1, self.widest)
        corner = f"{get_column_letter(low_column or 1)}{low_row or 1}"
        return f"{corner}:{get_column_letter(columns)}{rows}"

    def xml(self, text_id: int | None, date_id: int | None, epoch: dt.datetime) -> Iterator[str]:
        """The added rows (after the first) as worksheet XML, a chunk at a time.

        Each row is written by a template made once for each shape of row
        (which columns hold text, numbers, booleans, dates or nothing).

        Args:
            text_id: The style id of text cells (``None``: unstyled).
            date_id: The style id of date cells (``None``: there are none).
            epoch: The workbook's date epoch.

        Returns:
            The ``<row>`` elements, in order, joined in chunks.
        """
        shown = _Shown(epoch)
        templates: dict[tuple[type, ...], str] = {}
        shapes = _Shapes(*("" if i is None else f' s="{i}"' for i in (text_id, date_id)))
        parts: list[str] = []
        for count, (number, values) in enumerate(self.rows, start=1):
            if "" in values:  # an empty text: a cell without <is>
                shape = tuple(_EmptyText if v == "" else type(v) for v in values)
            else:
                shape = tuple(map(type, values))
            template = templates.get(shape)
            if template is None:
                template = templates[shape] = shapes.template(shape)
            parts.append(template.format(number, *map(shown.__getitem__, values)))
            if count % _CHUNK == 0:
                yield "".join(parts)
                parts.clear()
        yield "".join(parts)


class _Shown(dict[Any, str]):
    """Each value as its cell shows it in XML, made on first use and kept.

    Text gives its ``<is>`` element, a number its digits, a date its serial,
    ``None`` and empty text nothing. Equal numbers and booleans (``1``,
    ``1.0``, ``True``) are written alike, so sharing an entry is harmless.
    """

    def __init__(self, epoch: dt.datetime) -> None:
        super().__init__()
        self.epoch = epoch

    def __missing__(self, value: Any) -> str:
        kind = type(value)
        if kind is str:
            shown = _text_body(value)
        elif value is None:
            shown = ""
        elif kind is dt.date:
            from openpyxl.utils.datetime import to_excel

            shown = _number(to_excel(value, self.epoch))  # type: ignore[no-untyped-call]
        else:
            shown = _number(value)
        if len(self) >= _KEPT:
            self.clear()
        self[value] = shown
        return shown


_KEPT: Final = 200_000
"""The most values :class:`_Shown` keeps (then it starts again)."""


class _EmptyText:
    """Stands, in a row's shape, for an empty text (openpyxl writes its cell without ``<is>``)."""


@attrs.frozen
class _Shapes:
    """Row templates, with the style attributes of text and date cells."""

    text_s: str
    day_s: str

    def _cell(self, letter: str, kind: type, field: str) -> str:
        if kind is _EmptyText:
            return f'<c r="{letter}{{0}}"{self.text_s} t="inlineStr" />{field}'
        if kind is str:
            return f'<c r="{letter}{{0}}"{self.text_s} t="inlineStr">{field}</c>'
        if kind is bool:
            return f'<c r="{letter}{{0}}" t="b"><v>{field}</v></c>'
        if kind is dt.date:
            return f'<c r="{letter}{{0}}"{self.day_s} t="n"><v>{field}</v></c>'
        return f'<c r="{letter}{{0}}" t="n"><v>{field}</v></c>'

    def template(self, shape: tuple[type, ...]) -> str:
        """A ``str.format`` template of a row: ``{0}`` its number, then each value shown."""
        from openpyxl.utils import get_column_letter

        cells: list[str] = []
        for index, kind in enumerate(shape, start=1):
            field = f"{{{index}}}"
            if kind is type(None):
                cells.append(field)  # shown as nothing
            else:
                cells.append(self._cell(get_column_letter(index), kind, field))
        return '<row r="{0}">' + "".join(cells) + "</row>"


def _plain(value: Any) -> Any:
    """*value* as one of the types a cell holds exactly (a ``str`` enum as its ``str``).

    Raises:
        TypeError: It is not text, a number, a boolean, a date or ``None``.
    """
    kind = type(value)
    if kind in _EXACT:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):  # pragma: no cover - bool has no subclasses
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    raise TypeError(f"cannot write a {kind.__name__} into a cell")


_EXACT: Final = frozenset({str, int, float, bool, dt.date, type(None)})


def _number(value: float) -> str:
    """A number as openpyxl writes it (``%.16g``; a boolean as 1 or 0).

    Raises:
        ValueError: It is not finite (openpyxl would write an empty cell).
    """
    if value != value or value in (math.inf, -math.inf):
        raise ValueError(f"cannot write {value} into a cell")
    return f"{value:.16g}"


def _text_body(value: str) -> str:
    """A text cell's ``<is>`` element, or ``""`` for empty text (openpyxl writes none)."""
    if not value:
        return ""
    stored = escape_text(value)
    if len(stored) > MAX_CELL_TEXT:
        raise Refusal(RegisterText.CELL_TOO_LONG(f"{len(stored):,}", f"{MAX_CELL_TEXT:,}"))
    stripped = stored.strip()
    space = ' xml:space="preserve"' if stripped and stored != stripped else ""
    return f"<is><t{space}>{_xml_text(stored)}</t></is>"


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def save_bulk(
    book: Workbook,
    bulks: Sequence[BulkRows],
    path: str | os.PathLike[str],
    *,
    replace: bool = False,
) -> None:
    """Save a workbook with the rows of *bulks*, atomically.

    openpyxl saves the workbook (each sheet with its first data row); the
    other rows are then written into each sheet's ``<sheetData>``, its
    extent (``<dimension>``) set to include them.

    Args:
        book: The workbook.
        bulks: The rows of its sheets (at most one per sheet).
        path: The ``.xlsx`` file.
        replace: Whether an existing file may be replaced.

    Raises:
        OutputRefusedError: *path* exists and *replace* is false, or it is not
            a regular file.
        OSError: The file cannot be written.
    """
    check_target(path, replace=replace)
    saved = _save(book)
    ids = [bulk.style_ids() for bulk in bulks if bulk.rows]
    with zipfile.ZipFile(io.BytesIO(saved)) as old:
        known = _XFS.search(old.read("xl/styles.xml"))
    styles = int(known[1]) if known else 0
    if any(i is not None and i >= styles for pair in ids for i in pair):
        saved = _save(book)  # a style new to the workbook: save it with the style
    parts = {bulk.sheet.path.lstrip("/"): bulk for bulk in bulks if bulk.rows}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as new,
    ):
        if not parts.keys() <= set(old.namelist()):  # pragma: no cover - openpyxl's naming
            raise RuntimeError(f"worksheet parts not found: {sorted(parts)}")
        for info in old.infolist():
            bulk = parts.get(info.filename)
            if bulk is None:
                new.writestr(info, old.read(info.filename))
                continue
            text = old.read(info.filename).decode("utf-8")
            end = text.rindex("</sheetData>")
            head, count = _DIMENSION.subn(f'<dimension ref="{bulk.dimension()}"', text[:end], 1)
            if count != 1:  # pragma: no cover - openpyxl always writes one
                raise RuntimeError(f"no <dimension> in {info.filename}")
            item = zipfile.ZipInfo(info.filename, info.date_time)
            item.compress_type = info.compress_type
            item.external_attr = info.external_attr
            text_id, date_id = bulk.style_ids()
            with new.open(item, "w") as handle:
                handle.write(head.encode("utf-8"))
                for chunk in bulk.xml(text_id, date_id, book.epoch):
                    handle.write(chunk.encode("utf-8"))
                handle.write(text[end:].encode("utf-8"))
    atomic_write(path, out.getvalue())
