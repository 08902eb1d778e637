"""``youthaction-scoring report``: one self-contained HTML report."""

from __future__ import annotations

import gc
from fractions import Fraction
from typing import TYPE_CHECKING

from .._domain.calendar import Month
from .._present.help_texts import OptionHelp
from .._present.operations import answer_report
from .._present.settings import Request
from .cli_texts import missing_extra
from .common import fail, load_input
from .endings import output_format
from .help import option
from .options import lang_of
from .output import emit_pieces, prepare_output
from .records import behind_rule_of, operation_command, refused_as_options

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command(
    "report",
    output=option(
        "-o",
        "--output",
        "output",
        required=True,
        metavar="FILE",
        text=OptionHelp.REPORT_OUTPUT,
    ),
)
def report(
    input_path: str,
    input_format: str | None,
    output: str,
    lang: str,
    as_of: Month | None,
    behind_share: Fraction | None,
    behind_below: int | None,
    detail_limit: int | None,
    rulebook: Rulebook | None,
    force: bool,
) -> None:
    """Write an HTML report of INPUT (help: :data:`.command_help.REPORT`)."""
    rule = behind_rule_of(behind_share, behind_below)
    output_format(None, output, ["html"])
    target = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    gc.freeze()  # read-only from here (the whole run collects rarely: App.main)
    request = Request(
        lang=lang_of(lang), as_of=as_of, behind=rule, detail_limit=detail_limit, rulebook=rulebook
    )
    try:
        with refused_as_options(input_path):  # an as-of month before the period (R2)
            pieces = answer_report(assessment, request)
    except ModuleNotFoundError as exc:
        if exc.name != "jinja2":
            raise
        fail("report", missing_extra(exc))
    del assessment  # only the report's small entries are needed from here on
    emit_pieces(pieces, target)
