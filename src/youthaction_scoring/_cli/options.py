"""The options and arguments several commands share."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .._domain.codes import Lang
from .._present.help_texts import OptionHelp
from .cli_texts import CliText
from .help import argument, option
from .lang import LANG_ENV, default_lang, env_lang_problem
from .usage import BadValue, StopUsage

F = TypeVar("F", bound=Callable[..., Any])


OUTPUT_OPTION = option("-o", "--output", "output", metavar="FILE", text=OptionHelp.OUTPUT)

MAX_OUTPUT_MIB = 1024
"""The default output limit of a command run, in MiB (1 GiB)."""
_MOST_MIB = 2**20
"""The highest output limit that may be given, in MiB (1 TiB)."""


def _output_limit(ctx: click.Context, _param: click.Parameter, value: str) -> None:
    """``--max-output``: limit every output of this run (:mod:`.._io.output_limit`)."""
    from .._io.output_limit import OUTPUT_LIMIT

    text = value.strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= _MOST_MIB):
        raise BadValue(CliText.NOT_MIB(value, f"{_MOST_MIB:,}"))
    OUTPUT_LIMIT.set(int(text) * 2**20)
    ctx.call_on_close(lambda: OUTPUT_LIMIT.set(None))


MAX_OUTPUT_OPTION = option(
    "--max-output",
    metavar="MIB",
    default=str(MAX_OUTPUT_MIB),
    show_default=True,
    expose_value=False,
    callback=_output_limit,
    text=OptionHelp.MAX_OUTPUT,
)

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


BILINGUAL_OPTION = option(
    "--bilingual-headers", "bilingual", is_flag=True, default=False, text=OptionHelp.BILINGUAL
)
