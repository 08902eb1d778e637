"""``youthaction-scoring score``: score an assessment."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import click

from .._domain.calendar import Month
from .._domain.codes import Lang
from .._domain.errors import InputError, Problem, Refusal
from .._present.command_help import SCORE
from .._present.help_texts import OptionHelp
from .._present.terminal import terminal_safe
from .common import (
    EXIT_USER_ERROR,
    UserError,
    fail,
    load_input,
    score_or_fail,
    stdin_first_line,
    stdin_lines,
)
from .help import command, option
from .lang import run_lang
from .options import (
    AS_OF_OPTION,
    BILINGUAL_OPTION,
    FORCE_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    lang_of,
)
from .output import emit, emit_tables, prepare_output, writing
from .progress_bar import counted
from .stdout import to_stdout
from .texts import CliText, os_reason
from .warnings import disagreement_warner


@command(SCORE)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "xlsx", "csv", "csv-detail"]),
    default="table",
    show_default=True,
    text=OptionHelp.SCORE_FORMAT,
)
@LANG_OPTION
@BILINGUAL_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
def score(
    input_path: str,
    input_format: str | None,
    fmt: str,
    lang: str,
    bilingual: bool,
    as_of: Month | None,
    output: str | None,
    force: bool,
) -> None:
    """Score every community of INPUT (help: :data:`.command_help.SCORE`)."""
    if fmt == "xlsx" and (output is None or output == "-"):
        fail("--format xlsx", CliText.WORKBOOK_TO_STDOUT())
    target = prepare_output(output, inputs=[input_path], force=force or fmt != "xlsx")
    if fmt == "jsonl" and _is_json_lines(input_path, input_format):
        _stream(input_path, as_of, target, lang_of(lang))
        return
    cards = score_or_fail(load_input(input_path, input_format, warn=lang_of(lang)), as_of)
    if fmt == "jsonl":
        from .._io.scorecards import scorecard_json_line

        emit("".join(scorecard_json_line(card) for card in cards), target)
    elif fmt == "json":
        from .._io.scorecards import dumps_scorecards

        emit(dumps_scorecards(cards), target)
    elif fmt == "xlsx":
        from .._present.workbook import write_scorecards_xlsx

        assert target is not None
        with writing(target):
            write_scorecards_xlsx(cards, target, lang_of(lang), replace=True)
    elif fmt in ("csv", "csv-detail"):
        from .._present.csv import scorecards_csv

        table = "summary" if fmt == "csv" else "detail"
        emit(scorecards_csv(cards, table, lang_of(lang), bilingual=bilingual), target)
    else:
        from .._present.tables import scorecards_table

        emit_tables([scorecards_table(cards, lang_of(lang))], target, default=200)


def _is_json_lines(input_path: str, input_format: str | None) -> bool:
    if input_path != "-":
        return Path(input_path).suffix.lower() == ".jsonl"
    if input_format is not None:
        return input_format == "jsonl"
    from .._io.assessments import guess_format

    return guess_format(stdin_first_line()) == "jsonl"


def _stream(input_path: str, as_of: Month | None, output: str | None, lang: Lang) -> None:
    """Stream JSON Lines to scorecard lines; every bad line is reported (exit 2).

    To standard output, the scorecards of the lines before the first bad one
    stay written; with ``-o``, the file appears whole or not at all.
    """
    from .._io.atomic import atomic_output
    from .._io.stream import stream_scorecards

    warn = disagreement_warner(lang)
    source: Iterable[bytes]
    closing: contextlib.AbstractContextManager[object] = nullcontext()
    if input_path == "-":
        source = stdin_lines()
    else:
        try:
            handle = open(input_path, "rb")  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            fail(input_path, CliText.CANNOT_READ(os_reason(exc)))
        source, closing = handle, handle
    # A bar on a terminal that also receives the scorecards would garble both.
    show_bar = (
        input_path != "-"
        and sys.stderr.isatty()
        and (output is not None or not sys.stdout.isatty())
    )
    bad = 0
    with closing, _progress(input_path, show_bar) as (advance, report):
        lines = counted(source, advance)
        try:
            if output is None:
                with to_stdout() as sink:
                    bad = stream_scorecards(lines, sink.write, report, as_of=as_of, warn=warn)
            else:
                with writing(output), atomic_output(output, binary=True) as out:
                    write: Callable[[bytes], object] = out.write  # type: ignore[assignment]
                    bad = stream_scorecards(lines, write, report, as_of=as_of, warn=warn)
                    if bad:
                        raise _Incomplete
        except _Incomplete:
            pass
        except InputError as exc:
            raise UserError(exc.problems) from None
        except Refusal as exc:
            fail("--as-of", exc.message)
    if bad:
        raise click.exceptions.Exit(EXIT_USER_ERROR)


class _Incomplete(Exception):  # noqa: N818 - a private signal, not an error type
    """Some line was bad: discard the temporary output file."""


def _report(problem: Problem) -> None:
    click.echo(terminal_safe(problem.text(run_lang())), err=True)


def _progress(
    input_path: str, show_bar: bool
) -> AbstractContextManager[tuple[Callable[[int], None], Callable[[Problem], None]]]:
    """Return (advance by n bytes, report a problem) for the run."""
    if not show_bar:
        return nullcontext((lambda _n: None, _report))
    from .progress_bar import ByteProgress

    return ByteProgress(input_path)
