"""``youthaction-scoring plan``: the points each community has left on the table."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .._present.help_texts import OptionHelp
from .._present.operations import OPERATION, Request, answer_plan, plans_of
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
    lang_of,
    refused_as_options,
    settings_of,
)
from .output import emit, emit_tables, prepare_output

PLAN_FORMATS = ["table", "json"]
"""What ``plan --format`` writes; ``table`` unless ``-o``'s ending says another."""


@command(OPERATION["plan"].doc)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--format",
    "fmt",
    type=click.Choice(PLAN_FORMATS),
    default=None,
    show_default="table",
    text=OptionHelp.PLAN_FORMAT,
)
@LANG_OPTION
@settings_of("plan")
@OUTPUT_OPTION
@FORCE_OPTION
@MAX_OUTPUT_OPTION
def plan(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    as_of: Month | None,
    community: str | None,
    output: str | None,
    force: bool,
) -> None:
    """List what would still gain points (help: :data:`.command_help.PLAN`)."""
    fmt = output_format(fmt, output, PLAN_FORMATS, "table")
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    request = Request(lang=lang_of(lang), as_of=as_of, community=community)
    with refused_as_options(input_path):
        if fmt == "json":
            emit(answer_plan(assessment, request), output)
            return
        plans = plans_of(assessment, request)
    from .._present.tables import plan_tables

    emit_tables([t for p in plans for t in plan_tables(p, lang_of(lang))], output)
