"""The texts of the command line's own errors, in Chinese and English: one catalogue.

What the library refuses carries its own message (a problem of the input);
these are the command line's: files, standard input and output, options, and
click's parsing errors, translated by their kind (:mod:`.usage`).
"""

from __future__ import annotations

import errno
from typing import Final

from .._domain.messages import Message, Text


class CliText(Text):
    """Errors of the command line."""

    CANNOT_READ = ("无法读取：{0}", "cannot read: {0}")
    CANNOT_WRITE = ("无法写入 {0}：{1}", "cannot write {0}: {1}")
    CANNOT_WRITE_HERE = ("无法写入：{0}", "cannot write: {0}")
    NO_FOLDER = ("无法写入 {0}：文件夹“{1}”不存在", "cannot write {0}: folder {1!r} does not exist")
    FOLDER_READ_ONLY = (
        "无法写入 {0}：文件夹“{1}”不可写",
        "cannot write {0}: folder {1!r} is not writable",
    )
    STDOUT = ("无法写入标准输出：{0}", "cannot write to standard output: {0}")
    STDIN_TERMINAL = (
        "标准输入是终端：请用管道传入文件，或在 - 的位置写文件名",
        "standard input is a terminal: pipe a file in, or name it instead of -",
    )
    STDIN_TOO_BIG = (
        "标准输入超过 {0} MiB；请改为写文件名",
        "standard input holds more than {0} MiB; name a file instead",
    )
    STDIN_FORMAT = (
        "无法判断标准输入的格式：请加 --input-format",
        "cannot tell the format of standard input: give --input-format",
    )
    NEEDS_EXTRA = (
        '此功能需要安装“{0}”扩展：py -m pip install "youthaction-scoring[{0}]"'
        "（macOS、Linux 上用 python3 代替 py）",
        "this needs the '{0}' extra: pip install 'youthaction-scoring[{0}]'",
    )
    WORKBOOK_TO_STDOUT = (
        "工作簿不能输出到标准输出：请加 -o 输出文件.xlsx",
        "a workbook cannot go to standard output: add -o OUT.xlsx",
    )
    IN_INPUT = ("{1}：{0}", "{1}: {0}")
    ENDING_NOT_WRITTEN = (
        "扩展名 {0} 表示的格式这个命令写不出（它写：{1}）：请换个扩展名",
        "the ending {0} stands for a format this command does not write (it writes: {1}):"
        " use another ending",
    )
    ENDING_MISMATCH = (
        "--format {0} 写出的不是 {1} 的扩展名 {2} 所表示的格式，"
        "Excel 和本程序都打不开：请让两者一致",
        "--format {0} does not write what the ending {2} of {1} stands for, so neither"
        " Excel nor this program could open it: make them agree",
    )
    TEMPLATE_WRITTEN = (
        "已写入空白台账 {0}：请按“说明”表填写",
        "wrote the blank register {0}: fill it in as its 说明 (instructions) sheet says",
    )
    TEMPLATE_ENDING = (
        "模板是工作簿：文件名必须以 .xlsx 结尾",
        "the template is a workbook: the file name must end in .xlsx",
    )
    NOT_JOBS = (
        "“{0}”不是进程数：应为 auto 或不小于1的整数",
        "{0!r} is not a number of processes: auto or 1 or more",
    )
    NOT_MIB = (
        "“{0}”不是 MiB 数：应为1到{1}之间的整数",
        "{0!r} is not a number of MiB: a whole number from 1 to {1}",
    )
    JOBS_CAPPED = (
        "本机可用的 CPU 核心只有{0}个：用{0}个进程计分，而不是{1}个",
        "this machine gives {0} cores: scoring with {0} processes, not {1}",
    )
    ENV_LANG = ("{0} 必须是 zh 或 en，实为“{1}”", "{0} must be zh or en, got {1!r}")
    WARNING = ("警告：{0}", "warning: {0}")
    ABORTED = ("已中止。", "Aborted.")


class OsText(Text):
    """What the operating system said, for the errors it reports most."""

    NOT_FOUND = ("文件或文件夹不存在", "No such file or directory")
    DENIED = ("没有权限", "Permission denied")
    IS_FOLDER = ("这是一个文件夹", "Is a directory")
    NOT_FOLDER = ("路径中有一部分不是文件夹", "Not a directory")
    NO_SPACE = ("磁盘空间不足", "No space left on device")
    READ_ONLY = ("文件系统只读", "Read-only file system")
    TOO_LONG = ("文件名太长", "File name too long")
    OTHER = ("{0}", "{0}")


_OS: Final = {
    errno.ENOENT: OsText.NOT_FOUND,
    errno.EACCES: OsText.DENIED,
    errno.EPERM: OsText.DENIED,
    errno.EISDIR: OsText.IS_FOLDER,
    errno.ENOTDIR: OsText.NOT_FOLDER,
    errno.ENOSPC: OsText.NO_SPACE,
    errno.EROFS: OsText.READ_ONLY,
    errno.ENAMETOOLONG: OsText.TOO_LONG,
}

_EXTRAS: Final = {
    "openpyxl": "excel",
    "defusedxml": "excel",
    "jinja2": "report",
    "pandas": "pandas",
    "markupsafe": "report",
    "uvicorn": "service",
    "starlette": "service",
    "anyio": "service",
    "multipart": "service",
    "python_multipart": "service",
}


def os_reason(exc: OSError) -> Message:
    """What went wrong, as the operating system says it (in Chinese for the usual errors)."""
    text = _OS.get(exc.errno or -1)
    return text() if text is not None else OsText.OTHER(exc.strerror or str(exc))


def missing_extra(exc: ImportError) -> Message:
    """The extra to install for a module that is missing (``excel`` unless known otherwise)."""
    module = (exc.name or "openpyxl").split(".")[0]
    return CliText.NEEDS_EXTRA(_EXTRAS.get(module, "excel"))
