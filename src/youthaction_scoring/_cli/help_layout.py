"""click's help layout, measured in terminal cells so that Chinese text wraps in its width.

click wraps help at spaces and counts a character as one column; Chinese
text has no spaces and each character takes two columns, so a Chinese help
would run past the terminal's edge. :class:`HelpLayout` lays help out as
click does (the same width, indents and two-column lists) but breaks lines
between Chinese characters too, never before closing punctuation nor after
opening punctuation, and counts wide characters as two cells.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

import click

_NO_START: Final = frozenset("，。、；：？！）》」』”’…,.;:?!)]}%")
"""Characters a line may not start with (they stay with the character before)."""
_NO_END: Final = frozenset("（《「『“‘([{")
"""Characters a line may not end with (they stay with the character after)."""


def cells(text: str) -> int:
    """The number of terminal cells *text* takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _pieces(word: str) -> list[str]:
    """Split a word (no spaces) where a line may break: before or after a wide character.

    A word in brackets (``[默认：table]``) is never split.
    """
    if word.startswith("[") and word.endswith("]"):
        return [word]
    pieces: list[str] = []
    piece = ""
    for char in word:
        breakable = piece and (_wide(char) or _wide(piece[-1]))
        if breakable and char not in _NO_START and piece[-1] not in _NO_END:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap one paragraph in *width* cells.

    Args:
        text: The paragraph; runs of white space count as one space.
        width: The most cells a line takes, indents included.
        first: The first line's indent (or prefix).
        rest: The indent of the other lines.

    Returns:
        The lines. A piece wider than a line stands alone on its line.
    """
    lines: list[str] = []
    line, used, empty = first, cells(first), True
    for number, word in enumerate(text.split()):
        for index, piece in enumerate(_pieces(word)):
            gap = 1 if index == 0 and number > 0 and not empty else 0
            if not empty and used + gap + cells(piece) > width:
                lines.append(line)
                line, used, gap = rest, cells(rest), 0
            line += " " * gap + piece
            used += gap + cells(piece)
            empty = False
    lines.append(line)
    return lines


class HelpLayout(click.HelpFormatter):
    """click's help formatter, measuring in cells and breaking between Chinese characters."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Write the usage line: ``prefix prog args``, wrapped under the arguments."""
        head = f"{' ' * self.current_indent}{prefix if prefix is not None else 'Usage: '}{prog}"
        if not args:
            self.write(f"{head}\n")
            return
        indent = cells(head) + 1
        if self.width - indent < 20:  # too little room: the arguments go below, as in click
            self.write(f"{head}\n")
            head, indent = " " * (self.current_indent + 4), self.current_indent + 4
            self.write("\n".join(wrap(args, self.width, head, " " * indent)) + "\n")
            return
        self.write("\n".join(wrap(args, self.width, f"{head} ", " " * indent)) + "\n")

    def write_heading(self, heading: str) -> None:
        """Write a heading as it is given (it carries its own colon, ``选项：``)."""
        self.write(f"{' ' * self.current_indent}{heading}\n")

    def write_text(self, text: str) -> None:
        """Write paragraphs (separated by a blank line), each wrapped at the indent."""
        indent = " " * self.current_indent
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        blocks = ["\n".join(wrap(p, self.width, indent, indent)) for p in paragraphs]
        self.write("\n\n".join(blocks) + "\n")

    def write_lines(self, lines: Iterable[str]) -> None:
        """Write lines as they are (an example's command line is never wrapped)."""
        for line in lines:
            self.write(f"{' ' * self.current_indent}{line}\n")

    def write_dl(
        self,
        rows: Iterable[tuple[str, str]],
        col_max: int = 30,
        col_spacing: int = 2,
    ) -> None:
        """Write a two-column list (options, commands) as click does, measured in cells."""
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(cells(term) for term, _ in rows), col_max) + col_spacing
        room = max(self.width - first_col - self.current_indent, 10)
        hang = " " * (self.current_indent + first_col)
        for term, text in rows:
            head = f"{' ' * self.current_indent}{term}"
            if not text:
                self.write(f"{head}\n")
                continue
            if cells(term) > first_col - col_spacing:
                self.write(f"{head}\n")
                head = hang
            else:
                head += " " * (first_col - cells(term))
            lines = wrap(text, room)
            self.write(f"{head}{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{hang}{line}\n")
