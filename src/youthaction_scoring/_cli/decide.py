"""Plumbing shared by the decision-support commands (rank, plan, progress, ...)."""

from __future__ import annotations

import csv
import io
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

import click

from .._domain.codes import Lang
from .._domain.model import Assessment, Month
from .._domain.scorecard import Scorecards
from .common import emit, fail

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import RenderableType

T = TypeVar("T")

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of headings, reasons and actions.",
)


def lang_of(value: str) -> Lang:
    """Narrow a ``--lang`` value to :data:`Lang`."""
    return "en" if value == "en" else "zh"


def score_or_fail(assessment: Assessment, as_of: Month | None) -> Scorecards:
    """Score an assessment, turning an as-of month before the period into a user error (R2)."""
    from .._analysis.score import score_assessment

    try:
        return score_assessment(assessment, as_of=as_of)
    except ValueError as exc:
        fail("--as-of", str(exc))


def csv_cell(value: object) -> str:
    """Return a CSV cell that no spreadsheet reads as a formula.

    Text starting with ``= + - @``, a tab or a carriage return gets a leading
    apostrophe (the usual guard); numbers are written as they are.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    from .._present.csvsafe import neutralise_csv

    return str(neutralise_csv(str(value)))


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Write rows as CSV (RFC 4180 quoting, formula-guarded text cells)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def emit_renderables(renderables: Sequence[RenderableType], output: str | None) -> None:
    """Render rich tables or text and write them to standard output or a file."""
    from rich.console import Console

    to_terminal = output is None and sys.stdout.isatty()
    width = shutil.get_terminal_size((160, 24)).columns if to_terminal else 160
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=max(width, 100),
        force_terminal=to_terminal,
        color_system="standard" if to_terminal else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for renderable in renderables:
        console.print(renderable)
    emit(buffer.getvalue(), output)


def with_progress(items: Sequence[T], description: str) -> Iterator[T]:
    """Iterate over *items*, showing a progress bar on standard error when it is a terminal.

    Args:
        items: What to iterate over.
        description: The bar's label.

    Returns:
        The items, in order.
    """
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(description, total=len(items))
        for item in items:
            yield item
            bar.advance(task)
