"""Terminal tables (rich), imported only by the commands that print them."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ._codes import ItemCode, ItemKind, Lang
from ._scorecard import Scorecards

if TYPE_CHECKING:  # pragma: no cover
    from rich.table import Table

_HEAD: dict[str, tuple[str, str]] = {
    "title": ("社区青春行动考核计分", "Community Youth Action scores"),
    "community": ("社区", "community"),
    "district": ("区(市、县)", "district"),
    "batch": ("批次", "batch"),
    "base": ("基本项", "base"),
    "bonus": ("加分项", "bonus"),
    "total": ("总分", "total"),
    "max": ("满分/上限", "max / cap"),
    "period": ("考核期", "period"),
    "as_of": ("截至", "as of"),
    "rulebook": ("规则版本", "rulebook"),
    "count": ("共{0}个社区", "{0} communities"),
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
        caption=head("count", lang).format(len(cards)),
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
            head("max", lang),
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
