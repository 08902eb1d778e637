"""``youthaction-scoring plan``: the points each community has left on the table."""

from __future__ import annotations

import click

from .._domain.calendar import Month
from .common import fail, load_input, score_or_fail
from .options import (
    AS_OF_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    lang_of,
)
from .output import emit, emit_tables, prepare_output


@click.command()
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@click.option(
    "--community",
    "community_id",
    default=None,
    metavar="ID",
    help="Plan only this community (default: every community).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help='table: readable; json: {"plans": [...]}.',
)
@LANG_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
def plan(
    input_path: str,
    input_format: str | None,
    community_id: str | None,
    fmt: str,
    lang: str,
    as_of: Month | None,
    output: str | None,
) -> None:
    """List the actions that would still gain points, and the points already lost.

    The total is scored over the whole period. Without --as-of the whole
    period has passed, so months with no qualifying activity are lost (R10);
    with --as-of, months after it are not yet owed (R2) and still
    recoverable. For every community the gains plus the lost points equal
    the highest total (200) minus its total.
    """
    from .._analysis.plan import plan_scorecards

    output = prepare_output(output, inputs=[input_path])
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    if as_of is not None:
        try:
            assessment.period.as_of(as_of)
        except ValueError as exc:
            fail("--as-of", str(exc))
    cards = score_or_fail(assessment, None)
    plans = plan_scorecards(cards, as_of=as_of)
    if community_id is not None:
        plans = tuple(p for p in plans if p.community_id == community_id)
        if not plans:
            fail("--community", f"no community with id {community_id!r} in {input_path}")
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._io.decisions import plans_to_dict

        emit(dumps_json(plans_to_dict(plans, lang_of(lang))), output)
        return
    from .._present.tables import plan_tables

    emit_tables([t for p in plans for t in plan_tables(p, lang_of(lang))], output)
