"""Errors in the command line itself (options, arguments), shown in the run's language.

click finds these while parsing, before ``--lang`` is read; its own texts
are English (and differ between click versions), so each error is
translated by its kind and its structured parts (the option's name, the
parameter, the choices), not by its words. Our own checks raise
:class:`BadValue` and :class:`StopUsage`, which carry their message in both
languages.
"""

from __future__ import annotations

import re
import sys

import click

from .._domain.codes import Lang
from .._domain.messages import Message, Text


class UsageText(Text):
    """The texts of errors in the command line."""

    USAGE_ERROR = ("错误：{0}", "Error: {0}")
    TRY_HELP = ("运行“{0} -h”查看帮助。", "Try '{0} -h' for help.")
    NO_SUCH_OPTION = ("没有选项 {0}", "no such option: {0}")
    DID_YOU_MEAN = ("{0}。您是不是要找：{1}", "{0}. Did you mean {1}?")
    MISSING_ARGUMENT = ("缺少参数 {0}", "missing argument {0}")
    MISSING_OPTION = ("缺少选项 {0}", "missing option {0}")
    BAD_VALUE = ("{0} 的值无效：{1}", "invalid value for {0}: {1}")
    ONE_OF = ("应为以下之一：{0}", "must be one of: {0}")
    RANGE = ("应为不小于 {0} 的整数", "must be a whole number of at least {0}")
    DIRECTORY = ("这是一个文件夹，不是文件", "is a folder, not a file")
    NEEDS_VALUE = ("选项 {0} 后面需要一个值", "option {0} requires a value")
    NO_VALUE = ("选项 {0} 不接受值", "option {0} does not take a value")
    EXTRA_ARGUMENTS = ("多余的参数：{0}", "unexpected extra arguments: {0}")
    NO_SUCH_COMMAND = (
        "没有命令“{0}”；可用的命令：{1}",
        "no such command {0!r}; the commands are: {1}",
    )
    OTHER = ("{0}", "{0}")


class BadValue(click.BadParameter):
    """An option's value refused by our own check, with its message in both languages."""

    def __init__(self, reason: Message) -> None:
        """Create the error."""
        super().__init__(reason.en)
        self.reason = reason


class StopUsage(click.UsageError):
    """A usage error of our own (options that do not go together), in both languages."""

    def __init__(self, reason: Message, ctx: click.Context | None = None) -> None:
        """Create the error (*ctx*: the command whose usage is shown with it)."""
        super().__init__(reason.en, ctx)
        self.reason = reason


def _hint(param: click.Parameter | None, fallback: str | None) -> str:
    if param is None:
        return fallback or "?"
    if isinstance(param, click.Argument):
        return param.metavar or (param.name or "?").upper()
    return " / ".join(param.opts)


def _type_reason(param: click.Parameter | None) -> Message | None:
    kind = getattr(param, "type", None)
    if isinstance(kind, click.Choice):
        return UsageText.ONE_OF(", ".join(str(c) for c in kind.choices))
    if isinstance(kind, click.IntRange) and kind.min is not None:
        return UsageText.RANGE(kind.min)
    if isinstance(kind, click.Path):
        return UsageText.DIRECTORY()
    return None


def usage_message(error: click.UsageError) -> Message:
    """What a usage error says, translated by its kind.

    Args:
        error: What click (or our own check) raised while parsing.

    Returns:
        The message, in both languages.
    """
    reason = getattr(error, "reason", None)
    if isinstance(error, BadValue) and reason is not None:
        return UsageText.BAD_VALUE(_hint(error.param, error.param_hint), reason)  # type: ignore[arg-type]
    if isinstance(reason, Message):
        return reason
    if isinstance(error, click.NoSuchOption):
        found = UsageText.NO_SUCH_OPTION(error.option_name)
        if error.possibilities:
            return UsageText.DID_YOU_MEAN(found, ", ".join(sorted(error.possibilities)))
        return found
    if isinstance(error, click.MissingParameter):
        text = UsageText.MISSING_ARGUMENT
        if isinstance(error.param, click.Option):
            text = UsageText.MISSING_OPTION
        return text(_hint(error.param, error.param_hint))  # type: ignore[arg-type]
    if isinstance(error, click.BadParameter):
        why = _type_reason(error.param)
        hint = _hint(error.param, error.param_hint)  # type: ignore[arg-type]
        return UsageText.BAD_VALUE(hint, why if why is not None else UsageText.OTHER(error.message))
    if isinstance(error, click.BadOptionUsage):
        if "requires" in error.message:
            return UsageText.NEEDS_VALUE(error.option_name)
        if "does not take" in error.message:
            return UsageText.NO_VALUE(error.option_name)
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)", error.message)
    if extra:
        return UsageText.EXTRA_ARGUMENTS(extra[1])
    return UsageText.OTHER(error.message)


def show_usage_error(error: click.UsageError, lang: Lang) -> None:
    """Print a usage error as click does (usage, hint, error), in *lang*, on standard error."""
    from .._present.terminal import terminal_safe

    ctx = error.ctx
    if ctx is not None:
        click.echo(ctx.get_usage(), file=sys.stderr)
        click.echo(UsageText.TRY_HELP.format(lang, ctx.command_path), file=sys.stderr)
        click.echo("", file=sys.stderr)
    text = UsageText.USAGE_ERROR.format(lang, usage_message(error).text(lang))
    click.echo(terminal_safe(text), file=sys.stderr)
