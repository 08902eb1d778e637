"""``youthaction-scoring compare``: two editions, or a self-check against the verification."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from .._domain.calendar import Month
from .._present.compare_help import CompareHelp
from .._present.operations import OPERATION, compared
from .._present.settings import AGAINST_INPUT, AGAINST_RULEBOOK, Request
from .common import load_input
from .endings import output_format
from .options import lang_of
from .output import emit, emit_tables, prepare_output
from .records import behind_rule_of, operation_command, refused_as_options
from .usage import StopUsage

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook

WIDTH = 80
"""The table form fits 80 columns when not written to a terminal."""


@operation_command("compare")
def compare(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    bilingual: bool,
    as_of: Month | None,
    behind_share: Fraction | None,
    behind_below: int | None,
    rulebook: Rulebook | None,
    against_rulebook: Rulebook | None,
    against_input: str | None,
    output: str | None,
    force: bool,
) -> None:
    """Compare two sides' scores (help: :data:`.compare_help.COMPARE`)."""
    rule = behind_rule_of(behind_share, behind_below)
    if against_rulebook is None and against_input is None:
        needs = CompareHelp.NEEDS_AGAINST(AGAINST_RULEBOOK.flag, AGAINST_INPUT.flag)
        raise StopUsage(needs)
    fmt = output_format(fmt, output, OPERATION["compare"].formats)
    inputs = [input_path] + ([against_input] if against_input else [])
    output = prepare_output(output, inputs=inputs, force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    against = None
    if against_input is not None:
        against = load_input(against_input, None, warn=lang_of(lang))
    request = Request(
        lang=lang_of(lang),
        as_of=as_of,
        behind=rule,
        rulebook=rulebook,
        against_rulebook=against_rulebook,
        against=against,
    )
    with refused_as_options(input_path):  # an as-of month outside a period (R2)
        comparison = compared(assessment, request)
    if fmt == "json":
        from .._io.codec import dumps_json
        from .._present.compare import compare_document

        emit(dumps_json(compare_document(comparison)), output)
    elif fmt == "csv":
        from .._present.compare import compare_csv

        emit(compare_csv(comparison, lang_of(lang), bilingual=bilingual), output)
    else:
        from .._present.compare import compare_tables

        emit_tables(compare_tables(comparison, lang_of(lang)), output, default=WIDTH)
