"""``youthaction-scoring rank``: communities ordered by total."""

from __future__ import annotations

import click

from .._domain.model import Month
from .common import AS_OF_OPTION, OUTPUT_OPTION, check_output_dir, emit, load_input
from .decide import LANG_OPTION, emit_renderables, lang_of, score_or_fail, to_csv

_FIELDS = ("rank", "community_id", "name", "district", "pilot_level", "base", "bonus", "total")


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help='table: readable; json: {"ranking": [...]}; csv: one row per community.',
)
@click.option(
    "--by",
    type=click.Choice(["district"]),
    default=None,
    help="Rank within each district instead of overall.",
)
@LANG_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
def rank(
    input_path: str,
    fmt: str,
    by: str | None,
    lang: str,
    as_of: Month | None,
    output: str | None,
) -> None:
    """Rank the communities of INPUT by total, highest first.

    Ties share a rank (1, 2, 2, 4). The rulebook defines no grade bands, so
    the ranking is an order only, never a grade.
    """
    from .._analysis.ranking import rank_scorecards
    from .._io.documents import dumps_json

    check_output_dir(output)
    cards = score_or_fail(load_input(input_path), as_of)
    ranked = rank_scorecards(cards, by_district=by == "district")
    rows = [
        {
            "rank": r.rank,
            "community_id": r.card.community_id,
            "name": r.card.community_name,
            "district": r.card.district,
            "pilot_level": r.card.pilot_level.code,
            "base": r.card.base,
            "bonus": r.card.bonus,
            "total": r.card.total,
        }
        for r in ranked
    ]
    if fmt == "json":
        emit(dumps_json({"ranking": rows}), output)
        return
    if fmt == "csv":
        emit(to_csv(_FIELDS, [[row[f] for f in _FIELDS] for row in rows]), output)
        return
    from .._present.decide_tables import ranking_table

    emit_renderables(
        [ranking_table(ranked, cards, lang_of(lang), by_district=by is not None)], output
    )
