"""Guards a register workbook passes before it is parsed, and how refusals are worded.

The zip directory is read first: a workbook that unpacks to more than the
limit, or holds more parts than any register has, is refused before openpyxl
sees it. Unsafe or broken XML met while parsing is one clean refusal.
"""

from __future__ import annotations

from typing import Any, Final

from ..._domain.errors import InputError, Problem
from ..._domain.limits import MAX_UNPACKED_BYTES
from .texts import RegisterText

MAX_MEMBERS: Final = 10_000
"""The most parts a register workbook may have (a dozen is usual)."""


def check_unpacked_size(handle: Any, name: str) -> None:
    """Refuse a workbook whose zip directory says it unpacks to more than the limit.

    Args:
        handle: The workbook, a seekable binary file (left at its start).
        name: The file's name, for the problem's place.

    Raises:
        InputError: Not a zip file, too large unpacked, or too many parts.
    """
    import zipfile

    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError([Problem(name, RegisterText.UNREADABLE(str(exc)))]) from None
    finally:
        handle.seek(0)
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES or len(members) > MAX_MEMBERS:
        mib = unpacked / 2**20
        raise InputError(
            [
                Problem(
                    name,
                    RegisterText.TOO_BIG(
                        f"{mib:,.0f}",
                        f"{len(members):,}",
                        MAX_UNPACKED_BYTES // 2**20,
                        f"{MAX_MEMBERS:,}",
                    ),
                )
            ]
        )


def unsafe_problem(name: str, exc: BaseException) -> Problem:
    """The refusal of a workbook whose XML is unsafe or broken."""
    return Problem(name, RegisterText.UNSAFE(type(exc).__name__, str(exc)))


def caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> BaseException | None:
    """Return the exception of one of *kinds* in *exc*'s chain, or ``None``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kinds):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
