"""``youthaction-scoring plan``: the points each community has left on the table."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .._domain.errors import Refusal
from .._present.command_help import PLAN
from .._present.help_texts import OptionHelp
from .common import fail, load_input, score_or_fail
from .help import command, option
from .options import (
    AS_OF_OPTION,
    FORCE_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    lang_of,
)
from .output import emit, emit_tables, output_format, prepare_output
from .texts import CliText

PLAN_FORMATS = ["table", "json"]
"""What ``plan --format`` writes; ``table`` unless ``-o``'s ending says another."""


@command(PLAN)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--community",
    "community_id",
    default=None,
    metavar="ID",
    text=OptionHelp.PLAN_COMMUNITY,
)
@option(
    "--format",
    "fmt",
    type=click.Choice(PLAN_FORMATS),
    default=None,
    show_default="table",
    text=OptionHelp.PLAN_FORMAT,
)
@LANG_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
def plan(
    input_path: str,
    input_format: str | None,
    community_id: str | None,
    fmt: str | None,
    lang: str,
    as_of: Month | None,
    output: str | None,
    force: bool,
) -> None:
    """List what would still gain points (help: :data:`.command_help.PLAN`)."""
    from .._analysis.plan import plan_scorecards

    fmt = output_format(fmt, output, PLAN_FORMATS, "table")
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    if as_of is not None:
        try:
            assessment.period.as_of(as_of)
        except Refusal as exc:
            fail("--as-of", exc.message)
    cards = score_or_fail(assessment, None)
    plans = plan_scorecards(cards, as_of=as_of)
    if community_id is not None:
        plans = tuple(p for p in plans if p.community_id == community_id)
        if not plans:
            fail("--community", CliText.NO_SUCH_COMMUNITY(community_id, input_path))
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._io.decisions import plans_to_dict

        emit(dumps_json(plans_to_dict(plans, lang_of(lang))), output)
        return
    from .._present.tables import plan_tables

    emit_tables([t for p in plans for t in plan_tables(p, lang_of(lang))], output)
