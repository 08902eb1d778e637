"""``youthaction-scoring convert``: an assessment between .json, .jsonl and .xlsx."""

from __future__ import annotations

from pathlib import Path

import click

from .._domain.errors import Refusal
from .._present.command_help import CONVERT
from .._present.help_texts import OptionHelp
from .cli_texts import CliText
from .common import UserError, fail, load_input, stdin_lines
from .help import argument, command
from .options import FORCE_OPTION, INPUT_FORMAT_OPTION, MAX_OUTPUT_OPTION
from .output import prepare_output, writing


@command(CONVERT)
@argument("input_path", metavar="IN", type=click.Path(dir_okay=False), text=OptionHelp.CONVERT_IN)
@argument(
    "output_path", metavar="OUT", type=click.Path(dir_okay=False), text=OptionHelp.CONVERT_OUT
)
@INPUT_FORMAT_OPTION
@FORCE_OPTION
@MAX_OUTPUT_OPTION
def convert(input_path: str, output_path: str, input_format: str | None, force: bool) -> None:
    """Convert an assessment from IN to OUT (help: :data:`.command_help.CONVERT`)."""
    from .._domain.errors import InputError
    from .._io.assessments import WRITERS, ending, write_assessment

    try:
        target = ending(output_path, WRITERS)
    except InputError as exc:
        raise UserError(exc.problems) from None
    prepare_output(output_path, inputs=[input_path], force=force, workbook=target == ".xlsx")
    if target in (".json", ".jsonl") and _is_json_lines(input_path, input_format):
        _stream(input_path, output_path, as_json=target == ".json")
        return
    assessment = load_input(input_path, input_format)
    with writing(output_path):
        try:
            write_assessment(assessment, output_path, replace=True)
        except Refusal as exc:  # an InputError too: first
            fail(output_path, CliText.CANNOT_WRITE_HERE(exc.message))
        except InputError as exc:
            raise UserError(exc.problems) from None


def _is_json_lines(input_path: str, input_format: str | None) -> bool:
    if input_path != "-":
        return Path(input_path).suffix.lower() == ".jsonl"
    if input_format is not None:
        return input_format == "jsonl"
    from .._io.assessments import guess_format
    from .common import stdin_first_line

    return guess_format(stdin_first_line()) == "jsonl"


def _stream(input_path: str, output_path: str, *, as_json: bool) -> None:
    """JSON Lines in, JSON or JSON Lines out, one community in memory at a time."""
    from .._domain.errors import InputError
    from .._io.atomic import atomic_output
    from .._io.input_files import bounded_lines
    from .._io.jsonl import copy_json_lines

    try:
        with writing(output_path), atomic_output(output_path) as handle:
            if input_path == "-":
                copy_json_lines(stdin_lines(), handle, as_json=as_json)  # type: ignore[arg-type]
            else:
                with Path(input_path).open("rb") as lines:
                    bounded = bounded_lines(lines, input_path, whole=False)
                    copy_json_lines(bounded, handle, as_json=as_json)  # type: ignore[arg-type]
    except InputError as exc:
        raise UserError(exc.problems) from None
