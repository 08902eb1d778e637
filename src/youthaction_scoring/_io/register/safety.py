"""Guards a register workbook passes before it is parsed, and how refusals are worded.

The zip directory is read first: a workbook that unpacks to more than the
limit, holds more parts than any register has, two parts whose names differ
only in case (calamine finds parts whatever their case), or a style or
shared-strings table larger than any register's (a million copies of one
cell style, say, unpack to 200 MiB from under 1 MB) is refused before any
XML is parsed. Unsafe or broken XML met while parsing is one clean refusal.
"""

from __future__ import annotations

from typing import Any, Final

from ..._domain.errors import InputError, Problem
from ..._domain.limits import MAX_UNPACKED_BYTES
from .register_texts import RegisterText

MAX_MEMBERS: Final = 10_000
"""The most parts a register workbook may have (a dozen is usual)."""

TABLE_LIMITS: Final = {"xl/styles.xml": 16 * 2**20, "xl/sharedstrings.xml": 64 * 2**20}
"""The most bytes the style table (cell formats and fonts) and the shared-strings
table may unpack to, by part name in lower case (calamine reads them there).
Excel's own limit of 64,000 cell formats takes some 6 MiB; the shared strings
of a 50,000-community register some 25 MiB."""


def check_unpacked_size(
    handle: Any, name: str, table_limits: dict[str, int] = TABLE_LIMITS
) -> None:
    """Refuse a workbook whose zip directory says it unpacks to more than the limits.

    Args:
        handle: The workbook, a seekable binary file (left at its start).
        name: The file's name, for the problem's place.
        table_limits: The most bytes each table part may unpack to, by
            name in lower case (:data:`TABLE_LIMITS`; smaller in tests).

    Raises:
        InputError: Not a zip file, too large unpacked, too many parts, two
            parts named alike, or a table too large.
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
    names = [member.filename.lower() for member in members]
    if len(set(names)) != len(names):
        same = sorted(n for n in set(names) if names.count(n) > 1)[0]
        message = RegisterText.UNREADABLE(f"two parts are named {same!r}, in any case")
        raise InputError([Problem(name, message)])
    for member, lowered in zip(members, names, strict=True):
        limit = table_limits.get(lowered)
        if limit is not None and member.file_size > limit:
            size = f"{member.file_size:,}"
            raise InputError(
                [Problem(name, RegisterText.TABLE_TOO_BIG(member.filename, size, f"{limit:,}"))]
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
