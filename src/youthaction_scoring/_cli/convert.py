"""``youthaction-scoring convert``: an assessment between .json, .jsonl and .xlsx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from .._domain.model import Assessment
from .common import check_output_dir, fail, load_input, writing


def _write_json(assessment: Assessment, path: str) -> None:
    from .._io.atomic import atomic_write
    from .._io.documents import dumps_assessment

    atomic_write(path, dumps_assessment(assessment))


def _write_jsonl(assessment: Assessment, path: str) -> None:
    from .._io.atomic import atomic_output
    from .._io.jsonl_write import write_assessment_jsonl

    with atomic_output(path) as handle:
        write_assessment_jsonl(assessment, handle)  # type: ignore[arg-type]


def _write_xlsx(assessment: Assessment, path: str) -> None:
    from .._io.register import write_register

    write_register(assessment, path)


def _stream(input_path: str, output_path: str, *, as_json: bool) -> None:
    """JSON Lines in, JSON or JSON Lines out, one community in memory at a time."""
    from .._domain.errors import InputError
    from .._io.atomic import atomic_output
    from .._io.jsonl_write import stream_jsonl_assessment
    from .common import UserError

    try:
        with atomic_output(output_path) as handle:
            stream_jsonl_assessment(Path(input_path), handle, as_json=as_json)  # type: ignore[arg-type]
    except InputError as exc:
        raise UserError(list(exc.problems)) from None
    except OSError as exc:
        fail(exc.filename or input_path, f"cannot read or write: {exc.strerror or exc}")


WRITERS: dict[str, Callable[[Assessment, str], None]] = {
    ".json": _write_json,
    ".jsonl": _write_jsonl,
    ".xlsx": _write_xlsx,
}
"""Assessment writers by file ending."""


@click.command()
@click.argument("input_path", metavar="IN", type=click.Path(dir_okay=False))
@click.argument("output_path", metavar="OUT", type=click.Path(dir_okay=False))
def convert(input_path: str, output_path: str) -> None:
    """Convert an assessment from IN to OUT, losing nothing.

    The formats are chosen by the file endings: .json (FORMAT.md), .jsonl
    (JSON Lines: a header line, then one community a line) and .xlsx (the
    register workbook, 台账). IN is checked as strictly as `score` checks it;
    OUT is written atomically, so a failed run leaves an existing OUT untouched.
    A .jsonl IN converted to .json or .jsonl is streamed: memory does not grow
    with the number of communities.
    """
    ending = Path(output_path).suffix.lower()
    writer = WRITERS.get(ending)
    if writer is None:
        fail(
            output_path,
            f"unsupported file type {ending or '(none)'!r}; expected one of {', '.join(WRITERS)}",
        )
    check_output_dir(output_path)
    if Path(input_path).suffix.lower() == ".jsonl" and ending in (".json", ".jsonl"):
        _stream(input_path, output_path, as_json=ending == ".json")
        return
    assessment = load_input(input_path)
    with writing(output_path):
        try:
            writer(assessment, output_path)
        except ValueError as exc:
            fail(output_path, f"cannot write: {exc}")
