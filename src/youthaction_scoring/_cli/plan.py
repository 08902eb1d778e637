"""``youthaction-scoring plan``: the points each community has left on the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._domain.calendar import Month
from .._present.operations import OPERATION, answer_plan, edition_of, plans_of
from .._present.settings import Request
from .common import load_input
from .endings import output_format
from .options import lang_of
from .output import emit, emit_tables, prepare_output
from .records import operation_command, refused_as_options

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("plan")
def plan(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    as_of: Month | None,
    community: str | None,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
) -> None:
    """List what would still gain points (help: :data:`.command_help.PLAN`)."""
    fmt = output_format(fmt, output, OPERATION["plan"].formats)
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    request = Request(lang=lang_of(lang), as_of=as_of, community=community, rulebook=rulebook)
    with refused_as_options(input_path):
        if fmt == "json":
            emit(answer_plan(assessment, request), output)
            return
        plans = plans_of(assessment, request)
    from .._io.stamps import head_of, stamp_line
    from .._present.tables import plan_tables

    footer = stamp_line(head_of(edition_of(assessment, request), assessment.period), lang_of(lang))
    emit_tables([*(t for p in plans for t in plan_tables(p, lang_of(lang))), footer], output)
