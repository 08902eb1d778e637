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


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            "未显示“id”、“区（市、县）”、“批次”列；部分文字以“…”截短；加宽终端窗口，或用 -o 文件.csv",
        ),
        ("en", "the columns id, district, batch are not shown; some text is cut short (…); widen"),
    ],
)
def test_a_table_too_wide_for_the_terminal_says_what_it_left_out(lang: Lang, expected: str) -> None:
    """Score at 80 columns drops id, district and batch and cuts names: a note says so and how."""
    text = render(_tables(lang)["score"], width=80)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert expected in "".join(text.split("\n")) if lang == "zh" else " ".join(lines)


@pytest.mark.parametrize("name", ["score", "rank", "districts", "progress", "plan", "explain"])
def test_a_table_that_fits_has_no_note(name: str) -> None:
    """At 200 columns nothing is left out, and no table says it was."""
    assert "终端宽度不够" not in render(_tables("zh")[name], width=200)


def test_the_note_names_only_what_was_cut_at_the_width_where_names_begin_to_be_cut() -> None:
    """Wide enough for every column but not every name: only the cut is named, no column."""
    from youthaction_scoring._present.fit import fit_lines, plain_columns

    table = scorecards_table(score_assessment(load_assessment(EXAMPLE)))
    columns = plain_columns(table)
    full = sum(c.widest for c in columns) + 2 * (len(columns) - 1)  # laid out plainly, whole
    fits, short = (list(fit_lines(table, width, file="文件.csv")) for width in (full, full - 1))
    notes = [[line for line in lines if line.startswith("注：")] for lines in (fits, short)]
    assert [
        [],
        [
            "注：终端宽度不够，部分文字以“…”截短；加宽终端窗口，或用 -o 文件.csv 写入文件，可看到全部。"
        ],
    ] == notes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_rule_number_is_never_split_across_lines(lang: Lang) -> None:
    """At every width from 30 to 80 the progress footer keeps R19 whole (never "R1" / "9")."""
    tables = _tables(lang)["progress"]
    for width in range(30, 81):
        text = render(tables, width=width)
        assert not re.search(r"R1\s*\n\s*9", text), width
        assert "R19" in text, width


def test_wrap_cells_breaks_between_chinese_characters_but_not_inside_numbers() -> None:
    """A line of exactly the width stays whole; one cell more breaks it before a run, not inside."""
    from youthaction_scoring._present.fit import wrap_cells

    text = "截至2022-04总分后25%（R19）"
    width = cell_len(text)
    assert [text] == list(wrap_cells(text, width))
    lines = list(wrap_cells(text, width - 1))
    assert ["截至2022-04总分后25%", "（R19）"] == lines
    assert ["a，", "b"] == list(wrap_cells("a，b", 3))  # a comma never begins a line
