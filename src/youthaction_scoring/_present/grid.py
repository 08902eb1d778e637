"""Tables for the terminal with or without rich: rich is an extra (``cli``, ``staff``).

With rich installed, :func:`new_table` makes a rich table, drawn with boxes
and colours; without it, a :class:`Grid` holding the same title, columns,
rows and caption, which :mod:`.fit` lays out as plain text. An embedding
system that never prints a table never needs rich; the command line works
either way.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, cast

import attrs

if TYPE_CHECKING:  # pragma: no cover
    from rich.table import Table


def has_rich() -> bool:
    """Whether rich can be imported (the ``cli`` or ``staff`` extra is installed)."""
    try:
        import rich.table  # noqa: F401 - imported to learn whether it is there
    except ImportError:
        return False
    return True


@attrs.define
class GridColumn:
    """A column of a :class:`Grid`: its header, its justification and its cells.

    Args:
        header: The header.
        justify: ``"right"`` for numbers, else ``"left"``.
        cells: The cells, top to bottom.
    """

    header: str
    justify: str = "left"
    cells: list[str] = attrs.field(factory=list)


@attrs.define(eq=False)  # compared and hashed by identity, as rich's tables are
class Grid:
    """The part of a rich table the tables use, when rich is not installed.

    Args:
        title: The title above the table.
        caption: The caption below it.
        columns: The columns.
    """

    title: str | None = None
    caption: str | None = None
    columns: list[GridColumn] = attrs.field(factory=list)

    @property
    def row_count(self) -> int:
        """How many rows the table has."""
        return len(self.columns[0].cells) if self.columns else 0

    def add_column(self, header: str, *, justify: str = "left", **_style: object) -> None:
        """Add a column (styles, which plain text cannot show, are ignored)."""
        self.columns.append(GridColumn(header, justify))

    def add_row(self, *cells: str, **_style: object) -> None:
        """Add a row: one cell per column (its style is ignored)."""
        for column, cell in zip(self.columns, cells, strict=True):
            column.cells.append(cell)


def new_table(**options: Any) -> Table:
    """A rich table with *options* when rich is installed, else a :class:`Grid` (plain text)."""
    if has_rich():
        from rich.table import Table

        return Table(**options)
    grid = Grid(title=options.get("title"), caption=options.get("caption"))
    return cast("Table", grid)  # the part of Table that fit.py and the tables use


def cell_width(char: str) -> int:
    """Display cells of one character: wide (Chinese) ones 2, combining ones 0."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1
