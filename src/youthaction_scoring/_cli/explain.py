"""``youthaction-scoring explain``: one community's score in plain language."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .common import fail, load_input, score_or_fail
from .options import (
    AS_OF_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    lang_of,
)
from .output import emit, emit_tables, prepare_output


@click.command()
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@click.option(
    "--community",
    "community_id",
    required=True,
    metavar="ID",
    help="The id of the community to explain.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "text"]),
    default="table",
    show_default=True,
    help="table: an item-by-item table, then the statement; text: the statement only.",
)
@LANG_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
def explain(
    input_path: str,
    input_format: str | None,
    community_id: str,
    fmt: str,
    lang: str,
    as_of: Month | None,
    output: str | None,
) -> None:
    """Explain one community's score, clause by clause (Chinese by default).

    Lists every item with its points and maximum and its stages (full points,
    after deductions, after the floor or cap), every deduction with its
    reason and R-decision, and every excluded or merged record.
    """
    from .._analysis.explain import explain_scorecard

    output = prepare_output(output, inputs=[input_path])
    cards = score_or_fail(load_input(input_path, input_format, warn=lang_of(lang)), as_of)
    try:
        card = cards.get(community_id)
    except KeyError:
        fail("--community", f"no community with id {community_id!r} in {input_path}")
    statement = explain_scorecard(card, period=cards.period, as_of=as_of, lang=lang_of(lang))
    if fmt == "text":
        emit(statement, output, human=True)
        return
    from .._present.tables import items_table
    from .._present.terminal import terminal_safe

    emit_tables([items_table(card, lang_of(lang)), terminal_safe(statement.rstrip("\n"))], output)
