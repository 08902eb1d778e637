"""``youthaction-scoring convert``: an assessment between .json, .jsonl and .xlsx."""

from __future__ import annotations

from pathlib import Path

import click

from .common import fail, load_input, user_errors
from .output import check_output_dir, writing


@click.command()
@click.argument("input_path", metavar="IN", type=click.Path(dir_okay=False))
@click.argument("output_path", metavar="OUT", type=click.Path(dir_okay=False))
def convert(input_path: str, output_path: str) -> None:
    """Convert an assessment from IN to OUT, losing nothing.

    The formats are chosen by the file endings: .json (the format page), .jsonl
    (JSON Lines: a header line, then one community a line) and .xlsx (the
    register workbook, 台账). IN is checked as strictly as `score` checks it;
    OUT is written atomically, so a failed run leaves an existing OUT untouched.
    A .jsonl IN converted to .json or .jsonl is streamed: memory does not grow
    with the number of communities.
    """
    from .._io.assessments import WRITERS, ending, write_assessment

    with user_errors(output_path):
        target = ending(output_path, WRITERS)
    check_output_dir(output_path)
    if Path(input_path).suffix.lower() == ".jsonl" and target in (".json", ".jsonl"):
        from .._io.atomic import atomic_output
        from .._io.jsonl import copy_json_lines

        with user_errors(input_path), atomic_output(output_path) as handle:
            copy_json_lines(Path(input_path), handle, as_json=target == ".json")  # type: ignore[arg-type]
        return
    assessment = load_input(input_path)
    with writing(output_path):
        try:
            write_assessment(assessment, output_path)
        except ValueError as exc:
            fail(output_path, f"cannot write: {exc}")
