"""``youthaction-scoring schema``: print the JSON Schema of a document."""

from __future__ import annotations

import click

from .._present.command_help import SCHEMA
from .._present.help_texts import OptionHelp
from .endings import output_format
from .help import command, option
from .options import FORCE_OPTION, OUTPUT_OPTION
from .output import emit, prepare_output


@command(SCHEMA)
@option(
    "--document",
    type=click.Choice(["assessment", "scorecards"]),
    default="assessment",
    show_default=True,
    text=OptionHelp.SCHEMA_DOCUMENT,
)
@OUTPUT_OPTION
@FORCE_OPTION
def schema(document: str, output: str | None, force: bool) -> None:
    """Print the JSON Schema of a document (help: :data:`.command_help.SCHEMA`)."""
    from .._io.codec import dumps_json
    from .._io.schema import json_schema

    output_format(None, output, ["json"])
    output = prepare_output(output, force=force)
    emit(
        dumps_json(json_schema("scorecards" if document == "scorecards" else "assessment")), output
    )
