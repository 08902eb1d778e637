"""The domain model: what a pilot community has done, as frozen values.

The classes read against FORMAT.md: a :class:`Community` has an
:class:`OrgSystem` (section 一), a :class:`Workforce` (section 二),
:class:`Projects` (section 三) and :class:`Mechanisms` (section 四). Every
class is frozen and slotted; invalid states are refused at construction with
a message that says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from .codes import (
    Brand,
    CadreKind,
    CountyOrgCategory,
    LeaderLevel,
    Mechanism,
    PartnerKind,
    PilotLevel,
    RecognitionKind,
)

# --------------------------------------------------------------------------
# Checks shared by the constructors and the converter (one wording for both).
# --------------------------------------------------------------------------


def text_problem(value: object) -> str | None:
    """Say what is wrong with a required text value, or return ``None``.

    Args:
        value: The candidate value.

    Returns:
        ``None`` when *value* is a string with at least one non-whitespace
        character, else a message.
    """
    if not isinstance(value, str):
        return f"must be text, got {describe(value)}"
    if not value.strip():
        return "must not be blank"
    return None


def count_problem(value: object) -> str | None:
    """Say what is wrong with a count (a whole number >= 0), or return ``None``.

    Args:
        value: The candidate value.

    Returns:
        ``None`` for an ``int`` (not a ``bool``) that is at least 0, else a
        message.
    """
    if type(value) is not int:
        return f"must be a whole number, got {describe(value)}"
    if value < 0:
        return f"must be >= 0, got {value}"
    return None


def repeat_problem(values: Iterable[object]) -> str | None:
    """Say which values repeat in *values*, or return ``None``.

    Args:
        values: Codes that must not repeat.

    Returns:
        ``None`` when every value is distinct, else a message naming the first
        repeated one.
    """
    seen: set[object] = set()
    for value in values:
        if value in seen:
            shown = value.code if isinstance(value, CountyOrgCategory | Brand) else value
            return f"{shown!r} is repeated"
        seen.add(value)
    return None


def describe(value: object) -> str:
    """Describe a JSON-ish value for an error message, e.g. ``text "3"``.

    Args:
        value: Any value.

    Returns:
        A short description naming its JSON type and, when short, its value.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = text_problem(value)
    if problem:
        raise ValueError(f"{attribute.name}: {problem}")


def _count(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = count_problem(value)
    if problem:
        raise ValueError(f"{attribute.name}: {problem}")


def _no_repeats(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name}: must be a tuple, got {describe(value)}")
    problem = repeat_problem(value)
    if problem:
        raise ValueError(f"{attribute.name}: {problem}")


def _is(kind: type | tuple[type, ...]) -> Any:
    return attrs.validators.instance_of(kind)


def _tuple_of(kind: type | tuple[type, ...]) -> Any:
    return attrs.validators.deep_iterable(_is(kind), _is(tuple))


# --------------------------------------------------------------------------
# Months and the assessment period (R1, R2).
# --------------------------------------------------------------------------

_MONTH_RE: Final = re.compile(r"([0-9]{4})-([0-9]{2})")


@attrs.frozen(order=True)
class Month:
    """A calendar month, e.g. ``Month(2021, 11)``; prints as ``2021-11``.

    Args:
        year: 1 … 9999.
        month: 1 … 12.
    """

    year: int = attrs.field(
        validator=attrs.validators.and_(_is(int), attrs.validators.in_(range(1, 10000)))
    )
    month: int = attrs.field(
        validator=attrs.validators.and_(_is(int), attrs.validators.in_(range(1, 13)))
    )

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse a ``YYYY-MM`` month.

        Args:
            text: Exactly four digits, a hyphen and two digits.

        Returns:
            The month.

        Raises:
            ValueError: *text* is not a ``YYYY-MM`` month that exists.
        """
        match = _MONTH_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"must be a month written YYYY-MM, got {describe(text)}")
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12 or year == 0:
            raise ValueError(f"{text!r} is not a real month")
        return cls(year, month)

    @classmethod
    def of(cls, day: dt.date) -> Month:
        """Return the month *day* falls in.

        Args:
            day: A date.

        Returns:
            Its calendar month.
        """
        return cls(day.year, day.month)

    @classmethod
    def from_index(cls, index: int) -> Month:
        """Return the month with the given :attr:`index`.

        Args:
            index: ``year * 12 + month - 1``.

        Returns:
            The month.
        """
        return cls(index // 12, index % 12 + 1)

    @property
    def index(self) -> int:
        """A running month number (``year * 12 + month - 1``) for arithmetic."""
        return self.year * 12 + self.month - 1

    def __str__(self) -> str:
        """Return the month as ``YYYY-MM``."""
        return f"{self.year:04d}-{self.month:02d}"


def month_index(day: dt.date) -> int:
    """Return :attr:`Month.index` of the month *day* falls in.

    Args:
        day: A date.

    Returns:
        ``year * 12 + month - 1``.
    """
    return day.year * 12 + day.month - 1


def _period_order(inst: Period, _attribute: attrs.Attribute[Any], end: Month) -> None:
    if inst.start > end:
        raise ValueError(f"period start {inst.start} is after its end {end}")


@attrs.frozen
class Period:
    """The assessment period: a first and a last calendar month, inclusive (R1).

    Args:
        start: The first month.
        end: The last month; not before *start*.
    """

    start: Month = attrs.field(validator=_is(Month))
    end: Month = attrs.field(validator=[_is(Month), _period_order])

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse ``YYYY-MM:YYYY-MM`` (or a single ``YYYY-MM`` month).

        Args:
            text: E.g. ``"2021-11:2022-04"``.

        Returns:
            The period.

        Raises:
            ValueError: A month is malformed or the start is after the end.
        """
        first, sep, last = text.partition(":")
        return cls(Month.parse(first), Month.parse(last if sep else first))

    @property
    def months(self) -> tuple[Month, ...]:
        """Every month of the period, in order."""
        return tuple(Month.from_index(i) for i in range(self.start.index, self.end.index + 1))

    def __len__(self) -> int:
        """Return the number of months in the period."""
        return self.end.index - self.start.index + 1

    def __iter__(self) -> Iterator[Month]:
        """Iterate over the months of the period."""
        return iter(self.months)

    def __contains__(self, item: object) -> bool:
        """Tell whether a date or a month lies in the period."""
        if isinstance(item, dt.date):
            return self.start.index <= month_index(item) <= self.end.index
        if isinstance(item, Month):
            return self.start <= item <= self.end
        return False

    def as_of(self, month: Month | None) -> Period:
        """Truncate the period for scoring as of *month* (R2).

        Args:
            month: The as-of month, or ``None`` for the whole period.

        Returns:
            ``[start, min(month, end)]``, or the period itself for ``None``.

        Raises:
            ValueError: *month* is before the first month of the period.
        """
        if month is None:
            return self
        if month < self.start:
            raise ValueError(
                f"as-of month {month} is before the period's first month {self.start} (R2)"
            )
        return self if month >= self.end else Period(self.start, month)

    def __str__(self) -> str:
        """Return the period as ``YYYY-MM:YYYY-MM``."""
        return f"{self.start}:{self.end}"


# --------------------------------------------------------------------------
# Section (一): organisation system.
# --------------------------------------------------------------------------


@attrs.frozen
class YouthHome:
    """A community "Y+ Youth Home" that has been built (clause 1.2, R4).

    Args:
        on_cloud_platform: It has joined the Youth Home cloud platform.
        activities_standardized: Its activities are run to standard.
    """

    on_cloud_platform: bool = attrs.field(validator=_is(bool))
    activities_standardized: bool = attrs.field(validator=_is(bool))


@attrs.frozen
class LeagueOrg:
    """A community league organisation that has been established (clause 1.3, R5).

    Args:
        activities_standardized: Its activities are run to standard.
    """

    activities_standardized: bool = attrs.field(validator=_is(bool))


@attrs.frozen
class OrgSystem:
    """Section (一), the community's league organisation system.

    Args:
        county_youth_orgs: Categories of county-level league youth social
            organisation its district league committee has recorded (1.1);
            no repeats.
        youth_home: The Y+ Youth Home, or ``None`` when not built (1.2).
        league_org: The community league organisation, or ``None`` when not
            established (1.3).
    """

    county_youth_orgs: tuple[CountyOrgCategory, ...] = attrs.field(
        default=(), validator=[_tuple_of(CountyOrgCategory), _no_repeats]
    )
    youth_home: YouthHome | None = attrs.field(
        default=None, validator=attrs.validators.optional(_is(YouthHome))
    )
    league_org: LeagueOrg | None = attrs.field(
        default=None, validator=attrs.validators.optional(_is(LeagueOrg))
    )


# --------------------------------------------------------------------------
# Section (二): workforce.
# --------------------------------------------------------------------------


@attrs.frozen
class Cadres:
    """Numbers of league cadres of each kind (clause 2.1, R6).

    Args:
        full_time: 专职 cadres, >= 0.
        seconded: 挂职 cadres, >= 0.
        part_time: 兼职 cadres, >= 0.
    """

    full_time: int = attrs.field(default=0, validator=_count)
    seconded: int = attrs.field(default=0, validator=_count)
    part_time: int = attrs.field(default=0, validator=_count)

    def count(self, kind: CadreKind) -> int:
        """Return the number of cadres of *kind*.

        Args:
            kind: A cadre kind.

        Returns:
            The count.
        """
        return int(getattr(self, kind.code))


@attrs.frozen
class ServiceProject:
    """A service project a county-level league youth organisation completed (2.2, R7).

    Args:
        title: The project's title.
        organisation: The organisation that ran it.
        completed_on: The date it was completed.
    """

    title: str = attrs.field(validator=_text)
    organisation: str = attrs.field(validator=_text)
    completed_on: dt.date = attrs.field(validator=_is(dt.date))


@attrs.frozen
class Pairing:
    """A pairing with a local volunteer service organisation (2.3, R8).

    Args:
        partner: The partner organisation's name.
        partner_kind: University, enterprise or institution.
        date: The date of the pairing.
    """

    partner: str = attrs.field(validator=_text)
    partner_kind: PartnerKind = attrs.field(validator=_is(PartnerKind))
    date: dt.date = attrs.field(validator=_is(dt.date))


@attrs.frozen
class Workforce:
    """Section (二), the community's league workforce.

    Args:
        cadres: Cadre numbers (2.1).
        service_projects: Completed service projects (2.2).
        pairings: Volunteer pairings (2.3).
    """

    cadres: Cadres = attrs.field(factory=Cadres, validator=_is(Cadres))
    service_projects: tuple[ServiceProject, ...] = attrs.field(
        default=(), validator=_tuple_of(ServiceProject)
    )
    pairings: tuple[Pairing, ...] = attrs.field(default=(), validator=_tuple_of(Pairing))


# --------------------------------------------------------------------------
# Section (三): youth work projects.
# --------------------------------------------------------------------------


@attrs.frozen
class Activity:
    """A special activity of the Community Youth Action (clause 3, R9).

    Args:
        title: The title under which it was reported.
        date: The day it took place.
        reported: It was reported to the city league committee.
    """

    title: str = attrs.field(validator=_text)
    date: dt.date = attrs.field(validator=_is(dt.date))
    reported: bool = attrs.field(validator=_is(bool))


@attrs.frozen
class Projects:
    """Section (三), featured brands and monthly special activities.

    Args:
        brands: Featured community brands formed; no repeats (R11).
        activities: Special activities held (R9, R10).
    """

    brands: tuple[Brand, ...] = attrs.field(default=(), validator=[_tuple_of(Brand), _no_repeats])
    activities: tuple[Activity, ...] = attrs.field(default=(), validator=_tuple_of(Activity))


# --------------------------------------------------------------------------
# Section (四): operating mechanisms.
# --------------------------------------------------------------------------


@attrs.frozen
class LeaderInstruction:
    """An instruction (批示) on a summary from a leader at some level.

    Args:
        level: Central, provincial, municipal or district.
    """

    kind: ClassVar[RecognitionKind] = RecognitionKind.LEADER_INSTRUCTION
    level: LeaderLevel = attrs.field(validator=_is(LeaderLevel))


@attrs.frozen
class MediaPublication:
    """Publication of a summary by the media (媒体刊发).

    Args:
        outlet: The outlet that published it.
    """

    kind: ClassVar[RecognitionKind] = RecognitionKind.MEDIA_PUBLICATION
    outlet: str = attrs.field(validator=_text)


Recognition: TypeAlias = LeaderInstruction | MediaPublication
"""A recognition of a summary: a leader's instruction or a media publication."""


@attrs.frozen
class Summary:
    """An information summary (信息综述) on one mechanism (section 四, R12, R13).

    Args:
        title: The summary's title.
        mechanism: The one mechanism it is about.
        date: Its date.
        recognitions: Instructions and publications it received.
    """

    title: str = attrs.field(validator=_text)
    mechanism: Mechanism = attrs.field(validator=_is(Mechanism))
    date: dt.date = attrs.field(validator=_is(dt.date))
    recognitions: tuple[Recognition, ...] = attrs.field(
        default=(), validator=_tuple_of((LeaderInstruction, MediaPublication))
    )


@attrs.frozen
class Mechanisms:
    """Section (四), summaries written on the operating mechanisms.

    Args:
        summaries: Information summaries, each on one mechanism.
    """

    summaries: tuple[Summary, ...] = attrs.field(default=(), validator=_tuple_of(Summary))


# --------------------------------------------------------------------------
# The unit assessed, and an assessment.
# --------------------------------------------------------------------------


@attrs.frozen
class Community:
    """A pilot community and everything recorded for it.

    Args:
        id: Identifier, unique within an assessment.
        name: Display name, e.g. ``新华路社区``.
        district: Its district (区(市、县)); clause 1.1 is delivered there.
        pilot_level: National or provincial first batch.
        org_system: Section (一).
        workforce: Section (二).
        projects: Section (三).
        mechanisms: Section (四).
    """

    id: str = attrs.field(validator=_text)
    name: str = attrs.field(validator=_text)
    district: str = attrs.field(validator=_text)
    pilot_level: PilotLevel = attrs.field(validator=_is(PilotLevel))
    org_system: OrgSystem = attrs.field(factory=OrgSystem, validator=_is(OrgSystem))
    workforce: Workforce = attrs.field(factory=Workforce, validator=_is(Workforce))
    projects: Projects = attrs.field(factory=Projects, validator=_is(Projects))
    mechanisms: Mechanisms = attrs.field(factory=Mechanisms, validator=_is(Mechanisms))


def _unique_ids(
    _inst: object, _attribute: attrs.Attribute[Any], value: tuple[Community, ...]
) -> None:
    problem = duplicate_id_problem(value)
    if problem:
        raise ValueError(problem)


def duplicate_id_problem(communities: Iterable[Community]) -> str | None:
    """Say which community id repeats, or return ``None``.

    Args:
        communities: Communities of one assessment.

    Returns:
        ``None`` when ids are unique, else a message.
    """
    seen: set[str] = set()
    for community in communities:
        if community.id in seen:
            return f"duplicate community id {community.id!r}"
        seen.add(community.id)
    return None


@attrs.frozen
class Assessment:
    """An assessment: a period and the communities assessed over it (R1).

    Args:
        period: The assessment period.
        communities: The communities, ids unique, in input order.
        description: Free text about the data set, not blank (a project
            extension of FORMAT.md, e.g. to say that example data is fictional).
    """

    period: Period = attrs.field(validator=_is(Period))
    communities: tuple[Community, ...] = attrs.field(
        default=(), validator=[_tuple_of(Community), _unique_ids]
    )
    description: str | None = attrs.field(default=None, validator=attrs.validators.optional(_text))

    def community(self, community_id: str) -> Community:
        """Return the community with id *community_id*.

        Args:
            community_id: An id.

        Returns:
            The community.

        Raises:
            KeyError: No community has that id.
        """
        for community in self.communities:
            if community.id == community_id:
                return community
        raise KeyError(community_id)


CADRE_KINDS: Final = tuple(CadreKind)
RECOGNITION_CLASSES: Final[dict[RecognitionKind, type[Recognition]]] = {
    RecognitionKind.LEADER_INSTRUCTION: LeaderInstruction,
    RecognitionKind.MEDIA_PUBLICATION: MediaPublication,
}
