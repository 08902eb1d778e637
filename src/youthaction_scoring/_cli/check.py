"""``youthaction-scoring check``: the tool's scores against expected scores computed by hand."""

from __future__ import annotations

import click

from .._present.check_help import EXIT_FAILED, CheckHelp
from .._present.operations import OPERATION
from .common import load_input
from .endings import output_format
from .help import command, option
from .options import (
    FORCE_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    lang_of,
)
from .output import emit, emit_tables, prepare_output

CHECK_FORMATS = ["table", "json"]
"""What ``check --format`` writes; ``table`` unless ``-o``'s ending says another."""


@command(OPERATION["check"].doc)
@INPUT_ARGUMENT
@INPUT_FORMAT_OPTION
@option(
    "--format",
    "fmt",
    type=click.Choice(CHECK_FORMATS),
    default=None,
    show_default="table",
    text=CheckHelp.FORMAT,
)
@option("--coverage", is_flag=True, default=False, text=CheckHelp.COVERAGE)
@LANG_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
def check(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    coverage: bool,
    lang: str,
    output: str | None,
    force: bool,
) -> None:
    """Check expected scores (help: :data:`.check_help.CHECK`); exit 3 when any row fails."""
    from .._analysis.check import check_assessment
    from .._analysis.check import coverage as covered

    fmt = output_format(fmt, output, CHECK_FORMATS, "table")
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    verdicts = check_assessment(assessment)
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._present.check import check_document

        emit(dumps_json(check_document(verdicts, covered(verdicts), lang_of(lang))), output)
    else:
        from .._present.check import check_tables, coverage_table

        shown = check_tables(verdicts, lang_of(lang))
        if coverage:
            shown.append(coverage_table(covered(verdicts), lang_of(lang)))
        emit_tables(shown, output)
    if not all(v.passed for v in verdicts):
        raise SystemExit(EXIT_FAILED)
