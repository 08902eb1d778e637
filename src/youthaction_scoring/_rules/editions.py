"""Editions as files: the strict reading of an edition's TOML, the bundled editions, the choice.

An edition's file (EDITIONS.md) is read strictly, like every input: every
problem at once, each with its key (``items."2.3".cap``), in Chinese and
English. The bundled editions are the package's ``bundled/*.toml``, read on
first use (``import youthaction_scoring`` stays fast); :data:`GUIYANG_2021`
is the bundled Guiyang 2021 edition. Which edition scores an assessment is
:func:`edition_for`'s: the latest in force on the first day of its period.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._domain.calendar import Period
from .._domain.checks import day_problem, describe, text_problem
from .._domain.errors import InputError, Problem
from .._domain.limits import text_content_problem
from .._domain.messages import Message, Text
from .rulebook import (
    EDITION_FORMAT,
    ITEM,
    MAX_AMOUNT,
    NAME_PATTERN,
    ItemAmounts,
    Rulebook,
    content_hash,
)

if TYPE_CHECKING:
    GUIYANG_2021: Rulebook

MAX_EDITION_BYTES: Final = 1024 * 1024
"""The largest edition file read (1 MiB; the 2021 edition takes about 1 KiB)."""


class EditionText(Text):
    """Problems with an edition's file."""

    NOT_UTF8 = ("不是 UTF-8 文本（第{0}个字节）", "not UTF-8 text (byte {0})")
    NOT_TOML = ("不是有效的 TOML（重复的键也不允许）：{0}", "not valid TOML (nor a key twice): {0}")
    TOO_LARGE = ("文件过大：{0}字节，最多{1}字节", "the file is too large: {0} bytes, at most {1}")
    MISSING = ("缺少必填的键", "required key missing")
    UNKNOWN = ("未知的键", "unknown key")
    TABLE = ("必须是表（table），实为{0}", "must be a table, got {0}")
    FORMAT = ("不支持的格式{0}；应为“{1}”", "unsupported format {0}; expected {1!r}")
    NAME = (
        "必须由小写字母、数字和连字符组成，1—64个字符，实为{0}",
        "must be 1-64 lower-case letters, digits and hyphens, got {0}",
    )
    TEXT = ("必须是文本，实为{0}", "must be text, got {0}")
    AMOUNT = ("必须是整数，实为{0}", "must be a whole number, got {0}")
    AMOUNT_RANGE = ("必须在0到{0}之间，实为{1}", "must be from 0 to {0}, got {1}")
    NO_EDITION = (
        "没有名为“{0}”的规则版本，也没有这个文件；可用的版本：{1}",
        "no edition named {0!r} and no such file; known editions: {1}",
    )
    NAME_TWICE = ("规则版本“{0}”给出了不止一次", "edition {0!r} is given more than once")
    STARTS_BEFORE = (
        "按{0}评分，该版本自{1}起施行，晚于本考核期开始",
        "scored with {0}, in force only from {1}, after this period began",
    )


def _key(name: str) -> str:
    """A key as the file writes it: item codes quoted (``items."3"``), as EDITIONS.md does."""
    bare = name.replace("_", "").isalnum() and name.isascii() and not name[:1].isdigit()
    return name if bare else f'"{name}"'


def _place(*keys: str) -> str:
    return ".".join(_key(k) for k in keys)


class _Reader:
    """Collects every problem of one edition's table while reading its values."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, message: Message, *keys: str) -> None:
        self.problems.append(Problem(_place(*keys), message))

    def table(
        self, value: object, wanted: Iterable[str], optional: Iterable[str], *keys: str
    ) -> dict[str, Any]:
        """The table at *keys*, its unknown keys and missing keys refused; ``{}`` if not a table."""
        if not isinstance(value, dict):
            self.fail(EditionText.TABLE(describe(value)), *keys)
            return {}
        wanted = list(wanted)
        for key in value:
            if key not in wanted and key not in optional:
                self.fail(EditionText.UNKNOWN(), *keys, key)
        for key in wanted:
            if key not in value:
                self.fail(EditionText.MISSING(), *keys, key)
        return value

    def amount(self, value: object, *keys: str) -> None:
        if type(value) is not int:
            self.fail(EditionText.AMOUNT(describe(value)), *keys)
        elif not 0 <= value <= MAX_AMOUNT:
            self.fail(EditionText.AMOUNT_RANGE(f"{MAX_AMOUNT:,}", value), *keys)

    def text(self, value: object, *keys: str, optional: bool = False) -> None:
        if optional and value == "":
            return
        problem = text_problem(value)
        if problem is not None:
            self.fail(problem, *keys)

    def check(self, value: object, kind: type, *keys: str) -> None:
        """Check *value* as the field of type *kind* (``int``, ``str``, a date)."""
        if kind is int:
            self.amount(value, *keys)
        elif kind is dt.date:
            problem = day_problem(value)
            if problem is not None:
                self.fail(problem, *keys)
        else:
            self.text(value, *keys)


_META: Final = ("name", "title", "issued_by", "issued", "in_force")
_OPTIONAL: Final = ("supersedes", "note")
_TOTALS: Final = ("base_cap", "bonus_cap")


def _items_fields() -> dict[str, attrs.Attribute[Any]]:
    return {f.metadata[ITEM].code: f for f in attrs.fields(Rulebook) if ITEM in f.metadata}


def parse_edition(data: bytes) -> Rulebook:
    """Read an edition's file (EDITIONS.md) strictly.

    Args:
        data: The file's bytes.

    Returns:
        The edition, its :attr:`~.rulebook.Rulebook.hash` that of *data*.

    Raises:
        InputError: Every problem, each at its key (``items."2.3".cap``).
    """
    import tomllib  # on first use: the package's import stays fast

    if len(data) > MAX_EDITION_BYTES:
        raise InputError([Problem("", EditionText.TOO_LARGE(len(data), MAX_EDITION_BYTES))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem("", EditionText.NOT_UTF8(exc.start + 1))]) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem("", EditionText.NOT_TOML(str(exc)))]) from None
    read = _Reader()
    top = read.table(document, ("format", *_META, "totals", "items"), _OPTIONAL)
    if "format" in top and top["format"] != EDITION_FORMAT:
        read.fail(EditionText.FORMAT(describe(top["format"]), EDITION_FORMAT), "format")
    if "name" in top and not (isinstance(top["name"], str) and NAME_PATTERN.fullmatch(top["name"])):
        read.fail(EditionText.NAME(describe(top["name"])), "name")
    for key in ("title", "issued_by"):
        if key in top:
            read.text(top[key], key)
    for key in ("issued", "in_force"):
        if key in top:
            read.check(top[key], dt.date, key)
    for key in _OPTIONAL:
        if key in top:
            value = top[key]
            problem = EditionText.TEXT(describe(value)) if not isinstance(value, str) else None
            problem = problem or (text_content_problem(value) if value else None)
            if problem is not None:
                read.fail(problem, key)
    totals = read.table(top.get("totals", {}), _TOTALS, (), "totals") if "totals" in top else {}
    for key in _TOTALS:
        if key in totals:
            read.amount(totals[key], "totals", key)
    fields = _items_fields()
    items = read.table(top["items"], fields, (), "items") if "items" in top else {}
    amounts: dict[str, Any] = {}
    for code, field in fields.items():
        if code not in items:
            continue
        kind = _kind(field)
        members = {f.name: f for f in attrs.fields(kind)}
        table = read.table(items[code], members, (), "items", code)
        for key, member in members.items():
            if key in table:
                read.check(table[key], member.type, "items", code, key)
        if set(table) == set(members):
            amounts[field.name] = table
    if read.problems:
        raise InputError(read.problems)
    edition = _build(top, totals, amounts, fields)
    object.__setattr__(edition, "hash", content_hash(data))
    return edition


def _kind(field: attrs.Attribute[Any]) -> type[ItemAmounts]:
    """The class of the amounts a :class:`Rulebook` field holds (resolved at its import)."""
    kind = field.type
    assert isinstance(kind, type)
    return kind


def _build(
    top: dict[str, Any],
    totals: dict[str, Any],
    amounts: dict[str, dict[str, Any]],
    fields: dict[str, attrs.Attribute[Any]],
) -> Rulebook:
    items: dict[str, Any] = {f.name: _kind(f)(**amounts[f.name]) for f in fields.values()}
    meta = {key: top[key] for key in (*_META, *_OPTIONAL) if key in top}
    return Rulebook(**meta, **totals, **items)


# --------------------------------------------------------------------------
# The bundled editions, and choosing one.
# --------------------------------------------------------------------------


@functools.cache
def bundled_editions() -> tuple[Rulebook, ...]:
    """The editions that ship with the package (``bundled/*.toml``), oldest in force first."""
    from importlib.resources import files

    folder = files(__package__).joinpath("bundled")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            try:
                found.append(parse_edition(entry.read_bytes()))
            except InputError as exc:  # a broken bundled file is the program's fault
                raise RuntimeError(f"bundled edition {entry.name}:\n{exc}") from None
    return tuple(sorted(found, key=lambda e: (e.in_force, e.name)))


def known_editions(given: Sequence[Rulebook] = ()) -> tuple[Rulebook, ...]:
    """The bundled editions and those *given* (registered); a given name replaces a bundled one."""
    names = {edition.name for edition in given}
    kept = tuple(e for e in bundled_editions() if e.name not in names)
    return tuple(sorted((*kept, *given), key=lambda e: (e.in_force, e.name)))


def edition_named(name: str, given: Sequence[Rulebook] = ()) -> Rulebook | None:
    """The known edition called *name* (:func:`known_editions`), or ``None``."""
    return next((e for e in known_editions(given) if e.name == name), None)


def first_day(period: Period) -> dt.date:
    """The first day of *period*: what an edition must be in force on (EDITIONS.md)."""
    return dt.date(period.start.year, period.start.month, 1)


def edition_for(period: Period, given: Sequence[Rulebook] = ()) -> Rulebook:
    """The edition that scores an assessment over *period* when none is named (EDITIONS.md).

    Of the known editions (bundled and *given*), the one with the latest
    ``in_force`` on or before the period's first day; for a period that
    starts before all of them, the earliest (there are no older rules).

    Args:
        period: The assessment period.
        given: Editions known besides the bundled ones.

    Returns:
        The edition.
    """
    editions = known_editions(given)
    day = first_day(period)
    in_force = [e for e in editions if e.in_force <= day]
    return in_force[-1] if in_force else editions[0]


def edition_note(edition: Rulebook, period: Period) -> Message | None:
    """The note every output carries when *period* began before *edition* came into force.

    EDITIONS.md: a period that starts before every known edition is scored
    with the earliest, and says so; ``None`` when the edition was in force.
    """
    if first_day(period) >= edition.in_force:
        return None
    return EditionText.STARTS_BEFORE(edition.name, edition.in_force)


def __getattr__(name: str) -> Any:
    """:data:`GUIYANG_2021`, the bundled Guiyang 2021 edition, read on first use."""
    if name == "GUIYANG_2021":
        edition = edition_named("guiyang-2021")
        assert edition is not None
        return edition
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
