"""``youthaction-scoring progress``: month by month, who is falling behind."""

from __future__ import annotations

import click

from .common import OUTPUT_OPTION, check_output_dir, emit, load_input
from .decide import LANG_OPTION, emit_renderables, lang_of, with_progress


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: readable; json: one entry per month.",
)
@LANG_OPTION
@OUTPUT_OPTION
def progress(input_path: str, fmt: str, lang: str, output: str | None) -> None:
    """Score INPUT as of each month of its period (R2) and list who is falling behind.

    For every month: every community's total as of that month, the
    communities with no qualifying activity in that month (R10), and those
    with a base item still short.
    """
    from .._analysis.progress import MonthProgress, iter_progress
    from .._domain.codes import ItemKind

    check_output_dir(output)
    assessment = load_input(input_path)
    results: list[MonthProgress] = []
    for month in with_progress(assessment.period.months, "progress"):
        results.extend(iter_progress(assessment, months=[month]))
    if fmt == "json":
        from .._io.documents import dumps_json

        doc = {
            "months": [
                {
                    "month": str(m.month),
                    "totals": [{"community_id": c.community_id, "total": c.total} for c in m.cards],
                    "missed": list(m.missed),
                    "behind": [
                        {
                            "community_id": c.community_id,
                            "shortfalls": [
                                {
                                    "item": item.code.code,
                                    "points": d.points,
                                    "reason": d.reason.text(lang_of(lang)),
                                    "rule": d.rule,
                                }
                                for item in c.items
                                if item.kind is ItemKind.BASE
                                for d in item.deductions
                            ],
                        }
                        for c in m.cards
                        if c.community_id in m.behind
                    ],
                }
                for m in results
            ]
        }
        emit(dumps_json(doc), output)
        return
    from .._present.decide_tables import progress_tables

    emit_renderables(progress_tables(results, lang_of(lang)), output)
