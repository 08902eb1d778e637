"""Output files that cannot hurt: checked targets, written atomically, cleaned up.

* Only a regular file (or a new path) is written: a device, a FIFO, a socket
  or a directory is refused before anything is computed (:func:`check_target`).
* An existing workbook (:func:`is_workbook`: a zip holding ``xl/workbook.xml``,
  whatever its name) is replaced only when the caller says so: it may be a
  filled-in register, hours of someone's work.
* A symbolic link is followed: the file it points to is replaced (atomically);
  the link itself stays a link.
* The file appears whole or not at all: the output goes to a temporary file in
  the target's folder — on Linux an unnamed one (``O_TMPFILE``), which even a
  ``kill -9`` cannot leave behind — that is flushed, synced and renamed onto
  the target; the folder is synced after the rename. On any error, and on
  SIGTERM, SIGHUP and SIGINT, the temporary file is removed and an existing
  target is left untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import tempfile
import threading
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Final

from .._domain.messages import Message, Text
from .output_limit import open_limited


class OutputText(Text):
    """Why an output path is refused."""

    NOT_A_FILE = (
        "是{0}而不是文件：只写入普通文件",
        "is {0}, not a file: only regular files are written",
    )
    DIRECTORY = ("文件夹", "a directory")
    CHARACTER_DEVICE = ("字符设备", "a character device")
    BLOCK_DEVICE = ("块设备", "a block device")
    FIFO = ("命名管道", "a named pipe")
    SOCKET = ("套接字", "a socket")
    OTHER = ("特殊文件", "not a regular file")
    IS_INPUT = (
        "是输入文件：写入它会毁掉正在读取的内容",
        "is the input file: writing it would destroy what is read",
    )
    EXISTS = (
        "已经存在；只有要求时（--force）才会替换",
        "exists already, and is replaced only when asked (--force)",
    )
    READ_ONLY = (
        "是只读文件：有人保护了它，不会替换；请另选文件名，或先取消它的只读属性",
        "is read-only: someone protected it, so it is not replaced; choose another file"
        " name, or make it writable first",
    )
    NOT_YOURS = (
        "属于另一个用户：不替换别人的文件；请另选文件名",
        "belongs to another user: another person's file is not replaced; choose another file name",
    )
    WORKBOOK_EXISTS = (
        "是已有的工作簿（可能是填好的台账）：只有要求时（--force）才会覆盖；"
        "请另选文件名，或确认后加 --force",
        "is an existing workbook (a filled-in register, perhaps): it is overwritten only when"
        " asked; choose another file name, or add --force if you are sure",
    )


class OutputRefusedError(ValueError):
    """An output path the library will not write to; its ``message`` says why.

    Args:
        message: Why, in Chinese and English (``str()`` is the English).
    """

    def __init__(self, message: Message) -> None:
        """Create the error."""
        super().__init__(message.en)
        self.message = message


_KINDS: Final = (
    (stat.S_ISDIR, OutputText.DIRECTORY),
    (stat.S_ISCHR, OutputText.CHARACTER_DEVICE),
    (stat.S_ISBLK, OutputText.BLOCK_DEVICE),
    (stat.S_ISFIFO, OutputText.FIFO),
    (stat.S_ISSOCK, OutputText.SOCKET),
)


def _kind(mode: int) -> Message:
    return next((name for test, name in _KINDS if test(mode)), OutputText.OTHER)()


def is_workbook(path: str | os.PathLike[str]) -> bool:
    """Whether *path* is a spreadsheet workbook: a zip archive holding ``xl/workbook.*``.

    Only the archive's directory is read (at its end), so a large file of
    another kind costs nothing. The name of *path* does not matter: a
    register renamed ``backup.dat`` is still a workbook.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.lower().startswith("xl/workbook.") for name in archive.namelist())
    except (OSError, EOFError, ValueError, zipfile.BadZipFile):
        return False


def check_target(
    path: str | os.PathLike[str],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    replace: bool = True,
    replace_workbook: bool = True,
) -> Path:
    """Check that *path* may be written, before anything is computed.

    Args:
        path: The output file.
        inputs: Files the run reads; the output must not be one of them.
        replace: Whether an existing file may be replaced.
        replace_workbook: Whether an existing workbook (:func:`is_workbook`)
            may be replaced.

    Returns:
        The file that will be written: *path* with symbolic links followed.

    Raises:
        OutputRefusedError: *path* is a directory, a device, a FIFO or a socket; it
            is one of *inputs*; or it exists and *replace* is false, it is
            read-only (no write permission for anyone) or another user's, or
            it is a workbook and *replace_workbook* is false.
    """
    if os.fspath(path).endswith(("/", os.sep)):  # "newdir/": a folder is meant, not a file
        raise OutputRefusedError(OutputText.NOT_A_FILE(OutputText.DIRECTORY()))
    target = Path(os.path.realpath(path))
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError:
        return target  # unreadable: writing it will say what is wrong
    if not stat.S_ISREG(status.st_mode):
        raise OutputRefusedError(OutputText.NOT_A_FILE(_kind(status.st_mode)))
    for name in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(target, name):
                raise OutputRefusedError(OutputText.IS_INPUT())
    if not replace:
        raise OutputRefusedError(OutputText.EXISTS())
    if not status.st_mode & 0o222:  # chmod 444: a rename would replace it all the same
        raise OutputRefusedError(OutputText.READ_ONLY())
    if hasattr(os, "geteuid") and status.st_uid != os.geteuid():  # a shared folder's other files
        raise OutputRefusedError(OutputText.NOT_YOURS())
    if not replace_workbook and is_workbook(target):
        raise OutputRefusedError(OutputText.WORKBOOK_EXISTS())
    return target


def _install_cleanup() -> dict[int, object]:
    """Make SIGTERM and SIGHUP raise SystemExit, so that cleanups run (main thread only)."""
    previous: dict[int, object] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    return previous


def _restore(previous: dict[int, object]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)  # type: ignore[arg-type]


def _open_temporary(folder: Path, name: str) -> tuple[int, str | None]:
    """Open a temporary file in *folder*: unnamed when the system allows, else hidden."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and Path("/proc/self/fd").is_dir():
        try:
            return os.open(folder, flag | os.O_WRONLY, 0o600), None
        except OSError:
            pass  # a file system without unnamed files: use a named one
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return fd, temporary


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str], *, binary: bool = False
) -> Iterator[IO[str] | IO[bytes]]:
    """Open a temporary file beside *path*; on success, rename it onto *path*.

    If the block raises (or the process is told to stop with SIGTERM, SIGHUP
    or SIGINT), the temporary file is removed and an existing file at *path*
    is left untouched. A write that would make the file larger than the
    run's output limit raises :class:`~.output_limit.OutputTooLarge`.

    Args:
        path: The destination (a symbolic link is followed).
        binary: Open in binary mode instead of UTF-8 text.

    Returns:
        A context manager yielding the open temporary file.

    Raises:
        OutputRefusedError: *path* is not a regular file (see :func:`check_target`).
    """
    target = check_target(path)
    previous = _install_cleanup()
    fd, temporary = _open_temporary(target.parent, target.name)
    linked: str | None = None
    try:
        handle: IO[str] | IO[bytes] = open_limited(fd, binary=binary)
        with handle:
            yield handle
            handle.flush()
            os.fsync(fd)
        _set_mode(fd, target)
        if temporary is None:  # unnamed: give it a hidden name only now, then rename
            linked = _link_unnamed(fd, target)
            os.replace(linked, target)
            linked = None
        else:
            os.replace(temporary, target)
            temporary = None
        _sync_folder(target.parent)
    finally:
        os.close(fd)
        for leftover in (temporary, linked):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)
        _restore(previous)


def _link_unnamed(fd: int, target: Path) -> str:
    """Give an unnamed temporary file a new hidden name beside *target*."""
    # linkat(…, AT_SYMLINK_FOLLOW) on /proc/self/fd/N, as open(2) describes;
    # os.link uses linkat only when given a directory descriptor.
    descriptors = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        for _attempt in range(100):
            name = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
            try:
                os.link(str(fd), name, src_dir_fd=descriptors, follow_symlinks=True)
            except FileExistsError:
                continue
            return name
    finally:
        os.close(descriptors)
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover


def _set_mode(fd: int, target: Path) -> None:
    """Give the new file the mode of the file it replaces, or the usual one for a new file."""
    try:
        mode = os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.fchmod(fd, mode)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write *data* to *path* atomically.

    Args:
        path: The destination.
        data: Text (written as UTF-8) or bytes.
    """
    with atomic_output(path, binary=isinstance(data, bytes)) as handle:
        handle.write(data)  # type: ignore[arg-type]
