"""Progress bars on standard error (rich, if installed): in bytes when streaming, else in steps."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TypeVar

import click

from .._domain.errors import Problem, more_problems
from .._domain.limits import MAX_PROBLEMS
from .._present.grid import has_rich
from .._present.terminal import terminal_safe
from .lang import run_lang

T = TypeVar("T")

_TICK = 500
"""Lines between progress bar updates."""


def counted(lines: Iterable[bytes], advance: Callable[[int], None]) -> Iterator[bytes]:
    """Pass *lines* through, telling *advance* how many bytes went by every few hundred."""
    pending = 0
    for count, line in enumerate(lines, start=1):
        pending += len(line)
        if count % _TICK == 0:
            advance(pending)
            pending = 0
        yield line
    advance(pending)


class ByteProgress:
    """A transient bar that advances by bytes read; problems print above it.

    Args:
        input_path: The file being read (its size is the bar's total).
    """

    def __init__(self, input_path: str) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.console = Console(stderr=True, highlight=False)
        self.progress = Progress(
            TextColumn("[bold]scoring[/bold]"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("score", total=os.path.getsize(input_path))

    def __enter__(self) -> tuple[Callable[[int], None], Callable[[Problem], None]]:
        """Start the bar; return (advance by n bytes, report a problem)."""
        self.progress.start()
        return self._advance, self._report

    def __exit__(self, *exc: object) -> None:
        """Stop and remove the bar."""
        self.progress.stop()

    def _advance(self, count: int) -> None:
        self.progress.advance(self.task, count)

    def _report(self, problem: Problem) -> None:
        text = terminal_safe(problem.text(run_lang()))
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)


def _report(problem: Problem) -> None:
    click.echo(terminal_safe(problem.text(run_lang())), err=True)


@contextlib.contextmanager
def reporting(
    input_path: str, show_bar: bool
) -> Iterator[tuple[Callable[[int], None], Callable[[Problem], None]]]:
    """(advance by n bytes, report a problem) for a run: a bar on a terminal, else plain lines.

    The first :data:`~.._domain.limits.MAX_PROBLEMS` problems are shown as
    they come; the rest are counted, and said in one line at the end.
    """
    shown: AbstractContextManager[tuple[Callable[[int], None], Callable[[Problem], None]]]
    bar = show_bar and has_rich()  # without the `cli` extra: no bar, the same lines
    shown = ByteProgress(input_path) if bar else nullcontext((lambda _n: None, _report))
    with shown as (advance, report):
        count = 0

        def capped(problem: Problem) -> None:
            nonlocal count
            count += 1
            if count <= MAX_PROBLEMS:
                report(problem)

        try:
            yield advance, capped
        finally:
            if count > MAX_PROBLEMS:
                report(more_problems(count - MAX_PROBLEMS, MAX_PROBLEMS))


def with_progress(items: Iterable[T], description: str, total: int) -> Iterator[T]:
    """Iterate over *items*, showing a progress bar on standard error when it is a terminal.

    Args:
        items: What to iterate over (an iterator is fine).
        description: The bar's label.
        total: How many items there are.

    Returns:
        The items, in order.
    """
    if not sys.stderr.isatty() or not has_rich():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
