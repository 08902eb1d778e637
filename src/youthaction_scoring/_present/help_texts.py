"""The help of the command line, in Chinese and English: its frame and every option's text.

One catalogue holds every text ``--help`` shows: this module the headings,
the options and the arguments; :mod:`.command_help` each command's summary,
description and examples. The texts are written for league staff: staff
words (考核期, 台账, 截至月份, 区县, 滞后), and a rule's number only as a
reference at the end, in parentheses ("（规则 R2）", "(rule R2)").
"""

from __future__ import annotations

import attrs

from .._domain.messages import Text


class HelpWord(Text):
    """The frame of every help page: headings and the words around the texts."""

    USAGE = ("用法：", "Usage: ")
    OPTIONS = ("选项：", "Options:")
    ARGUMENTS = ("参数：", "Arguments:")
    COMMANDS = ("命令：", "Commands:")
    EXAMPLES = ("示例：", "Examples:")
    CAPTION = ("{0}：", "{0}:")
    DEFAULT = ("[默认：{0}]", "[default: {0}]")
    REQUIRED = ("[必填]", "[required]")
    OPTIONS_METAVAR = ("[选项]", "[OPTIONS]")
    COMMAND_METAVAR = ("命令 [参数]...", "COMMAND [ARGS]...")
    HELP = ("显示此帮助并退出。", "Show this help and exit.")
    VERSION = ("显示版本并退出。", "Show the version and exit.")


class OptionHelp(Text):
    """What each option and argument does."""

    INPUT = (
        "要读取的考核数据：台账（.xlsx）、.json 或 .jsonl 文件；- 表示从标准输入读取。",
        "The assessment to read: a register (.xlsx), a .json or a .jsonl file;"
        " - reads standard input.",
    )
    INPUT_FORMAT = (
        "输入为 -（标准输入）且从开头的内容看不出格式时，用它指明格式。",
        "The format of the input when it is - (standard input) and its first bytes do not show it.",
    )
    AS_OF = (
        "截至月份：按截至该月的情况计分。之后的月份尚未到期、不算缺，"
        "日期在该月之后的记录暂不计分。不能早于考核期的第一个月（规则 R2）。",
        "Score as of this month: later months are not yet owed and records dated after it"
        " do not count yet. It may not be before the first month of the period (rule R2).",
    )
    SERVE_RULEBOOK = (
        "登记一个规则版本文件（.toml），请求可用 ?rulebook=名称 选用它；可重复。"
        "启动时读取并检查，有问题则列出全部问题、不启动。",
        "Register an edition's file (.toml) that requests may choose with ?rulebook=NAME;"
        " repeatable. Each is read and checked at start-up: any problem stops the service"
        " with every problem listed.",
    )
    RULEBOOK = (
        "按此规则版本评分：内置或已登记版本的名称（如 guiyang-2021），或版本文件（.toml）。"
        "不给时，用考核期第一天施行的版本。每个输出都注明所用版本及其哈希。",
        "Score with this edition of the rules: the name of a bundled or registered edition"
        " (guiyang-2021) or an edition's file (.toml). Without it, the edition in force on"
        " the first day of the period. Every output names the edition used and its hash.",
    )
    OUTPUT = (
        "写入此文件，而不是显示在屏幕上；- 表示标准输出。文件要么完整写出，要么不写，"
        "输入文件不会被覆盖，已有的工作簿不加 --force 也不会被覆盖。"
        "扩展名须与格式一致（.json、.jsonl、.csv、.xlsx）。",
        "Write to this file instead of the screen; - is standard output. The file is"
        " written whole or not at all, never over an input file, and never over an"
        " existing workbook without --force. Its ending must agree with the format"
        " (.json, .jsonl, .csv, .xlsx).",
    )
    FORCE = (
        "覆盖已有的工作簿。不加此选项时，已有的工作簿（例如填好的台账，不论文件名是什么）"
        "决不会被覆盖，写出的工作簿也不会覆盖任何已有文件。",
        "Replace an existing workbook. Without it, an existing workbook (a filled-in"
        " register, say, whatever its name) is never overwritten, and a workbook written"
        " replaces no existing file.",
    )
    LANG = (
        "输出和提示信息的语言：zh 中文，en 英文。不加此选项时，取环境变量 YOUTHACTION_LANG，"
        "其次取系统的区域设置（以 en 开头为英文），否则为中文。",
        "The language of the output and of the messages: zh Chinese, en English. Without it:"
        " $YOUTHACTION_LANG, else the locale (one starting with en gives English), else zh.",
    )
    BILINGUAL = (
        "CSV 表头同时写中文和英文（如“排名 rank”），而不只用 --lang 的语言。",
        "CSV headers in Chinese and English (排名 rank) instead of the --lang language only.",
    )
    BEHIND_SHARE = (
        "把总分排在最后 SHARE 比例的社区列为滞后，同分的一并列入；默认 0.25，即最后四分之一。"
        "可写 0.2 或 20%（规则 R19）。",
        "Flag as behind the bottom SHARE of the communities by total, ties included; by"
        " default 0.25, the bottom quarter. Write 0.2 or 20%, say (rule R19).",
    )
    BEHIND_BELOW = (
        "改为把总分低于 TOTAL 的社区都列为滞后，如 120。"
        "不能与 --behind-share 同时使用（规则 R19）。",
        "Flag as behind every community whose total is below TOTAL instead, 120 say. Not"
        " together with --behind-share (rule R19).",
    )
    JOBS = (
        "用几个进程计分（.jsonl 和 .json 输入，输出 jsonl 或 json 时）：auto 表示文件大于 8 MiB"
        "且至少有 4 个 CPU 核心时用全部核心（最多 8 个），否则 1 个；结果与 1 个进程时逐字节相同。",
        "How many processes score (a .jsonl or .json INPUT written as jsonl or json): auto uses"
        " every core (at most 8) for a file over 8 MiB on four cores or more, else one; the"
        " output is byte for byte what one process writes.",
    )
    SCORE_FORMAT = (
        "输出什么：table 屏幕上的得分表；json 得分文档；jsonl 每行一个社区的得分，"
        ".jsonl 输入逐行计分、社区再多也不多占内存，有问题的行逐一报告，"
        "得分只写到第一个有问题的行之前；xlsx 含汇总表和明细表的得分工作簿（需要 -o）；"
        "csv 带排名的汇总表；csv-detail 每个考核项目一行的明细表。"
        "CSV 为带 BOM 的 UTF-8，Excel 可直接打开；像公式的文字不会被当作公式执行。"
        "不加时按 -o 文件的扩展名选择（如 .csv），否则为 table。",
        "What to write: table, a table of scores on the screen; json, the scorecards"
        " document; jsonl, one scorecard a line, scored line by line from a .jsonl INPUT with"
        " constant memory (every bad line is reported, and scorecards stop at the first one);"
        " xlsx, a workbook with summary and detail sheets (needs -o); csv, the summary with"
        " ranks; csv-detail, one row per item. CSV is UTF-8 with a BOM, which Excel opens"
        " directly; text that looks like a formula is never run as one."
        " Without it: the format -o's file ending names (.csv, say), else table.",
    )
    DISTRICTS_FORMAT = (
        "输出什么：table 屏幕上的表格；json 汇总文档；csv 每个区县一行。"
        "不加时按 -o 文件的扩展名选择（如 .csv），否则为 table。",
        "What to write: table, a table on the screen; json, the roll-up document;"
        " csv, one row per district."
        " Without it: the format -o's file ending names (.csv, say), else table.",
    )
    RANK_FORMAT = (
        "输出什么：table 屏幕上的表格；json 排名文档；csv 每个社区一行。"
        "不加时按 -o 文件的扩展名选择（如 .csv），否则为 table。",
        "What to write: table, a table on the screen; json, the ranking document;"
        " csv, one row per community."
        " Without it: the format -o's file ending names (.csv, say), else table.",
    )
    RANK_BY = (
        "district：在各区县内分别排名，而不是全部社区一起排名。",
        "district: rank within each district instead of all communities together.",
    )
    EXPLAIN_COMMUNITY = (
        "要说明的社区：社区编号（台账“社区”表中的“社区编号”，如 nm-01）或社区名称。",
        "The community to explain: its id (its 社区编号 on the register, e.g. nm-01) or its name.",
    )
    EXPLAIN_FORMAT = (
        "输出什么：table 逐项表格加文字说明；text 只输出文字说明。"
        "不加时按 -o 文件的扩展名选择（如 .csv），否则为 table。",
        "What to write: table, an item-by-item table, then the statement; text, the"
        " statement only."
        " Without it: the format -o's file ending names (.csv, say), else table.",
    )
    PLAN_COMMUNITY = (
        "只为这个社区（社区编号如 nm-01，或社区名称）列提升计划；不加时列出全部社区。",
        "Plan only this community (its id, e.g. nm-01, or its name); without it, every community.",
    )
    PLAN_FORMAT = (
        "输出什么：table 屏幕上的表格；json 计划文档。"
        "不加时按 -o 文件的扩展名选择（如 .csv），否则为 table。",
        "What to write: table, tables on the screen; json, the plans document."
        " Without it: the format -o's file ending names (.csv, say), else table.",
    )
    PROGRESS_FORMAT = (
        "输出什么：table 屏幕上的表格；json 每月一条的文档。"
        "不加时按 -o 文件的扩展名选择（如 .csv），否则为 table。",
        "What to write: table, tables on the screen; json, a document with one entry a month."
        " Without it: the format -o's file ending names (.csv, say), else table.",
    )
    REPORT_OUTPUT = (
        "要写的 HTML 文件；- 表示标准输出。文件要么完整写出，要么不写。",
        "The HTML file to write; - is standard output. The file is written whole or not at all.",
    )
    REPORT_DETAIL_LIMIT = (
        "社区不超过 N 个时，报告逐个社区列出全部明细；超过 N 个时改为精简版：图表按总分分布、"
        "区县和月份汇总，各社区的得分明细、扣分和提升计划在点击其名称时显示，"
        "几万个社区的报告也能在浏览器中很快打开。0 表示总是精简版。",
        "Up to N communities, the report shows every community's details in full; above N,"
        " the compact form: charts summed up by total, district and month, and each"
        " community's items, deductions and plan shown when its name is clicked, so that a"
        " report of tens of thousands of communities still opens quickly. 0: always compact.",
    )
    SERVE_HOST = (
        "监听的地址；默认只接受本机连接。0.0.0.0 表示所有网络接口（请配合令牌和反向代理）。",
        "The address to listen on; by default only this machine can connect. 0.0.0.0 is every"
        " interface (use tokens and a reverse proxy).",
    )
    SERVE_PORT = ("监听的端口。", "The port to listen on.")
    SERVE_WORKERS = (
        "工作进程数；多核机器上可同时处理更多请求。",
        "Worker processes; on several cores more requests are answered at once.",
    )
    SERVE_TOKEN_FILE = (
        "令牌文件（UTF-8），每行一个令牌，至少 16 个字符，不含空白（# 开头的行是注释）。"
        "给出后，/v1 下的每个请求都须带 Authorization: Bearer 令牌。",
        "A file of tokens (UTF-8), one a line, each at least 16 characters with no blanks"
        " (lines starting with # are comments). With it, every request under /v1 needs"
        " Authorization: Bearer TOKEN.",
    )
    SERVE_MAX_CONNECTIONS = (
        "每个工作进程最多同时保持的连接数（含尚未发完请求的连接）；超过时答 503，"
        "进程不会耗尽文件描述符。",
        "Connections open at once per worker process, half-sent requests included; beyond,"
        " 503, so the process never runs out of file descriptors.",
    )
    SERVE_MAX_BODY = (
        "请求内容的上限（MiB），超过时答 413。",
        "The largest request body in MiB (413).",
    )
    SERVE_MAX_OUTPUT = (
        "每个回答的上限（MiB），超过时停止计算，答 422（answer-too-large）。",
        "The largest answer in MiB: beyond, the work stops and the answer is 422"
        " (answer-too-large).",
    )
    MAX_OUTPUT = (
        "输出的上限（MiB）：输出将超过它时停止，不留下任何部分输出文件（状态 2）。"
        "progress 的输出随月数乘社区数增长，几 MiB 的输入就可能要写出几 GB。",
        "The most output this run writes, in MiB: past it the run stops, leaves no part of"
        " a file behind and ends with status 2. progress writes months times communities: a few"
        " MiB of input can ask for gigabytes.",
    )
    SERVE_TIMEOUT = (
        "每个请求最多处理的秒数，超过时答 503。",
        "Seconds a request may take (503 beyond).",
    )
    SERVE_MAX_CONCURRENT = (
        "每个进程同时处理的请求数上限，超过时答 503。",
        "Requests each process answers at once (503 beyond).",
    )
    SERVE_CORS = (
        "允许从这个网页来源（如 https://tw.example.cn）在浏览器中调用；可重复给出。默认不允许跨源调用。",
        "Let browsers call from this origin (e.g. https://tw.example.cn); repeat for more."
        " Cross-origin calls are refused by default.",
    )
    SCHEMA_DOCUMENT = (
        "哪种文档：assessment 输入的考核数据；scorecards 用 score --format json 输出的得分文档。",
        "Which document: assessment, the input; scorecards, what score --format json writes.",
    )
    TEMPLATE_OUT = (
        "要写的空白台账，文件名须以 .xlsx 结尾。",
        "The blank register to write; its name must end in .xlsx.",
    )
    TEMPLATE_PERIOD = (
        "在台账中填好考核期：开始月份:结束月份，如 2021-11:2022-04；不加时留空。",
        "Fill in the assessment period, first month:last month, e.g. 2021-11:2022-04;"
        " blank without it.",
    )
    CONVERT_IN = (
        "要转换的考核数据：.xlsx（台账）、.json 或 .jsonl；- 表示从标准输入读取。",
        "The assessment to convert: .xlsx (a register), .json or .jsonl; - reads standard input.",
    )
    CONVERT_OUT = (
        "要写的文件，格式由扩展名决定：.xlsx、.json 或 .jsonl。",
        "The file to write, in the format its ending names: .xlsx, .json or .jsonl.",
    )


@attrs.frozen
class Example:
    """One example of a command: what it does, and the command line that does it.

    Args:
        caption: What the example does, in both languages.
        line: The command line, starting with ``youthaction-scoring``; it
            reads ``台账.xlsx`` or ``台账.json`` and runs as it stands.
    """

    caption: Text
    line: str


@attrs.frozen
class CommandDoc:
    """The help of one command (or of the program).

    Args:
        summary: One line for the program's list of commands.
        description: What the command does; paragraphs are separated by a blank line.
        examples: At least one example.
    """

    summary: Text
    description: Text
    examples: tuple[Example, ...]
