"""What an output file's ending says it holds, and the format a command writes there."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from .cli_texts import CliText
from .common import fail

ENDINGS: Final = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".html": "html",
    ".htm": "html",
}
"""The output format a file ending says; other endings (``.txt``, none) say nothing."""


def output_format(fmt: str | None, output: str | None, choices: Sequence[str]) -> str:
    """The format to write: ``--format``, else the one ``-o``'s ending says, else the first.

    Args:
        fmt: The ``--format`` value, or ``None`` when not given.
        output: The ``-o`` value, or ``None``.
        choices: The formats the command writes, its default first
            (``csv-detail`` is a CSV).

    Returns:
        The format.

    Raises:
        UserError: The ending says a format the command does not write, or
            one other than ``--format`` (``--format table -o 得分.xlsx``):
            the file would be named for what it is not, and neither Excel
            nor this program could open it.
    """
    ending = Path(output).suffix.lower() if output not in (None, "-") else ""
    said = ENDINGS.get(ending)
    if said is None:
        return choices[0] if fmt is None else fmt
    offered = [choice for choice in choices if choice.split("-")[0] == said]
    if fmt is None:
        if not offered:
            fail(str(output), CliText.ENDING_NOT_WRITTEN(ending, ", ".join(choices)))
        return offered[0]
    if fmt not in offered:
        fail("--format", CliText.ENDING_MISMATCH(fmt, str(output), ending))
    return fmt
