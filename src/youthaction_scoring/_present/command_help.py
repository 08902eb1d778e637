"""The help of every command, in Chinese and English: one catalogue a command.

Each command's help is one :class:`~.._domain.messages.Text` catalogue — its
summary (one line for the program's list of commands), what it does in full,
and what each example does — and one :class:`CommandDoc` made from it with
the examples' command lines. The other half of the help catalogue
(:mod:`.help_texts`) holds the frame and the options. Every example runs as
it stands in a folder holding the register ``台账.xlsx`` (and ``台账.json``);
a test runs each one.
"""

from __future__ import annotations

from typing import Final

from .._domain.messages import Text
from .check_help import CHECK, CheckHelp
from .help_texts import CommandDoc, Example
from .review_help import RECTIFY, RectifyHelp

_Y: Final = "youthaction-scoring"


class ConvertHelp(Text):
    """The help of ``convert``."""

    SUMMARY = (
        "在 .xlsx、.json、.jsonl 之间转换考核数据。",
        "Convert between .xlsx, .json and .jsonl.",
    )
    ABOUT = (
        "把考核数据从 IN 转换为 OUT，不丢失任何内容。\n\n"
        "格式由扩展名决定：.xlsx（台账工作簿）、.json、.jsonl（第一行是考核期，之后每行一个社区）。"
        "IN 可以是 -（标准输入；看不出格式时加 --input-format）。IN 的检查与 score 一样严格，"
        "有问题就不写出。OUT 要么完整写出，要么不写，出错时原有的 OUT 保持不变；"
        "已有的工作簿只有加 --force 才会被覆盖。.jsonl 转为 .json 或 .jsonl 时逐行处理，"
        "社区再多也不多占内存。",
        "Converts an assessment from IN to OUT, losing nothing.\n\n"
        "The file endings choose the formats: .xlsx (the register workbook), .json and .jsonl"
        " (a header line, then one community a line). IN may be - (standard input; add"
        " --input-format when its first bytes do not show the format). IN is checked as"
        " strictly as score checks it, and nothing is written when it has problems. OUT is"
        " written whole or not at all, so a failed run leaves an existing OUT untouched, and an"
        " existing workbook is replaced only with --force. A .jsonl converted to .json or .jsonl"
        " is read line by line: memory does not grow with the number of communities.",
    )
    EXAMPLE = ("把台账转换为 JSON", "Convert a register to JSON")
    EXAMPLE_BACK = ("把 JSON 转换回台账工作簿", "Convert JSON back to a register")


CONVERT: Final = CommandDoc(
    ConvertHelp.SUMMARY,
    ConvertHelp.ABOUT,
    (
        Example(ConvertHelp.EXAMPLE, f"{_Y} convert 台账.xlsx 台账.json"),
        Example(ConvertHelp.EXAMPLE_BACK, f"{_Y} convert 台账.json 台账-副本.xlsx"),
    ),
)


class DistrictsHelp(Text):
    """The help of ``districts``."""

    SUMMARY = ("按区县汇总得分，列出滞后的社区。", "Roll the scores up by district.")
    ABOUT = (
        "按区县汇总 INPUT 的得分，平均分高的区县在前。\n\n"
        "每个区县列出：社区数，总分的平均值、最低值和最高值，以及其中滞后的社区。"
        "滞后是把全部社区放在一起比较：默认为总分排在最后四分之一的社区（同分的一并列入），"
        "可用 --behind-share 或 --behind-below 改变；表格下方写明所用的规则（规则 R19）。",
        "Rolls the scores of INPUT up by district, highest mean first.\n\n"
        "For every district: the number of communities, the mean, lowest and highest total, and"
        " its communities that are behind. Behind compares all communities together: by default"
        " the bottom quarter by total, ties included; --behind-share or --behind-below change"
        " that, and the table's caption states the rule used (rule R19).",
    )
    EXAMPLE = ("按区县汇总截至 2022 年 1 月的得分", "Roll up by district as of January 2022")
    EXAMPLE_CSV = ("区县汇总存为 CSV，用 Excel 打开", "Save the roll-up as CSV for Excel")


DISTRICTS: Final = CommandDoc(
    DistrictsHelp.SUMMARY,
    DistrictsHelp.ABOUT,
    (
        Example(DistrictsHelp.EXAMPLE, f"{_Y} districts 台账.xlsx --as-of 2022-01"),
        Example(
            DistrictsHelp.EXAMPLE_CSV, f"{_Y} districts 台账.xlsx --format csv -o 区县汇总.csv"
        ),
    ),
)


class ExplainHelp(Text):
    """The help of ``explain``."""

    SUMMARY = ("逐条说明一个社区的得分。", "Explain one community's score, item by item.")
    ABOUT = (
        "逐条说明一个社区的得分。\n\n"
        "列出每个考核项目的得分和满分，以及计算过程（满分、扣分后、保底或封顶后），"
        "每条扣分及其原因，以及每条不计分或被合并的记录。用 --community 给出社区编号。",
        "Explains one community's score, item by item.\n\n"
        "Lists every item with its points and maximum and how they came about (full points,"
        " after deductions, after the floor or cap), every deduction with its reason, and every"
        " record not counted or merged. Name the community by its id with --community.",
    )
    EXAMPLE = ("说明社区 nm-01 的得分", "Explain the score of community nm-01")
    EXAMPLE_TEXT = ("只要文字说明，不要表格", "The statement only, without the table")


EXPLAIN: Final = CommandDoc(
    ExplainHelp.SUMMARY,
    ExplainHelp.ABOUT,
    (
        Example(ExplainHelp.EXAMPLE, f"{_Y} explain 台账.xlsx --community nm-01"),
        Example(
            ExplainHelp.EXAMPLE_TEXT, f"{_Y} explain 台账.xlsx --community nm-01 --format text"
        ),
    ),
)


class PlanHelp(Text):
    """The help of ``plan``."""

    SUMMARY = (
        "列出还能加分的措施和已失去的分数。",
        "List what would still gain points, and what is lost.",
    )
    ABOUT = (
        "列出每个社区还能加分的措施，以及已经无法挽回的分数。\n\n"
        "不加 --as-of 时视为考核期已经结束：没有合格专项活动的月份，分数已经失去。"
        "加 --as-of 时，截至月份之后的月份尚未到期，分数仍可挽回。"
        "每个社区“可增加”与“已无法挽回”的分数之和，等于满分 200 分减去现得分（规则 R2、R10）。",
        "Lists, for every community, the actions that would still gain points, and the points"
        " already lost.\n\n"
        "Without --as-of the whole period has passed, so a month with no qualifying activity is"
        " lost. With --as-of, the months after it are not yet owed and can still be made up."
        " For every community the gains plus the points lost equal the highest total (200)"
        " minus its total (rules R2, R10).",
    )
    EXAMPLE = (
        "社区 nm-01 截至 2022 年 1 月的提升计划",
        "Plan for community nm-01 as of January 2022",
    )
    EXAMPLE_ALL = (
        "全部社区考核期结束时的提升计划",
        "Plans for every community at the period's end",
    )


PLAN: Final = CommandDoc(
    PlanHelp.SUMMARY,
    PlanHelp.ABOUT,
    (
        Example(PlanHelp.EXAMPLE, f"{_Y} plan 台账.xlsx --community nm-01 --as-of 2022-01"),
        Example(PlanHelp.EXAMPLE_ALL, f"{_Y} plan 台账.xlsx -o 提升计划.txt"),
    ),
)


class ProgressHelp(Text):
    """The help of ``progress``."""

    SUMMARY = ("逐月计分，列出滞后的社区。", "Score month by month and list who is behind.")
    ABOUT = (
        "按考核期的每个月，计算截至当月的得分，列出滞后的社区。\n\n"
        "每个月列出：各社区截至当月的总分；当月没有合格专项活动的社区；以及滞后的社区，"
        "默认为截至当月总分排在最后四分之一的社区（同分的一并列入），"
        "可用 --behind-share 或 --behind-below 改变（规则 R2、R10、R19）。",
        "Scores INPUT as of each month of its period and lists who is behind.\n\n"
        "For every month: every community's total as of that month; the communities with no"
        " qualifying activity in that month; and those behind, by default the bottom quarter by"
        " that month's total, ties included, unless --behind-share or --behind-below says"
        " otherwise (rules R2, R10, R19).",
    )
    EXAMPLE = ("逐月查看进度和滞后名单", "Progress month by month, and who is behind")
    EXAMPLE_SHARE = ("把最后 20% 列为滞后", "Flag the bottom 20% as behind")


PROGRESS: Final = CommandDoc(
    ProgressHelp.SUMMARY,
    ProgressHelp.ABOUT,
    (
        Example(ProgressHelp.EXAMPLE, f"{_Y} progress 台账.xlsx"),
        Example(ProgressHelp.EXAMPLE_SHARE, f"{_Y} progress 台账.xlsx --behind-share 20%"),
    ),
)


class RankHelp(Text):
    """The help of ``rank``."""

    SUMMARY = ("按总分排名。", "Rank the communities by total.")
    ABOUT = (
        "按总分为 INPUT 中的社区排名，高分在前。\n\n"
        "同分同名次，下一名次顺延（1、2、2、4）。考核办法没有规定等次，排名只是先后顺序，"
        "不是评定等次。加 --by district 则在各区县内分别排名。",
        "Ranks the communities of INPUT by total, highest first.\n\n"
        "Equal totals share a rank and the next rank is skipped (1, 2, 2, 4). The rulebook"
        " defines no grades, so a ranking is an order only, never a grade. With --by district,"
        " communities are ranked within their district.",
    )
    EXAMPLE = ("全部社区按总分排名", "Rank all communities by total")
    EXAMPLE_CSV = ("各区县内排名，存为 CSV", "Rank within each district, saved as CSV")


RANK: Final = CommandDoc(
    RankHelp.SUMMARY,
    RankHelp.ABOUT,
    (
        Example(RankHelp.EXAMPLE, f"{_Y} rank 台账.xlsx"),
        Example(
            RankHelp.EXAMPLE_CSV, f"{_Y} rank 台账.xlsx --by district --format csv -o 排名.csv"
        ),
    ),
)


class ReportHelp(Text):
    """The help of ``report``."""

    SUMMARY = ("写出一份可离线打开的 HTML 报告。", "Write a report that opens offline (HTML).")
    ABOUT = (
        "把 INPUT 写成一份独立的 HTML 报告，不联网也能打开。\n\n"
        "报告包括：排名图，每个社区各部分的得分，每月合格专项活动一览，区县汇总，"
        "以及每个社区的扣分和提升计划，带目录和筛选框。加 --as-of 则按截至月份出报告。"
        "滞后名单默认为总分排在最后四分之一的社区，可用 --behind-share 或 --behind-below 改变"
        "（规则 R2、R19）。需要安装 report 扩展。",
        "Writes a self-contained HTML report of INPUT that opens offline.\n\n"
        "It holds the ranking as a chart, the points by section of every community, a month"
        " grid of qualifying activities, the district roll-up, and each community's deductions"
        " and plan, with a table of contents and a filter box. With --as-of it reports as of"
        " that month. Who is behind is by default the bottom quarter by total, unless"
        " --behind-share or --behind-below says otherwise (rules R2, R19). Needs the report"
        " extra.",
    )
    EXAMPLE = ("写出考核报告", "Write the assessment report")
    EXAMPLE_BELOW = ("总分低于 120 分的列为滞后", "Flag every total below 120 as behind")


REPORT: Final = CommandDoc(
    ReportHelp.SUMMARY,
    ReportHelp.ABOUT,
    (
        Example(ReportHelp.EXAMPLE, f"{_Y} report 台账.xlsx -o 考核报告.html"),
        Example(ReportHelp.EXAMPLE_BELOW, f"{_Y} report 台账.xlsx --behind-below 120 -o 报告.html"),
    ),
)


class SchemaHelp(Text):
    """The help of ``schema``."""

    SUMMARY = ("输出数据格式的 JSON Schema（供技术人员）。", "Print the JSON Schema of a document.")
    ABOUT = (
        "输出考核数据（输入）或得分文档（输出）的 JSON Schema（draft 2020-12）。\n\n"
        "供开发录入表单、检查数据的技术人员使用，内容由当前安装的版本生成。"
        "有几项检查 JSON Schema 无法表达（社区编号不重复、考核期开始不晚于结束、"
        "整数不写成 1.0），读取数据时仍会检查。",
        "Prints the JSON Schema (draft 2020-12) of the input or of the scorecards document.\n\n"
        "For developers who build forms or check data; it is generated from the installed"
        " version. A few checks cannot be written in JSON Schema (unique community ids, a"
        " period's start not after its end, whole numbers written as 1.0); reading still"
        " makes them.",
    )
    EXAMPLE = ("保存输入格式的 JSON Schema", "Save the JSON Schema of the input")


SCHEMA: Final = CommandDoc(
    SchemaHelp.SUMMARY,
    SchemaHelp.ABOUT,
    (Example(SchemaHelp.EXAMPLE, f"{_Y} schema --document assessment -o assessment.schema.json"),),
)


class ServeHelp(Text):
    """The help of ``serve``."""

    SUMMARY = (
        "启动评分服务，供其他系统通过 HTTP 调用（供技术人员）。",
        "Run the scoring service for other systems, over HTTP.",
    )
    ABOUT = (
        "启动评分服务：其他系统（网站、区县看板、小程序）通过 HTTP 提交考核数据，"
        "得到与命令行完全相同的结果。服务不保存任何内容，每个请求只依据它自己提交的数据作答。\n\n"
        "默认只在本机（127.0.0.1）监听。要对外提供，请放在反向代理之后，并用 --token-file "
        "要求访问令牌。接口说明在 /docs（离线可用），机器可读的接口文档在 /openapi.json。"
        "按 Ctrl+C 停止：正在处理的请求会先处理完。",
        "Runs the scoring service: other systems (web platforms, district dashboards,"
        " mini-programs) send an assessment over HTTP and get the command line's answers, byte"
        " for byte. It keeps nothing: every request is answered from its own body.\n\n"
        "It listens on this machine only (127.0.0.1) by default. To offer it to others, put it"
        " behind a reverse proxy and require tokens with --token-file. The endpoints are"
        " described at /docs (offline) and, for programs, at /openapi.json. Ctrl+C stops it:"
        " requests being answered are finished first.",
    )
    EXAMPLE = ("在本机 8000 端口启动服务", "Serve on this machine, port 8000")
    EXAMPLE_TOKENS = (
        "在 8080 端口用两个进程服务，并要求令牌",
        "Serve on port 8080 with two processes, requiring a token",
    )


SERVE: Final = CommandDoc(
    ServeHelp.SUMMARY,
    ServeHelp.ABOUT,
    (
        Example(ServeHelp.EXAMPLE, f"{_Y} serve"),
        Example(
            ServeHelp.EXAMPLE_TOKENS, f"{_Y} serve --port 8080 --token-file 令牌.txt --workers 2"
        ),
    ),
)


class ScoreHelp(Text):
    """The help of ``score``."""

    SUMMARY = ("为每个社区计分。", "Score every community.")
    ABOUT = (
        "为 INPUT 中的每个社区计分：台账（.xlsx）、.json 或 .jsonl 文件；- 表示从标准输入读取。\n\n"
        "默认在屏幕上显示得分表；也可以写出得分文档（json）、每行一个社区（jsonl）、"
        "得分工作簿（xlsx）或 CSV。每个社区的每个考核项目都逐项列出：得分、每条扣分及其原因，"
        "以及不计分或被合并的记录。台账有问题时不计分，一次列出全部问题，每行一个，"
        "写明工作表和单元格，以状态 2 退出。",
        "Scores every community of INPUT: a register (.xlsx), a .json or a .jsonl file; -"
        " reads standard input.\n\n"
        "Shows a table of scores by default; writes the scorecards document (json), one"
        " scorecard a line (jsonl), a scorecard workbook (xlsx) or CSV instead. Every item of"
        " every community is itemised: its points, each deduction with its reason, and the"
        " records not counted or merged. A register with problems is not scored: every problem"
        " is listed at once, one a line with its sheet and cell, and the exit status is 2.",
    )
    EXAMPLE = ("检查并计分，在屏幕上显示得分表", "Check and score a register, as a table")
    EXAMPLE_AS_OF = ("按截至 2022 年 1 月的情况计分", "Score as of January 2022")
    EXAMPLE_XLSX = ("写出得分工作簿（汇总表和明细表）", "Write a scorecard workbook")


SCORE: Final = CommandDoc(
    ScoreHelp.SUMMARY,
    ScoreHelp.ABOUT,
    (
        Example(ScoreHelp.EXAMPLE, f"{_Y} score 台账.xlsx"),
        Example(ScoreHelp.EXAMPLE_AS_OF, f"{_Y} score 台账.xlsx --as-of 2022-01"),
        Example(ScoreHelp.EXAMPLE_XLSX, f"{_Y} score 台账.xlsx --format xlsx -o 得分.xlsx"),
    ),
)


class TemplateHelp(Text):
    """The help of ``template``."""

    SUMMARY = ("生成一份空白台账。", "Write a blank register for staff to fill in.")
    ABOUT = (
        "写出一份空白台账工作簿，供工作人员填写。\n\n"
        "第一个工作表“说明”逐列解释填法；另有考核期、社区和各类记录的工作表，"
        "表头为中文列名加英文字段代码，编码字段有下拉列表，日期列已设为日期格式，表头行已冻结。"
        "填好后用 score 计分，或用 convert 转换。"
        "已有的工作簿（如填好的台账）只有加 --force 才会被覆盖。",
        "Writes a blank register workbook for league staff to fill in.\n\n"
        "Its first sheet, 说明, explains every column; then a sheet for the period, one for the"
        " communities and one for each kind of record, with Chinese headers over the English"
        " field codes, dropdowns for coded fields, date columns formatted as dates and frozen"
        " header rows. Score it with score or convert it with convert when filled in. An"
        " existing workbook (a filled-in register, say) is replaced only with --force.",
    )
    EXAMPLE = ("生成空白台账，填好考核期", "Write a blank register with the period filled in")


TEMPLATE: Final = CommandDoc(
    TemplateHelp.SUMMARY,
    TemplateHelp.ABOUT,
    (Example(TemplateHelp.EXAMPLE, f"{_Y} template 空白台账.xlsx --period 2021-11:2022-04"),),
)


class MainHelp(Text):
    """The help of the program."""

    SUMMARY = ("社区青春行动试点社区考核计分。", "Score Community Youth Action pilot communities.")
    ABOUT = (
        "按共青团贵阳市委社区青春行动考核办法（2021）为试点社区计分：基本项 100 分，按规定扣分；"
        "加分项最多 100 分，各有上限；每个考核项目的得分和扣分都逐条列出。\n\n"
        "台账有问题时，一次列出全部问题，每行一个，写明工作表和单元格，不计分，以状态 2 退出。"
        "各命令用 -h 查看说明和示例，如 youthaction-scoring score -h。"
        "语言由各命令的 --lang（zh 或 en）或环境变量 YOUTHACTION_LANG 决定。",
        "Scores pilot communities by the Guiyang Communist Youth League's Community Youth"
        " Action assessment rulebook (2021): 100 base points with fixed deductions and up to"
        " 100 bonus points under caps, every item's points and deductions itemised.\n\n"
        "A register with problems is not scored: every problem is listed at once, one a line"
        " with its sheet and cell, and the exit status is 2. Every command shows its own help"
        " and examples with -h, e.g. youthaction-scoring score -h. The language comes from a"
        " command's --lang (zh or en) or from $YOUTHACTION_LANG.",
    )
    EXAMPLE_LANG = ("用英文显示得分表", "Show the scores in English")


MAIN: Final = CommandDoc(
    MainHelp.SUMMARY,
    MainHelp.ABOUT,
    (
        Example(ScoreHelp.EXAMPLE, f"{_Y} score 台账.xlsx"),
        Example(TemplateHelp.EXAMPLE, f"{_Y} template 空白台账.xlsx --period 2021-11:2022-04"),
        Example(MainHelp.EXAMPLE_LANG, f"{_Y} score 台账.xlsx --lang en"),
    ),
)


COMMANDS: Final = {
    "check": CHECK,
    "convert": CONVERT,
    "districts": DISTRICTS,
    "explain": EXPLAIN,
    "plan": PLAN,
    "progress": PROGRESS,
    "rank": RANK,
    "rectify": RECTIFY,
    "report": REPORT,
    "schema": SCHEMA,
    "score": SCORE,
    "serve": SERVE,
    "template": TEMPLATE,
}
"""The help of every command, by its name (the program's own is :data:`MAIN`)."""

CATALOGUES: Final = (
    MainHelp,
    CheckHelp,
    ConvertHelp,
    DistrictsHelp,
    ExplainHelp,
    PlanHelp,
    ProgressHelp,
    RankHelp,
    RectifyHelp,
    ReportHelp,
    SchemaHelp,
    ServeHelp,
    ScoreHelp,
    TemplateHelp,
)
"""Every command's catalogue (the tests check each text of each)."""
