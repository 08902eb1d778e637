"""Commands and options made from the operations' records, and their refusals placed as options.

:func:`operation_command` builds the click command of an operation from its
:class:`~.._present.operations.Operation` record; :func:`setting_option` the
option of one :class:`~.._present.settings.Setting`. A value the library
refuses for a setting is a usage error naming the option.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .._analysis.behind import BehindRule
from .._domain.calendar import Month
from .._domain.errors import InputError, Refusal
from .._domain.model import Assessment
from .._domain.scorecard import Scorecards
from .._present.operations import OPERATION
from .._present.settings import EDITIONS, Setting, request_of
from .cli_texts import CliText
from .common import UserError, fail
from .help import HelpCommand, command, option
from .options import (
    BILINGUAL_OPTION,
    FORCE_OPTION,
    INPUT_ARGUMENT,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    MAX_OUTPUT_OPTION,
    OUTPUT_OPTION,
)
from .usage import BadValue, StopUsage

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook

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


def _rulebook(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Rulebook | None:
    """``--rulebook NAME|FILE``: a known edition by name, else an edition's file read strictly.

    Raises:
        UserError: No such edition or file, or every problem of the file
            with its key (exit 2).
    """
    if value is None:
        return None
    from .._io.editions import choose_rulebook

    try:
        return choose_rulebook(value)
    except InputError as exc:
        raise UserError(exc.problems) from None


def setting_option(setting: Setting) -> Callable[[F], F]:
    """The command line's option of an operation's setting: its flag, help and reader.

    A value its reader refuses is a usage error with the reader's message,
    exactly as the service answers it with 400.
    """
    if setting.choices:  # click's own choice, for its usage line and completion
        kind: dict[str, Any] = {"type": click.Choice(setting.choices)}
    elif setting.name in EDITIONS:  # the command line also takes an edition's file
        kind = {"callback": _rulebook, "metavar": setting.metavar}
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


def operation_command(
    name: str, *, output: Callable[[Any], Any] | None = None
) -> Callable[[Callable[..., Any]], HelpCommand]:
    """The command of the operation *name*, with its arguments and options, from its record.

    In order: ``INPUT``, ``--input-format``, ``--format`` (its formats, the
    first by default), ``--lang``, ``--bilingual-headers`` (commands that
    write CSV), the operation's settings, ``-o`` and ``--force``; see
    :data:`~.._present.operations.OPERATION`. A command that writes one
    thing (no formats) takes *output*, its own ``-o``, where the others
    take ``--format``. ``--max-output`` comes last.
    """
    operation = OPERATION[name]
    parts: list[Callable[[Any], Any]] = [INPUT_ARGUMENT, INPUT_FORMAT_OPTION]
    if operation.format_help is None:
        parts.append(output or OUTPUT_OPTION)
    else:
        parts.append(
            option(
                "--format",
                "fmt",
                type=click.Choice(operation.formats),
                default=None,
                show_default=operation.formats[0],
                text=operation.format_help,
            )
        )
    parts.append(LANG_OPTION)
    if operation.bilingual:
        parts.append(BILINGUAL_OPTION)
    parts.extend(setting_option(setting) for setting in operation.settings)
    if operation.format_help is not None:
        parts.append(OUTPUT_OPTION)
    parts.extend([FORCE_OPTION, MAX_OUTPUT_OPTION])

    def add(function: Callable[..., Any]) -> HelpCommand:
        for part in reversed(parts):
            function = part(function)
        return command(operation.doc)(function)

    return add


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
    from .._present.settings import COMMUNITY, SETTINGS

    try:
        yield
    except Refusal as exc:
        if exc.field == COMMUNITY.name:
            fail(COMMUNITY.flag, CliText.IN_INPUT(exc.message, input_path))
        fail(SETTINGS[exc.field].flag, exc.message)


def score_or_fail(
    assessment: Assessment, as_of: Month | None, rulebook: Rulebook | None = None
) -> Scorecards:
    """Score an assessment (:func:`.operations.scored`); a bad as-of month is a user error (R2)."""
    from .._present.operations import scored
    from .._present.settings import AS_OF, Request

    try:
        return scored(assessment, Request(as_of=as_of, rulebook=rulebook))
    except Refusal as exc:
        fail(AS_OF.flag, exc.message)
