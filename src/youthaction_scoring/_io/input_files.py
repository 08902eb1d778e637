"""Input files read once, within the input limit: no file, line or FIFO can exhaust memory.

A file read whole (a JSON document, a register, JSON Lines read into one
assessment) may hold at most :data:`~.._domain.limits.MAX_INPUT_BYTES`
(256 MiB, as standard input): a regular file's size is checked before
anything is read, and a FIFO or a device is read no further than the limit.
JSON Lines scored as a stream may be longer, one community at a time, but
no line may pass the limit: an endless line is refused once its first
256 MiB are read, not read to its end. Every input is opened once: a FIFO
cannot be read twice.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import IO

from .._domain.errors import InputError, Problem
from .._domain.limits import MAX_INPUT_BYTES
from .._domain.messages import Text


class InputText(Text):
    """What is said of an input past the limit."""

    TOO_BIG = (
        "超过 {0} MiB，这是一个输入文件的上限",
        "holds more than {0} MiB, the most an input file may hold",
    )
    LINE_TOO_LONG = (
        "这一行超过 {0} MiB（没有换行符？）：读到此处为止",
        "this line holds more than {0} MiB (no line break?): read no further",
    )


def _mib() -> str:
    return f"{MAX_INPUT_BYTES // 2**20:,}"


def too_big(name: str) -> InputError:
    """The refusal of an input file past the limit, placed at *name*."""
    return InputError([Problem(name, InputText.TOO_BIG(_mib()))])


def check_size(handle: IO[bytes], name: str) -> None:
    """Refuse an open regular file larger than the limit, before reading it.

    Raises:
        InputError: It is larger.
    """
    status = os.fstat(handle.fileno())
    if stat.S_ISREG(status.st_mode) and status.st_size > MAX_INPUT_BYTES:
        raise too_big(name)


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file, read once, within the limit.

    Raises:
        InputError: It holds more than the limit (a regular file's size is
            checked before it is read; a FIFO is read no further).
        OSError: It cannot be read.
    """
    with open(path, "rb") as handle:
        return read_bounded(handle, os.fspath(path))


def read_bounded(handle: IO[bytes], name: str) -> bytes:
    """The rest of an open input, within the limit (see :func:`read_file`)."""
    check_size(handle, name)
    data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise too_big(name)
    return data


def bounded_lines(handle: IO[bytes], name: str, *, whole: bool, first: int = 1) -> Iterator[bytes]:
    """The lines of an open input, none read past the limit.

    Args:
        handle: The input, opened in binary mode.
        name: Its name, for the refusal.
        first: The number of the first line given (a line too long is placed by it).
        whole: It is read whole: the file too stays within the limit (its
            size is checked first when it has one).

    Raises:
        InputError: A line (or, when *whole*, the file) passes the limit;
            lines before it have been given.
    """
    if whole:
        check_size(handle, name)
    left = MAX_INPUT_BYTES
    number = first - 1
    while line := handle.readline(left + 1 if whole else MAX_INPUT_BYTES + 1):
        number += 1
        if whole:
            left -= len(line)
            if left < 0:
                raise too_big(name)
        elif len(line) > MAX_INPUT_BYTES:
            raise InputError([Problem(f"line {number}", InputText.LINE_TOO_LONG(_mib()))])
        yield line
