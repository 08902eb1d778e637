"""The options and arguments several commands share."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any, TypeVar

import click

from .._analysis.behind import BehindRule
from .._domain.codes import Lang
from .._domain.errors import Refusal
from .._present.help_texts import OptionHelp
from .._present.operations import OPERATION, Setting, request_of
from .cli_texts import CliText
from .common import fail
from .help import argument, option
from .lang import LANG_ENV, default_lang, env_lang_problem
from .usage import BadValue, StopUsage

F = TypeVar("F", bound=Callable[..., Any])


def reading(read: Callable[[str], Any]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback reading an option's text with *read* (the library's own reader).

    A value *read* refuses (:class:`Refusal`) is a usage error with its message.
    """

    def callback(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
        if value is None:
            return None
        try:
            return read(value)
        except Refusal as exc:
            raise BadValue(exc.message) from None

    return callback


def setting_option(setting: Setting) -> Callable[[F], F]:
    """The command line's option of an operation's setting: its flag, help and reader.

    A value its reader refuses is a usage error with the reader's message,
    exactly as the service answers it with 400.
    """
    if setting.choices:  # click's own choice, for its usage line and completion
        kind: dict[str, Any] = {"type": click.Choice(setting.choices)}
    else:
        kind = {"callback": reading(setting.read), "metavar": setting.metavar}
    return option(
        setting.flag,
        setting.name,
        required=setting.required,
        default=setting.default,
        show_default=setting.default is not None,
        text=setting.help,
        **kind,
    )


def settings_of(name: str) -> Callable[[F], F]:
    """Add the settings of the operation *name* (:data:`~.._present.operations.OPERATION`)."""
    settings = OPERATION[name].settings

    def add(command: F) -> F:
        for setting in reversed(settings):
            command = setting_option(setting)(command)
        return command

    return add


OUTPUT_OPTION = option("-o", "--output", "output", metavar="FILE", text=OptionHelp.OUTPUT)

INPUT_FORMAT_OPTION = option(
    "--input-format",
    "input_format",
    type=click.Choice(["json", "jsonl", "xlsx"]),
    default=None,
    text=OptionHelp.INPUT_FORMAT,
)

FORCE_OPTION = option("--force", is_flag=True, default=False, text=OptionHelp.FORCE)


def _resolve_lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    """``--lang``, else the environment's language; a bad ``YOUTHACTION_LANG`` is refused."""
    if value is not None:
        return value
    wrong = env_lang_problem(os.environ)
    if wrong is not None:
        raise StopUsage(CliText.ENV_LANG(LANG_ENV, wrong))
    return default_lang(os.environ)


LANG_OPTION = option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    callback=_resolve_lang,
    text=OptionHelp.LANG,
)

INPUT_ARGUMENT = argument(
    "input_path", metavar="INPUT", type=click.Path(dir_okay=False), text=OptionHelp.INPUT
)


def lang_of(value: str) -> Lang:
    """Narrow a ``--lang`` value to :data:`Lang`."""
    return "en" if value == "en" else "zh"


def behind_rule_of(share: Fraction | None, below: int | None) -> BehindRule:
    """The R19 rule the two options ask for (at most one of them).

    Raises:
        StopUsage: Both were given.
    """
    given = {"behind_share": share, "behind_below": below}
    try:
        return request_of(given, named=lambda setting: setting.flag).behind
    except Refusal as exc:
        raise StopUsage(exc.message) from None


BILINGUAL_OPTION = option(
    "--bilingual-headers", "bilingual", is_flag=True, default=False, text=OptionHelp.BILINGUAL
)


@contextlib.contextmanager
def refused_as_options(input_path: str) -> Iterator[None]:
    """Turn a setting the library refuses (:class:`Refusal` with its ``field``) into a user error.

    The place is the setting's option (``--as-of``); a community that is not
    in the input is said with the input's name.

    Args:
        input_path: The input file, named when a community is not in it.

    Returns:
        A context manager.
    """
    from .._present.operations import COMMUNITY, SETTINGS

    try:
        yield
    except Refusal as exc:
        if exc.field == COMMUNITY.name:
            fail(COMMUNITY.flag, CliText.IN_INPUT(exc.message, input_path))
        fail(SETTINGS[exc.field].flag, exc.message)
