"""``youthaction-scoring progress``: month by month, who is falling behind."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from .._present.operations import OPERATION
from .endings import output_format
from .options import lang_of
from .output import emit_pieces, emit_tables, prepare_output
from .progress_bar import with_progress
from .records import behind_rule_of, operation_command
from .row_stream import standings_or_fail

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("progress")
def progress(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    behind_share: Fraction | None,
    behind_below: int | None,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
) -> None:
    """Score INPUT month by month (help: :data:`.command_help.PROGRESS`)."""
    from .._io.stamps import head_of, stamp_line

    rule = behind_rule_of(behind_share, behind_below)
    fmt = output_format(fmt, output, OPERATION["progress"].formats)
    output = prepare_output(output, inputs=[input_path], force=force)
    standings = standings_or_fail(input_path, input_format, lang_of(lang), rulebook)
    edition = head_of(standings.rulebook, standings.period)
    steps = with_progress(standings.months(rule), "progress", len(standings.month_list))
    if fmt == "json":  # a month at a time: 120 months of 50,000 communities do not fit as values
        from .._io.decisions import progress_json_chunks

        emit_pieces(progress_json_chunks(steps, lang_of(lang), edition=edition), output)
        return
    from .._present.tables import progress_tables

    emit_tables(
        [*progress_tables(steps, lang_of(lang)), stamp_line(edition, lang_of(lang))], output
    )
