"""``youthaction-scoring explain``: one community's score in plain language."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .._present.help_texts import OptionHelp
from .._present.operations import OPERATION, Request, answer_explain, card_of, scored
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

EXPLAIN_FORMATS = ["table", "text"]
"""What ``explain --format`` writes; ``table`` unless ``-o``'s ending says another."""


@command(OPERATION["explain"].doc)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--format",
    "fmt",
    type=click.Choice(EXPLAIN_FORMATS),
    default=None,
    show_default="table",
    text=OptionHelp.EXPLAIN_FORMAT,
)
@LANG_OPTION
@settings_of("explain")
@OUTPUT_OPTION
@FORCE_OPTION
@MAX_OUTPUT_OPTION
def explain(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    as_of: Month | None,
    community: str,
    output: str | None,
    force: bool,
) -> None:
    """Explain one community's score (help: :data:`.command_help.EXPLAIN`)."""
    fmt = output_format(fmt, output, EXPLAIN_FORMATS, "table")
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    request = Request(lang=lang_of(lang), as_of=as_of, community=community)
    with refused_as_options(input_path):
        if fmt == "text":
            emit(answer_explain(assessment, request), output)
            return
        cards = scored(assessment, request)
        card = card_of(cards, community)
    from .._analysis.explain import explain_scorecard
    from .._present.tables import items_table
    from .._present.terminal import terminal_safe

    statement = explain_scorecard(card, period=cards.period, as_of=as_of, lang=lang_of(lang))
    emit_tables([items_table(card, lang_of(lang)), terminal_safe(statement.rstrip("\n"))], output)
