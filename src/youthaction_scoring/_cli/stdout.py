"""Standard output for command output: a closed pipe ends quietly, a full disk is one line."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator

from .._io.output_limit import OutputTooLarge, limited_writer
from .cli_texts import CliText, os_reason
from .common import ClosedPipe, WriteFailure, fail


class StdoutBytes:
    """Bytes for standard output, buffered, with every short write followed up.

    Python's own buffered standard output can lose the error of a write cut
    short (a full disk: the file size limit reached mid-write) and end with
    status 0 and half the output. Here each write goes to the file
    descriptor until all of it is taken, so the failure surfaces as an
    :class:`OSError` that :func:`to_stdout` turns into one line and status 1.
    """

    _SIZE = 1 << 16

    def __init__(self) -> None:
        """Write to the file descriptor behind ``sys.stdout`` (or its buffer when it has none)."""
        sys.stdout.flush()
        try:
            self._fd: int | None = sys.stdout.fileno()
        except (OSError, ValueError):  # io.UnsupportedOperation: a test runner's stream
            self._fd = None
        self._pending = bytearray()
        self._take = limited_writer(self._pending.extend)

    def write(self, data: bytes) -> int:
        """Take *data* (within the run's output limit); write out once 64 KiB are pending."""
        self._take(data)
        if len(self._pending) >= self._SIZE:
            self.flush()
        return len(data)

    def flush(self) -> None:
        """Write out everything pending.

        Raises:
            OSError: Standard output took nothing (say, the disk is full).
        """
        if self._fd is None:
            sys.stdout.buffer.write(self._pending)
            sys.stdout.buffer.flush()
        else:
            with memoryview(self._pending) as view:
                done = 0
                while done < len(view):
                    written = os.write(self._fd, view[done:])
                    if written == 0:
                        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                    done += written
        self._pending.clear()


@contextlib.contextmanager
def to_stdout() -> Iterator[StdoutBytes]:
    """Give a :class:`StdoutBytes` for the output; write it all out at the end.

    A closed pipe stops the command quietly; output past the run's limit
    (``--max-output``) is refused (status 2: what was written before it
    stays written); any other failure (a full disk) is a :class:`WriteFailure`.

    Returns:
        A context manager yielding where to write the bytes.
    """
    try:
        sink = StdoutBytes()
        yield sink
        sink.flush()
        sys.stdout.flush()
    except OutputTooLarge as exc:
        fail("-", exc.message)
    except BrokenPipeError:
        raise ClosedPipe from None
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise ClosedPipe from None
        raise WriteFailure(CliText.STDOUT(os_reason(exc))) from None
