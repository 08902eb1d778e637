"""Tables that fit: a table never cuts a number, however narrow the terminal (80 columns or less).

Squeezed into a narrow terminal, a rich table shortens every column, numbers
included (a total of 165 shown as ``1…``). :func:`fit_lines` lays a table out
by plain arithmetic instead, when its natural width does not fit:

1. every number column (right-justified) keeps the width of its widest cell;
2. text columns shorten, with ``…``, down to a few characters;
3. if that does not fit, text columns are dropped from the last to the
   second (the first, the community's name, stays);
4. if the numbers still do not fit side by side (120 months of progress),
   they are split over several blocks, each repeating the text column;
5. whatever width is left goes back to the text columns, a cell each in turn.

Columns are two spaces apart; wide (Chinese) characters count double.

When columns are dropped or text is cut, a note under the table says which
and how to see everything (a wider terminal, or ``-o`` into a file).
Titles, captions and the note wrap (:func:`wrap_cells`) without splitting a
rule's number (``R19``) or a date, and without starting a line with a comma
or a closing bracket.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from .._domain.codes import Lang
from .grid import cell_width, has_rich
from .headings import FitText

if TYPE_CHECKING:  # pragma: no cover
    from rich.table import Table


def _plain_cell_len(text: str) -> int:
    """Display cells of *text* by unicodedata (wide characters count double)."""
    return sum(map(cell_width, text))


if TYPE_CHECKING or has_rich():
    from rich.cells import cell_len
else:  # the command line without the `cli` extra: the widths by unicodedata
    cell_len = _plain_cell_len


_GAP: Final = 2
"""Spaces between columns."""
_SHORTEST: Final = 8
"""The narrowest a text column is made (``青云路…``) before text columns are dropped."""


def width_of(text: str) -> int:
    """Display cells of *text* (wide characters count double; ASCII at once)."""
    return len(text) if text.isascii() else cell_len(text)


@attrs.frozen
class PlainColumn:
    """A column as plain text: its header, whether it holds numbers, its cells' lines.

    Args:
        header: The header.
        numeric: Whether it holds numbers (right-justified).
        cells: Each cell's lines.
        widest: The width of the widest line, header included (computed).
    """

    header: str
    numeric: bool
    cells: tuple[tuple[str, ...], ...]
    widest: int = attrs.field(init=False)

    @widest.default
    def _widest(self) -> int:
        lines = (self.header, *(line for cell in self.cells for line in cell))
        return max(map(width_of, lines), default=1)


def _plain(cell: object) -> tuple[str, ...]:
    text = cell.plain if hasattr(cell, "plain") else str(cell)
    return tuple(text.split("\n")) or ("",)


def plain_columns(table: Table) -> list[PlainColumn]:
    """The columns of a rich table as plain text (numbers are its right-justified columns)."""
    return [
        PlainColumn(
            _plain(column.header)[0], column.justify == "right", tuple(map(_plain, column.cells))
        )
        for column in table.columns
    ]


def natural_width(table: Table) -> int:
    """The width rich draws the table at, nothing shortened (borders and padding included)."""
    columns = plain_columns(table)
    return sum(c.widest for c in columns) + 3 * len(columns) + 1


def shorten(text: str, width: int) -> str:
    """Cut *text* to *width* display cells, ending with ``…`` when cut."""
    if width_of(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


def _total(widths: Sequence[int]) -> int:
    return sum(widths) + _GAP * (len(widths) - 1)


def fit_lines(
    table: Table, width: int, *, lang: Lang = "zh", file: str | None = None
) -> Iterator[str]:
    """Lay *table* out in *width* columns, numbers whole; yield its lines.

    Args:
        table: A rich table (its title, columns and caption are used).
        width: The line width.
        lang: The language of the note on what was left out.
        file: An ``-o`` file that would hold the whole table (``文件.csv``),
            named in that note; ``None``: only a wider terminal shows it.

    Returns:
        The lines: title, then one block per group of number columns (a
        header, a rule, the rows), then the caption, then, when columns were
        dropped or text cut, a note saying which and how to see it all.
    """
    columns = plain_columns(table)
    text = [c for c in columns if not c.numeric]
    numbers = [c for c in columns if c.numeric]
    keep = list(text)
    least = [min(c.widest, _SHORTEST) for c in keep]
    while len(keep) > 1 and _total([*least, *(c.widest for c in numbers)]) > width:
        keep.pop()
        least.pop()
    if table.title:
        yield from wrap_cells(_plain(table.title)[0], width)
    cut = False
    for group in _groups(numbers, _total(least) + _GAP if keep else 0, width):
        block = [*keep, *group]
        widths = _widths(block, width)
        cut = cut or any(not c.numeric and w < c.widest for c, w in zip(block, widths, strict=True))
        yield from _block(block, widths)
    if table.caption:
        for line in _plain(table.caption):
            yield from wrap_cells(line, width)
    dropped = [c.header for c in text[len(keep) :]]
    if dropped or cut:
        yield from wrap_cells(left_out(dropped, cut, lang, file), width)


def left_out(dropped: Sequence[str], cut: bool, lang: Lang, file: str | None) -> str:
    """The note under a table that could not show everything: what is missing, how to see it."""
    parts = []
    if dropped:
        quoted = [f"“{h}”" if lang == "zh" else h for h in dropped]
        parts.append(FitText.DROPPED.format(lang, tuple(quoted)))
    if cut:
        parts.append(FitText.CUT.template(lang))
    how = FitText.WIDER_OR_FILE.format(lang, file) if file else FitText.WIDER.template(lang)
    return FitText.NOTE.format(lang, "".join(parts) if lang == "zh" else " ".join(parts), how)


def _groups(numbers: list[PlainColumn], used: int, width: int) -> Iterator[list[PlainColumn]]:
    group: list[PlainColumn] = []
    for column in numbers:
        if group and used + _total([*(c.widest for c in group), column.widest]) > width:
            yield group
            group = []
        group.append(column)
    yield group


def _widths(columns: list[PlainColumn], width: int) -> list[int]:
    """Each column's width: numbers whole, text shortened, what is left shared by the text."""
    widths = [c.widest if c.numeric else min(c.widest, _SHORTEST) for c in columns]
    spare = width - _total(widths)
    growing = [i for i, c in enumerate(columns) if not c.numeric and widths[i] < c.widest]
    while spare > 0 and growing:  # what is left goes to the text columns, a cell each in turn
        for index in list(growing):
            if spare == 0:
                break
            widths[index] += 1
            spare -= 1
            if widths[index] == columns[index].widest:
                growing.remove(index)
    return widths


def _block(columns: list[PlainColumn], widths: list[int]) -> Iterator[str]:
    yield _row([c.header for c in columns], columns, widths)
    yield _row(["─" * w for w in widths], columns, widths)
    rows = len(columns[0].cells) if columns else 0
    for r in range(rows):
        cells = [c.cells[r] for c in columns]
        for line in range(max(len(cell) for cell in cells)):
            parts = [cell[line] if line < len(cell) else "" for cell in cells]
            yield _row(parts, columns, widths)
    yield ""


def _row(parts: list[str], columns: list[PlainColumn], widths: list[int]) -> str:
    out = []
    for part, column, size in zip(parts, columns, widths, strict=True):
        shown = part if column.numeric else shorten(part, size)
        pad = " " * (size - width_of(shown))
        out.append(pad + shown if column.numeric else shown + pad)
    return (" " * _GAP).join(out).rstrip()


_PIECE: Final = re.compile(
    r"[(（《「『“‘\[]*"  # opening brackets and quotes stay with what follows
    r"(?:[A-Za-z0-9_.%/:+\-]+|\s|.)"  # a run of letters and digits (R19, 2022-04, 25%) is one
    r"[)）》」』”’\],.;:!?，。、；：！？…]*"  # closing ones and commas stay with what precedes
)


def wrap_cells(text: str, width: int) -> Iterator[str]:
    """Wrap *text* in lines of at most *width* display cells.

    Lines break between Chinese characters and at spaces, but never inside a
    run of letters and digits (a rule's number ``R19``, a month, ``25%``),
    never after an opening bracket and never before a comma, a full stop or
    a closing bracket. A run wider than a whole line is cut where it must be.

    Args:
        text: One line of text.
        width: The most cells a line takes.

    Returns:
        The lines, trailing spaces removed.
    """
    line: list[str] = []
    used = 0
    for piece in _PIECE.findall(text):
        size = width_of(piece)
        if used + size > width and used:
            yield "".join(line).rstrip()
            line, used = [], 0
            if piece.isspace():
                continue
        while size > width:  # longer than a line by itself: cut where it must be
            head = shorten(piece, width + 1)[:-1] or piece[0]
            yield head
            piece = piece[len(head) :]
            size = width_of(piece)
        line.append(piece)
        used += size
    if line:
        yield "".join(line).rstrip()
