"""Warnings on standard error: the input is accepted, but staff should look (R18)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import click

from .._analysis.rollup import Disagreement
from .._domain.codes import Lang
from .._present.terminal import terminal_safe
from .cli_texts import CliText


def disagreement_warner(lang: Lang) -> Callable[[Disagreement], None]:
    """A function that prints one R18 warning (for a stream, which finds them at its end)."""
    return lambda disagreement: warn_disagreements([disagreement], lang)


def warn_disagreements(found: Iterable[Disagreement], lang: Lang) -> None:
    """Print one warning line per district whose communities disagree on 1.1 (R18)."""
    for disagreement in found:
        click.echo(terminal_safe(CliText.WARNING.format(lang, disagreement.text(lang))), err=True)
