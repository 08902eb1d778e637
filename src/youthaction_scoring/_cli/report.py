"""``youthaction-scoring report``: one self-contained HTML report."""

from __future__ import annotations

import click

from .common import fail, load_input
from .options import INPUT_ARGUMENT, LANG_OPTION, lang_of
from .output import check_output_dir, emit


@click.command()
@INPUT_ARGUMENT
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="The HTML file to write (atomically: whole or not at all).",
)
@LANG_OPTION
def report(input_path: str, output: str, lang: str) -> None:
    """Write a self-contained HTML report of INPUT (opens offline).

    The ranking as a chart, points by section for every community, a month
    grid of qualifying activities, the district roll-up, and each
    community's deductions and plan. Needs the ``report`` extra (jinja2).
    """
    check_output_dir(output)
    assessment = load_input(input_path)
    try:
        from .._present.report import render_report

        html = render_report(assessment, lang=lang_of(lang))
    except ModuleNotFoundError as exc:
        if exc.name != "jinja2":
            raise
        fail("report", "needs jinja2: pip install 'youthaction-scoring[report]'")
    emit(html, output)
