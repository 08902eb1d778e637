"""The help of the commands that follow an assessment up (``rectify``), in Chinese and English.

Kept beside :mod:`.command_help` (which lists it in its ``COMMANDS`` and
``CATALOGUES``) so that neither module grows past the project's size limit;
every example runs as it stands in a folder holding the register ``台账.xlsx``.
"""

from __future__ import annotations

from typing import Final

from .._domain.messages import Text
from .help_texts import CommandDoc, Example

_Y: Final = "youthaction-scoring"


class RectifyHelp(Text):
    """The help of ``rectify``."""

    SUMMARY = (
        "按区县列出各社区的整改清单，滞后社区在前。",
        "List what each community must still mend.",
    )
    ABOUT = (
        "按区县列出每个社区的整改清单：考核期结束前还能整改的每一项及其措施和可挽回的分值，"
        "以及已经无法挽回的分数。每个区县中，滞后的社区排在最前（规则 R19、R23），"
        "其余按台账中的顺序。\n\n"
        "--as-of 是当前月份：此前的月份已过，之后的月份仍可补（规则 R2、R10）；"
        "不加时视为考核期已经结束。--due 是清单上写明的整改期限，默认为考核期的最后一天，"
        "不能晚于考核期的最后一天，也不能早于截至月份。"
        "写成 .xlsx 时每个区县一个工作表，留有“完成情况”一列供社区填写，可直接用 A4 纸横向打印，"
        "每页都有表头和社区名称。",
        "Lists, per community and grouped by district, every shortfall that can still be mended"
        " before the period ends, with the step to take and the points at stake, and the points"
        " already lost. In each district the communities flagged behind come first (rules R19,"
        " R23), the others in the register's order.\n\n"
        "--as-of is the current month: the months up to it have passed, later ones can still be"
        " made up (rules R2, R10); without it the whole period has passed. --due is the"
        " deadline the list states, by default the period's last day; it may not be after the"
        " period's last day nor before the as-of month. Written as .xlsx it has one sheet per"
        " district with a column 完成情况 (done) left for the community to fill in, and prints on"
        " A4 across the page with the headings and the community's name on every page.",
    )
    EXAMPLE = (
        "截至 2022 年 1 月的整改清单，3 月底前完成",
        "The list as of January 2022, due by the end of March",
    )
    EXAMPLE_XLSX = (
        "整改清单存为工作簿，按区县分发",
        "Save the lists as a workbook to send to each district",
    )


RECTIFY: Final = CommandDoc(
    RectifyHelp.SUMMARY,
    RectifyHelp.ABOUT,
    (
        Example(RectifyHelp.EXAMPLE, f"{_Y} rectify 台账.xlsx --as-of 2022-01 --due 2022-03-31"),
        Example(
            RectifyHelp.EXAMPLE_XLSX, f"{_Y} rectify 台账.xlsx --as-of 2022-01 -o 整改清单.xlsx"
        ),
    ),
)
