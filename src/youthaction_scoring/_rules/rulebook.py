"""An edition of the rulebook: its amounts, typed per kind of clause, and its citation.

Clause functions never hold points, deductions or caps as literals: they read
them from a :class:`Rulebook`, each clause from its own typed amounts (a base
clause's :class:`BaseAmounts` and its deductions, a bonus clause's
:class:`BonusAmounts`). The amounts themselves are written in one place, the
edition's file (``bundled/guiyang-2021.toml``, EDITIONS.md); :mod:`.editions`
reads it. Another edition is another file, or a modified copy in code:
``attrs.evolve(rb, name="x", cadres=attrs.evolve(rb.cadres, points=10))``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import attrs

from .._domain.checks import day_problem, text_problem
from .._domain.codes import ItemCode

EDITION_FORMAT: Final = "youthaction-rulebook/1"
"""The ``format`` of an edition's file."""
MAX_AMOUNT: Final = 1_000_000
"""The largest amount an edition may give (EDITIONS.md)."""
NAME_PATTERN: Final = re.compile(r"[a-z0-9-]{1,64}")
"""An edition's name: lower-case letters, digits and hyphens, 1-64 characters."""


def _amount(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 0 <= value <= MAX_AMOUNT:
        raise ValueError(f"{attribute.name} must be a whole number 0-{MAX_AMOUNT:,}, got {value!r}")


def _text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = text_problem(value)
    if problem:
        raise ValueError(f"{attribute.name} {problem}")


def _optional_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value != "":
        _text(_inst, attribute, value)


def _name(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not NAME_PATTERN.fullmatch(value):
        raise ValueError(f"{attribute.name} must be 1-64 of a-z, 0-9 and -, got {value!r}")


def _day(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = day_problem(value)
    if problem:
        raise ValueError(f"{attribute.name} {problem}")


@attrs.frozen(kw_only=True)
class BaseAmounts:
    """A base clause's amounts: where the document states it and its full points.

    A clause with deductions has a subclass naming each of them.
    """

    clause: str = attrs.field(validator=_text)
    """Where the document states it (``四（二）1``)."""
    points: int = attrs.field(validator=_amount)
    """Full points; the item starts from them and is floored at 0 (R16)."""

    @property
    def maximum(self) -> int:
        """The item's highest points, its full points."""
        return self.points


@attrs.frozen(kw_only=True)
class CountyOrgsAmounts(BaseAmounts):
    """1.1: full points, and the deduction per category not recorded (R3)."""

    per_missing_category: int = attrs.field(validator=_amount)


@attrs.frozen(kw_only=True)
class YouthHomeAmounts(BaseAmounts):
    """1.2: full points, and the deductions for cloud platform and standard (R4)."""

    not_on_cloud_platform: int = attrs.field(validator=_amount)
    not_standardized: int = attrs.field(validator=_amount)


@attrs.frozen(kw_only=True)
class LeagueOrgAmounts(BaseAmounts):
    """1.3: full points, and the deduction when activities are not to standard (R5)."""

    not_standardized: int = attrs.field(validator=_amount)


@attrs.frozen(kw_only=True)
class ProjectsAmounts(BaseAmounts):
    """3: full points with a brand (R11), the deduction per month without an activity (R10).

    Also the text a qualifying activity's title contains (R9) and the number
    of brands beyond which more are noted, not penalised (R11).
    """

    per_missing_month: int = attrs.field(validator=_amount)
    marker: str = attrs.field(validator=_text)
    recommended_max_brands: int = attrs.field(validator=_amount)


@attrs.frozen(kw_only=True)
class BonusAmounts:
    """A bonus clause's amounts: points per qualifying record, and the item's cap."""

    clause: str = attrs.field(validator=_text)
    """Where the document states it."""
    each: int = attrs.field(validator=_amount)
    """Points per qualifying record."""
    cap: int = attrs.field(validator=_amount)
    """The item's cap."""

    @property
    def maximum(self) -> int:
        """The item's highest points, its cap."""
        return self.cap


ItemAmounts = BaseAmounts | BonusAmounts
"""The amounts of one item, of either kind."""

ITEM: Final = "item"
"""The metadata key of a :class:`Rulebook` field holding an item's amounts."""


def _is(kind: type[ItemAmounts]) -> Any:
    return attrs.validators.instance_of(kind)


@attrs.frozen(kw_only=True)
class Rulebook:
    """One edition of the rulebook: its citation and every amount its clauses use.

    All amounts are whole numbers from 0 to 1,000,000. Odd amounts are
    accepted (a deduction above its points, a cap below ``each``): the floor
    and the caps of R16 hold. Two editions are equal when everything but
    their :attr:`hash` is.
    """

    name: str = attrs.field(validator=_name)
    """The edition's name (``guiyang-2021``), stamped on every scorecard."""
    title: str = attrs.field(validator=_text)
    """The document's title."""
    issued_by: str = attrs.field(validator=_text)
    """Who issued it (团市委)."""
    issued: dt.date = attrs.field(validator=_day)
    """When it was issued."""
    in_force: dt.date = attrs.field(validator=_day)
    """The first day it applies (see EDITIONS.md, choosing an edition by period)."""
    supersedes: str = attrs.field(default="", validator=_optional_text)
    """The name of the edition it amends, or ``""``."""
    note: str = attrs.field(default="", validator=_optional_text)
    """What changed, in the issuer's words, or ``""``."""

    base_cap: int = attrs.field(validator=_amount)
    """Base items total at most this (R16)."""
    bonus_cap: int = attrs.field(validator=_amount)
    """Bonus items total at most this, after each item's own cap (R16)."""

    county_orgs: CountyOrgsAmounts = attrs.field(
        validator=_is(CountyOrgsAmounts), metadata={ITEM: ItemCode.C1_1}
    )
    """1.1 county-level league youth organisations (R3)."""
    youth_home: YouthHomeAmounts = attrs.field(
        validator=_is(YouthHomeAmounts), metadata={ITEM: ItemCode.C1_2}
    )
    """1.2 Y+ Youth Home (R4)."""
    league_org: LeagueOrgAmounts = attrs.field(
        validator=_is(LeagueOrgAmounts), metadata={ITEM: ItemCode.C1_3}
    )
    """1.3 community league organisation (R5)."""
    cadres: BaseAmounts = attrs.field(validator=_is(BaseAmounts), metadata={ITEM: ItemCode.C2_1})
    """The amounts of 2.1 cadre staffing, all or nothing (R6)."""
    service_projects: BonusAmounts = attrs.field(
        validator=_is(BonusAmounts), metadata={ITEM: ItemCode.C2_2}
    )
    """2.2 service projects (R7, R20)."""
    pairings: BonusAmounts = attrs.field(
        validator=_is(BonusAmounts), metadata={ITEM: ItemCode.C2_3}
    )
    """2.3 volunteer pairing (R8, R20)."""
    projects: ProjectsAmounts = attrs.field(
        validator=_is(ProjectsAmounts), metadata={ITEM: ItemCode.C3}
    )
    """3 brands and monthly activities (R9-R11)."""
    socialized_operation: BonusAmounts = attrs.field(
        validator=_is(BonusAmounts), metadata={ITEM: ItemCode.C4_1}
    )
    """4.1 socialised operation mechanism (R12)."""
    project_management: BonusAmounts = attrs.field(
        validator=_is(BonusAmounts), metadata={ITEM: ItemCode.C4_2}
    )
    """4.2 project-based management mechanism (R12)."""
    information_sharing: BonusAmounts = attrs.field(
        validator=_is(BonusAmounts), metadata={ITEM: ItemCode.C4_3}
    )
    """4.3 information-sharing mechanism (R12, R14)."""

    hash: str = attrs.field(init=False, eq=False)
    """The first 12 hex digits of the sha256 of the edition's file (EDITIONS.md).

    An edition read from a file carries its file's hash; one made in code
    (or changed with ``attrs.evolve``) the hash of the file
    ``edition_toml`` would write for it.
    """

    def __attrs_post_init__(self) -> None:
        """Compute the hash of the file this edition would be written as."""
        object.__setattr__(self, "hash", content_hash(self.to_toml().encode("utf-8")))

    def item(self, code: ItemCode) -> ItemAmounts:
        """Return the amounts of item *code*."""
        value: ItemAmounts = getattr(self, ITEM_FIELDS[code])
        return value

    def amended(self, code: ItemCode, **changes: Any) -> Rulebook:
        """A copy with item *code*'s amounts changed: ``rb.amended(ItemCode.C2_3, cap=30)``.

        Rename the copy (``attrs.evolve(copy, name=...)``) when it is another edition; its
        :attr:`hash` is already its own.
        """
        item: Any = attrs.evolve(self.item(code), **changes)
        return attrs.evolve(self, **{ITEM_FIELDS[code]: item})

    def stamp(self) -> str:
        """The edition as outputs name it: ``guiyang-2021 (sha256 1a2b3c4d5e6f)``."""
        return f"{self.name} (sha256 {self.hash})"

    def to_toml(self) -> str:
        """Write the edition as its file (EDITIONS.md), every key in the format's order.

        Reading the text back gives an equal edition; the bundled editions'
        files are exactly this text.
        """
        lines = [f'format = "{EDITION_FORMAT}"']
        for field in attrs.fields(Rulebook):
            if not field.init:
                continue
            value = getattr(self, field.name)
            if field.name == "base_cap":
                lines += ["", "[totals]"]
            if ITEM in field.metadata:
                lines += ["", f'[items."{field.metadata[ITEM].code}"]']
                lines += [
                    f"{f.name} = {_toml(getattr(value, f.name))}" for f in attrs.fields(type(value))
                ]
            else:
                lines.append(f"{field.name} = {_toml(value)}")
        return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    """A TOML value: a whole number, a date, or a basic string (JSON's escapes are TOML's)."""
    if isinstance(value, int | dt.date):
        return str(value)
    import json  # on first use: editions are made lazily, not at import

    return json.dumps(value, ensure_ascii=False)


def content_hash(data: bytes) -> str:
    """The short content hash of an edition's file: sha256, first 12 hex digits."""
    import hashlib  # on first use, as above

    return hashlib.sha256(data).hexdigest()[:12]


for _kind in (BaseAmounts, CountyOrgsAmounts, YouthHomeAmounts, LeagueOrgAmounts, ProjectsAmounts):
    attrs.resolve_types(_kind)
attrs.resolve_types(BonusAmounts)
attrs.resolve_types(Rulebook, localns={"ItemAmounts": ItemAmounts})

ITEM_FIELDS: Final[dict[ItemCode, str]] = {
    field.metadata[ITEM]: field.name for field in attrs.fields(Rulebook) if ITEM in field.metadata
}
"""The :class:`Rulebook` field holding each item's amounts (from the fields' metadata)."""
