"""``youthaction-scoring rank``: communities ordered by total."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._domain.calendar import Month
from .._present.operations import OPERATION
from .endings import output_format
from .options import lang_of
from .output import emit, emit_tables, prepare_output
from .records import operation_command
from .row_stream import score_rows_or_fail

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("rank")
def rank(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    by: str | None,
    lang: str,
    bilingual: bool,
    as_of: Month | None,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
) -> None:
    """Rank the communities of INPUT by total (help: :data:`.command_help.RANK`)."""
    from .._analysis.ranking import rank_rows
    from .._io.stamps import stamp_line

    fmt = output_format(fmt, output, OPERATION["rank"].formats)
    output = prepare_output(output, inputs=[input_path], force=force)
    rows = score_rows_or_fail(input_path, input_format, as_of, lang_of(lang), rulebook)
    ranked = rank_rows(rows, by_district=by == "district")
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._io.decisions import ranking_document

        cards = (r.ranked_card() for r in ranked)
        emit(dumps_json(ranking_document(cards, edition=rows.head)), output)
    elif fmt == "csv":
        from .._present.csv import ranking_csv

        cards = (r.ranked_card() for r in ranked)
        emit(ranking_csv(cards, lang_of(lang), bilingual=bilingual, edition=rows.head), output)
    else:
        from .._present.tables import ranking_table

        table = ranking_table(
            [r.ranked_card() for r in ranked],
            rows.heading(),
            lang_of(lang),
            by_district=by is not None,
        )
        footer = stamp_line(rows.head, lang_of(lang))
        del ranked, rows  # the table holds what it shows
        emit_tables([table, footer], output)
