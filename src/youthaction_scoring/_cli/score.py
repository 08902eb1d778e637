"""``youthaction-scoring score``: score an assessment."""

from __future__ import annotations

import shutil
import sys

import click

from .._domain.model import Month
from .common import AS_OF_OPTION, OUTPUT_OPTION, check_output_dir, emit, fail, load_input
from .score_export import EXPORT_FORMATS, check_export, export


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "xlsx", "csv", "csv-detail"]),
    default="table",
    show_default=True,
    help="table: a readable table with Chinese names; json: the scorecards document (FORMAT.md); "
    "jsonl: one scorecard a line (FORMAT.md), streamed from a .jsonl INPUT with constant memory; "
    "every bad line is reported, and scorecards stop at the first one; "
    "xlsx: a workbook with summary and detail sheets (needs -o); csv: the summary with ranks; "
    "csv-detail: one row per item. CSV is UTF-8 with a BOM; formula-like text is neutralised.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the table and of the xlsx/csv labels, deductions and notes.",
)
@AS_OF_OPTION
@OUTPUT_OPTION
def score(input_path: str, fmt: str, lang: str, as_of: Month | None, output: str | None) -> None:
    """Score every community of INPUT (.json, .jsonl or .xlsx register).

    Prints a table (default), writes the scorecards document (json), or
    streams one scorecard a line (jsonl; see docs/performance.md for bad
    lines and memory). Every item of every community is itemised: points,
    deductions with their R-decisions, and notes on excluded or merged records.
    """
    from .._analysis.score import score_assessment

    check_export(fmt, output)
    check_output_dir(output)
    if fmt == "jsonl":
        from .stream import score_to_jsonl

        score_to_jsonl(input_path, as_of, output)
        return
    assessment = load_input(input_path)
    try:
        cards = score_assessment(assessment, as_of=as_of)
    except ValueError as exc:
        fail("--as-of", str(exc))
    if fmt in EXPORT_FORMATS:
        export(cards, fmt, "zh" if lang == "zh" else "en", output)
        return
    if fmt == "json":
        from .._io.documents import dumps_scorecards

        emit(dumps_scorecards(cards), output)
        return
    from .._present.tables import render, scorecards_table

    table = scorecards_table(cards, "zh" if lang == "zh" else "en")
    to_terminal = output is None and sys.stdout.isatty()
    width = shutil.get_terminal_size((200, 24)).columns if to_terminal else 200
    emit(render(table, width=max(width, 120), color=to_terminal), output)
