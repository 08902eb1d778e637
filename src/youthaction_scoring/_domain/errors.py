"""The one exception for bad input: every problem at once, each with its place.

A problem's message is a :class:`~.messages.Message` of a typed catalogue, so
it renders in Chinese or in English on demand (``str()`` gives English, as
Python's own errors do); a place renders in either language too (``line 5``
is ``第5行`` in Chinese; paths and cells are the same in both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from .codes import Lang
from .messages import Message, Text


class ErrorText(Text):
    """The texts of :class:`Problem` itself."""

    FALLBACK = ("无效：{0}", "{0}")
    LINE = ("第{0}行", "line {0}")
    LINE_COLUMN = ("第{0}行第{1}列", "line {0} column {1}")


_LINE: Final = re.compile(r"line (\d+)(?:,? column (\d+))?")
_SEPARATORS: Final[dict[Lang, str]] = {"zh": "：", "en": ": "}


def place_text(place: str, lang: Lang) -> str:
    """Render a place in *lang*: lines and columns in words, paths and cells as they are.

    Args:
        place: A place as :class:`Problem` keeps it (``line 5: communities[0].id``).
        lang: ``"zh"`` or ``"en"``.

    Returns:
        The place, e.g. ``第5行：communities[0].id`` in Chinese.
    """
    if lang == "en" or "line " not in place:
        return place

    def word(found: re.Match[str]) -> str:
        line, column = found.group(1), found.group(2)
        if column is None:
            return ErrorText.LINE.format("zh", line)
        return ErrorText.LINE_COLUMN.format("zh", line, column)

    return _LINE.sub(word, place).replace(": ", "：")


@attrs.frozen
class Place:
    """A place used inside a message (``first at line 4``): rendered like a problem's place.

    Args:
        value: The place, as :class:`Problem` keeps it.
    """

    value: str

    def text(self, lang: Lang = "en") -> str:
        """Render the place in *lang* (:func:`place_text`)."""
        return place_text(self.value, lang)


@attrs.frozen
class Problem:
    """One thing wrong with the input, and where.

    Args:
        place: Where: a JSON path (``communities[3].workforce.cadres.full_time``),
            a line (``line 5812: workforce...``), a cell (``活动!C14``), a
            file name, or ``""`` for the document as a whole.
        message: What is wrong, in both languages, e.g. ``must be >= 0, got
            -1`` (``不能小于0，实为 -1``).
    """

    place: str
    message: Message

    def text(self, lang: Lang = "en") -> str:
        """Return ``place: message`` (or the message alone) in *lang*.

        Args:
            lang: ``"zh"`` or ``"en"``.

        Returns:
            The problem as one line of text.
        """
        what = self.message.text(lang)
        if not self.place:
            return what
        return f"{place_text(self.place, lang)}{_SEPARATORS[lang]}{what}"

    def __str__(self) -> str:
        """Return the problem in English (:meth:`text` renders it in Chinese too)."""
        return self.text("en")


class InputError(ValueError):
    """The input is invalid; :attr:`problems` lists everything wrong with it.

    ``str()`` gives the problems in English, one a line; :meth:`text` gives
    them in Chinese or English.

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

    def text(self, lang: Lang = "en") -> str:
        """Return every problem in *lang*, one a line.

        Args:
            lang: ``"zh"`` or ``"en"``.

        Returns:
            The text.
        """
        return "\n".join(p.text(lang) for p in self.problems)

    def with_prefix(self, prefix: str) -> InputError:
        """Return the same problems with *prefix* put before every place.

        Args:
            prefix: E.g. ``"line 12: "`` or ``"communities[3]"``.

        Returns:
            A new error.
        """
        return InputError(Problem(join_place(prefix, p.place), p.message) for p in self.problems)


class Refusal(InputError):  # noqa: N818 - named for what it is: a value refused, with its message
    """A value refused by a check of the model: its message, in both languages.

    The model's validators raise it, so a reader that builds the model turns
    it into a :class:`Problem` without losing the message's language. It is
    an :class:`InputError` of one problem (the field, the message), so
    ``except InputError`` catches bad values given to the model's classes
    (``Cadres(full_time=-1)``) as it catches bad documents. ``str()`` is
    ``field: message`` in English.

    Args:
        message: What is wrong.
        field: The field refused, or ``""`` for the value as a whole.
    """

    def __init__(self, message: Message, field: str = "") -> None:
        """Create the refusal."""
        self.message = message
        self.field = field
        super().__init__([Problem(field, message)])

    def __reduce__(self) -> tuple[type[Refusal], tuple[Message, str]]:  # type: ignore[override]
        """Pickle support."""
        return (type(self), (self.message, self.field))


def problem_of(exc: BaseException, place: str = "") -> Problem:
    """The problem a refusal (or, as a last resort, any error) says, at *place*.

    Args:
        exc: A :class:`Refusal`, or another error whose text is shown as is.
        place: Where the refused value sits.

    Returns:
        The problem.
    """
    if isinstance(exc, Refusal):
        return Problem(join_place(place, exc.field), exc.message)
    return Problem(place, ErrorText.FALLBACK(str(exc)))


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
