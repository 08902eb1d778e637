"""What an input holds, and its bytes: for the commands that stream."""

from __future__ import annotations

from pathlib import Path

import click

from .._present.terminal import terminal_safe
from .cli_texts import CliText
from .common import stdin_first_line, user_errors
from .lang import run_lang
from .usage import BadValue


def input_kind(input_path: str, input_format: str | None) -> str:
    """``jsonl``, ``json`` or ``xlsx``: what INPUT holds (by its ending, or its first bytes)."""
    if input_path != "-":
        suffix = Path(input_path).suffix.lower()
        return {".jsonl": "jsonl", ".json": "json"}.get(suffix, "xlsx")
    if input_format is not None:
        return input_format
    from .._io.assessments import guess_format

    return guess_format(stdin_first_line()) or "json"


def read_input(input_path: str) -> bytes:
    """The bytes of an input file, read once within the input limit (else a user error)."""
    from .._io.input_files import read_file

    with user_errors(input_path):
        return read_file(input_path)
    raise AssertionError  # pragma: no cover - user_errors raises or returns above


AUTO_JOBS_BYTES = 8 * 2**20
"""With ``--jobs auto``, inputs of at least this many bytes are scored on every core
(when there are at least four: :func:`~.._io.parallel.default_jobs`)."""


def parse_jobs(_ctx: click.Context, _param: click.Parameter, value: str) -> int | None:
    """``--jobs``: a whole number of at least 1, or ``auto`` (``None``)."""
    text = value.strip()
    if text == "auto":
        return None
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise BadValue(CliText.NOT_JOBS(value))
    return int(text)


def jobs_for(jobs: int | None, input_path: str) -> int:
    """The processes to use: *jobs*, at most one a core (said); for ``auto``, as the size says.

    ``auto`` is :func:`~.._io.parallel.default_jobs` for a large input, else 1.
    """
    from .._io.parallel import available, default_jobs

    if jobs is not None:
        cores = available()
        if jobs > cores:  # more would only take turns on the same cores
            click.echo(terminal_safe(CliText.JOBS_CAPPED(cores, jobs).text(run_lang())), err=True)
        return min(jobs, cores)
    try:
        large = input_path != "-" and Path(input_path).stat().st_size >= AUTO_JOBS_BYTES
    except OSError:
        large = False  # reported when it is read
    return default_jobs() if large else 1
