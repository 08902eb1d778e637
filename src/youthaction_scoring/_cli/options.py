"""The options and arguments several commands share."""

from __future__ import annotations

import os
from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

import click

from .._analysis.behind import BehindRule, parse_share, parse_total
from .._domain.calendar import Month
from .._domain.codes import Lang
from .._domain.errors import Refusal
from .._present.help_texts import OptionHelp
from .help import argument, option
from .lang import LANG_ENV, default_lang, env_lang_problem
from .texts import CliText
from .usage import BadValue, StopUsage

F = TypeVar("F", bound=Callable[..., Any])


def _parse_as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Month | None:
    if value is None:
        return None
    try:
        return Month.parse(value)
    except Refusal as exc:
        raise BadValue(exc.message) from None


AS_OF_OPTION = option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM",
    callback=_parse_as_of,
    text=OptionHelp.AS_OF,
)

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


def _parse_share(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> Fraction | None:
    if value is None:
        return None
    try:
        return parse_share(value)  # the rule's own reading and range check (R19)
    except Refusal as exc:
        raise BadValue(exc.message) from None


BEHIND_SHARE_OPTION = option(
    "--behind-share",
    "behind_share",
    metavar="SHARE",
    callback=_parse_share,
    text=OptionHelp.BEHIND_SHARE,
)


def _parse_total(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return parse_total(value)
    except Refusal as exc:
        raise BadValue(exc.message) from None


BEHIND_BELOW_OPTION = option(
    "--behind-below",
    "behind_below",
    metavar="TOTAL",
    callback=_parse_total,
    default=None,
    text=OptionHelp.BEHIND_BELOW,
)


def behind_options(command: F) -> F:
    """Add --behind-share and --behind-below (R19) to a command."""
    return BEHIND_SHARE_OPTION(BEHIND_BELOW_OPTION(command))


def behind_rule_of(share: Fraction | None, below: int | None) -> BehindRule:
    """The R19 rule the two options ask for (at most one of them).

    Raises:
        StopUsage: Both were given.
    """
    if share is not None and below is not None:
        raise StopUsage(CliText.BEHIND_BOTH())
    if below is not None:
        return BehindRule(below=below)
    return BehindRule() if share is None else BehindRule(share=share)


BILINGUAL_OPTION = option(
    "--bilingual-headers", "bilingual", is_flag=True, default=False, text=OptionHelp.BILINGUAL
)
