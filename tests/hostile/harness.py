"""How the hostile-input battery runs the program and judges the outcome.

Every hostile run must end in one of three ways, and nothing else:

* status 0 with correct output;
* status 2, every problem on standard error with its place;
* status 1, one line saying what could not be written;

never a traceback, within seconds and a few hundred MB, and no file changed
but the intended target. Runs go through a real process (so that exit
statuses, standard streams, signals and resource limits are real) or, where
that is enough, through click's runner in-process.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
from click.testing import CliRunner

from tests.malformed import valid_community, valid_header
from youthaction_scoring._cli import main

SECONDS = 30
"""The most a hostile run may take (they finish in a second or two here)."""
MEMORY = 1024 * 1024 * 1024
"""The most address space a hostile run may use (1 GiB)."""


@attrs.frozen
class Outcome:
    """How a run ended."""

    status: int
    stdout: str
    stderr: str
    seconds: float

    def refused(self, place: str | None = None) -> bool:
        """Status 2 with problems on standard error, each with a place (and *place* among them)."""
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        placed = all(": " in line for line in lines)
        named = place is None or any(line.startswith(place) for line in lines)
        return self.status == 2 and bool(lines) and placed and named and not self.traceback

    @property
    def traceback(self) -> bool:
        """Whether a Python traceback (or an 'Exception ignored' note) reached the user."""
        return "Traceback (most recent call last)" in self.stderr or "Exception ignored" in (
            self.stderr
        )


def _limits() -> None:  # pragma: no cover - runs in the child process
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def cli(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    file_size: int | None = None,
) -> Outcome:
    """Run ``python -m youthaction_scoring ARGS`` in a real process, limited in time and memory.

    Args:
        *args: The command line.
        stdin: Bytes for standard input (none: an empty stream).
        cwd: The working folder.
        file_size: Limit the size of files the process may write (RLIMIT_FSIZE),
            to make a disk that fills up.
    """

    def limits() -> None:  # pragma: no cover - runs in the child process
        _limits()
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails instead of killing
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "youthaction_scoring", *args],
        input=stdin or b"",
        capture_output=True,
        timeout=SECONDS,
        cwd=cwd,
        preexec_fn=limits,
        check=False,
    )
    return Outcome(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


def quick(*args: str, stdin: bytes | None = None) -> Outcome:
    """Run the command in-process (click's runner): fast, for the many reader cases."""
    started = time.monotonic()
    result = CliRunner().invoke(main, list(args), input=stdin)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "\nTraceback (most recent call last): " + repr(result.exception)
    return Outcome(result.exit_code, result.stdout, stderr, time.monotonic() - started)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below *folder* (hidden ones included) with a digest of its bytes."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            out[str(path.relative_to(folder))] = "-> " + os.readlink(path)
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(folder))] = digest
    return out


def document(*communities: dict[str, Any], header: dict[str, Any] | None = None) -> str:
    """An assessment document holding *communities* (valid ones by default)."""
    doc = dict(header if header is not None else valid_header())
    doc["communities"] = list(communities) or [valid_community()]
    return json.dumps(doc, ensure_ascii=False)


def json_lines(*lines: str | dict[str, Any], header: dict[str, Any] | None = None) -> str:
    """A JSON Lines assessment: the header, then each line (an object is dumped)."""
    first = json.dumps(header if header is not None else valid_header(), ensure_ascii=False)
    body = [
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    ]
    return "\n".join([first, *body]) + "\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write *content* to *folder*/*name*; return the path."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def all_statuses(outcomes: Sequence[Outcome]) -> set[int]:
    """The statuses of several runs."""
    return {o.status for o in outcomes}
