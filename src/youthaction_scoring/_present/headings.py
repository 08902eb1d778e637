"""Headings, captions and labels of the terminal tables, in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterable

from .._domain.codes import ItemCode, Lang
from .._domain.messages import Text


class Heading(Text):
    """Table headings and captions."""

    TITLE = ("社区青春行动考核计分", "Community Youth Action scores")
    COMMUNITY = ("社区", "community")
    DISTRICT = ("区（市、县）", "district")
    BATCH = ("批次", "batch")
    BASE = ("基本项", "base")
    BONUS = ("加分项", "bonus")
    TOTAL = ("总分", "total")
    MAX_ROW = ("满分/上限", "max / cap")
    PERIOD = ("考核期", "period")
    AS_OF = ("截至", "as of")
    RULEBOOK = ("规则版本", "rulebook")
    COUNT_CAPTION = ("共{0}个社区", "{0} communities")
    RANKING = ("社区青春行动考核排名", "Community Youth Action ranking")
    BY_DISTRICT = ("（区县内排名）", "(ranked within each district)")
    RANK = ("名次", "rank")
    NO_GRADE = (
        "考核办法未规定等次；本表只按总分排序",
        "the rulebook defines no grade bands; this is an order by total only",
    )
    PLAN = ("{0}（{1}）提升计划：现得{2}分，满分{3}分", "Plan for {0} ({1}): {2} of {3}")
    ITEM = ("条款", "item")
    GAIN = ("可增加", "gain")
    ACTION = ("措施", "action")
    LOST = ("已无法挽回", "lost")
    POINTS = ("分值", "points")
    REASON = ("原因", "reason")
    SUMMARY_LINE = (
        "可挽回{0}分 + 已失去{1}分 = {2}分差距",
        "recoverable {0} + lost {1} = gap of {2}",
    )
    PROGRESS = (
        "逐月进度（按R2截至各月计分）",
        "Month-by-month progress (scored as of each month, R2)",
    )
    BEHIND = ("进度滞后名单", "Falling behind")
    MONTH = ("月份", "month")
    MISSED = ("当月无合格专项活动", "no qualifying activity that month")
    EACH_MONTH = ("当月", "each month")
    BY_MEAN = (
        "按平均分从高到低排列；考核办法未规定等次",
        "by mean total, highest first; the rulebook defines no grade bands",
    )
    MARKER = ("✗ 当月无合格活动", "✗ no qualifying activity that month")
    DISTRICTS = ("区县汇总", "District roll-up")
    COUNT = ("社区数", "communities")
    MEAN = ("平均分", "mean")
    MIN = ("最低分", "min")
    MAX = ("最高分", "max")
    BEHIND_LIST = ("滞后社区", "behind")
    SHORTFALL_MONTHS = ("{0}个月无合格活动", "{0} months without a qualifying activity")
    NO_SHORTFALL = ("无", "none")


class ItemHeading(Text):
    """Headings of the item-by-item table of one scorecard."""

    TITLE = ("{0}（{1}）逐项得分", "Item by item: {0} ({1})")
    CODE = ("条款", "item")
    NAME = ("内容", "clause")
    KIND = ("类别", "kind")
    RAW = ("满分/累计", "full / earned")
    AFTER = ("扣分后", "after deductions")
    POINTS = ("得分", "points")
    MAX = ("满分/上限", "max / cap")


class FitText(Text):
    """The note under a table that the terminal is too narrow for."""

    NOTE = ("注：终端宽度不够，{0}{1}", "Note: the terminal is too narrow: {0} {1}")
    DROPPED = ("未显示{0}列；", "the columns {0} are not shown;")
    CUT = ("部分文字以“…”截短；", "some text is cut short (…);")
    WIDER = ("加宽终端窗口可看到全部。", "widen the terminal to see it all.")
    WIDER_OR_FILE = (
        "加宽终端窗口，或用 -o {0} 写入文件，可看到全部。",
        "widen the terminal, or write it all to a file with -o {0}.",
    )


def behind_line(
    name: str,
    community_id: str,
    lost: Iterable[tuple[ItemCode, int]],
    lang: Lang,
    months_missed: int = 0,
    *,
    lines: bool = False,
) -> str:
    """One flagged community as every behind list names it, with its shortfalls (R23).

    ``花果园社区 (gy-1)：1.1 −5、2.1 −15`` or ``花果园社区 (gy-1): 1.1 −5, 2.1 −15``:
    the points lost on each base item (the deductions of one item added up),
    and the months without a qualifying activity when given (R10).

    Args:
        name: Its name.
        community_id: Its id.
        lost: ``(item code, points)`` of each shortfall, in item order; an
            item may come more than once (its points are added up).
        lang: The language.
        months_missed: Months without a qualifying activity so far (progress).
        lines: Each shortfall on a line of its own, indented, after the name
            (a table's narrow cell; no number is ever cut).

    Returns:
        The text.
    """
    points: dict[ItemCode, int] = {}
    for code, value in lost:
        points[code] = points.get(code, 0) + value
    parts = [f"{code.code} −{value}" for code, value in points.items()]
    if months_missed:
        parts.append(Heading.SHORTFALL_MONTHS.template(lang).format(months_missed))
    parts = parts or [Heading.NO_SHORTFALL.template(lang)]
    zh = lang == "zh"
    if lines:
        return "\n".join([f"{name} ({community_id})", *(f"  {part}" for part in parts)])
    return f"{name} ({community_id}){'：' if zh else ': '}{('、' if zh else ', ').join(parts)}"
