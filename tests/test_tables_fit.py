"""Terminal tables fit 80, 100 and 120 columns without cutting a single number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import RenderableType

from youthaction_scoring import (
    BehindRule,
    Lang,
    Month,
    district_rollup,
    iter_progress,
    load_assessment,
    loads_assessment,
    plan_scorecards,
    rank_scorecards,
    score_assessment,
)
from youthaction_scoring._present.fit import shorten
from youthaction_scoring._present.tables import (
    districts_table,
    items_table,
    plan_tables,
    progress_tables,
    ranking_table,
    render,
    scorecards_table,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "guiyang-2021-2022.json"
WIDTHS = (80, 100, 120)
CUT_NUMBER = re.compile(r"\d…|…\d")
PERIOD = re.compile(r"\d{4}-\d{2}…\d{4}-\d{2}")  # a period written start…end is not a cut number


def _cut(text: str) -> re.Match[str] | None:
    return CUT_NUMBER.search(PERIOD.sub("", text))


def _tables(lang: Lang) -> dict[str, list[RenderableType]]:
    assessment = load_assessment(EXAMPLE)
    cards = score_assessment(assessment)
    return {
        "score": [scorecards_table(cards, lang)],
        "rank": [ranking_table(rank_scorecards(cards), cards, lang)],
        "districts": [districts_table(district_rollup(cards), lang, BehindRule(), "2022-04")],
        "progress": [*progress_tables(list(iter_progress(assessment)), lang)],
        "plan": [*plan_tables(plan_scorecards(cards)[0], lang)],
        "explain": [items_table(cards.scorecards[0], lang)],
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_table_fits_and_keeps_its_numbers(width: int, lang: Lang) -> None:
    """No line wider than the terminal, no number cut, every total shown whole."""
    cards = score_assessment(load_assessment(EXAMPLE))
    for name, tables in _tables(lang).items():
        text = render(tables, width=width)
        lines = text.splitlines()
        assert max(cell_len(line) for line in lines) <= width, (name, width)
        assert not _cut(text), (name, width, _cut(text))
        if name in ("score", "rank"):
            for card in cards:
                row = next(line for line in lines if card.community_name[:2] in line)
                assert re.search(rf"(?<!\d){card.total}(?!\d)", row), (name, width, row)


def test_a_120_month_progress_table_is_readable_at_80_columns() -> None:
    """Ten years of months: blocks of months, each with the names, every month labelled once."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["period"] = {"start": "2015-01", "end": "2024-12"}
    doc["communities"] = doc["communities"][:5]
    assessment = loads_assessment(json.dumps(doc, ensure_ascii=False))
    text = render(progress_tables(list(iter_progress(assessment)), "zh"), width=80)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    totals = lines[: next(i for i, line in enumerate(lines) if line.strip() == "进度滞后名单")]
    for month in assessment.period.months:
        assert 1 == sum(line.split().count(str(month)) for line in totals), month
    first = assessment.communities[0].name
    assert sum(line.startswith(first[:2]) for line in totals) >= 15  # the name on every block
    assert not _cut(text)


def test_wide_terminals_and_files_keep_the_boxed_table() -> None:
    """When the table fits as drawn by rich, nothing changes: the boxed layout stays."""
    cards = score_assessment(load_assessment(EXAMPLE), as_of=Month(2022, 1))
    text = render([scorecards_table(cards, "zh")], width=200)
    assert "┏" in text
    assert "┏" not in render([scorecards_table(cards, "zh")], width=100)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("青云路社区", 10, "青云路社区"),
        ("青云路社区", 9, "青云路社…"),
        ("abcdef", 4, "abc…"),
        ("青云", 3, "青…"),
    ],
)
def test_shorten_counts_wide_characters_double(text: str, width: int, expected: str) -> None:
    """A Chinese character takes two cells; the ellipsis one."""
    assert expected == shorten(text, width)
    assert cell_len(shorten(text, width)) <= width


@pytest.mark.parametrize(("rows", "boxed"), [(199, True), (200, True), (201, False)])
def test_a_long_table_is_laid_out_plainly(rows: int, boxed: bool) -> None:
    """Up to PLAIN_ROWS rows rich draws the box; one more and the plain layout is used."""
    from rich.table import Table

    from youthaction_scoring._present.tables import PLAIN_ROWS, render

    assert 200 == PLAIN_ROWS
    table = Table(title="t")
    table.add_column("社区")
    table.add_column("总分", justify="right")
    for n in range(rows):
        table.add_row(f"社区{n}", str(n))
    text = render([table], width=100)
    assert boxed == ("┃" in text)
    assert f"社区{rows - 1}" in text
