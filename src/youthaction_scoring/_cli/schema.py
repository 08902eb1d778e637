"""``youthaction-scoring schema``: print the JSON Schema of a document."""

from __future__ import annotations

import click

from .options import OUTPUT_OPTION
from .output import check_output_dir, emit


@click.command()
@click.option(
    "--document",
    type=click.Choice(["assessment", "scorecards"]),
    default="assessment",
    show_default=True,
    help="assessment: the input format; scorecards: the output of `score --format json`.",
)
@OUTPUT_OPTION
def schema(document: str, output: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) of the input or the output format.

    The schema is generated from the installed version's model, so front ends
    can build and check forms with it. A few checks cannot be expressed in
    JSON Schema (unique community ids, a period's start not after its end,
    whole numbers written as 1.0); the converter still makes them.
    """
    from .._io.codec import dumps_json
    from .._io.schema import json_schema

    check_output_dir(output)
    emit(
        dumps_json(json_schema("scorecards" if document == "scorecards" else "assessment")), output
    )
