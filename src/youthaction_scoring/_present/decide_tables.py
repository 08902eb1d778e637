"""Rich tables for the decision-support commands; imported only by them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from .._analysis.districts import DistrictSummary
from .._analysis.plan import Plan
from .._analysis.progress import MonthProgress
from .._analysis.ranking import RankedCard
from .._domain.codes import ItemKind, Lang
from .._domain.scorecard import Scorecard, Scorecards
from .tables import head

if TYPE_CHECKING:  # pragma: no cover
    from rich.table import Table


def ranking_table(
    ranked: Sequence[RankedCard], cards: Scorecards, lang: Lang, *, by_district: bool = False
) -> Table:
    """Build the ranking table.

    Args:
        ranked: The ranked cards.
        cards: The scorecards (for the period and the as-of month).
        lang: Heading language.
        by_district: Whether ranks are within districts.

    Returns:
        The table.
    """
    from rich.table import Table

    title = head("ranking", lang) + (head("by_district", lang) if by_district else "")
    where = str(cards.period) + (f" @ {cards.as_of}" if cards.as_of is not None else "")
    table = Table(title=f"{title} {where}", caption=head("no_grade", lang))
    table.add_column(head("rank", lang), justify="right")
    table.add_column(head("community", lang))
    table.add_column("id", style="dim")
    table.add_column(head("district", lang))
    table.add_column(head("batch", lang))
    for key in ("base", "bonus", "total"):
        table.add_column(head(key, lang), justify="right")
    for entry in ranked:
        card = entry.card
        table.add_row(
            str(entry.rank),
            card.community_name,
            card.community_id,
            card.district,
            card.pilot_level.label_in(lang),
            str(card.base),
            str(card.bonus),
            str(card.total),
        )
    return table


def plan_tables(plan: Plan, lang: Lang) -> list[Table]:
    """Build the actions and lost-points tables of one plan.

    Args:
        plan: The plan.
        lang: Language.

    Returns:
        Two tables: actions (highest gain first) and lost points.
    """
    from rich.table import Table

    title = head("plan", lang).format(
        plan.community_name, plan.community_id, plan.total, plan.max_total
    )
    gap = plan.max_total - plan.total
    actions = Table(
        title=title,
        caption=head("summary_line", lang).format(plan.recoverable, plan.unrecoverable, gap),
    )
    actions.add_column(head("item", lang))
    actions.add_column(head("gain", lang), justify="right")
    actions.add_column(head("action", lang))
    for action in plan.actions:
        actions.add_row(action.item.code, f"+{action.gain}", action.text(lang))
    lost = Table(title=head("lost", lang))
    lost.add_column(head("item", lang))
    lost.add_column(head("points", lang), justify="right")
    lost.add_column(head("reason", lang))
    for entry in plan.lost:
        lost.add_row(entry.item.code, str(entry.points), entry.text(lang))
    return [actions, lost]


def progress_tables(months: Sequence[MonthProgress], lang: Lang) -> list[Table]:
    """Build the month-by-month totals table and the falling-behind table.

    Args:
        months: Progress for each month, in order.
        lang: Language.

    Returns:
        Two tables.
    """
    from rich.table import Table

    totals = Table(title=head("progress", lang), caption=head("marker", lang))
    totals.add_column(head("community", lang))
    totals.add_column("id", style="dim")
    totals.add_column(head("district", lang))
    for month in months:
        totals.add_column(str(month.month), justify="right")
    if months:
        first = months[0].cards
        for index, card in enumerate(first):
            cells = []
            for month in months:
                now = month.cards.scorecards[index]
                mark = " ✗" if now.community_id in month.missed else ""
                cells.append(f"{now.total}{mark}")
            totals.add_row(card.community_name, card.community_id, card.district, *cells)
    behind = Table(title=head("behind", lang))
    behind.add_column(head("month", lang))
    behind.add_column(head("missed", lang))
    behind.add_column(head("short", lang))
    for month in months:
        names = {c.community_id: c.community_name for c in month.cards}
        behind.add_row(
            str(month.month),
            "\n".join(f"{names[i]} ({i})" for i in month.missed),
            "\n".join(f"{names[i]} ({i})" for i in month.behind),
        )
    return [totals, behind]


def districts_table(
    summaries: Sequence[DistrictSummary], names: dict[str, str], lang: Lang
) -> Table:
    """Build the district roll-up table.

    Args:
        summaries: The districts.
        names: Community names by id.
        lang: Language.

    Returns:
        The table.
    """
    from rich.table import Table

    table = Table(title=head("districts", lang), caption=head("no_grade", lang))
    table.add_column(head("district", lang))
    for key in ("count", "mean", "min", "max"):
        table.add_column(head(key, lang), justify="right")
    table.add_column(head("behind_list", lang))
    for s in summaries:
        table.add_row(
            s.district,
            str(s.count),
            f"{s.mean:.1f}",
            str(s.min),
            str(s.max),
            "\n".join(f"{names[i]} ({i})" for i in s.behind),
        )
    return table


_ITEM_HEAD: Final[dict[str, tuple[str, str]]] = {
    "title": ("{0}（{1}）逐项得分", "Item by item: {0} ({1})"),
    "code": ("条款", "item"),
    "name": ("内容", "clause"),
    "kind": ("类别", "kind"),
    "raw": ("满分/累计", "full / earned"),
    "after": ("扣分后", "after deductions"),
    "points": ("得分", "points"),
    "max": ("满分/上限", "max / cap"),
}


def items_table(card: Scorecard, lang: Lang) -> Table:
    """Build the item-by-item table of one scorecard, every stage visible.

    Args:
        card: The scorecard.
        lang: Language.

    Returns:
        The table: raw → after deductions (base items) → points, and the maximum.
    """
    from rich.table import Table

    def h(key: str) -> str:
        zh, en = _ITEM_HEAD[key]
        return zh if lang == "zh" else en

    table = Table(title=h("title").format(card.community_name, card.community_id))
    table.add_column(h("code"))
    table.add_column(h("name"))
    table.add_column(h("kind"))
    for key in ("raw", "after", "points", "max"):
        table.add_column(h(key), justify="right")
    for item in card.items:
        after = str(item.after_deductions) if item.kind is ItemKind.BASE else "–"
        table.add_row(
            item.code.code,
            item.code.label_in(lang),
            item.kind.label_in(lang),
            str(item.raw),
            after,
            str(item.points),
            str(item.max),
        )
    return table
