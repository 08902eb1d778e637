"""Cell-level helpers shared by every workbook the tool reads or writes.

Text goes into workbooks as text cells, never as formulas, and comes back
exactly. OOXML strings cannot hold some characters (most control characters,
U+FFFE, U+FFFF, lone surrogates) and XML readers turn a carriage return into
a line feed; the format's own escape ``_xHHHH_`` (ECMA-376 ST_Xstring)
carries them, and a literal ``_xHHHH_`` in the text is itself escaped as
``_x005F_xHHHH_``. Excel and LibreOffice use the same convention.
"""

from __future__ import annotations

import io
import os
import re
from typing import TYPE_CHECKING, Any, Final

from ..._domain.errors import Refusal
from ..._domain.limits import CELL_ESCAPED, MAX_TEXT
from ..._domain.messages import Message
from ..atomic import atomic_write, check_target
from .texts import RegisterText

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

MAX_CELL_TEXT: Final = MAX_TEXT
"""The most characters a spreadsheet cell holds (Excel's limit)."""

EXTRA_HINT: Final = (
    "spreadsheet support needs the 'excel' extra: pip install 'youthaction-scoring[excel]'"
)

_ESCAPED: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")


def require_openpyxl() -> None:
    """Check that openpyxl and defusedxml (the ``excel`` extra) are installed.

    defusedxml is required, not merely preferred: without it openpyxl would
    parse XML entity declarations, and a crafted workbook could expand into
    gigabytes (an XML bomb).

    Raises:
        ImportError: The extra is missing; the message says how to install it.
    """
    try:
        import defusedxml  # noqa: F401 - imported to prove it is there
        import openpyxl
    except ImportError:
        raise ModuleNotFoundError(EXTRA_HINT, name="openpyxl") from None
    if not openpyxl.DEFUSEDXML:  # pragma: no cover - only with OPENPYXL_DEFUSEDXML=False
        raise ImportError("openpyxl is not using defusedxml (OPENPYXL_DEFUSEDXML is off)")


def require_reader() -> None:
    """Check that python-calamine and defusedxml (the ``excel`` extra) are installed.

    Raises:
        ImportError: The extra is missing; the message says how to install it.
    """
    try:
        import defusedxml  # noqa: F401 - imported to prove it is there
        import python_calamine  # noqa: F401 - imported to prove it is there
    except ImportError:
        raise ModuleNotFoundError(EXTRA_HINT, name="python_calamine") from None


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


def put(
    sheet: Worksheet, row: int, column: int, value: Any, number_format: str | None = None
) -> None:
    """Write one value into a cell; text is always a text cell, never a formula.

    Args:
        sheet: The worksheet.
        row: 1-based row.
        column: 1-based column.
        value: Text, a number, a date or ``None``.
        number_format: The cell's number format, if any.

    Raises:
        Refusal: Text too long for a cell (a ``ValueError``).
    """
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        problem = text_too_long(value)
        if problem:
            raise Refusal(problem)
        cell.value = escape_text(value)
        cell.data_type = "s"  # openpyxl guesses "f" for text starting with "="
    else:
        cell.value = value
    if number_format is not None:
        cell.number_format = number_format


def save_book(book: Workbook, path: str | os.PathLike[str], *, replace: bool = False) -> None:
    """Save a workbook atomically: the file appears whole or not at all.

    The workbook is put together in memory first, so that a full disk is met
    by one plain write (never by a half-closed zip file).

    Args:
        book: The workbook.
        path: The ``.xlsx`` file.
        replace: Whether an existing file may be replaced.

    Raises:
        OutputRefusedError: *path* exists and *replace* is false, or it is not
            a regular file.
        OSError: The file cannot be written.
    """
    check_target(path, replace=replace)
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write(path, buffer.getvalue())
