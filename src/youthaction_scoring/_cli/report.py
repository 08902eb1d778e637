"""``youthaction-scoring report``: one self-contained HTML report."""

from __future__ import annotations

import click

from .common import fail, load_input
from .options import INPUT_ARGUMENT, INPUT_FORMAT_OPTION, LANG_OPTION, lang_of
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
def report(input_path: str, input_format: str | None, output: str, lang: str) -> None:
    """Write a self-contained HTML report of INPUT (opens offline).

    The ranking as a chart, points by section for every community, a month
    grid of qualifying activities, the district roll-up, and each
    community's deductions and plan. Needs the ``report`` extra (jinja2).
    """
    target = prepare_output(output, inputs=[input_path])
    assessment = load_input(input_path, input_format)
    try:
        from .._present.report import render_report

        html = render_report(assessment, lang=lang_of(lang))
    except ModuleNotFoundError as exc:
        if exc.name != "jinja2":
            raise
        fail("report", "needs jinja2: pip install 'youthaction-scoring[report]'")
    emit(html, target)
