"""The one exception for bad input: every problem at once, each with its place.

A problem's message is a :class:`~.messages.Message` of a typed catalogue, so
it renders in Chinese or in English on demand (``str()`` gives English, as
Python's own errors do); a place renders in either language too (``line 5``
is ``第5行`` in Chinese; paths and cells are the same in both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from .codes import Lang
from .limits import MAX_PROBLEMS
from .messages import Message, Text


class ErrorText(Text):
    """The texts of :class:`Problem` itself."""

    FALLBACK = ("无效：{0}", "{0}")
    LINE = ("第{0}行", "line {0}")
    LINE_COLUMN = ("第{0}行第{1}列", "line {0} column {1}")
    MORE = (
        "……另有{0}个问题未列出（只列出前{1}个）",
        "... and {0} more problems, not shown (the first {1} are)",
    )


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


def more_problems(count: int, shown: int) -> Problem:
    """The line that stands for the problems not kept."""
    return Problem("", ErrorText.MORE(count, shown))


class Problems:
    """Problems kept up to a limit, the rest only counted, as compilers do.

    Memory stays flat however many problems an input has: the first
    *limit* are kept with their places, and :meth:`tuple` ends with one line
    saying how many more there were. A summary line of another collection
    added here is counted, not kept.

    Args:
        limit: How many problems to keep.
    """

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        """Start empty."""
        self.limit = limit
        self.kept: list[Problem] = []
        self.more = 0

    def add(self, problem: Problem) -> None:
        """Keep *problem*, or count it when :attr:`limit` are kept already."""
        if problem.message.key is ErrorText.MORE:
            count = problem.message.args[0]
            self.more += count if isinstance(count, int) else 0
        elif len(self.kept) < self.limit:
            self.kept.append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add each of *problems*."""
        for problem in problems:
            self.add(problem)

    @property
    def full(self) -> bool:
        """Whether problems are only counted now."""
        return len(self.kept) >= self.limit

    def __bool__(self) -> bool:
        """Whether there is any problem."""
        return bool(self.kept) or self.more > 0

    def __len__(self) -> int:
        """How many problems there were, kept or counted."""
        return len(self.kept) + self.more

    def __iter__(self) -> Iterator[Problem]:
        """The problems kept, then one line for the rest (if any)."""
        return iter(self.tuple())

    def tuple(self) -> tuple[Problem, ...]:
        """The problems kept, then one line for the rest (if any)."""
        if not self.more:
            return tuple(self.kept)
        return (*self.kept, more_problems(self.more, len(self.kept)))


def capped(problems: Iterable[Problem], limit: int = MAX_PROBLEMS) -> tuple[Problem, ...]:
    """The first *limit* of *problems*, then one line saying how many more (:class:`Problems`)."""
    kept = Problems(limit)
    kept.extend(problems)
    return kept.tuple()


def is_summary(problem: Problem) -> bool:
    """Whether *problem* is the line standing for problems not kept (:class:`Problems`)."""
    return problem.message.key is ErrorText.MORE


class InputError(ValueError):
    """The input is invalid; ``problems`` lists everything wrong with it.

    ``str()`` gives the problems in English, one a line; :meth:`text` gives
    them in Chinese or English.

    Args:
        problems: The problems, in document order as far as known; beyond
            a thousand, only counted.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        """Create the error from its problems (at least one)."""
        given = problems if type(problems) is tuple else tuple(problems)
        if len(given) > MAX_PROBLEMS or any(map(is_summary, given)):
            given = capped(given)
        if not given:
            raise ValueError("an InputError needs at least one problem")
        self.problems = given
        super().__init__(given)

    def __str__(self) -> str:
        """Return every problem in English, one a line (rendered only when asked)."""
        return self.text("en")

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
        return InputError(
            p if is_summary(p) else Problem(join_place(prefix, p.place), p.message)
            for p in self.problems
        )


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
