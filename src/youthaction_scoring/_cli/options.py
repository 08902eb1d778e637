"""The options and arguments several commands share."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Final, TypeVar

import click

from .._analysis.behind import BehindRule
from .._domain.calendar import Month
from .._domain.codes import Lang

F = TypeVar("F", bound=Callable[..., Any])


def _parse_as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Month | None:
    if value is None:
        return None
    try:
        return Month.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


AS_OF_OPTION = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM",
    callback=_parse_as_of,
    help="Score as of this month (R2): later months are not yet owed, later records do not count.",
)

OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    help="Write to this file (atomically: whole or not at all) instead of standard output"
    " (- is standard output).",
)

INPUT_FORMAT_OPTION = click.option(
    "--input-format",
    "input_format",
    type=click.Choice(["json", "jsonl", "xlsx"]),
    default=None,
    help="The format of INPUT when it is - (standard input) and its first bytes do not show it.",
)

FORCE_OPTION = click.option(
    "--force",
    is_flag=True,
    default=False,
    help="Replace an existing workbook (without it, an existing .xlsx is never overwritten).",
)

LANG_ENV: Final = "YOUTHACTION_LANG"
"""The environment variable that sets the language when ``--lang`` is not given."""


def default_lang(environ: Mapping[str, str]) -> str:
    """The language when ``--lang`` is not given: the variable, else the locale, else Chinese.

    Args:
        environ: The environment (``os.environ``).

    Returns:
        ``"zh"`` or ``"en"``.

    Raises:
        click.UsageError: :data:`LANG_ENV` is set to something else than zh or en.
    """
    chosen = environ.get(LANG_ENV, "").strip()
    if chosen:
        if chosen not in ("zh", "en"):
            raise click.UsageError(f"{LANG_ENV} must be zh or en, got {chosen!r}")
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX precedence
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def _resolve_lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    return value if value is not None else default_lang(os.environ)


LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    callback=_resolve_lang,
    help="Language of headings, reasons and actions [default: $YOUTHACTION_LANG, else"
    " the locale (LC_ALL, LC_MESSAGES, LANG: en… gives en), else zh].",
)

INPUT_ARGUMENT = click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))


def lang_of(value: str) -> Lang:
    """Narrow a ``--lang`` value to :data:`Lang`."""
    return "en" if value == "en" else "zh"


def _parse_share(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> Fraction | None:
    if value is None:
        return None
    text = value.strip()
    try:
        share = Fraction(text.removesuffix("%")) / (100 if text.endswith("%") else 1)
    except (ValueError, ZeroDivisionError):
        raise click.BadParameter(f"{value!r} is not a share such as 0.25 or 25%") from None
    try:
        BehindRule(share=share)  # the rule's own check of the range (R19)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return share


BEHIND_SHARE_OPTION = click.option(
    "--behind-share",
    "behind_share",
    metavar="SHARE",
    callback=_parse_share,
    help="Flag as behind the bottom SHARE of communities by total, ties included"
    " (R19; default 0.25, the bottom quarter). Example: --behind-share 0.2 or 20%.",
)

BEHIND_BELOW_OPTION = click.option(
    "--behind-below",
    "behind_below",
    metavar="TOTAL",
    type=click.IntRange(min=0),
    default=None,
    help="Flag as behind every community whose total is below TOTAL instead"
    " (R19). Example: --behind-below 120.",
)


def behind_options(command: F) -> F:
    """Add --behind-share and --behind-below (R19) to a command."""
    return BEHIND_SHARE_OPTION(BEHIND_BELOW_OPTION(command))


def behind_rule_of(share: Fraction | None, below: int | None) -> BehindRule:
    """The R19 rule the two options ask for (at most one of them).

    Raises:
        click.UsageError: Both were given.
    """
    if share is not None and below is not None:
        raise click.UsageError("give --behind-share or --behind-below, not both")
    if below is not None:
        return BehindRule(below=below)
    return BehindRule() if share is None else BehindRule(share=share)


BILINGUAL_OPTION = click.option(
    "--bilingual-headers",
    "bilingual",
    is_flag=True,
    default=False,
    help="CSV headers in Chinese and English (排名 rank) instead of the --lang language.",
)
