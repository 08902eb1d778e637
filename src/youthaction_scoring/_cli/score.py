"""``youthaction-scoring score``: score an assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._domain.calendar import Month
from .._present.help_texts import OptionHelp
from .._present.operations import OPERATION
from .._present.settings import Request
from .cli_texts import CliText
from .common import fail, load_input
from .endings import output_format
from .help import option
from .inputs import input_kind, jobs_for, parse_jobs, read_input
from .options import lang_of
from .output import emit, emit_tables, prepare_output, writing
from .records import operation_command, score_or_fail
from .row_stream import score_rows_or_fail
from .streaming import stream_json_document, stream_json_lines

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("score")
@option(
    "--jobs",
    metavar="N",
    default="auto",
    show_default=True,
    callback=parse_jobs,
    text=OptionHelp.JOBS,
)
def score(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    bilingual: bool,
    as_of: Month | None,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
    jobs: int | None,
) -> None:
    """Score every community of INPUT (help: :data:`.command_help.SCORE`)."""
    fmt = output_format(fmt, output, OPERATION["score"].formats)
    if fmt == "xlsx" and (output is None or output == "-"):
        fail("--format xlsx", CliText.WORKBOOK_TO_STDOUT())
    target = prepare_output(output, inputs=[input_path], force=force, workbook=fmt == "xlsx")
    if fmt == "csv":  # the summary: one compact row per community is enough
        from .._present.csv import score_rows_csv

        rows = score_rows_or_fail(input_path, input_format, as_of, lang_of(lang), rulebook)
        emit(score_rows_csv(rows, lang_of(lang), bilingual=bilingual), target)
        return
    kind = input_kind(input_path, input_format) if fmt in ("jsonl", "json") else None
    request = Request(lang=lang_of(lang), as_of=as_of, rulebook=rulebook)
    if fmt == "jsonl" and kind == "jsonl":
        stream_json_lines(input_path, request, target, jobs_for(jobs, input_path))
        return
    if kind == "json" and input_path != "-":
        data = read_input(input_path)
        processes = jobs_for(jobs, input_path)
        if stream_json_document(input_path, data, fmt, request, target, processes):
            return
        assessment = load_input(input_path, input_format, warn=lang_of(lang), data=data)
    else:
        assessment = load_input(input_path, input_format, warn=lang_of(lang))
    cards = score_or_fail(assessment, as_of, rulebook)
    if fmt == "jsonl":
        from .._io.scorecards import scorecard_json_line

        emit("".join(scorecard_json_line(card, cards) for card in cards), target)
    elif fmt == "json":
        from .._io.scorecards import dumps_scorecards

        emit(dumps_scorecards(cards), target)
    elif fmt == "xlsx":
        from .._present.workbook import write_scorecards_xlsx

        assert target is not None
        with writing(target):
            write_scorecards_xlsx(cards, target, lang_of(lang), replace=True)
    elif fmt == "csv-detail":
        from .._present.csv import scorecards_csv

        emit(scorecards_csv(cards, "detail", lang_of(lang), bilingual=bilingual), target)
    else:
        from .._io.stamps import stamp_line
        from .._present.tables import scorecards_table

        footer = stamp_line(cards, lang_of(lang))
        emit_tables([scorecards_table(cards, lang_of(lang)), footer], target, default=200)
