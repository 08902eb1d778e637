"""Assessments in and out of files: one loader and one writer, chosen by file ending.

``.json`` is one interchange-format document, ``.jsonl`` is JSON Lines (a header line,
then one community a line), ``.xlsx`` is a register workbook (台账, needs the
``excel`` extra). :func:`load_assessment` and :func:`write_assessment` are the
only places that pick a format by its ending.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

from .._domain.checks import check_type
from .._domain.errors import InputError, Problem
from .._domain.model import Assessment
from .atomic import atomic_output, atomic_write
from .codec import dumps_json, parse_json
from .document import structure_assessment, unstructure_assessment
from .input_files import check_size, read_bounded, read_file
from .jsonl import read_assessment_jsonl, read_assessment_lines, write_assessment_jsonl
from .reading_texts import ReadText


def loads_assessment(text: str | bytes) -> Assessment:
    """Parse and validate an assessment document (the format page).

    Args:
        text: The JSON text.

    Returns:
        The assessment.

    Raises:
        TypeError: *text* is neither text nor bytes.
        InputError: Every problem found, each with its place.
    """
    check_type("loads_assessment", "text", text, (str, bytes))
    from .document_stream import open_json_document
    from .jsonl import read_opened

    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
    except UnicodeEncodeError:  # a lone surrogate: the strict parser says where
        return structure_assessment(parse_json(text))
    opened = open_json_document(data)  # each community read fast, one at a time
    return structure_assessment(parse_json(text)) if opened is None else read_opened(opened)


def dumps_assessment(assessment: Assessment) -> str:
    """Serialise an assessment as an interchange-format document.

    Args:
        assessment: The assessment.

    Returns:
        The JSON text.
    """
    return dumps_json(unstructure_assessment(assessment))


def _load_json(path: Path) -> Assessment:
    return loads_assessment(read_file(path))


def _load_xlsx(path: Path) -> Assessment:
    from .register import read_register

    with path.open("rb") as handle:
        check_size(handle, os.fspath(path))
        regular = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
        data = b"" if regular else read_bounded(handle, os.fspath(path))  # a FIFO: read once
    return read_register(path if regular else io.BytesIO(data))


READERS: Final[dict[str, Callable[[Path], Assessment]]] = {
    ".json": _load_json,
    ".jsonl": read_assessment_jsonl,
    ".xlsx": _load_xlsx,
}
"""Assessment readers by file ending."""


def _write_json(assessment: Assessment, path: Path, _replace: bool) -> None:
    atomic_write(path, dumps_assessment(assessment))


def _write_jsonl(assessment: Assessment, path: Path, _replace: bool) -> None:
    with atomic_output(path) as handle:
        write_assessment_jsonl(assessment, handle)  # type: ignore[arg-type]


def _write_xlsx(assessment: Assessment, path: Path, replace: bool) -> None:
    from .register import write_register

    write_register(assessment, path, replace=replace)


WRITERS: Final[dict[str, Callable[[Assessment, Path, bool], None]]] = {
    ".json": _write_json,
    ".jsonl": _write_jsonl,
    ".xlsx": _write_xlsx,
}
"""Assessment writers by file ending."""


def ending(path: str | os.PathLike[str], table: Mapping[str, object]) -> str:
    """Return *path*'s ending, lower-cased, if *table* knows it.

    Args:
        path: A file name.
        table: :data:`READERS` or :data:`WRITERS`.

    Returns:
        The ending, e.g. ``".xlsx"``.

    Raises:
        InputError: The ending is not one of *table*'s, placed at the file.
    """
    suffix = Path(path).suffix
    if suffix.lower() not in table:
        endings = ", ".join(sorted(table))
        message = ReadText.FILE_TYPE(suffix or ReadText.NO_ENDING(), endings)
        raise InputError([Problem(os.fspath(path), message)])
    return suffix.lower()


def load_assessment(path: str | os.PathLike[str]) -> Assessment:
    """Read and validate an assessment file, whatever its format.

    ``.json`` files hold one document; ``.jsonl`` files are JSON Lines
    (the format page): a header line, then one community a line; ``.xlsx`` files
    are register workbooks (台账).

    Args:
        path: The file.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem found, each with its place; also an
            unsupported file ending.
        ImportError: A register, and the ``excel`` extra is not installed.
        OSError: The file cannot be read.
        TypeError: *path* is not a file name.
    """
    check_type("load_assessment", "path", path, (str, os.PathLike))
    return READERS[ending(path, READERS)](Path(path))


def write_assessment(
    assessment: Assessment, path: str | os.PathLike[str], *, replace: bool = False
) -> None:
    """Write an assessment to a file, in the format its ending names, atomically.

    Args:
        assessment: The assessment.
        path: A ``.json``, ``.jsonl`` or ``.xlsx`` file.
        replace: Replace an existing register (a ``.json`` or ``.jsonl``
            file is always replaced, atomically).

    Raises:
        InputError: An unsupported file ending.
        ValueError: A text is longer than a spreadsheet cell holds (``.xlsx``).
        ImportError: A register, and the ``excel`` extra is not installed.
        OSError: The file cannot be written.
    """
    WRITERS[ending(path, WRITERS)](assessment, Path(path), replace)


FORMATS: Final = ("json", "jsonl", "xlsx")
"""The formats an assessment is read from: a document, JSON Lines, a register."""


def guess_format(head: bytes) -> str | None:
    """Tell an assessment's format from its first bytes, when they say it.

    Args:
        head: The first bytes (the first line is enough).

    Returns:
        ``"xlsx"`` for a zip file, ``"jsonl"`` when the first line is a JSON
        Lines header (an object with a period and no communities), ``"json"``
        for other JSON; ``None`` when the bytes say nothing.
    """
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        return None
    first = text.split(b"\n", 1)[0]
    try:
        value = json.loads(first)
    except ValueError:
        return "json"  # an object over several lines: a document
    if isinstance(value, dict) and "period" in value and "communities" not in value:
        return "jsonl"
    return "json"


def read_assessment(data: bytes, fmt: str) -> Assessment:
    """Read an assessment held in memory (from standard input, say).

    Args:
        data: The file's bytes.
        fmt: ``"json"``, ``"jsonl"`` or ``"xlsx"``.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem found, each with its place.
        ImportError: A register, and the ``excel`` extra is not installed.
    """
    if fmt == "json":
        return loads_assessment(data)
    if fmt == "jsonl":
        return read_assessment_lines(io.BytesIO(data))
    from .register import read_register

    return read_register(io.BytesIO(data))
