"""``youthaction-scoring rank``: communities ordered by total."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .._present.command_help import RANK
from .._present.help_texts import OptionHelp
from .common import load_input, score_or_fail
from .help import command, option
from .options import (
    AS_OF_OPTION,
    BILINGUAL_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    lang_of,
)
from .output import emit, emit_tables, prepare_output


@command(RANK)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    text=OptionHelp.RANK_FORMAT,
)
@option(
    "--by",
    type=click.Choice(["district"]),
    default=None,
    text=OptionHelp.RANK_BY,
)
@LANG_OPTION
@BILINGUAL_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
def rank(
    input_path: str,
    input_format: str | None,
    fmt: str,
    by: str | None,
    lang: str,
    bilingual: bool,
    as_of: Month | None,
    output: str | None,
) -> None:
    """Rank the communities of INPUT by total (help: :data:`.command_help.RANK`)."""
    from .._analysis.ranking import rank_scorecards

    output = prepare_output(output, inputs=[input_path])
    cards = score_or_fail(load_input(input_path, input_format, warn=lang_of(lang)), as_of)
    ranked = rank_scorecards(cards, by_district=by == "district")
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._io.decisions import ranking_document

        emit(dumps_json(ranking_document(ranked)), output)
    elif fmt == "csv":
        from .._present.csv import ranking_csv

        emit(ranking_csv(ranked, lang_of(lang), bilingual=bilingual), output)
    else:
        from .._present.tables import ranking_table

        table = ranking_table(ranked, cards, lang_of(lang), by_district=by is not None)
        emit_tables([table], output)
