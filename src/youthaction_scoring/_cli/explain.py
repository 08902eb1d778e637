"""``youthaction-scoring explain``: one community's score in plain language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._domain.calendar import Month
from .._present.operations import OPERATION, answer_explain, card_of, edition_of, scored
from .._present.settings import Request
from .common import load_input
from .endings import output_format
from .options import lang_of
from .output import emit, emit_tables, prepare_output
from .records import operation_command, refused_as_options

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook


@operation_command("explain")
def explain(
    input_path: str,
    input_format: str | None,
    fmt: str | None,
    lang: str,
    as_of: Month | None,
    community: str,
    rulebook: Rulebook | None,
    output: str | None,
    force: bool,
) -> None:
    """Explain one community's score (help: :data:`.command_help.EXPLAIN`)."""
    fmt = output_format(fmt, output, OPERATION["explain"].formats)
    output = prepare_output(output, inputs=[input_path], force=force)
    assessment = load_input(input_path, input_format, warn=lang_of(lang))
    request = Request(lang=lang_of(lang), as_of=as_of, community=community, rulebook=rulebook)
    with refused_as_options(input_path):
        if fmt == "text":
            emit(answer_explain(assessment, request), output)
            return
        chosen = edition_of(assessment, request)
        cards = scored(assessment, attrs.evolve(request, rulebook=chosen))
        card = card_of(cards, community)
    from .._analysis.explain import explain_scorecard
    from .._present.tables import items_table
    from .._present.terminal import terminal_safe

    statement = explain_scorecard(
        card, period=cards.period, as_of=as_of, rulebook=chosen, lang=lang_of(lang)
    )
    emit_tables([items_table(card, lang_of(lang)), terminal_safe(statement.rstrip("\n"))], output)
