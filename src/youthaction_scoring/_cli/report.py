"""``youthaction-scoring report``: one self-contained HTML report."""

from __future__ import annotations

from fractions import Fraction

import click

from .._domain.calendar import Month
from .common import fail, load_input
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


@click.command()
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    metavar="FILE",
    help="The HTML file to write (atomically: whole or not at all; - is standard output).",
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
    """Write a self-contained HTML report of INPUT (opens offline).

    The ranking as a chart, points by section for every community, a month
    grid of qualifying activities, the district roll-up, and each
    community's deductions and plan, with a table of contents and a filter
    box; --as-of reports as of a month (R2). Who is behind follows R19 (the bottom
    quarter by total unless --behind-share or --behind-below says otherwise).
    Needs the ``report`` extra (jinja2).

    Example: youthaction-scoring report 台账.xlsx -o 考核报告.html
    """
    rule = behind_rule_of(behind_share, behind_below)
    target = prepare_output(output, inputs=[input_path])
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    try:
        from .._present.report import render_report

        html = render_report(assessment, lang=lang_of(lang), behind=rule, as_of=as_of)
    except ValueError as exc:  # an as-of month before the period (R2)
        fail("--as-of", str(exc))
    except ModuleNotFoundError as exc:
        if exc.name != "jinja2":
            raise
        fail("report", "needs jinja2: pip install 'youthaction-scoring[report]'")
    emit(html, target)
