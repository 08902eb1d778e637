"""The rectification list (整改清单) as rows: for the terminal, the workbook and the report.

Every output of ``rectify`` shows the same rows (:func:`list_rows`): per
district, per community (behind first), one row per step still to take and
one per point already lost, or one row saying there is nothing to mend.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._analysis.rectify import Rectification, RectifyDistrict
from .._domain.codes import Lang
from .._domain.messages import Text
from .terminal import terminal_safe as safe

if TYPE_CHECKING:  # pragma: no cover
    from rich.table import Table


class RectifyHeading(Text):
    """The headings and words of a rectification list."""

    TITLE = ("{0}社区青春行动整改清单", "Community Youth Action rectification list: {0}")
    FACTS = (
        "考核期{0}，截至{1}；整改期限：{2}",
        "period {0}, as of {1}; to be done by {2}",
    )
    PERIOD_END = ("考核期结束", "the period's end")
    ID = ("社区编号", "id")
    NAME = ("社区名称", "community")
    BEHIND = ("进度滞后", "behind")
    TOTAL = ("现得分", "total")
    AT_STAKE = ("可挽回", "at stake")
    ITEM = ("条款", "item")
    KIND = ("类别", "kind")
    TEXT = ("整改措施或失分原因", "step, or why lost")
    POINTS = ("分值", "points")
    DONE = ("完成情况", "done")
    MEND = ("可整改", "to mend")
    LOST = ("已失分", "lost")
    NOTHING = ("无待整改事项", "nothing to mend")
    YES = ("是", "yes")
    NOTE = (
        "分值：可整改项为完成该措施可增加的分数，已失分项为已无法挽回的分数；"
        "“完成情况”由社区填写后交回。",
        "Points: for a step, what doing it adds to the total; for a loss, the points that"
        " cannot be recovered. The community fills in “done” and sends the list back.",
    )
    NO_COMMUNITIES = ("没有社区。", "No communities.")


HEADINGS = (
    RectifyHeading.ID,
    RectifyHeading.NAME,
    RectifyHeading.BEHIND,
    RectifyHeading.TOTAL,
    RectifyHeading.ITEM,
    RectifyHeading.KIND,
    RectifyHeading.TEXT,
    RectifyHeading.POINTS,
    RectifyHeading.DONE,
)
"""The columns of a list's rows, in order (the last, 完成情况, is left empty)."""

Row = tuple[str, str, str, int, str, str, str, int | None]
"""id, name, behind, total, item, kind, text, points: a row without its empty last column."""


def facts_line(rectification: Rectification, lang: Lang) -> str:
    """The line under a list's title: the period, the as-of month and the due date."""
    r = rectification
    as_of = RectifyHeading.PERIOD_END.template(lang) if r.as_of is None else str(r.as_of)
    return RectifyHeading.FACTS.format(lang, r.period, as_of, r.due.isoformat())


def behind_line(rectification: Rectification, lang: Lang) -> str:
    """The rule that flagged communities behind, as the list states it (R19, R23)."""
    r = rectification
    shown = r.period.as_of(r.as_of).end
    return r.behind.describe(lang, str(shown))


def district_rows(district: RectifyDistrict, lang: Lang) -> Iterator[Row]:
    """One district's rows: per community, its steps, then its losses (or that it has none)."""
    h = RectifyHeading
    yes, mend, lost = h.YES.template(lang), h.MEND.template(lang), h.LOST.template(lang)
    for c in district.communities:
        head = (c.community_id, c.community_name, yes if c.behind else "", c.total)
        for a in c.mend:
            yield (*head, a.item.code, mend, a.text(lang), a.gain)
        for x in c.lost:
            yield (*head, x.item.code, lost, x.text(lang), x.points)
        if not c.mend and not c.lost:
            yield (*head, "", "", h.NOTHING.template(lang), None)


def list_rows(rectification: Rectification, lang: Lang) -> Iterator[tuple[str, list[Row]]]:
    """Every district's name and rows, in the list's order."""
    for district in rectification.districts:
        yield district.district, list(district_rows(district, lang))


def rectify_tables(rectification: Rectification, lang: Lang) -> list[Table]:
    """One terminal table per district (every user text made safe for a terminal)."""
    from rich.table import Table

    h = RectifyHeading
    caption = f"{facts_line(rectification, lang)}\n{behind_line(rectification, lang)}"
    tables = []
    for district, rows in list_rows(rectification, lang):
        table = Table(title=safe(h.TITLE.format(lang, district)), caption=caption)
        for heading in (h.NAME, h.BEHIND, h.ITEM, h.KIND, h.POINTS, h.TEXT):
            table.add_column(
                heading.template(lang), justify="right" if heading is h.POINTS else "left"
            )
        for cid, name, behind, _total, item, kind, text, points in rows:
            shown = "" if points is None else str(points)
            table.add_row(safe(f"{name} ({cid})"), behind, item, kind, shown, safe(text))
        tables.append(table)
    if not tables:
        tables.append(Table(title=h.NO_COMMUNITIES.template(lang), caption=caption))
    return tables
