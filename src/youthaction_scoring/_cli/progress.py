"""``youthaction-scoring progress``: month by month, who is falling behind."""

from __future__ import annotations

from fractions import Fraction

import click

from .._present.help_texts import OptionHelp
from .._present.operations import OPERATION
from .common import load_input
from .endings import output_format
from .help import command, option
from .options import (
    FORCE_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    MAX_OUTPUT_OPTION,
    OUTPUT_OPTION,
    behind_rule_of,
    lang_of,
    settings_of,
)
from .output import emit_pieces, emit_tables, prepare_output
from .progress_bar import with_progress

PROGRESS_FORMATS = ["table", "json"]
"""What ``progress --format`` writes; ``table`` unless ``-o``'s ending says another."""


@command(OPERATION["progress"].doc)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--format",
    "fmt",
    type=click.Choice(PROGRESS_FORMATS),
    default=None,
    show_default="table",
    text=OptionHelp.PROGRESS_FORMAT,
)
@LANG_OPTION
@settings_of("progress")
@OUTPUT_OPTION
@FORCE_OPTION
@MAX_OUTPUT_OPTION
def progress(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    behind_share: Fraction | None,
    behind_below: int | None,
    output: str | None,
    force: bool,
) -> None:
    """Score INPUT month by month (help: :data:`.command_help.PROGRESS`)."""
    from .._analysis.progress import iter_progress

    rule = behind_rule_of(behind_share, behind_below)
    fmt = output_format(fmt, output, PROGRESS_FORMATS, "table")
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    months = assessment.period.months
    steps = with_progress(iter_progress(assessment, behind=rule), "progress", len(months))
    if fmt == "json":  # a month at a time: 120 months of 50,000 communities do not fit as values
        from .._io.decisions import progress_json_chunks

        emit_pieces(progress_json_chunks(steps, lang_of(lang)), output)
        return
    from .._present.tables import progress_tables

    emit_tables(progress_tables(steps, lang_of(lang)), output)
