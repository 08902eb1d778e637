"""Reading an edition's file from disk, and naming an edition by name or file."""

from __future__ import annotations

import os
from collections.abc import Sequence

from .._domain.errors import InputError, Problem
from .._domain.messages import Text
from .._rules.editions import MAX_EDITION_BYTES, EditionText, edition_named, known_editions
from .._rules.editions import parse_edition as parse_edition
from .._rules.rulebook import Rulebook


class EditionFileText(Text):
    """Problems opening an edition's file."""

    UNREADABLE = ("无法读取：{0}", "cannot be read: {0}")


def load_rulebook(path: str | os.PathLike[str]) -> Rulebook:
    """Read an edition's file (EDITIONS.md), strictly.

    Args:
        path: The file (``guiyang-2021.toml``).

    Returns:
        The edition; its ``hash`` is that of the file's bytes.

    Raises:
        InputError: Every problem of the file, each placed at its key
            (``guiyang-2023.toml: items."2.3".cap``), or the file cannot be read.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_EDITION_BYTES + 1)
    except OSError as exc:
        raise InputError([Problem(name, EditionFileText.UNREADABLE(exc.strerror or exc))]) from None
    try:
        return parse_edition(data)
    except InputError as exc:
        raise exc.with_prefix(f"{name}: ") from None


def load_rulebooks(paths: Sequence[str | os.PathLike[str]]) -> tuple[Rulebook, ...]:
    """Read several editions' files (``serve --rulebook FILE…``), every problem of every file.

    Raises:
        InputError: Every problem of every file, each with its file and key;
            or two files give editions of one name.
    """
    found: list[Rulebook] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            edition = load_rulebook(path)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if any(e.name == edition.name for e in found):
            problems.append(Problem(os.fspath(path), EditionText.NAME_TWICE(edition.name)))
        found.append(edition)
    if problems:
        raise InputError(problems)
    return tuple(found)


def choose_rulebook(text: str, given: Sequence[Rulebook] = ()) -> Rulebook:
    """The edition *text* names: a known edition's name (bundled or *given*), else a file.

    Raises:
        InputError: No such edition or file, or the file's problems.
    """
    found = edition_named(text, given)
    if found is not None:
        return found
    if not os.path.isfile(text):
        names = ", ".join(e.name for e in known_editions(given))
        raise InputError([Problem("", EditionText.NO_EDITION(text, names))])
    return load_rulebook(text)
