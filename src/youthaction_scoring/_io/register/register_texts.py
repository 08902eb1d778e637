"""The texts of the register reader (台账), in Chinese and English: one catalogue.

Places are cells (``社区!L2``); columns are named by their Chinese header and
their code (``专职人数 cadres.full_time``), as the staff see them in Excel.
"""

from __future__ import annotations

from ..._domain.messages import Text


class RegisterText(Text):
    """Problems with a register workbook, its sheets, columns and cells."""

    AS_TEXT = (
        "{0}（请把该列设置为“文本”格式，Excel 才会原样保留输入的内容）",
        "{0} (format the column as text so that Excel keeps what you type)",
    )
    BOOL = (
        "必须是“是”或“否”（或 TRUE、FALSE），实为{0}",
        "must be 是 or 否 (or TRUE or FALSE), got {0}",
    )
    TIME_OF_DAY = (
        "必须是不带时间的日期，实为 {0}",
        "must be a date without a time of day, got {0}",
    )
    DATE = (
        "必须是日期，实为{0}；可以是日期单元格，或写作 2021-12-18、2021/12/18、2021.12.18、"
        "2021年12月18日 的文本（月、日可写一位，数字和分隔符可用全角）",
        "must be a date, got {0}; use a date cell, or text written 2021-12-18, 2021/12/18,"
        " 2021.12.18 or 2021年12月18日 (month and day may have one digit; digits and"
        " separators may be full width)",
    )
    COUNT = (
        "必须是整数，实为{0}；可填 3 或全角 ３（首尾空格不计），空白按0计",
        "must be a whole number, got {0}; write it as 3 or full-width ３ (spaces around"
        " it are ignored); blank counts as 0",
    )
    NOTED_COUNT = (
        "{0} 个文本单元格按整数读取（{1} {2}），如“{3}”读作 {4}",
        "{0} text cell(s) read as whole numbers ({1} {2}), e.g. {3!r} as {4}",
    )
    NOTED_DATE = (
        "{0} 个文本单元格按日期读取（{1} {2}），如“{3}”读作 {4}",
        "{0} text cell(s) read as dates ({1} {2}), e.g. {3!r} as {4}",
    )
    MALFORMED = (
        "数字单元格中存有无法读取的值“{0}”（{1} {2}）；请重新输入该单元格",
        "the number cell holds {0!r}, which is not a number ({1} {2}); type the cell again",
    )
    CHOICE = ("必须是以下之一：{0}，实为{1}", "must be one of {0}, got {1}")
    UNKNOWN_VALUE = ("未知的值“{0}”；应为以下之一：{1}", "unknown value {0!r}; expected one of {1}")
    SUMMARY_NUMBER = ("必须是综述编号，实为{0}", "must be a summary number, got {0}")
    ROW_UNREADABLE = (
        "第{0}行无法读取（{1}）；其后各行均未读取",
        "row {0} cannot be read ({1}); the rows after it were not read",
    )
    TOO_MANY_ROWS = (
        "工作表的行数超过了电子表格的上限",
        "the sheet has more rows than a spreadsheet holds",
    )
    TOO_MANY_COLUMNS = (
        "工作表的列数超过了电子表格的上限",
        "the sheet has more columns than a spreadsheet holds",
    )
    UNKNOWN_COLUMN = (
        "未知的列“{0}”：台账只保留模板中的列（其他内容无法转换为 JSON，也不计分）；请删除该列"
        "（备注可另存到别的文件），或把表头改为以下之一：{1}",
        "unknown column {0!r}: a register keeps only the template's columns (nothing else"
        " converts to JSON or is scored); delete it (keep notes in another file) or give it"
        " one of these headers: {1}",
    )
    COLUMN_REPEATS = ("列 {0}（{1}）与 {2} 重复", "column {0} ({1}) repeats {2}")
    MISSING_COLUMN = ("缺少列 {0}（{1}）", "missing column {0} ({1})")
    NO_HEADER = ("该列没有表头，却填有内容", "value in a column without a header")
    FORMULA = (
        "不接受公式；请直接填写数值本身",
        "formulas are not accepted; enter the value itself",
    )
    ERROR_VALUE = ("单元格中是错误值 {0}", "the cell holds an error value {0!r}")
    REQUIRED = ("必填单元格为空（{0} {1}）", "required cell is empty ({0} {1})")
    UNKNOWN_SHEET = ("未知的工作表“{0}”；应为：{1}", "unknown sheet {0!r}; expected: {1}")
    HIDDEN = (
        "该工作表被隐藏：请取消隐藏，以便看到计分所依据的内容",
        "the sheet is hidden: unhide it, so that what is scored can be seen",
    )
    MALFORMED_HEADER = (
        "表头单元格中存有无法读取的数字“{0}”",
        "the header cell holds {0!r}, which is not a number",
    )
    SHEET_MISSING = (
        "缺少工作表 {0}（{1}）：请从模板中恢复该工作表；没有记录时保留一张空表即可",
        "sheet {0} ({1}) is missing: restore it from the template; an empty sheet means no records",
    )
    PERIOD_MISSING = ("缺少考核期：请填写第2行", "the period is missing: fill in row 2")
    ONE_ROW = ("本工作表只允许一行（第2行）", "only one row (row 2) is allowed on this sheet")
    ROW_TWO = ("考核期应填在第2行", "the period belongs in row 2")
    REQUIRED_WHEN = ("当“{0}”为“是”时必填（{1}）", "required when {0} is 是 ({1})")
    EMPTY_WHEN = (
        "当“{0}”为“否”或空时必须留空（{1}）",
        "must be empty when {0} is 否 or empty ({1})",
    )
    NO_COMMUNITY = (
        "工作表“{1}”中没有编号为“{0}”的社区；请在“{1}”表中补上该社区的一行，或改正编号",
        "no community with id {0!r} on sheet {1}; add its row to {1} or correct the id",
    )
    NO_COMMUNITY_AT = (
        "工作表“{1}”中没有编号为“{0}”的社区，却有 {2} 处引用它（{3}）；请在“{1}”表中补上该社区的"
        "一行，或改正这些编号",
        "no community with id {0!r} on sheet {1}, yet {2} cells name it ({3}); add its row"
        " to {1} or correct these ids",
    )
    FOR_COMMUNITY = ("{0}（在本社区内）", "{0} for this community")
    DUPLICATE_SUMMARY = (
        "本社区的综述编号 {0} 重复（首次出现在 {1}）",
        "duplicate summary number {0} for this community (first at {1})",
    )
    EMPTY_FOR = ("{0}（{1}）时必须留空", "must be empty for {0} ({1})")
    REQUIRED_FOR = ("{0}（{1}）时必填", "required for {0} ({1})")
    NO_SUMMARY = (
        "工作表“{1}”中本社区没有编号为 {0} 的综述",
        "no summary number {0} for this community on sheet {1}",
    )
    FOR_DISTRICT = ("{0}（在本区县内，首次出现在 {1}）", "{0} for this district (first at {1})")
    ONLY_ROW = (
        "区县“{0}”已列在 {1}；{2}（{3}）为空的区县只能有这一行，有类别的区县每个类别一行",
        "district {0!r} is already listed at {1}; a district with {2} ({3}) empty has that"
        " one row only, a district with categories one row per category",
    )
    NO_MEMBER = (
        "没有社区属于区县“{0}”：工作表“{3}”的 {1}（{2}）列中没有这个区县",
        "no community is in district {0!r}: no {1} ({2}) on sheet {3} names it",
    )
    CARRIES = (
        "社区“{0}”（{1}）属于区县“{2}”，该区县已在 {3} 记录，该记录为其所有社区给出第1.1条；"
        "请删除这一行",
        "community {0!r} ({1}) is in district {2!r}, recorded at {3}, which gives clause 1.1"
        " for all its communities; remove this row",
    )
    CELL_TOO_LONG = (
        "{0}个字符的文本放不进一个电子表格单元格（最多{1}个）",
        "text of {0} characters does not fit a spreadsheet cell ({1})",
    )
    UNREADABLE = ("不是可读的 .xlsx 工作簿（{0}）", "not a readable .xlsx workbook ({0})")
    TOO_BIG = (
        "拒绝读取：工作簿解压后为 {0} MiB、{1} 个部件；最多读取 {2} MiB、{3} 个部件",
        "refused: the workbook unpacks to {0} MiB in {1} parts; at most {2} MiB in {3} are read",
    )
    UNSAFE = (
        "拒绝读取：XML 不安全或已损坏（{0}：{1}）",
        "refused: unsafe or broken XML ({0}: {1})",
    )
    SHEET_UNREADABLE = ("工作表无法读取（{0}）", "the sheet cannot be read ({0})")
    TOO_WIDE = (
        "工作表的单元格延伸到 {0} 行 × {1} 列，超过了一个台账工作表可占的 {2} 个单元格；"
        "请删除登记范围以外的内容",
        "the sheet's cells reach {0} rows by {1} columns, more than the {2} cells a register"
        " sheet may span; delete what lies outside the register's rows and columns",
    )
    TABLE_TOO_BIG = (
        "拒绝读取：部件 {0} 解压后为 {1} 字节，超过任何台账所需（最多 {2} 字节）",
        "refused: the part {0} unpacks to {1} bytes, more than any register needs (at most {2})",
    )
    MERGED_TOO_MANY = (
        "工作表的合并单元格共覆盖 {0} 个单元格，超过了一个台账工作表可占的 {1} 个",
        "the sheet's merged ranges cover {0} cells, more than the {1} a register sheet may span",
    )
