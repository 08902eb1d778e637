"""Scorecards as pandas DataFrames, for notebooks and analysis.

pandas is an optional dependency (``pip install "youthaction-scoring[pandas]"``)
imported only when :func:`to_dataframe` is called, never by
``import youthaction_scoring``. The frames only *read* scorecards: every
number comes from :class:`~._scorecard.Scorecard` and
:class:`~._scorecard.ItemScore`, nothing is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._domain.codes import ItemCode, Lang
from .._domain.scorecard import Scorecard, Scorecards

if TYPE_CHECKING:
    import pandas as pd

SUMMARY_COLUMNS = (
    "community_id",
    "community_name",
    "district",
    "pilot_level",
    "base",
    "bonus_before_cap",
    "bonus",
    "total",
    *(code.code for code in ItemCode),
)
"""Columns of the summary frame: identity, totals, then each item's points by code."""

DETAIL_COLUMNS = (
    "community_id",
    "community_name",
    "district",
    "pilot_level",
    "code",
    "item",
    "kind",
    "max",
    "raw",
    "deducted",
    "after_deductions",
    "points",
    "deductions",
    "notes",
)
"""Columns of the detail frame: one row per community and item."""


def _summary_row(card: Scorecard) -> list[Any]:
    return [
        card.community_id,
        card.community_name,
        card.district,
        card.pilot_level.code,
        card.base,
        card.bonus_before_cap,
        card.bonus,
        card.total,
        *(item.points for item in card.items),
    ]


def _detail_rows(card: Scorecard, lang: Lang) -> list[list[Any]]:
    return [
        [
            card.community_id,
            card.community_name,
            card.district,
            card.pilot_level.code,
            item.code.code,
            item.code.label_in(lang),
            item.kind.code,
            item.max,
            item.raw,
            item.deducted,
            item.after_deductions,
            item.points,
            "; ".join(f"-{d.points} {d.text(lang)} ({d.rule})" for d in item.deductions),
            "; ".join(note.text(lang) for note in item.notes),
        ]
        for item in card.items
    ]


def to_dataframe(
    scorecards: Scorecards | Scorecard | Iterable[Scorecard],
    *,
    detail: bool = False,
    lang: Lang = "zh",
) -> pd.DataFrame:
    """Return scorecards as a pandas DataFrame, in input order.

    Args:
        scorecards: The scorecards of an assessment, one scorecard, or any
            iterable of scorecards.
        detail: ``False`` (default): one row per community with its totals
            and each item's points in a column named by the item's code
            (``"1.1"`` … ``"4.3"``), see ``SUMMARY_COLUMNS``. ``True``:
            one row per community and item with every stage (``raw``,
            ``deducted``, ``after_deductions``, ``points``) and the
            deductions and notes as text, see ``DETAIL_COLUMNS``.
        lang: Language of item titles, deductions and notes in the detail
            frame: ``"zh"`` (default) or ``"en"``.

    Returns:
        The frame (pandas is imported on the first call).

    Raises:
        ModuleNotFoundError: pandas is not installed; install the
            ``pandas`` extra.
    """
    try:
        import pandas as pd
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(
            'to_dataframe needs pandas: pip install "youthaction-scoring[pandas]"', name="pandas"
        ) from exc
    cards = (scorecards,) if isinstance(scorecards, Scorecard) else tuple(scorecards)
    if detail:
        rows = [row for card in cards for row in _detail_rows(card, lang)]
        return pd.DataFrame(rows, columns=list(DETAIL_COLUMNS))
    return pd.DataFrame([_summary_row(card) for card in cards], columns=list(SUMMARY_COLUMNS))
