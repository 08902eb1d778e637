"""``youthaction-scoring explain``: one community's score in plain language."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .._present.command_help import EXPLAIN
from .._present.help_texts import OptionHelp
from .common import fail, load_input, score_or_fail
from .help import command, option
from .options import (
    AS_OF_OPTION,
    FORCE_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    lang_of,
)
from .output import emit, emit_tables, output_format, prepare_output
from .texts import CliText

EXPLAIN_FORMATS = ["table", "text"]
"""What ``explain --format`` writes; ``table`` unless ``-o``'s ending says another."""


@command(EXPLAIN)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--community",
    "community_id",
    required=True,
    metavar="ID",
    text=OptionHelp.EXPLAIN_COMMUNITY,
)
@option(
    "--format",
    "fmt",
    type=click.Choice(EXPLAIN_FORMATS),
    default=None,
    show_default="table",
    text=OptionHelp.EXPLAIN_FORMAT,
)
@LANG_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
def explain(
    input_path: str,
    input_format: str | None,
    community_id: str,
    fmt: str | None,
    lang: str,
    as_of: Month | None,
    output: str | None,
    force: bool,
) -> None:
    """Explain one community's score (help: :data:`.command_help.EXPLAIN`)."""
    from .._analysis.explain import explain_scorecard

    fmt = output_format(fmt, output, EXPLAIN_FORMATS, "table")
    output = prepare_output(output, inputs=[input_path], force=force)
    cards = score_or_fail(load_input(input_path, input_format, warn=lang_of(lang)), as_of)
    try:
        card = cards.get(community_id)
    except KeyError:
        fail("--community", CliText.NO_SUCH_COMMUNITY(community_id, input_path))
    statement = explain_scorecard(card, period=cards.period, as_of=as_of, lang=lang_of(lang))
    if fmt == "text":
        emit(statement, output, human=True)
        return
    from .._present.tables import items_table
    from .._present.terminal import terminal_safe

    emit_tables([items_table(card, lang_of(lang)), terminal_safe(statement.rstrip("\n"))], output)
