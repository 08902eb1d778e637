"""The words of the HTML report, in Chinese and English."""

from __future__ import annotations

from typing import Final

from ..._domain.codes import Lang
from ..._domain.messages import Text


class ReportText(Text):
    """Texts of the HTML report."""

    TITLE = ("社区青春行动考核报告", "Community Youth Action assessment report")
    PERIOD = ("考核期", "period")
    RULEBOOK = ("规则版本", "rulebook")
    NO_GRADE = (
        "考核办法未规定等次；本报告只列得分、排序与欠缺，不评定等次。",
        "The rulebook defines no grade bands: this report gives scores, order and shortfalls"
        " only, never a grade.",
    )
    RANKING = ("总分排名", "Ranking by total")
    SECTIONS = ("分部分得分", "Points by section")
    ITEM_SCORES = ("逐项得分", "Points by item")
    ITEM_NAMES = ("各考核项目：", "The items: ")
    FULL = ("满分", "max")
    MONTHS = ("月度专项活动覆盖", "Monthly special activities")
    COVERED = ("已开展", "covered")
    MISSED = ("未开展", "missed")
    DISTRICTS = ("区县汇总", "District roll-up")
    DISTRICT = ("区（市、县）", "district")
    COUNT = ("社区数", "communities")
    MEAN = ("平均分", "mean")
    MIN = ("最低分", "min")
    MAX = ("最高分", "max")
    BEHIND = ("滞后社区", "behind")
    DISAGREE = (
        "同一区县的社区所记县级组织（1.1）不一致（R18）",
        "Communities of one district disagree on 1.1 (R18)",
    )
    COMMUNITIES = ("各社区明细", "Communities")
    CONTENTS = ("目录", "Contents")
    FILTER = ("筛选社区（名称、编号或区县）", "Filter communities (name, id or district)")
    SHOWN = ("显示{0}个社区，共{1}个", "{0} of {1} communities shown")
    AS_OF = ("截至", "as of")
    PLAN_BASIS = (
        "提升计划按整个考核期计：{0}之后的月份仍可补上，之前未开展的月份已无法挽回。",
        "Plans count the whole period: months after {0} can still be covered;"
        " earlier months without an activity are lost.",
    )
    RANK = ("名次", "rank")
    COMMUNITY = ("社区", "community")
    BATCH = ("批次", "batch")
    BASE = ("基本项", "base")
    BONUS = ("加分项", "bonus")
    TOTAL = ("总分", "total")
    DEDUCTIONS = ("扣分", "Deductions")
    NOTES = ("说明", "Notes")
    NONE = ("无", "none")
    PLAN = ("提升计划", "Plan")
    ACTIONS = ("可增加的分数", "Points still to gain")
    LOST = ("已无法挽回", "Points lost")
    ITEM = ("条款", "item")
    POINTS = ("分值", "points")
    GAIN = ("可增加", "gain")
    ACTION = ("措施", "action")
    REASON = ("原因", "reason")
    RULE = ("依据", "rule")
    GAP = (
        "可挽回{0}分 + 已失去{1}分 = 与满分{2}分的差距{3}分",
        "recoverable {0} + lost {1} = gap of {3} to the highest total {2}",
    )
    EMPTY = ("没有社区。", "No communities.")
    # The compact form (more communities than the detail limit).
    COMPACT = (
        "本报告共{0}个社区，多于{1}个：图表按总分分布、区县和月份汇总；"
        "各社区的得分明细、扣分和提升计划在点击其名称时显示（需允许网页脚本）。",
        "{0} communities, more than {1}: the charts sum up by total, district and month;"
        " a community's items, deductions and plan are shown when its name is clicked"
        " (scripts must be allowed).",
    )
    DISTRIBUTION = ("{0}–{1}分：{2}个社区", "{0}–{1}: {2} communities")
    MEANS = (
        "各区县各部分平均得分（第一行为全部社区）",
        "Mean points by section, per district (first row: all communities)",
    )
    ALL = ("全部社区", "all communities")
    MONTH = ("月份", "month")
    SHARE_COVERED = ("开展比例", "share covered")
    MISSED_MONTHS = ("未开展月数", "months missed")
    FLAGGED = ("滞后", "behind")
    DISTRICTS_COUNT = ("{0}个区县", "{0} districts")
    RECTIFY = ("整改清单", "Rectification list")
    RECTIFY_ABOUT = (
        "按区县列出各社区考核期结束前还能整改的事项（措施及可增加的分值）和已失去的分数，"
        "滞后社区在前。rectify 命令可把同样的清单写成可发送、可打印的工作簿。",
        "Per district, what each community can still mend before the period ends (the step"
        " and what it adds) and the points already lost, communities behind first. The"
        " rectify command writes the same list as a workbook to send out and print.",
    )
    RECTIFY_COMPACT = (
        "社区较多，本报告不逐行列出整改清单：请用 rectify 命令生成"
        "（如 youthaction-scoring rectify 台账.xlsx -o 整改清单.xlsx）。",
        "With this many communities the report does not list the rectification rows: write"
        " them with the rectify command (youthaction-scoring rectify 台账.xlsx -o 整改清单.xlsx).",
    )
    NO_SCRIPT = (
        "此浏览器未运行网页脚本：各社区明细无法显示，汇总与排名表不受影响。",
        "Scripts do not run in this browser: community details cannot be shown;"
        " the summaries and the ranking table are complete.",
    )
    OPEN = (
        "点击社区名称显示或收起其明细。",
        "Click a community's name to show or hide its details.",
    )


SECTION_COLOURS: Final[dict[str, str]] = {
    "1": "#3b6fb6",
    "2": "#e08a2e",
    "3": "#3a9a5b",
    "4": "#9b59b6",
}
"""The colour of each section (一)…(四) in the charts."""


def report_texts(lang: Lang) -> dict[str, str]:
    """Every text of the report in *lang*, by its lower-case key (``t.title`` in templates)."""
    return {text.key: text.template(lang) for text in ReportText}
