"""``youthaction-scoring rectify``: the rectification list (整改清单), by district."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import TYPE_CHECKING

from .._domain.calendar import Month
from .._present.operations import OPERATION, edition_of
from .._present.settings import Request
from .cli_texts import CliText
from .common import fail, load_input
from .endings import output_format
from .options import lang_of
from .output import emit, emit_tables, prepare_output, writing
from .records import behind_rule_of, operation_command, refused_as_options

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("rectify")
def rectify(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    as_of: Month | None,
    due: dt.date | None,
    behind_share: Fraction | None,
    behind_below: int | None,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
) -> None:
    """List what each community must still mend (help: :data:`.review_help.RECTIFY`)."""
    from .._analysis.rectify import rectify_assessment
    from .._io.stamps import head_of, stamp_line

    rule = behind_rule_of(behind_share, behind_below)
    fmt = output_format(fmt, output, OPERATION["rectify"].formats)
    if fmt == "xlsx" and (output is None or output == "-"):
        fail("--format xlsx", CliText.WORKBOOK_TO_STDOUT())
    target = prepare_output(output, inputs=[input_path], force=force, workbook=fmt == "xlsx")
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    edition = edition_of(assessment, Request(rulebook=rulebook))
    head = head_of(edition, assessment.period)
    with refused_as_options(input_path):
        listed = rectify_assessment(assessment, as_of=as_of, due=due, behind=rule, rulebook=edition)
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._io.decisions import rectification_document

        emit(dumps_json(rectification_document(listed, lang_of(lang), edition=head)), target)
    elif fmt == "xlsx":
        from .._present.rectify_workbook import write_rectification_xlsx

        assert target is not None
        with writing(target):
            write_rectification_xlsx(listed, target, lang_of(lang), replace=True)
    else:
        from .._present.rectify import rectify_tables

        emit_tables(
            [*rectify_tables(listed, lang_of(lang)), stamp_line(head, lang_of(lang))], target
        )
