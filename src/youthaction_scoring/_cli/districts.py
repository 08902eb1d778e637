"""``youthaction-scoring districts``: the district roll-up."""

from __future__ import annotations

import click

from .._domain.model import Month
from .common import AS_OF_OPTION, OUTPUT_OPTION, check_output_dir, emit, load_input
from .decide import LANG_OPTION, emit_renderables, lang_of, score_or_fail, to_csv


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help='table: readable; json: {"districts": [...]}; csv: one row per district.',
)
@LANG_OPTION
@AS_OF_OPTION
@OUTPUT_OPTION
def districts(
    input_path: str, fmt: str, lang: str, as_of: Month | None, output: str | None
) -> None:
    """Roll the scores of INPUT up by district.

    Per district: the number of communities, the mean, lowest and highest
    total, and the communities behind (a month with no qualifying activity
    or a base item still short).
    """
    from .._analysis.districts import district_rollup

    check_output_dir(output)
    cards = score_or_fail(load_input(input_path), as_of)
    summaries = district_rollup(cards)
    rows = [
        {
            "district": s.district,
            "communities": s.count,
            "mean": round(s.mean, 2),
            "min": s.min,
            "max": s.max,
            "behind": list(s.behind),
        }
        for s in summaries
    ]
    if fmt == "json":
        from .._io.documents import dumps_json

        emit(dumps_json({"districts": rows}), output)
        return
    if fmt == "csv":
        header = ("district", "communities", "mean", "min", "max", "behind")
        body = [
            [*(r[h] for h in header[:-1]), "\n".join(s.behind)]
            for r, s in zip(rows, summaries, strict=True)
        ]
        emit(to_csv(header, body), output)
        return
    from .._present.decide_tables import districts_table

    names = {c.community_id: c.community_name for c in cards}
    emit_renderables([districts_table(summaries, names, lang_of(lang))], output)
