"""The one exception for bad input: every problem at once, each with its place."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with the input, and where.

    Args:
        place: Where: a JSON path (``communities[3].workforce.cadres.full_time``),
            a line (``line 5812: workforce...``), a cell (``活动!C14``), a
            file name, or ``""`` for the document as a whole.
        message: What is wrong, e.g. ``must be >= 0, got -1``.
    """

    place: str
    message: str

    def __str__(self) -> str:
        """Return ``place: message`` (or the message alone without a place)."""
        return f"{self.place}: {self.message}" if self.place else self.message


class InputError(ValueError):
    """The input is invalid; :attr:`problems` lists everything wrong with it.

    Args:
        problems: The problems, in document order as far as known.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        """Create the error from its problems (at least one)."""
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("an InputError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[Problem, ...]]]:
        """Pickle support (the exception crosses process boundaries)."""
        return (type(self), (self.problems,))

    def with_prefix(self, prefix: str) -> InputError:
        """Return the same problems with *prefix* put before every place.

        Args:
            prefix: E.g. ``"line 12: "`` or ``"communities[3]"``.

        Returns:
            A new error.
        """
        return InputError(Problem(join_place(prefix, p.place), p.message) for p in self.problems)


def join_place(prefix: str, place: str) -> str:
    """Join two parts of a place: ``a`` + ``b`` → ``a.b``; ``a`` + ``[0]`` → ``a[0]``.

    Args:
        prefix: The outer part (may be empty, or end in ``": "``).
        place: The inner part (may be empty).

    Returns:
        The joined place.
    """
    if not prefix:
        return place
    if not place:
        return prefix.removesuffix(": ")
    if prefix.endswith(": ") or place.startswith("["):
        return prefix + place
    return f"{prefix}.{place}"
