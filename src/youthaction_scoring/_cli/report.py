"""``youthaction-scoring report``: one self-contained HTML report."""

from __future__ import annotations

from fractions import Fraction

from .._domain.calendar import Month
from .._domain.errors import Refusal
from .._present.command_help import REPORT
from .._present.help_texts import OptionHelp
from .common import fail, load_input
from .help import command, option
from .options import (
    AS_OF_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    behind_options,
    behind_rule_of,
    lang_of,
)
from .output import emit, prepare_output
from .texts import missing_extra


@command(REPORT)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "-o",
    "--output",
    "output",
    required=True,
    metavar="FILE",
    text=OptionHelp.REPORT_OUTPUT,
)
@LANG_OPTION
@AS_OF_OPTION
@behind_options
def report(
    input_path: str,
    input_format: str | None,
    output: str,
    lang: str,
    as_of: Month | None,
    behind_share: Fraction | None,
    behind_below: int | None,
) -> None:
    """Write an HTML report of INPUT (help: :data:`.command_help.REPORT`)."""
    rule = behind_rule_of(behind_share, behind_below)
    target = prepare_output(output, inputs=[input_path])
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    try:
        from .._present.report import render_report

        html = render_report(assessment, lang=lang_of(lang), behind=rule, as_of=as_of)
    except Refusal as exc:  # an as-of month before the period (R2)
        fail("--as-of", exc.message)
    except ModuleNotFoundError as exc:
        if exc.name != "jinja2":
            raise
        fail("report", missing_extra(exc))
    emit(html, target)
