"""One problem per cause, and the notes on a register read: cells gathered as short spans.

A community id missing from the 社区 sheet is one problem naming every cell
that refers to it (``专项活动!A2:A7, A9; 服务项目!A2``), not one line per cell;
the notes on cells read in a lenient form (a count or a date typed as text)
are one per column, each a :class:`RegisterNote` warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from typing import Final

from ..._domain.errors import Problem, Problems

MAX_SPANS: Final = 10
"""The most spans (a cell or a run of cells) a list shows; ``…`` stands for the rest."""

_CELL: Final = re.compile(r"(.*)!([A-Z]+)([0-9]+)")


def span_text(places: Sequence[str], limit: int = MAX_SPANS) -> str:
    """Write cells as short spans: a column's consecutive rows as a range, sheets apart.

    Args:
        places: Cells (``Sheet!A2``), in the order met; anything else is kept as it is.
        limit: The most spans shown (``…`` after them when there are more).

    Returns:
        E.g. ``专项活动!A2:A7, A9; 服务项目!A2``.
    """
    sheets: dict[str, dict[str, list[int]]] = {}
    others: list[str] = []
    for place in places:
        found = _CELL.fullmatch(place)
        if found is None:
            others.append(place)
            continue
        sheets.setdefault(found[1], {}).setdefault(found[2], []).append(int(found[3]))
    parts: list[str] = []
    shown = 0
    for sheet, columns in sheets.items():
        spans: list[str] = []
        for column, rows in columns.items():
            ordered = sorted(set(rows))
            start = previous = ordered[0]
            for row in [*ordered[1:], None]:
                if row is not None and row == previous + 1:
                    previous = row
                    continue
                last = "" if start == previous else f":{column}{previous}"
                spans.append(f"{column}{start}{last}")
                if row is not None:
                    start = previous = row
        kept = spans[: max(limit - shown, 0)]
        shown += len(kept)
        if kept:
            parts.append(f"{sheet}!" + ", ".join(kept))
        if len(kept) < len(spans):
            parts.append("…")
            break
    return "; ".join([*parts, *others])


class RegisterNote(UserWarning):
    """A register was read, and a cell in it read in a form the interchange format refuses.

    :func:`~.read.read_register` issues one such warning (:mod:`warnings`) per column
    holding counts or dates typed as text; the command line prints them on standard
    error, in the run's language.

    Args:
        problem: Where, and what was read as what.
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class Grouped:
    """Problems gathered by cause: the first place of a cause holds the one problem for all.

    Args:
        problems: Where the problems go (in the order their causes are first
            met); a new cause once it holds its limit is only counted.
    """

    def __init__(self, problems: Problems | None = None) -> None:
        self.problems = Problems() if problems is None else problems
        self._causes: dict[Hashable, tuple[int, list[str], Callable[[list[str]], Problem]]] = {}

    def add(self, place: str, cause: Hashable, make: Callable[[list[str]], Problem]) -> None:
        """Add *place* to *cause*; *make* (the cause's first) writes the problem of its places."""
        found = self._causes.get(cause)
        if found is not None:
            found[1].append(place)
            return
        if self.problems.full:  # counted, not kept
            self.problems.add(make([place]))
            return
        self._causes[cause] = (len(self.problems.kept), [place], make)
        self.problems.add(make([place]))  # rewritten by settle() when more places come

    def settle(self) -> tuple[Problem, ...]:
        """Write each cause's problem for all its places, and return the problems."""
        for index, places, make in self._causes.values():
            if len(places) > 1:
                self.problems.kept[index] = make(places)
        self._causes.clear()
        return self.problems.tuple()
