"""The rows of the scorecard tables, shared by the workbook and the CSV files.

Nothing is recomputed here: points, deductions and notes are read from the
:class:`~.._domain.scorecard.Scorecards`. The rank is competition ranking by
total (equal totals share a rank, the next rank skips: 1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Final

from .._analysis.ranking import competition_ranks
from .._analysis.score_rows import ScoreRow
from .._domain.codes import ItemCode, Lang
from .._domain.scorecard import ItemScore, Scorecard, Scorecards

SUMMARY_HEADERS: Final = (
    ("排名", "rank"),
    ("社区编号", "community_id"),
    ("社区名称", "community_name"),
    ("所在区县", "district"),
    ("试点批次", "pilot_level"),
    *((c.label, c.code) for c in ItemCode),
    ("基本分", "base"),
    ("加分", "bonus"),
    ("总分", "total"),
    ("备注", "notes"),
)
"""Summary columns: (Chinese header, English code)."""

DETAIL_HEADERS: Final = (
    ("社区编号", "community_id"),
    ("社区名称", "community_name"),
    ("条款", "code"),
    ("考核项目", "item"),
    ("类型", "kind"),
    ("满分/上限", "max"),
    ("原始分", "raw"),
    ("扣分", "deducted"),
    ("得分", "points"),
    ("扣分明细", "deductions"),
    ("说明", "notes"),
)
"""Detail columns: (Chinese header, English code)."""


def summary_rows(cards: Scorecards, lang: Lang = "zh") -> Iterator[list[Any]]:
    """The summary table: one row per community, in input order.

    Args:
        cards: The scorecards.
        lang: Language of labels and notes.

    Returns:
        Rows of cell values (text and whole numbers).
    """
    return summary_cells([ScoreRow.of(card) for card in cards], lang)


def summary_cells(rows: Sequence[ScoreRow], lang: Lang = "zh") -> Iterator[list[Any]]:
    """The summary table's cells from score rows (all it reads of a scorecard).

    Args:
        rows: One per community, in input order.
        lang: Language of labels and notes.

    Returns:
        Rows of cell values (text and whole numbers).
    """
    rank_of = competition_ranks([row.total for row in rows])
    for rank, row in zip(rank_of, rows, strict=True):
        yield [
            rank,
            row.community_id,
            row.community_name,
            row.district,
            row.pilot_level.label_in(lang),
            *row.points,
            row.base,
            row.bonus,
            row.total,
            "\n".join(m.text(lang) for m in row.notes),
        ]


def _deductions(item: ItemScore, lang: Lang) -> str:
    if lang == "zh":
        return "\n".join(f"扣{d.points}分：{d.text('zh')}（{d.rule}）" for d in item.deductions)
    return "\n".join(f"-{d.points}: {d.text('en')} ({d.rule})" for d in item.deductions)


def detail_rows(cards: Scorecards, lang: Lang = "zh") -> Iterator[list[Any]]:
    """The detail table: one row per item of every community.

    Args:
        cards: The scorecards.
        lang: Language of labels, deductions and notes.

    Returns:
        Rows of cell values (text and whole numbers).
    """
    card: Scorecard
    for card in cards:
        for item in card.items:
            yield [
                card.community_id,
                card.community_name,
                item.code.code,
                item.code.label_in(lang),
                item.kind.label_in(lang),
                item.max,
                item.raw,
                item.deducted,
                item.points,
                _deductions(item, lang),
                "\n".join(m.text(lang) for m in item.notes),
            ]
