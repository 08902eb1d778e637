"""``youthaction-scoring template``: a blank register (台账) for league staff."""

from __future__ import annotations

from pathlib import Path

import click

from .._domain.calendar import Period
from .._present.command_help import TEMPLATE
from .._present.help_texts import OptionHelp
from .cli_texts import CliText
from .common import fail
from .help import argument, command, option
from .lang import run_lang
from .options import FORCE_OPTION
from .output import prepare_output, writing
from .records import reading


@command(TEMPLATE)
@argument(
    "output_path", metavar="OUT.xlsx", type=click.Path(dir_okay=False), text=OptionHelp.TEMPLATE_OUT
)
@option(
    "--period",
    metavar="YYYY-MM:YYYY-MM",
    callback=reading(Period.parse),
    text=OptionHelp.TEMPLATE_PERIOD,
)
@FORCE_OPTION
def template(output_path: str, period: Period | None, force: bool) -> None:
    """Write a blank register (help: :data:`.command_help.TEMPLATE`)."""
    if Path(output_path).suffix.lower() != ".xlsx":
        fail(output_path, CliText.TEMPLATE_ENDING())
    prepare_output(output_path, force=force, workbook=True)
    from .._io.register import write_register_template

    with writing(output_path):
        write_register_template(output_path, period, replace=True)
    click.echo(CliText.TEMPLATE_WRITTEN.format(run_lang(), output_path), err=True)
