"""The most one run writes, so that a small input cannot fill a disk.

``progress`` writes months × communities: a few MiB of input can ask for
gigabytes of output. Every output of the command line (a file written by
:func:`~.atomic.atomic_output`, standard output, a temporary file held for
it) and every answer of the service counts its bytes against the limit of
the run (:data:`OUTPUT_LIMIT`); the write that would pass it raises
:class:`OutputTooLarge` instead, before its bytes are written. The command
line sets the limit (``--max-output``) and turns the error into status 2;
the service answers 422 (``answer-too-large``). Used as a library, nothing
is limited unless the caller sets :data:`OUTPUT_LIMIT`.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
from collections.abc import Callable, Iterator
from typing import IO, Final, TypeVar

from .._domain.messages import Message, Text

T = TypeVar("T")


class OutputLimitText(Text):
    """What is said of the output limit."""

    TOO_LARGE = (
        "输出将超过{0} MiB 的上限，已停止，未留下任何部分输出文件；"
        "请缩小输入（更少的社区、更短的考核期），或用 --max-output 提高上限",
        "the output would exceed the limit of {0} MiB: stopped, and no part of it is kept"
        " in a file; give a smaller input (fewer communities, a shorter period) or raise"
        " the limit with --max-output",
    )


OUTPUT_LIMIT: Final[contextvars.ContextVar[int | None]] = contextvars.ContextVar(
    "youthaction_scoring_output_limit", default=None
)
"""The most bytes one output may hold in this run (``None``: no limit)."""


class OutputTooLarge(Exception):  # noqa: N818 - named for what happened, like TimeoutError
    """An output would pass the run's limit; :attr:`limit` is that limit in bytes."""

    def __init__(self, limit: int) -> None:
        """Create the error."""
        super().__init__(f"the output would exceed the limit of {limit:,} bytes")
        self.limit = limit

    @property
    def message(self) -> Message:
        """What happened, in both languages."""
        return OutputLimitText.TOO_LARGE(f"{self.limit / 2**20:,.0f}")


def limited_writer(write: Callable[[T], object], limit: int | None = None) -> Callable[[T], object]:
    """*write*, refusing (:class:`OutputTooLarge`) the piece that would pass *limit* bytes.

    Args:
        write: Takes bytes (or text: each character counts as a byte).
        limit: The limit; ``None``: the run's (:data:`OUTPUT_LIMIT`).

    Returns:
        A write function; *write* itself when there is no limit.
    """
    most = OUTPUT_LIMIT.get() if limit is None else limit
    if most is None:
        return write
    written = 0

    def limited(piece: T) -> object:
        nonlocal written
        written += len(piece)  # type: ignore[arg-type]
        if written > most:
            raise OutputTooLarge(most)
        return write(piece)

    return limited


class _LimitedFile(io.FileIO):
    """A file descriptor written through, that refuses to grow past a limit."""

    def __init__(self, fd: int, limit: int) -> None:
        super().__init__(fd, "w", closefd=False)
        self._left = limit
        self._limit = limit

    def write(self, data: object) -> int:
        size = memoryview(data).nbytes  # type: ignore[arg-type]
        if size > self._left:
            self._left = -1
            raise OutputTooLarge(self._limit)
        done = super().write(data)  # type: ignore[arg-type]
        self._left -= done or 0
        return done or 0


def open_limited(fd: int, *, binary: bool) -> IO[str] | IO[bytes]:
    """Open *fd* for writing (UTF-8 text, or bytes), within the run's limit when it has one.

    The descriptor stays open when the file object is closed.
    """
    limit = OUTPUT_LIMIT.get()
    raw: io.FileIO = io.FileIO(fd, "w", closefd=False) if limit is None else _LimitedFile(fd, limit)
    buffered = io.BufferedWriter(raw)
    if binary:
        return buffered
    return io.TextIOWrapper(buffered, encoding="utf-8", newline="")


@contextlib.contextmanager
def output_limit(limit: int | None) -> Iterator[None]:
    """Limit every output inside the block to *limit* bytes (``None``: no limit)."""
    token = OUTPUT_LIMIT.set(limit)
    try:
        yield
    finally:
        OUTPUT_LIMIT.reset(token)
