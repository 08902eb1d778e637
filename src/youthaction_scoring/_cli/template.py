"""``youthaction-scoring template``: a blank register (台账) for league staff."""

from __future__ import annotations

from pathlib import Path

import click

from .._domain.calendar import Period
from .common import fail
from .options import FORCE_OPTION
from .output import prepare_output, writing


def _parse_period(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Period | None:
    if value is None:
        return None
    try:
        return Period.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("output_path", metavar="OUT.xlsx", type=click.Path(dir_okay=False))
@click.option(
    "--period",
    metavar="YYYY-MM:YYYY-MM",
    callback=_parse_period,
    help="Fill in the assessment period (e.g. 2021-11:2022-04); blank when not given.",
)
@FORCE_OPTION
def template(output_path: str, period: Period | None, force: bool) -> None:
    """Write a blank register workbook (台账) for league staff to fill in.

    It has an instructions sheet (说明), a sheet for the period, one for the
    communities and one for each kind of record; Chinese headers with the
    English field code, dropdowns for coded fields, date-formatted date
    columns and frozen header rows. Read it back with `score` or `convert`.
    An existing workbook (a filled-in register, say) is replaced only with
    --force.
    """
    if Path(output_path).suffix.lower() != ".xlsx":
        fail(output_path, "the template is a workbook: the file name must end in .xlsx")
    prepare_output(output_path, force=force)
    from .._io.register import write_register_template

    with writing(output_path):
        write_register_template(output_path, period, replace=True)
