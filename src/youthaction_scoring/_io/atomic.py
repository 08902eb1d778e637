"""Atomic file output: a file appears whole or not at all."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str], *, binary: bool = False
) -> Iterator[IO[str] | IO[bytes]]:
    """Open a temporary file beside *path*; on success, rename it onto *path*.

    If the block raises, the temporary file is removed and an existing file at
    *path* is left untouched.

    Args:
        path: The destination.
        binary: Open in binary mode instead of UTF-8 text.

    Returns:
        A context manager yielding the open temporary file.
    """
    import tempfile

    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        if binary:
            handle: IO[str] | IO[bytes] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write *data* to *path* atomically.

    Args:
        path: The destination.
        data: Text (written as UTF-8) or bytes.
    """
    with atomic_output(path, binary=isinstance(data, bytes)) as handle:
        handle.write(data)  # type: ignore[arg-type]
