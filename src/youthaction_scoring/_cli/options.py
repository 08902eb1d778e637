"""The options and arguments several commands share."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .._domain.codes import Lang


def _parse_as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Month | None:
    if value is None:
        return None
    try:
        return Month.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


AS_OF_OPTION = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM",
    callback=_parse_as_of,
    help="Score as of this month (R2): later months are not yet owed, later records do not count.",
)

OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    help="Write to this file (atomically: whole or not at all) instead of standard output"
    " (- is standard output).",
)

INPUT_FORMAT_OPTION = click.option(
    "--input-format",
    "input_format",
    type=click.Choice(["json", "jsonl", "xlsx"]),
    default=None,
    help="The format of INPUT when it is - (standard input) and its first bytes do not show it.",
)

FORCE_OPTION = click.option(
    "--force",
    is_flag=True,
    default=False,
    help="Replace an existing workbook (without it, an existing .xlsx is never overwritten).",
)

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of headings, reasons and actions.",
)

INPUT_ARGUMENT = click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))


def lang_of(value: str) -> Lang:
    """Narrow a ``--lang`` value to :data:`Lang`."""
    return "en" if value == "en" else "zh"
