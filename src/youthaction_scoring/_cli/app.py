"""The command group: every command of ``youthaction-scoring``, added explicitly."""

from __future__ import annotations

import click

from .. import __version__
from .convert import convert
from .districts import districts
from .explain import explain
from .plan import plan
from .progress import progress
from .rank import rank
from .report import report
from .schema import schema
from .score import score
from .template import template


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="youthaction-scoring")
def main() -> None:
    """Score Community Youth Action (社区青春行动) pilot communities.

    Applies the Guiyang Communist Youth League assessment rulebook (2021):
    100 base points with fixed deductions and up to 100 bonus points under
    caps, itemised per clause. Bad input is reported one problem a line, with
    its place, and exits with status 2.
    """


for _command in (
    convert,
    schema,
    score,
    template,
    districts,
    explain,
    plan,
    progress,
    rank,
    report,
):
    main.add_command(_command)
