"""The texts of reading the interchange format, in Chinese and English: one catalogue.

Every reader (the converter, the fast reader, the JSON Lines reader, the
register reader) refuses a value with these words, so a value is described
alike wherever it comes from and in either language.
"""

from __future__ import annotations

from typing import Final

import attrs

from .._domain.codes import Lang
from .._domain.messages import Text


class ReadText(Text):
    """Problems with the structure and the values of an input document."""

    BOOL = ("必须是 true 或 false，实为{0}", "must be true or false, got {0}")
    DATE = (
        "必须是“年-月-日”格式（YYYY-MM-DD）的日期，实为{0}",
        "must be a date written YYYY-MM-DD, got {0}",
    )
    NO_SUCH_DATE = ("“{0}”不是一个真实的日期", "{0!r} is not a real date")
    CODE = ("必须是代码（{0}），实为{1}", "must be a code ({0}), got {1}")
    UNKNOWN_CODE = ("未知代码“{0}”；应为以下之一：{1}", "unknown code {0!r}; expected one of {1}")
    OBJECT = ("必须是对象，实为{0}", "must be an object, got {0}")
    LIST = ("必须是列表，实为{0}", "must be a list, got {0}")
    MISSING = ("缺少必填字段", "required field missing")
    UNKNOWN_FIELD = ("未知字段", "unknown field")
    KEY_TWICE = ("同一个键出现了不止一次", "key appears more than once")
    NOT_UTF8 = ("不是 UTF-8 文本（第{0}个字节）", "not UTF-8 text (byte {0})")
    INVALID_JSON = ("不是有效的 JSON：{0}", "invalid JSON: {0}")
    NESTED = ("不是有效的 JSON：嵌套过深", "invalid JSON: nested too deeply")
    CONSTANT = ("JSON 中不允许 {0}", "{0} is not allowed in JSON")
    FORMAT = ("不支持的格式{0}；应为“{1}”", "unsupported format {0}; expected {1!r}")
    HEADER_MISSING = ("缺少标题行", "the header line is missing")
    HEADER_FIRST = (
        "缺少标题行：第一行必须是 {0}，而第1行不是",
        "the header line is missing: the first line must be {0}, and line 1 is not",
    )
    FILE_TYPE = (
        "不支持的文件类型“{0}”；应为以下之一：{1}",
        "unsupported file type {0!r}; expected one of {1}",
    )
    NO_ENDING = ("（无）", "(none)")


_JSON_REASONS: Final[dict[str, str]] = {
    "Expecting value": "此处应有一个值",
    "Expecting property name enclosed in double quotes": "此处应有用双引号括起的键名",
    "Expecting ':' delimiter": "此处应有冒号 :",
    "Expecting ',' delimiter": "此处应有逗号 ,",
    "Extra data": "值之后还有多余的内容",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "字符串中有未转义的控制字符",
    "Invalid \\escape": "无效的转义符 \\",
    "Invalid \\uXXXX escape": "无效的 \\uXXXX 转义",
    "Illegal trailing comma before end of object": "对象末尾多了逗号",
    "Illegal trailing comma before end of array": "列表末尾多了逗号",
}
"""The standard JSON parser's reasons (English) in Chinese; others are shown as they are."""


@attrs.frozen
class JsonReason:
    """A reason the JSON parser gave (English), with the Chinese for it when known."""

    zh: str
    en: str

    def text(self, lang: Lang) -> str:
        """The reason in *lang*."""
        return self.zh if lang == "zh" else self.en


def json_reason(reason: str) -> JsonReason:
    """The JSON parser's *reason* as a message (in Chinese when the reason is known).

    Args:
        reason: ``json.JSONDecodeError.msg``, e.g. ``"Expecting value"``.

    Returns:
        A message for :attr:`ReadText.INVALID_JSON`.
    """
    return JsonReason(_JSON_REASONS.get(reason, reason), reason)
