"""Terminal tables (rich), imported only by the commands that print them."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from .._domain.codes import ItemCode, ItemKind, Lang
from .._domain.scorecard import Scorecards

if TYPE_CHECKING:  # pragma: no cover
    from rich.table import Table

_HEAD: dict[str, tuple[str, str]] = {
    "title": ("社区青春行动考核计分", "Community Youth Action scores"),
    "community": ("社区", "community"),
    "district": ("区（市、县）", "district"),
    "batch": ("批次", "batch"),
    "base": ("基本项", "base"),
    "bonus": ("加分项", "bonus"),
    "total": ("总分", "total"),
    "max_row": ("满分/上限", "max / cap"),
    "period": ("考核期", "period"),
    "as_of": ("截至", "as of"),
    "rulebook": ("规则版本", "rulebook"),
    "count_caption": ("共{0}个社区", "{0} communities"),
    # Decision support (rank, plan, progress, districts).
    "ranking": ("社区青春行动考核排名", "Community Youth Action ranking"),
    "by_district": ("（区县内排名）", "(ranked within each district)"),
    "rank": ("名次", "rank"),
    "no_grade": (
        "考核办法未规定等次；本表只按总分排序",
        "the rulebook defines no grade bands; this is an order by total only",
    ),
    "plan": ("{0}（{1}）提升计划：现得{2}分，满分{3}分", "Plan for {0} ({1}): {2} of {3}"),
    "item": ("条款", "item"),
    "gain": ("可增加", "gain"),
    "action": ("措施", "action"),
    "lost": ("已无法挽回", "lost"),
    "points": ("分值", "points"),
    "reason": ("原因", "reason"),
    "summary_line": (
        "可挽回{0}分 + 已失去{1}分 = {2}分差距",
        "recoverable {0} + lost {1} = gap of {2}",
    ),
    "progress": (
        "逐月进度（按R2截至各月计分）",
        "Month-by-month progress (scored as of each month, R2)",
    ),
    "behind": ("进度滞后名单", "Falling behind"),
    "month": ("月份", "month"),
    "missed": ("当月无合格专项活动", "no qualifying activity that month"),
    "short": ("基本项仍有欠缺", "base items still short"),
    "marker": ("✗ 当月无合格活动", "✗ no qualifying activity that month"),
    "districts": ("区县汇总", "District roll-up"),
    "count": ("社区数", "communities"),
    "mean": ("平均分", "mean"),
    "min": ("最低分", "min"),
    "max": ("最高分", "max"),
    "behind_list": ("滞后社区", "behind"),
}


def head(key: str, lang: Lang) -> str:
    """Return a table heading in *lang*."""
    zh, en = _HEAD[key]
    return zh if lang == "zh" else en


def scorecards_table(cards: Scorecards, lang: Lang = "zh") -> Table:
    """Build a rich table of scorecards: one row per community, one column per item.

    Args:
        cards: The scorecards.
        lang: Heading language.

    Returns:
        The table.
    """
    from rich.table import Table

    where = f"{head('period', lang)} {cards.period.start}…{cards.period.end}"
    if cards.as_of is not None:
        where += f", {head('as_of', lang)} {cards.as_of}"
    table = Table(
        title=f"{head('title', lang)}  ({where}; {head('rulebook', lang)} {cards.rulebook})",
        caption=head("count_caption", lang).format(len(cards)),
        show_lines=False,
    )
    table.add_column(head("community", lang), no_wrap=True)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column(head("district", lang), no_wrap=True)
    table.add_column(head("batch", lang), no_wrap=True)
    for code in ItemCode:
        table.add_column(code.code, justify="right")
    for key in ("base", "bonus", "total"):
        table.add_column(head(key, lang), justify="right", style="bold" if key == "total" else None)
    if cards.scorecards:
        first = cards.scorecards[0]
        base_max = sum(i.max for i in first.items if i.kind is ItemKind.BASE)
        bonus_max = sum(i.max for i in first.items if i.kind is ItemKind.BONUS)
        table.add_row(
            head("max_row", lang),
            "",
            "",
            "",
            *(str(i.max) for i in first.items),
            str(base_max),
            str(bonus_max),
            str(base_max + bonus_max),
            style="italic dim",
            end_section=True,
        )
    for card in cards:
        batch = card.pilot_level.label_in(lang)
        table.add_row(
            card.community_name,
            card.community_id,
            card.district,
            batch,
            *(str(i.points) for i in card.items),
            str(card.base),
            str(card.bonus),
            str(card.total),
        )
    return table


def render(table: Table, *, width: int = 200, color: bool = False) -> str:
    """Render a rich renderable to text.

    Args:
        table: What to render.
        width: Line width.
        color: Keep terminal colours.

    Returns:
        The text.
    """
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(table)
    return buffer.getvalue()
