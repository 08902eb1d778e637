"""The language of a run: ``--lang``, else ``YOUTHACTION_LANG``, else the locale, else Chinese.

Help texts and the errors click finds while parsing are shown before the
``--lang`` option is parsed, so the language is first found by scanning the
command line (:func:`scan_lang`); :class:`~.app.App` keeps it for the run
(:func:`run_lang`), and ``--lang`` later resolves to the same value.
"""

from __future__ import annotations

import contextvars
from collections.abc import Mapping, Sequence
from typing import Final

from .._domain.codes import Lang

LANG_ENV: Final = "YOUTHACTION_LANG"
"""The environment variable that sets the language when ``--lang`` is not given."""

_RUN_LANG: contextvars.ContextVar[Lang | None] = contextvars.ContextVar(
    "youthaction_scoring_run_lang", default=None
)


def env_lang_problem(environ: Mapping[str, str]) -> str | None:
    """The value of :data:`LANG_ENV` when it is set to something else than zh or en."""
    chosen = environ.get(LANG_ENV, "").strip()
    return chosen if chosen and chosen not in ("zh", "en") else None


def default_lang(environ: Mapping[str, str]) -> Lang:
    """The language when ``--lang`` is not given: the variable, else the locale, else Chinese.

    A value of :data:`LANG_ENV` other than zh or en is ignored here; the
    ``--lang`` option refuses it (:func:`env_lang_problem`).

    Args:
        environ: The environment (``os.environ``).

    Returns:
        ``"zh"`` or ``"en"``.
    """
    chosen = environ.get(LANG_ENV, "").strip()
    if chosen in ("zh", "en"):
        return "en" if chosen == "en" else "zh"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX precedence
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def scan_lang(args: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language a command line asks for, found before click parses it.

    Args:
        args: The arguments after the program name.
        environ: The environment.

    Returns:
        The last valid ``--lang zh|en`` (or ``--lang=…``) before a ``--``,
        else :func:`default_lang`.
    """
    found: Lang | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value in ("zh", "en"):
            found = "en" if value == "en" else "zh"
    return found if found is not None else default_lang(environ)


def set_run_lang(lang: Lang) -> contextvars.Token[Lang | None]:
    """Keep *lang* as the language of the current run (returns the token to reset it)."""
    return _RUN_LANG.set(lang)


def reset_run_lang(token: contextvars.Token[Lang | None]) -> None:
    """Forget the run's language (the end of a run)."""
    _RUN_LANG.reset(token)


def run_lang() -> Lang:
    """The language of the current run (outside a run: the environment's default)."""
    import os

    found = _RUN_LANG.get()
    return found if found is not None else default_lang(os.environ)
