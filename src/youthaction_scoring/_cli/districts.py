"""``youthaction-scoring districts``: the district roll-up."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from .._domain.calendar import Month
from .._present.operations import OPERATION
from .endings import output_format
from .options import lang_of
from .output import emit, emit_tables, prepare_output
from .records import behind_rule_of, operation_command
from .row_stream import score_rows_or_fail

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("districts")
def districts(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    bilingual: bool,
    as_of: Month | None,
    behind_share: Fraction | None,
    behind_below: int | None,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
) -> None:
    """Roll the scores of INPUT up by district (help: :data:`.command_help.DISTRICTS`)."""
    from .._analysis.rollup import district_rollup_rows
    from .._io.stamps import stamp_line

    rule = behind_rule_of(behind_share, behind_below)
    fmt = output_format(fmt, output, OPERATION["districts"].formats)
    output = prepare_output(output, inputs=[input_path], force=force)
    rows = score_rows_or_fail(
        input_path, input_format, as_of, lang_of(lang), rulebook, shortfalls=True
    )
    summaries = district_rollup_rows(rows, rule)
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._io.decisions import districts_document

        document = districts_document(summaries, rule, lang_of(lang), edition=rows.head)
        emit(dumps_json(document), output)
    elif fmt == "csv":
        from .._present.csv import districts_csv

        made = districts_csv(summaries, lang_of(lang), bilingual=bilingual, edition=rows.head)
        emit(made, output)
    else:
        from .._present.tables import districts_table

        month = str(as_of or rows.period.end)
        table = districts_table(summaries, lang_of(lang), rule, month)
        emit_tables([table, stamp_line(rows.head, lang_of(lang))], output)
