"""Rendering the report: the jinja2 environment, the form, and the pieces of HTML."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Final

import jinja2

from ..._analysis.behind import BehindRule
from ..._domain.calendar import Month
from ..._domain.checks import check_type
from ..._domain.codes import Lang
from ..._domain.model import Assessment
from ..._rules.editions import edition_for, edition_note
from ..._rules.rulebook import Rulebook
from .digest import digest
from .pages import common_context, compact_context, detail_data, full_context

PIECE_SIZE: Final = 1 << 16
"""About this many characters in each piece the report is written in."""


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("youthaction_scoring", "_present/report/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_pieces(
    assessment: Assessment,
    *,
    lang: Lang,
    rulebook: Rulebook | None,
    behind: BehindRule | None,
    as_of: Month | None,
    detail_limit: int,
) -> Iterator[str]:
    """Render the report in pieces: see :func:`~youthaction_scoring._present.report.report_pieces`.

    The form is chosen and everything that can fail for the input fails
    here; the returned pieces are rendered lazily.
    """
    check_type("render_report", "assessment", assessment, Assessment)
    check_type("render_report", "detail_limit", detail_limit, int)
    if detail_limit < 0:
        raise ValueError(f"detail_limit must be 0 or more, got {detail_limit}")
    environment = _environment()
    rule = behind or BehindRule()
    rulebook = edition_for(assessment.period) if rulebook is None else rulebook
    facts = digest(assessment, lang=lang, rulebook=rulebook, behind=rule, as_of=as_of)
    note = edition_note(rulebook, assessment.period)
    named = rulebook.stamp() + ("" if note is None else f" — {note.text(lang)}")
    context = common_context(
        facts, lang=lang, period=str(assessment.period), rulebook=named, behind=rule
    )
    shown_as_of = None if as_of is None else str(assessment.period.as_of(as_of).end)
    context["as_of"] = shown_as_of
    if len(facts.ranked) > detail_limit:
        context.update(compact_context(facts, lang, detail_limit), compact=True)
        context["data"] = detail_data(facts, context, shown_as_of)
        template = environment.get_template("compact.html.j2")
    else:
        context.update(full_context(facts, lang), compact=False)
        template = environment.get_template("report.html.j2")
    return _joined(template.generate(**context))


def _joined(fragments: Iterable[str]) -> Iterator[str]:
    """Join the template's many small fragments into pieces of about :data:`PIECE_SIZE`."""
    pending: list[str] = []
    size = 0
    for fragment in fragments:
        pending.append(fragment)
        size += len(fragment)
        if size >= PIECE_SIZE:
            yield "".join(pending)
            pending.clear()
            size = 0
    if pending:
        yield "".join(pending)
