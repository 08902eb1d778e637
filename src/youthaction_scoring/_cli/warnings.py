"""Warnings on standard error: the input is accepted, but staff should look.

Districts whose communities record different 1.1 lists (R18), and register cells
read in a form the interchange format refuses (a count or a date typed as text:
:class:`~.._io.register.places.RegisterNote`).
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import click

from .._domain.codes import Lang
from .._present.terminal import terminal_safe
from .cli_texts import CliText
from .lang import run_lang

if TYPE_CHECKING:
    from .._analysis.rollup import Disagreement


def disagreement_warner(lang: Lang) -> Callable[[Disagreement], None]:
    """A function that prints one R18 warning (for a stream, which finds them at its end)."""
    return lambda disagreement: warn_disagreements([disagreement], lang)


def warn_disagreements(found: Iterable[Disagreement], lang: Lang) -> None:
    """Print one warning line per district whose communities disagree on 1.1 (R18)."""
    for disagreement in found:
        click.echo(terminal_safe(CliText.WARNING.format(lang, disagreement.text(lang))), err=True)


@contextlib.contextmanager
def register_notes() -> Iterator[None]:
    """Print, once the block has read a register, its notes as warnings in the run's language.

    Other warnings issued in the block are issued again as they were.
    """
    from .._io.register.places import RegisterNote

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RegisterNote)
        yield
    lang = run_lang()
    for found in caught:
        if isinstance(found.message, RegisterNote):
            text = CliText.WARNING.format(lang, found.message.problem.text(lang))
            click.echo(terminal_safe(text), err=True)
        else:
            warnings.warn_explicit(found.message, found.category, found.filename, found.lineno)
