"""The help of ``check``, in Chinese and English (beside :mod:`.command_help`, which lists it).

Its own module because :mod:`.command_help` is at the size limit of a
module; it is one catalogue and one :class:`~.help_texts.CommandDoc`, as
every command's help is.
"""

from __future__ import annotations

from typing import Final

from .._domain.messages import Text
from .help_texts import CommandDoc, Example

EXIT_FAILED: Final = 3
"""``check``'s exit status when an expected row fails (input errors are 2)."""


class CheckHelp(Text):
    """The help of ``check`` and of its options."""

    SUMMARY = (
        "用手工计算的期望得分核对本工具的计分。",
        "Check the tool's scores against scores computed by hand.",
    )
    ABOUT = (
        "用 INPUT 中的期望得分（台账的“期望得分”表，或 JSON 的 expected 列表）"
        "核对本工具的计分。\n\n"
        "每一行期望得分给出一个社区（可加截至月份）和若干项目、基本分、加分或总分；留空的不核对。"
        "逐行列出通过或不符；不符时列出每个不同之处的期望分和实得分，以及说明实得分的扣分、封顶、"
        "保底和不计分记录。全部通过时退出状态为 0，有不符时为 3（输入有误时为 2）。"
        "--coverage 另列各条款的各种结果（每种扣分、封顶、保底、不计分或合并的记录、适用的规则）"
        "哪些已被核对的社区覆盖、哪些还没有。",
        "Checks the tool's scores against the expected scores in INPUT (the register's 期望得分"
        " sheet, or the expected list of a JSON document).\n\n"
        "Each expected row names a community (and optionally an as-of month) and any of the"
        " items, the base, the bonus and the total; what it leaves blank is not checked. Every"
        " row passes or fails; a failure shows each differing value, expected and actual, with"
        " the deductions, caps, floors and records not counted that explain the actual value."
        " The exit status is 0 when every row passes and 3 when any fails (2 for bad input)."
        " --coverage also lists, per clause, which outcomes (each deduction, cap, floor, record"
        " not counted or merged, decision applied) the checked communities exercised and which"
        " none did.",
    )
    EXAMPLE = ("核对台账中的期望得分", "Check the expected scores of a register")
    EXAMPLE_COVERAGE = (
        "同时列出哪些条款结果还没有被核对过",
        "Also list the outcomes no checked community exercised",
    )
    FORMAT = (
        "输出格式：table（表格，默认）或 json（始终含覆盖情况）。",
        "Output format: table (the default) or json (which always holds the coverage).",
    )
    COVERAGE = (
        "另列各条款的结果哪些已被核对的社区覆盖、哪些没有。",
        "Also list, per clause, the outcomes the checked communities exercised and those not.",
    )


CHECK: Final = CommandDoc(
    CheckHelp.SUMMARY,
    CheckHelp.ABOUT,
    (
        Example(CheckHelp.EXAMPLE, "youthaction-scoring check 台账.xlsx"),
        Example(CheckHelp.EXAMPLE_COVERAGE, "youthaction-scoring check 台账.xlsx --coverage"),
    ),
)
