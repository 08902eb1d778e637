"""The help of ``compare``, in Chinese and English (beside :mod:`.command_help`, which lists it).

Its own module because :mod:`.command_help` is at the size limit of a
module; one catalogue and one :class:`~.help_texts.CommandDoc`, as every
command's help is.
"""

from __future__ import annotations

from typing import Final

from .._domain.messages import Text
from .help_texts import CommandDoc, Example


class CompareHelp(Text):
    """The help of ``compare`` and of its options."""

    SUMMARY = (
        "对比两个规则版本下的得分，或自查与核验的得分。",
        "Compare scores under two editions, or a self-check with the verified data.",
    )
    ABOUT = (
        "对比两边的得分：同一份 INPUT 按两个规则版本评分（--against-rulebook：修订会改变什么），"
        "或者社区的自查 INPUT 与核验后的数据（--against-input）按同一版本评分。\n\n"
        "逐个社区列出两边的总分、每个变化的项目、名次（并列同名次）和是否滞后（R19、R23），以及差值；"
        "逐个区（市、县）汇总；最后列出名次变动最大的社区、新列入和移出滞后名单的社区。"
        "对比自查与核验时，对每个不同之处列出背后的记录：自查有而核验没有的活动、项目、结对、综述，"
        "以及不同的事实（青年之家、团干部、区里的组织）；只在一边出现的社区也会列出。"
        "A 边是 INPUT（或第一个版本），B 边是对比的一方。两边完全相同时显示没有差别。",
        "Compares two sides' scores: INPUT scored under two editions of the rulebook"
        " (--against-rulebook: what an amendment would change), or a community's self-check"
        " INPUT and the verified data (--against-input) under one edition.\n\n"
        "Per community: the total, every changed item, the rank (ties share a rank) and the"
        " behind flag (R19, R23) under each side, and the difference; per district the same"
        " rolled up; then who moved most and who enters or leaves the behind list. Comparing a"
        " self-check with the verification, every difference comes with the records behind"
        " it: the activities, projects, pairings and summaries claimed that the verification"
        " does not hold, and the facts (Youth Home, cadres, district organisations) that"
        " differ; a community on one side only is listed too. Side A is INPUT (or the first"
        " edition), side B the other. Identical sides show no difference.",
    )
    EXAMPLE_EDITION = (
        "与另一个规则版本对比（版本名称，或修订草案的 TOML 文件）",
        "Compare with another edition (its name, or an amendment's TOML file)",
    )
    EXAMPLE_INPUT = ("自查与核验对比", "A self-check against the verified data")
    FORMAT = (
        "输出格式：table（表格，默认）、json 或 csv（每个社区一行）。",
        "Output format: table (the default), json or csv (a row per community).",
    )
    AGAINST_RULEBOOK = (
        "B 边按这个规则版本评分：版本名称或 TOML 文件。",
        "Score side B under this edition: its name or a TOML file.",
    )
    AGAINST_INPUT = (
        "B 边的数据（核验后的台账或 JSON），与 INPUT（自查）对比。",
        "Side B's data (the verified register or JSON), compared with INPUT (the self-check).",
    )
    NEEDS_AGAINST = (
        "请给出 {0} 或 {1}：要与什么对比",
        "give {0} or {1}: what to compare with",
    )


COMPARE: Final = CommandDoc(
    CompareHelp.SUMMARY,
    CompareHelp.ABOUT,
    (
        Example(
            CompareHelp.EXAMPLE_EDITION,
            "youthaction-scoring compare 台账.xlsx --against-rulebook guiyang-2021",
        ),
        Example(
            CompareHelp.EXAMPLE_INPUT,
            "youthaction-scoring compare 台账.xlsx --against-input 台账.json",
        ),
    ),
)
