"""The register (台账) layout: what a sheet and a column are.

The sheets themselves are declared in :mod:`.sheets`. The template writer,
the register reader, the register writer and the instructions sheet (说明)
all read those declarations, so they cannot disagree. Each
column has a Chinese header (what staff read), an English field code (shown
under it, and accepted on its own when reading), a kind that says how its
cells are read and written, and the clause of the rules page it feeds.
"""

from __future__ import annotations

from typing import Final, Literal

import attrs

from ..._domain.codes import CodedEnum

ColumnKind = Literal["text", "link", "key", "count", "bool", "date", "month", "coded", "free"]
"""How a column's cells are read and written.

* ``text``: required or optional text, kept exactly (spaces, line breaks, ...);
* ``link``: a community id that must exist on the communities sheet;
* ``key``: a summary number linking recognitions to their summary;
* ``count``: a whole number >= 0; blank means 0 (the format page: absent means zero);
* ``bool``: 是/否, TRUE/FALSE or a real Excel boolean;
* ``date``: a real Excel date or ISO text ``YYYY-MM-DD``;
* ``month``: ISO text ``YYYY-MM`` (or a real date on the 1st of the month);
* ``coded``: the Chinese label or the interchange-format code of an enum;
* ``free``: optional text kept exactly, never required.
"""

BOOL_TRUE: Final = ("是", "TRUE")
"""Texts read as true (TRUE in any letter case)."""
BOOL_FALSE: Final = ("否", "FALSE")
"""Texts read as false (FALSE in any letter case)."""


@attrs.frozen
class Column:
    """One column of a register sheet.

    Args:
        code: The English field code, e.g. ``"cadres.full_time"``.
        zh: The Chinese header, e.g. ``"专职团干部人数"``.
        kind: How cells are read and written (:data:`ColumnKind`).
        required: Whether a record must fill this cell.
        clause: The clause the column feeds (``"—"`` for identity).
        help_zh: How to fill it in, in Chinese.
        help_en: How to fill it in, in English.
        enum: For ``coded`` columns, the enum whose labels and codes are accepted.
    """

    code: str
    zh: str
    kind: ColumnKind
    required: bool
    clause: str
    help_zh: str
    help_en: str
    enum: type[CodedEnum] | None = None

    @property
    def header(self) -> str:
        """The header cell's text: the Chinese header over the English code."""
        return f"{self.zh}\n{self.code}"

    def matches(self, text: str) -> bool:
        """Tell whether a header cell's text names this column.

        The full header, the Chinese header alone or the code alone are
        accepted; runs of whitespace count as one space.

        Args:
            text: The header cell's text.

        Returns:
            Whether it names this column.
        """
        shown = " ".join(text.split())
        return shown in (self.zh, self.code, f"{self.zh} {self.code}")


@attrs.frozen
class SheetLayout:
    """One sheet of the register.

    Args:
        name: The sheet's (Chinese) name, e.g. ``"专项活动"``.
        code: An English code for the sheet, e.g. ``"activities"``.
        required: Whether a register must have this sheet.
        help_zh: What the sheet holds, in Chinese.
        help_en: What the sheet holds, in English.
        columns: Its columns, in order.
        target: For a sheet of records: where in a community they go, as an
            attribute path (``"workforce.pairings"``).
        record: The model class each row makes (its fields are the codes of
            :attr:`fields`); ``None`` for a sheet listing codes, one a row.
    """

    name: str
    code: str
    required: bool
    help_zh: str
    help_en: str
    columns: tuple[Column, ...]
    target: str = ""
    record: type | None = None

    @property
    def fields(self) -> tuple[Column, ...]:
        """The columns that hold a field of the record (not the link or the key)."""
        return tuple(c for c in self.columns if c.kind not in ("link", "key"))

    def column(self, code: str) -> Column:
        """Return the column with field code *code*."""
        for column in self.columns:
            if column.code == code:
                return column
        raise KeyError(code)


DATE_FORMAT: Final = "yyyy-mm-dd"
"""Number format of date cells."""
TEXT_FORMAT: Final = "@"
"""Number format of text cells (so Excel keeps ``0012`` as typed)."""
