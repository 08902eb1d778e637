"""``youthaction-scoring check``: the tool's scores against expected scores computed by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._present.check_help import EXIT_FAILED, CheckHelp
from .._present.operations import OPERATION, edition_of
from .._present.settings import Request
from .common import load_input
from .endings import output_format
from .help import option
from .options import (
    lang_of,
)
from .output import emit, emit_tables, prepare_output
from .records import operation_command

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("check")
@option("--coverage", is_flag=True, default=False, text=CheckHelp.COVERAGE)
def check(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    coverage: bool,
    lang: str,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
) -> None:
    """Check expected scores (help: :data:`.check_help.CHECK`); exit 3 when any row fails."""
    from .._analysis.check import check_assessment
    from .._analysis.check import coverage as covered
    from .._io.stamps import head_of, stamp_line

    fmt = output_format(fmt, output, OPERATION["check"].formats)
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    rulebook = edition_of(assessment, Request(rulebook=rulebook))
    verdicts = check_assessment(assessment, rulebook)
    edition = head_of(rulebook, assessment.period)
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._present.check import check_document

        found = covered(verdicts, rulebook)
        emit(dumps_json(check_document(verdicts, found, lang_of(lang), edition=edition)), output)
    else:
        from .._present.check import check_tables, coverage_table

        shown = check_tables(verdicts, lang_of(lang))
        if coverage:
            shown.append(coverage_table(covered(verdicts, rulebook), lang_of(lang)))
        emit_tables([*shown, stamp_line(edition, lang_of(lang))], output)
    if not all(v.passed for v in verdicts):
        raise SystemExit(EXIT_FAILED)
