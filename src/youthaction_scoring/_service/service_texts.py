"""The texts of the scoring service's own answers, in Chinese and English: one catalogue.

What the library refuses carries its own message (a problem of the input,
with its place); these are the service's: the titles of its problem types,
and what it says of parameters, media types, sizes, tokens and time.
"""

from __future__ import annotations

from .._domain.messages import Text


class ServiceText(Text):
    """Titles and details of the service's problem responses."""

    BAD_PARAMETER = ("请求参数有误", "bad request parameters")
    UNAUTHORIZED = ("需要有效的访问令牌", "a valid bearer token is required")
    NOT_FOUND = ("没有这个地址", "no such resource")
    METHOD = ("此地址不接受该请求方法", "method not allowed on this resource")
    TOO_LARGE = ("请求内容过大", "request body too large")
    MEDIA_TYPE = ("不支持的内容类型", "unsupported media type")
    INVALID = ("文件内容有误", "invalid document")
    BUSY = ("服务繁忙，请稍后再试", "too many requests at once; try again shortly")
    TIMED_OUT = ("处理超时", "the request took too long")
    INTERNAL = ("服务内部错误", "internal error")
    ANSWER_TOO_LARGE = ("回答过大", "answer too large")
    NOT_IMPLEMENTED = ("服务未安装所需组件", "not installed")

    TOO_LARGE_DETAIL = (
        "请求内容超过 {0} 字节的上限",
        "the request body is larger than the limit of {0} bytes",
    )
    MEDIA_TYPE_DETAIL = (
        "内容类型“{0}”不受支持；可用：{1}",
        "media type {0!r} is not supported; use one of: {1}",
    )
    NO_MEDIA_TYPE = ("请求没有说明内容类型（Content-Type）", "the request has no Content-Type")
    NO_FILE = (
        "表单中没有登记表文件：请以字段 file 上传 .xlsx 文件",
        "the form holds no register: upload the .xlsx file as the field 'file'",
    )
    BAD_FORM = ("表单无法解析：{0}", "the form cannot be read: {0}")
    NO_PART = (
        "表单中没有“{0}”部分：请上传该文件（JSON、JSON Lines 或 .xlsx）",
        "the form has no part {0!r}: upload that file (JSON, JSON Lines or .xlsx)",
    )
    EMPTY_BODY = ("请求内容为空", "the request body is empty")
    INVALID_DETAIL = ("发现 {0} 处问题，详见 problems", "{0} problem(s) found; see problems")
    UNAUTHORIZED_DETAIL = (
        "请在 Authorization 头中提供 Bearer 令牌",
        "send a bearer token in the Authorization header",
    )
    BUSY_DETAIL = (
        "同时处理的请求已达上限 {0} 个",
        "already answering as many requests as it may at once ({0})",
    )
    NO_EXCEL = (
        "本服务未安装读取台账所需的 excel 组件；"
        "请提交 JSON，或请管理员安装 youthaction-scoring[excel]",
        "this service cannot read registers (the excel extra is not installed); send JSON, or"
        " ask its administrator to install youthaction-scoring[excel]",
    )
    ANSWER_TOO_LARGE_DETAIL = (
        "回答将超过本服务 {0} MiB 的上限，已停止计算；请分批提交（更少的社区、更短的考核期）",
        "the answer would exceed this service's limit of {0} MiB: the work stopped; send"
        " less at a time (fewer communities, a shorter period)",
    )
    NO_REPORT = (
        "本服务未安装生成报告所需的 report 组件；"
        '请管理员安装 youthaction-scoring[report]（pip install "youthaction-scoring[report]"）',
        "this service cannot write reports (the report extra is not installed); ask its"
        ' administrator to install it: pip install "youthaction-scoring[report]"',
    )
    TIMED_OUT_DETAIL = ("请求超过了 {0} 秒的处理时限", "the request ran past the limit of {0} s")
    INTERNAL_DETAIL = (
        "服务出错，未能作答；错误已记入服务日志",
        "the service failed to answer; the error is in the service's log",
    )
    NOT_FOUND_DETAIL = ("没有地址 {0}；见 /openapi.json", "no resource {0}; see /openapi.json")
    METHOD_DETAIL = ("{0} 只接受 {1}", "{0} accepts only {1}")

    REFUSED = ("请求被拒绝：{0}", "request refused: {0}")
    UNKNOWN_PARAMETER = ("未知参数“{0}”；可用：{1}", "unknown parameter {0!r}; known: {1}")
    REPEATED_PARAMETER = ("参数“{0}”给了不止一次", "parameter {0!r} is given more than once")
    MISSING_PARAMETER = ("缺少参数“{0}”", "parameter {0!r} is required")

    NO_TOKENS = ("令牌文件中没有令牌（每行一个）", "the token file holds no token (one a line)")
    TOKEN_NOT_UTF8 = (
        "令牌文件不是 UTF-8 文本：请以 UTF-8 编码保存",
        "the token file is not UTF-8 text: save it as UTF-8",
    )
    TOKEN_SHORT = (
        "令牌只有 {0} 个字符，至少要 {1} 个：请换用长的随机令牌"
        '（python -c "import secrets; print(secrets.token_urlsafe(32))"）',
        "the token has {0} characters, at least {1} are needed: use a long random token"
        ' (python -c "import secrets; print(secrets.token_urlsafe(32))")',
    )
    TOKEN_INVISIBLE = (
        "令牌中有空白或不可见字符：一行只写一个令牌，注释行以 # 开头",
        "the token holds white space or an invisible character: one token a line,"
        " comments start with #",
    )
