"""``youthaction-scoring progress``: month by month, who is falling behind."""

from __future__ import annotations

from fractions import Fraction

import click

from .common import load_input
from .options import (
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    behind_options,
    behind_rule_of,
    lang_of,
)
from .output import emit, emit_tables, prepare_output, with_progress


@click.command()
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: readable; json: one entry per month.",
)
@LANG_OPTION
@behind_options
@OUTPUT_OPTION
def progress(
    input_path: str,
    input_format: str | None,
    fmt: str,
    lang: str,
    behind_share: Fraction | None,
    behind_below: int | None,
    output: str | None,
) -> None:
    """Score INPUT as of each month of its period (R2) and list who is falling behind.

    For every month: every community's total as of that month, the
    communities with no qualifying activity in that month (R10), and those
    flagged behind (R19: the bottom quarter by that month's total, ties
    included, unless --behind-share or --behind-below says otherwise).

    Example: youthaction-scoring progress 台账.xlsx --behind-share 20%
    """
    from .._analysis.progress import iter_progress

    rule = behind_rule_of(behind_share, behind_below)
    output = prepare_output(output, inputs=[input_path])
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    months = assessment.period.months
    steps = iter_progress(assessment, behind=rule)
    results = list(with_progress(steps, "progress", len(months)))
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._io.decisions import progress_document

        emit(dumps_json(progress_document(results, lang_of(lang))), output)
        return
    from .._present.tables import progress_tables

    emit_tables(progress_tables(results, lang_of(lang)), output)
